/**
 * Tap → printer: from the kiosk's POST /tickets to the last byte of the job at a real serial
 * printer line (a socat pty pair: the center's serial transport on one end, a "printer" that
 * records bytes and answers DLE EOT on the other), through the renderer thread (the Arabic
 * raster, ESC/POS), the status check before the job and the serial write. Baselines in the
 * same run: a bare Fastify route over the same HTTP client (what a tap costs with nothing
 * behind it), and the same job's bytes written raw to the same pty (what the line costs).
 * Tickets are issued one at a time, as a kiosk does (a citizen, a tap, a ticket). Target
 * (issue 22): p95 ≤ 40 ms.
 */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import Fastify from 'fastify'
import { SerialPort } from 'serialport'
import { TestCenter } from '../test/helpers/test-center.ts'
import { openPtyPair } from '../test/drivers/printer/pty-pair.ts'

const TICKETS = Number(process.env.BENCH_TICKETS ?? 40)
const WARMUP = 3

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const row = (name: string, samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b)
  return {
    case: name,
    samples: s.length,
    'p50 ms': +percentile(s, 50).toFixed(1),
    'p95 ms': +percentile(s, 95).toFixed(1),
    'max ms': +s[s.length - 1].toFixed(1),
  }
}

/** The far end of the line: records what arrives, answers DLE EOT 1/2/4 as a healthy printer. */
class PtyPrinter {
  received = Buffer.alloc(0)
  private waiter: (() => void) | null = null
  constructor(readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk])
      // the transport waits for each reply, so a query is the last bytes of what has arrived (it may follow a job's tail)
      const n = this.received.length
      if (n >= 3 && this.received[n - 3] === 0x10 && this.received[n - 2] === 0x04 && [1, 2, 4].includes(this.received[n - 1]))
        port.write(Buffer.from([0x12]))
      this.waiter?.()
    })
  }

  /** Resolves when a whole job (raster header, its rows, then through the cut) has arrived after `from`. */
  async jobEnd(from: number): Promise<number> {
    for (;;) {
      const end = jobEndIn(this.received, from)
      if (end !== null) return end
      await new Promise<void>((resolve) => (this.waiter = resolve))
    }
  }
}

// ESC d 4, GS V 0: the feed and the cut that end every Epson job (escpos-job.ts)
const CUT = Buffer.from([0x1b, 0x64, 0x04, 0x1d, 0x56, 0x00])

/** Where the first job after `from` ends (the index after its cut), or null while it is incomplete. Skips the raster rows, which may hold any byte. */
function jobEndIn(data: Buffer, from: number): number | null {
  const header = data.indexOf(Buffer.from([0x1d, 0x76, 0x30]), from)
  if (header < 0 || data.length < header + 8) return null
  const rows = header + 8 + (data[header + 4] | (data[header + 5] << 8)) * (data[header + 6] | (data[header + 7] << 8))
  const cut = data.indexOf(CUT, rows)
  return cut < 0 ? null : cut + CUT.length
}

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  await res.arrayBuffer()
  return res
}

const open = (path: string) =>
  new Promise<SerialPort>((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 115200, autoOpen: false })
    port.open((err) => (err ? reject(err) : resolve(port)))
  })

export async function tapToPrinterBench(): Promise<void> {
  // a bare Fastify route: the HTTP floor of a tap
  const bare = Fastify()
  bare.post('/tickets', async () => ({ id: 'x', label: 'A-001' }))
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })
  const bareTap: number[] = []
  for (let i = -WARMUP; i < TICKETS; i++) {
    const start = performance.now()
    await post(`${bareUrl}/tickets`, { serviceId: 1 })
    if (i >= 0) bareTap.push(performance.now() - start)
  }
  await bare.close()

  const pair = await openPtyPair()
  const far = new PtyPrinter(await open(pair.b))
  // the pty itself (/dev/pts/N): a printer interface is a path under /dev
  const line = realpathSync(pair.a)
  const center = await TestCenter.start()
  const service = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
  const admin = await center.admin()
  const device = (
    await center.request('POST', '/api/v1/devices', {
      token: admin,
      body: {
        kind: 'kiosk',
        name: 'entrance',
        config: { printer: { type: 'epson', interface: `serial:${line}?baudRate=115200`, widthMm: 80 } },
      },
    })
  ).json()
  if (!device.pairingCode) throw new Error(`kiosk not created: ${JSON.stringify(device)}`)
  const token = (await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })).json().token as string
  const url = await center.listen()

  const tapToLastByte: number[] = []
  let job = Buffer.alloc(0)
  for (let i = -WARMUP; i < TICKETS; i++) {
    const from = far.received.length
    const start = performance.now()
    const res = await post(`${url}/api/v1/tickets`, { serviceId: service.id }, token)
    if (res.status !== 201) throw new Error(`issue: ${res.status}`)
    const end = await far.jobEnd(from)
    if (i >= 0) tapToLastByte.push(performance.now() - start)
    job = far.received.subarray(far.received.indexOf(Buffer.from([0x1b, 0x40]), from), end)
  }
  await center.close()

  // the same bytes written raw to the same line, once the center has let go of it
  const near = await open(pair.a)
  const rawWrite: number[] = []
  for (let i = -WARMUP; i < TICKETS; i++) {
    const from = far.received.length
    const start = performance.now()
    near.write(job)
    await far.jobEnd(from)
    if (i >= 0) rawWrite.push(performance.now() - start)
  }
  await new Promise((resolve) => near.close(resolve))
  await new Promise((resolve) => far.port.close(resolve))
  await pair.close()

  console.log(
    `\n## Tap → printer (${TICKETS} tickets one after another, an 80 mm Arabic raster job of ${(job.length / 1024).toFixed(1)} KB, serial printer on a socat pty)`,
  )
  console.table([
    row('baseline: POST to a bare Fastify route (same HTTP client)', bareTap),
    row('baseline: the same job bytes written raw to the pty', rawWrite),
    row('POST /tickets → last byte at the printer (issue, render on the thread, status check, serial write)', tapToLastByte),
  ])
  console.log('target: p95 ≤ 40 ms')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await tapToPrinterBench()
