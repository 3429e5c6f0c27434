/**
 * A simulated busy day: 60 counters with a logged-in clerk each, six services, 30,000 tickets,
 * against the real server in a child process (`node --import tsx server/main.ts`) on a fresh
 * data dir. The day is a discrete-event simulation run as fast as the server answers
 * (busy-day/simulate.ts) over the model in busy-day/day-model.ts.
 *
 * Figures: wall time, tickets/s and requests/s, request latencies, the server's RSS (start,
 * peak = VmHWM, end, idle after the day), heap, fds, the database size; then the day is checked
 * from the database (busy-day/verdict.ts: every acknowledged ticket there, numbers contiguous per
 * service, every ticket in a final state, the event log agreeing with what the simulation did).
 * Baseline in the same run: as many raw better-sqlite3 transactions (WAL, synchronous=FULL) as the
 * day's state-changing requests, writing a ticket row and an event row each.
 *
 * BENCH_BUSY_DAY_TICKETS scales the day (counters stay 60; fewer tickets just means idle clerks);
 * BENCH_BUSY_DAY_IN_FLIGHT, BENCH_BUSY_DAY_CONSOLES and BENCH_BUSY_DAY_IDLE_S: see day-model.ts.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Socket } from 'socket.io-client'
import { ChildServer, noonTimeZone, sleep } from '../test/helpers/child-server.ts'
import { INSPECT_OPTION, Inspector, procFigures, sampleProcess } from '../test/helpers/process-probe.ts'
import { call, closeConnections } from './busy-day/api-client.ts'
import { connect, setUp } from './busy-day/center.ts'
import { CONSOLES, COUNTERS, DISPLAYS, IDLE_S, KIOSKS, MAX_IN_FLIGHT, SERVICES, TICKETS } from './busy-day/day-model.ts'
import { rawTransactions } from './busy-day/raw-baseline.ts'
import { emptyTally, simulate, stateChanges } from './busy-day/simulate.ts'
import { dayIsOk, verify } from './busy-day/verdict.ts'

const mb = (bytes: number) => +(bytes / 2 ** 20).toFixed(1)

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

const snapshot = (server: ChildServer, inspector: Inspector) => sampleProcess(server.baseUrl, server.process.pid!, inspector)

export interface BusyDayResult {
  /** The data dir, when kept (`keepDataDir`): the start-up bench starts a server on it. */
  dataDir: string | null
}

