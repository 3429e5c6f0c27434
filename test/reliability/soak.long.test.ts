import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io, type Socket } from 'socket.io-client'
import type WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { CHILD_ADMIN_PASSWORD, ChildServer, killAllChildren, noonTimeZone, sleep } from '../helpers/child-server.ts'
import { createDevice, createService, expectHttp, loginAs } from '../helpers/http.ts'
import { requestJson } from '../helpers/keep-alive-http.ts'
import { INSPECT_OPTION, Inspector, procFigures, sampleProcess, scrapeMetrics, type ProcessSample } from '../helpers/process-probe.ts'

/**
 * Soak: a real child server under steady load for TABOUR_SOAK_MINUTES (default 10; CI runs it
 * shorter): a kiosk issues, clerks call and finish so the line stays short, persistent displays
 * and consoles listen, and a churn of displays, consoles, dashboards and kiosks connects and goes
 * away, cleanly, abruptly (the TCP connection destroyed, no close frame) or by freezing (the
 * client stops reading: the server's ping must time it out). Every few seconds it samples the
 * server's RSS and open fds (/proc), sockets, handles and heap (/metrics), and the heap after a
 * full GC through the child's inspector (a heap sampled between collections swings by tens of MB
 * and would hide a leak or fake one).
 *
 * What a leak would show: one listener left per connection that holds its socket (socket.io
 * socket, engine socket, ws, request: tens of KB) over the ~60 connections a minute × minutes
 * between the first and the last window is tens to hundreds of MB of heap after GC, far above
 * HEAP_BOUND_MB; a listener that holds nothing trips Node's MaxListenersExceededWarning, which the
 * output check catches; a socket or file the server never closes keeps the fd, socket or handle
 * count above its baseline once every client is gone. Checked once by hand: a preloaded module
 * (NODE_OPTIONS=--import) keeping ~20 KB per websocket upgrade failed a 5-minute run with the
 * heap after GC 34.6 MB up (bound 16 MB); the same run without it stays within a few MB.
 */
const MINUTES = Number(process.env.TABOUR_SOAK_MINUTES ?? 10)
const DURATION_MS = MINUTES * 60_000
/**
 * socket.io keeps every broadcast for the recovery window (realtime.recoveryWindowSeconds, 120 s)
 * and sweeps once a minute, so the heap grows for window + 60 s before it levels off. A run of
 * 6 minutes or more keeps the default and warms up past that; a shorter one (CI) shrinks the
 * window through a config file so that there is still something left to measure after it.
 */
const RECOVERY_S = DURATION_MS >= 6 * 60_000 ? 120 : Math.max(10, Math.floor(DURATION_MS / 12_000))
const WARMUP_MS = Math.max(DURATION_MS / 3, (RECOVERY_S + 70) * 1000)
const WINDOW_MS = Math.min(60_000, (DURATION_MS - WARMUP_MS) / 3)
const SAMPLE_MS = Math.min(5_000, Math.floor(DURATION_MS / 48))
const ISSUE_EVERY_MS = 200
const CHURN_EVERY_MS = 100
const CLERKS = 6
const PERSISTENT_DISPLAYS = 20
const PERSISTENT_CONSOLES = 4
/** Allowed growth, first window → last window and along the fitted slope, of the heap after GC / RSS. */
const HEAP_BOUND_MB = 16
const RSS_BOUND_MB = 64
/** Once clients are gone: fds and handles back within this many of the baseline. */
const FD_SLACK = 3
const SETTLE_MS = 60_000

interface Sample extends ProcessSample {
  /** ms since the load started */
  t: number
}

/** The load's own keep-alive connections, destroyed when it stops (fetch would keep them ~70 s). */
const loadAgent = new Agent({ keepAlive: true })

const post = (base: string, path: string, token: string, body: unknown) => requestJson(loadAgent, base, 'POST', path, token, body)

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const MB = 2 ** 20
const mb = (bytes: number) => +(bytes / MB).toFixed(1)

/** Least-squares slope of `value` over `t` (per ms). */
function slope(samples: Sample[], value: (s: Sample) => number): number {
  const n = samples.length
  const mt = samples.reduce((a, s) => a + s.t, 0) / n
  const mv = samples.reduce((a, s) => a + value(s), 0) / n
  let num = 0
  let den = 0
  for (const s of samples) {
    num += (s.t - mt) * (value(s) - mv)
    den += (s.t - mt) ** 2
  }
  return den ? num / den : 0
}

/** Server output lines that are not the inspector's own notices. */
const suspectLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => /warn|error|exception|"level":(40|50|60)/i.test(l))
    .filter((l) => !/Debugger listening|Debugger attached|For help, see|Waiting for the debugger/.test(l))

