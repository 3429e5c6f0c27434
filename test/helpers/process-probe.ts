import { readdirSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import WebSocket from 'ws'

/**
 * Looking at a child server from outside, for the soak test and the busy-day bench: its memory
 * and fds from /proc, the gauges of its /metrics, and its heap after a full GC through its
 * inspector. No vitest here: bench/ runs outside it.
 */

/** What the child needs in NODE_OPTIONS for `Inspector.connect` (a free loopback port). */
export const INSPECT_OPTION = '--inspect=127.0.0.1:0'

export interface ProcFigures {
  rssBytes: number
  hwmBytes: number
  fds: number
}

/** VmRSS and VmHWM from /proc/<pid>/status, open fds from /proc/<pid>/fd (Linux; NaN fds once it is gone). */
export function procFigures(pid: number): ProcFigures {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
  let fds = NaN
  try {
    fds = readdirSync(`/proc/${pid}/fd`).length
  } catch {
    // gone
  }
  return { rssBytes: kb('VmRSS'), hwmBytes: kb('VmHWM'), fds }
}

/** GET over a fresh connection (agent:false), so the probe leaves no keep-alive socket behind to count. */
function get(base: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { agent: false }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (data += chunk))
      res.on('end', () => resolve(data))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** The gauges of GET /metrics (loopback may scrape), by name; labelled series are summed. */
export async function scrapeMetrics(base: string): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (const line of (await get(base, '/metrics')).split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line)
    if (m) out.set(m[1], (out.get(m[1]) ?? 0) + Number(m[3]))
  }
  return out
}

/** The child's inspector (NODE_OPTIONS=INSPECT_OPTION): heap in use after a full GC, which a sampled heap figure is not. */
export class Inspector {
  private id = 0
  private readonly pending = new Map<number, (result: any) => void>()
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown }
      if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.result)
    })
  }

  /** Connects to the address the child printed ("Debugger listening on ws://…") in `output`. */
  static async connect(output: string): Promise<Inspector> {
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1]
    if (!url) throw new Error(`no inspector address in the server's output:\n${output}`)
    const ws = new WebSocket(url)
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    return new Inspector(ws)
  }

  private send(method: string): Promise<any> {
    const id = ++this.id
    return new Promise((resolve) => {
      this.pending.set(id, (result) => {
        this.pending.delete(id)
        resolve(result)
      })
      this.ws.send(JSON.stringify({ id, method }))
    })
  }

  async heapAfterGc(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage')
    return ((await this.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize
  }

  /** A process with a debugger attached waits for it to go before it exits: close before stopping the child. */
  close(): void {
    this.ws.close()
  }
}

/** One look at the child: bytes, counts; NaN where /metrics lacks the gauge. */
export interface ProcessSample {
  rss: number
  /** Peak RSS so far (VmHWM). */
  hwm: number
  /** Heap in use as /metrics samples it (between collections: swings by tens of MB). */
  heapUsed: number
  heapAfterGc: number
  fds: number
  sockets: number
  handles: number
  waiting: number
}

/** /metrics, then /proc, then a full GC and the heap after it. */
export async function sampleProcess(base: string, pid: number, inspector: Inspector): Promise<ProcessSample> {
  const metrics = await scrapeMetrics(base)
  const proc = procFigures(pid)
  const heapAfterGc = await inspector.heapAfterGc()
  const gauge = (name: string) => metrics.get(name) ?? NaN
  return {
    rss: proc.rssBytes,
    hwm: proc.hwmBytes,
    heapUsed: gauge('nodejs_heap_size_used_bytes'),
    heapAfterGc,
    fds: proc.fds,
    sockets: gauge('tabour_sockets'),
    handles: gauge('nodejs_active_handles_total'),
    waiting: gauge('tabour_tickets_waiting'),
  }
}