export async function busyDayBench(options: { keepDataDir?: boolean } = {}): Promise<BusyDayResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-busy-day-'))
  const file = join(dataDir, 'tabour.sqlite')
  const timeZone = noonTimeZone()
  const server = await ChildServer.start({
    dataDir,
    env: {
      TABOUR_TIME_ZONE: timeZone,
      TABOUR_CALL_POLICY: 'priority',
      TABOUR_LOG_LEVEL: 'warn',
      NODE_OPTIONS: INSPECT_OPTION,
      TABOUR_METRICS_ALLOW: '127.0.0.1',
    },
  })
  const sockets: Socket[] = []
  let inspector: Inspector | null = null
  try {
    inspector = await Inspector.connect(server.output)
    const tSetup = performance.now()
    const day = await setUp(server)
    const pushes = new Map<string, number>()
    for (const token of day.displayTokens) sockets.push(await connect(day.base, token, pushes))
    sockets.push(await connect(day.base, day.managerToken, pushes))
    for (const clerk of day.clerks.slice(0, CONSOLES)) sockets.push(await connect(day.base, clerk.token, pushes))
    const setupSeconds = (performance.now() - tSetup) / 1000
    await sleep(1000)
    const start = await snapshot(server, inspector)

    const acked = new Map<string, string>()
    const tally = emptyTally()
    let peakRss = start.rss
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, procFigures(server.process.pid!).rssBytes)
      } catch {
        // the child is gone: the day fails on its own
      }
    }, 500)
    const t0 = performance.now()
    try {
      await simulate(day, acked, tally)
      for (const clerk of day.clerks) {
        if (clerk.state === 'broken') continue
        const res = await call(day.base, 'POST', `/api/v1/counters/${clerk.counterId}/close`, clerk.token, {})
        tally.requests++
        if (res.status !== 200) tally.errors.push(`close: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
      }
    } finally {
      clearInterval(sampler)
    }
    const wall = (performance.now() - t0) / 1000
    const end = await snapshot(server, inspector)
    const dbLive = { db: fileSize(file), wal: fileSize(`${file}-wal`) }
    for (const s of sockets) s.disconnect()
    sockets.length = 0
    await sleep(15_000)
    const idleSoon = await snapshot(server, inspector)
    await sleep(IDLE_S * 1000 - 15_000)
    const idle = await snapshot(server, inspector)
    // a process with a debugger attached waits for it to go before it exits
    inspector.close()
    inspector = null
    const exit = await server.kill('SIGTERM')
    const dbClosed = fileSize(file) + fileSize(`${file}-wal`)

    const changes = stateChanges(tally)
    const rawSeconds = rawTransactions(changes, tally.issued)
    const verdict = verify(file, acked)

    console.log(
      `\n## Busy day (${TICKETS.toLocaleString('en')} tickets, ${COUNTERS} counters and clerks, ${SERVICES.length} services, 08:00–20:00 simulated; child server, loopback, ≤ ${MAX_IN_FLIGHT} requests in flight; time zone ${timeZone})`,
    )
    console.log(
      `setup (services, counters, ${COUNTERS} clerks with scrypt logins, ${KIOSKS} kiosks, ${DISPLAYS} displays): ${setupSeconds.toFixed(1)} s; sockets during the day: ${DISPLAYS} displays, 1 dashboard, ${Math.min(CONSOLES, COUNTERS)} consoles`,
    )
    console.table([
      { figure: 'wall time of the day', value: `${wall.toFixed(1)} s (12 h simulated: ×${Math.round(43_200 / wall)})` },
      { figure: 'tickets/s', value: +(tally.issued / wall).toFixed(1) },
      {
        figure: 'requests/s (every API call)',
        value: `${Math.round(tally.requests / wall)} (${tally.requests.toLocaleString('en')} requests)`,
      },
      { figure: 'state changes/s (one transaction each)', value: `${Math.round(changes / wall)} (${changes.toLocaleString('en')})` },
      {
        figure: 'baseline: as many raw better-sqlite3 transactions',
        value: `${rawSeconds.toFixed(1)} s, ${Math.round(changes / rawSeconds)}/s; ratio ${(rawSeconds / wall).toFixed(2)}`,
      },
      {
        figure: `RSS start / peak (VmHWM) / end / idle 15 s / idle ${IDLE_S} s`,
        value: `${mb(start.rss)} / ${mb(Math.max(end.hwm, peakRss))} / ${mb(end.rss)} / ${mb(idleSoon.rss)} / ${mb(idle.rss)} MB`,
      },
      { figure: 'heap used (sampled) start / end / idle', value: `${mb(start.heapUsed)} / ${mb(end.heapUsed)} / ${mb(idle.heapUsed)} MB` },
      {
        figure: `heap after a full GC start / end / idle 15 s / idle ${IDLE_S} s`,
        value: `${mb(start.heapAfterGc)} / ${mb(end.heapAfterGc)} / ${mb(idleSoon.heapAfterGc)} / ${mb(idle.heapAfterGc)} MB`,
      },
      {
        figure: 'open fds start / end / idle; sockets',
        value: `${start.fds} / ${end.fds} / ${idle.fds}; ${start.sockets} → ${idle.sockets}`,
      },
      { figure: 'database: file + WAL at the end / after shutdown', value: `${mb(dbLive.db)} + ${mb(dbLive.wal)} MB / ${mb(dbClosed)} MB` },
    ])
    console.table(
      [...tally.latency].map(([kind, list]) => ({
        request: kind,
        count: list.length,
        'p50 ms': +percentile(list, 50).toFixed(1),
        'p99 ms': +percentile(list, 99).toFixed(1),
        'max ms': +percentile(list, 100).toFixed(1),
      })),
    )
    console.log(
      `simulated: issued ${tally.issued}, called ${tally.called} (${tally.nullCalls} call-next found nobody), recalls ${tally.recalls}, started ${tally.started}, finished ${tally.finished}, no-shows ${tally.noShows}, transfers ${tally.transfers}, lunch pauses ${tally.pauses}; pushes received ${JSON.stringify(Object.fromEntries(pushes))}`,
    )
    const ok = dayIsOk(verdict, TICKETS, tally.errors.length)
    console.log(
      `check from the database: ${verdict.rows} tickets (expected ${TICKETS}), acknowledged but missing ${verdict.missing}, label changed ${verdict.labelMismatch}, ` +
        `services with gaps or repeats in their numbers ${verdict.nonContiguous}, duplicate labels ${verdict.duplicateLabels}, not in a final state ${verdict.notFinal}, ` +
        `tickets ended twice ${verdict.multipleEndings}; statuses ${JSON.stringify(verdict.statuses)}; events ${JSON.stringify(verdict.events)}; ` +
        `server exit ${JSON.stringify(exit)}; errors ${tally.errors.length}${tally.errors.length ? `: ${tally.errors.slice(0, 5).join(' | ')}` : ''} → ${ok ? 'OK' : 'NOT OK'}`,
    )
    const agree =
      verdict.events['ticket.issued'] === tally.issued &&
      verdict.events['ticket.finished'] === tally.finished &&
      (verdict.events['ticket.no_show'] ?? 0) === tally.noShows &&
      (verdict.events['ticket.transferred'] ?? 0) === tally.transfers
    if (!agree) console.log('the event log does not agree with what the simulation did (see the counts above)')
    return { dataDir: options.keepDataDir ? dataDir : null }
  } finally {
    inspector?.close()
    for (const s of sockets) s.disconnect()
    await server.kill('SIGKILL')
    closeConnections()
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await busyDayBench()