describe('soak: steady load with displays connecting and disconnecting', () => {
  let dataDir: string | undefined
  const clients = new Set<Socket>()
  afterEach(async () => {
    for (const s of clients) s.disconnect()
    clients.clear()
    await killAllChildren()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
  })

  it(`${MINUTES} min: no memory growth, no leaked sockets or file handles`, { timeout: DURATION_MS + 4 * 60_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-soak-'))
    // a zone where it is noon: ten minutes across the center's midnight would close the day mid-soak
    const env: Record<string, string> = {
      NODE_OPTIONS: INSPECT_OPTION,
      TABOUR_TIME_ZONE: noonTimeZone(),
      TABOUR_METRICS_ALLOW: '127.0.0.1',
    }
    if (RECOVERY_S !== 120) {
      env.TABOUR_CONFIG = join(dataDir, 'soak-config.json')
      writeFileSync(env.TABOUR_CONFIG, JSON.stringify({ realtime: { recoveryWindowSeconds: RECOVERY_S } }))
    }
    const server = await ChildServer.start({ dataDir, env })
    const base = server.baseUrl
    const pid = server.process.pid!
    const inspector = await Inspector.connect(server.output)

    const admin = await loginAs(base, 'admin', CHILD_ADMIN_PASSWORD)
    const services = [await createService(base, admin, 'A'), await createService(base, admin, 'B'), await createService(base, admin, 'C')]
    const clerkTokens: { token: string; counterId: number }[] = []
    for (let i = 0; i < CLERKS; i++) {
      const counter = await expectHttp(201, base, 'POST', '/api/v1/counters', {
        token: admin,
        body: { number: i + 1, name: `Counter ${i + 1}`, zone: i % 2 ? 'first' : 'ground', serviceIds: services.map((s) => s.id) },
      })
      await expectHttp(201, base, 'POST', '/api/v1/users', {
        token: admin,
        body: { username: `clerk${i + 1}`, password: 'soak-password', role: 'clerk' },
      })
      const token = await loginAs(base, `clerk${i + 1}`, 'soak-password')
      await expectHttp(200, base, 'POST', `/api/v1/counters/${counter.id}/open`, { token, body: {} })
      clerkTokens.push({ token, counterId: counter.id })
    }
    await expectHttp(201, base, 'POST', '/api/v1/users', {
      token: admin,
      body: { username: 'manager', password: 'soak-password', role: 'manager' },
    })
    const manager = await loginAs(base, 'manager', 'soak-password')
    const kiosk = await createDevice(base, admin, 'kiosk', 'kiosk')
    const displayTokens: string[] = []
    for (const zone of ['ground', 'first', null]) {
      const device = await expectHttp(201, base, 'POST', '/api/v1/devices', {
        token: admin,
        body: { kind: 'display', name: `display ${zone}`, zone },
      })
      displayTokens.push((await expectHttp(200, base, 'POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })).token)
    }

    // the baseline: set up, idle, no socket connected
    await sleep(5_000)
    const base0 = await scrapeMetrics(base)
    const proc0 = procFigures(pid)
    const baseline = {
      rss: proc0.rssBytes,
      fds: proc0.fds,
      sockets: base0.get('tabour_sockets')!,
      handles: base0.get('nodejs_active_handles_total')!,
    }

    const errors: string[] = []
    const note = (what: string) => {
      if (errors.length < 50) errors.push(what)
    }
    let stop = false
    const counts = { tickets: 0, calls: 0, finished: 0, connections: 0, clean: 0, abrupt: 0, frozen: 0, snapshots: 0, persistentDrops: 0 }
    const open = (token: string): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = io(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
        clients.add(socket)
        socket.once('connect', () => {
          counts.connections++
          resolve(socket)
        })
        socket.once('connect_error', (err) => {
          clients.delete(socket)
          reject(err)
        })
        socket.once('disconnect', () => clients.delete(socket))
      })

    const persistent = await Promise.all(
      [
        ...Array.from({ length: PERSISTENT_DISPLAYS }, (_, i) => displayTokens[i % 3]),
        ...Array.from({ length: PERSISTENT_CONSOLES }, () => manager),
      ].map(open),
    )
    for (const s of persistent) s.on('disconnect', () => void (stop || counts.persistentDrops++))

    const kioskLoop = async () => {
      let n = 0
      while (!stop) {
        const t0 = Date.now()
        const res = await post(base, '/api/v1/tickets', kiosk.token, { serviceId: services[n++ % 3].id })
        if (res.status === 201) counts.tickets++
        else note(`issue ${res.status} ${JSON.stringify(res.body)}`)
        await sleep(Math.max(0, ISSUE_EVERY_MS - (Date.now() - t0)))
      }
    }
    const clerkLoop = async ({ token, counterId }: { token: string; counterId: number }) => {
      const act = async (action: string) => {
        const res = await post(base, `/api/v1/counters/${counterId}/${action}`, token, {})
        if (res.status !== 200) note(`${action} ${res.status} ${JSON.stringify(res.body)}`)
        return res.body
      }
      while (!stop) {
        const called = await act('call-next')
        if (!called?.ticket) {
          await sleep(300)
          continue
        }
        counts.calls++
        await sleep(50 + Math.random() * 200)
        await act('start')
        await sleep(100 + Math.random() * 400)
        if ((await act('finish'))?.ticket?.status === 'done') counts.finished++
      }
    }
    const churnTokens = () => {
      const r = Math.random()
      return r < 0.6
        ? displayTokens[Math.floor(Math.random() * 3)]
        : r < 0.8
          ? clerkTokens[Math.floor(Math.random() * CLERKS)].token
          : r < 0.9
            ? manager
            : kiosk.token
    }
    const frozen: import('node:net').Socket[] = []
    const churnOne = async () => {
      let socket: Socket
      try {
        socket = await open(churnTokens())
      } catch (err) {
        return note(`connect: ${(err as Error).message}`)
      }
      // displays and consoles ask for the whole state when they (re)connect
      if (Math.random() < 0.5) {
        try {
          await socket.timeout(5_000).emitWithAck('snapshot')
          counts.snapshots++
        } catch (err) {
          if (!stop) note(`snapshot: ${(err as Error).message}`)
        }
      }
      await sleep(1_000 + Math.random() * 9_000)
      const r = Math.random()
      const ws = (socket.io.engine as unknown as { transport?: { ws?: WebSocket & { _socket?: import('node:net').Socket } } }).transport?.ws
      if (r < 0.6 || !ws) {
        socket.disconnect()
        counts.clean++
      } else if (r < 0.9) {
        // the TV lost power mid-stream: the TCP connection goes, no close frame, no socket.io disconnect
        ws.terminate()
        counts.abrupt++
      } else {
        // a hung client: stops reading and never answers a ping; the server must drop it
        if (ws._socket) {
          ws._socket.pause()
          frozen.push(ws._socket)
        }
        counts.frozen++
      }
    }
    const churnLoop = async () => {
      const running = new Set<Promise<void>>()
      while (!stop) {
        const p = churnOne().finally(() => running.delete(p))
        running.add(p)
        await sleep(CHURN_EVERY_MS)
      }
      await Promise.all(running)
    }

    const samples: Sample[] = []
    const sampleNow = async (t: number) => {
      samples.push({ t, ...(await sampleProcess(base, pid, inspector)) })
    }

    const t0 = Date.now()
    const loops = [kioskLoop(), ...clerkTokens.map(clerkLoop), churnLoop()]
    // on a fixed cadence: a sample (a full GC in the child, a scrape) takes a second or more on a
    // busy machine, and sleeping SAMPLE_MS after each one stretched the interval by that much (31
    // samples instead of 48 in a 2-minute run), thinning the 13 s windows of CI's short soak
    for (let due = t0 + SAMPLE_MS; due - t0 < DURATION_MS; due += SAMPLE_MS) {
      await sleep(Math.max(0, due - Date.now()))
      await sampleNow(Date.now() - t0)
    }
    stop = true
    await Promise.all(loops)
    loadAgent.destroy()

    // every client goes: persistent ones cleanly, frozen ones by their TCP connection
    for (const s of persistent) s.disconnect()
    for (const tcp of frozen) tcp.destroy()
    for (const s of clients) s.disconnect()
    const settleStart = Date.now()
    let settled: { fds: number; sockets: number; handles: number } = { fds: NaN, sockets: NaN, handles: NaN }
    while (Date.now() - settleStart < SETTLE_MS) {
      const m = await scrapeMetrics(base)
      settled = { fds: procFigures(pid).fds, sockets: m.get('tabour_sockets')!, handles: m.get('nodejs_active_handles_total')! }
      if (settled.sockets === 0 && settled.fds <= baseline.fds + FD_SLACK && settled.handles <= baseline.handles + FD_SLACK) break
      await sleep(1_000)
    }
    const settleSeconds = (Date.now() - settleStart) / 1000
    inspector.close()

    const steady = samples.filter((s) => s.t >= WARMUP_MS)
    const first = steady.filter((s) => s.t < WARMUP_MS + WINDOW_MS)
    const last = steady.filter((s) => s.t >= DURATION_MS - WINDOW_MS)
    const span = steady.length ? steady[steady.length - 1].t - steady[0].t : 0
    const heapGrowth = median(last.map((s) => s.heapAfterGc)) - median(first.map((s) => s.heapAfterGc))
    const heapSlope = slope(steady, (s) => s.heapAfterGc) * span
    const rssGrowth = median(last.map((s) => s.rss)) - median(first.map((s) => s.rss))
    const rssSlope = slope(steady, (s) => s.rss) * span
    const max = (f: (s: Sample) => number) => Math.max(...samples.map(f))
    // connections made between the middles of the two windows: what a per-connection leak would multiply
    const between = Math.round(((DURATION_MS - WARMUP_MS - WINDOW_MS) / DURATION_MS) * counts.connections)
    const suspect = suspectLines(server.output)

    console.log(
      [
        `soak: ${MINUTES} min (warm-up ${Math.round(WARMUP_MS / 1000)} s, windows of ${Math.round(WINDOW_MS / 1000)} s, recovery window ${RECOVERY_S} s), ${samples.length} samples every ${SAMPLE_MS / 1000} s`,
        `  load: ${counts.tickets} tickets issued, ${counts.calls} called, ${counts.finished} finished; ${counts.connections} socket connections (${PERSISTENT_DISPLAYS + PERSISTENT_CONSOLES} persistent), churn closed ${counts.clean} cleanly, ${counts.abrupt} abruptly, ${counts.frozen} frozen; ${counts.snapshots} snapshots`,
        `  heap after GC: first window ${mb(median(first.map((s) => s.heapAfterGc)))} MB, last ${mb(median(last.map((s) => s.heapAfterGc)))} MB (growth ${mb(heapGrowth)} MB, along the slope ${mb(heapSlope)} MB; bound ${HEAP_BOUND_MB}: a leak of ${Math.ceil((HEAP_BOUND_MB * 1024) / Math.max(1, between))} KB per connection over the ${between} connections between the windows would cross it), max ${mb(max((s) => s.heapAfterGc))} MB`,
        `  heap used (sampled): first ${mb(median(first.map((s) => s.heapUsed)))} MB, last ${mb(median(last.map((s) => s.heapUsed)))} MB, max ${mb(max((s) => s.heapUsed))} MB`,
        `  RSS: baseline ${mb(baseline.rss)} MB, first window ${mb(median(first.map((s) => s.rss)))} MB, last ${mb(median(last.map((s) => s.rss)))} MB (growth ${mb(rssGrowth)} MB, along the slope ${mb(rssSlope)} MB; bound ${RSS_BOUND_MB}), max ${mb(max((s) => s.rss))} MB`,
        `  open fds: baseline ${baseline.fds}, first window ${median(first.map((s) => s.fds))}, last ${median(last.map((s) => s.fds))}, max ${max((s) => s.fds)}, after the clients left ${settled.fds}`,
        `  sockets: max ${max((s) => s.sockets)}, after ${settled.sockets}; active handles: baseline ${baseline.handles}, max ${max((s) => s.handles)}, after ${settled.handles} (settled in ${settleSeconds.toFixed(1)} s)`,
        `  waiting line: max ${max((s) => s.waiting)}; client-side errors ${errors.length}; persistent sockets dropped ${counts.persistentDrops}; suspect server output lines ${suspect.length}`,
      ].join('\n'),
    )

    expect(errors, errors.join('\n')).toEqual([])
    expect(suspect, suspect.join('\n')).toEqual([])
    expect(counts.persistentDrops).toBe(0)
    expect(counts.tickets).toBeGreaterThan(DURATION_MS / ISSUE_EVERY_MS / 4)
    expect(counts.connections).toBeGreaterThan(DURATION_MS / CHURN_EVERY_MS / 4)
    expect(max((s) => s.waiting)).toBeLessThan(100)
    expect(first.length).toBeGreaterThanOrEqual(3)
    expect(last.length).toBeGreaterThanOrEqual(3)
    expect(heapGrowth / MB).toBeLessThan(HEAP_BOUND_MB)
    expect(heapSlope / MB).toBeLessThan(HEAP_BOUND_MB)
    expect(rssGrowth / MB).toBeLessThan(RSS_BOUND_MB)
    expect(rssSlope / MB).toBeLessThan(RSS_BOUND_MB)
    expect(settled.sockets).toBe(0)
    expect(settled.fds).toBeLessThanOrEqual(baseline.fds + FD_SLACK)
    expect(settled.handles).toBeLessThanOrEqual(baseline.handles + FD_SLACK)
  })
})
