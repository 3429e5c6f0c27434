/**
 * Report latency on a generated month of a busy center: 30 local days × ~3,000 tickets (six
 * services, 20 counters and clerks, Cairo hours 08:00–16:00), written straight into the real
 * schema (≈ 290k event rows). Each report grouping over the whole month is timed (median of 5)
 * beside a baseline in the same run: a plain `SELECT count(*)` over the event log and over the
 * month's `ticket.%` rows. Reports read the rollups (server/reports/rollup.ts); the one-off
 * fold of the whole month (the first report after an upgrade) is timed on its own line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../server/db/connection.ts'
import { rangeReport } from '../server/reports/range-report.ts'
import { hourlySeries } from '../server/reports/hourly.ts'
import { ticketLogCsv } from '../server/reports/ticket-log.ts'
import { addDays, dayStartMs } from '../server/reports/days.ts'
import { figureRows } from '../server/reports/figures.ts'
import { refreshRollups } from '../server/reports/rollup.ts'
import type { ReportGrouping } from '../protocol/stats.ts'

const TZ = 'Africa/Cairo'
const DAYS = 30
const PER_DAY = Number(process.env.BENCH_TICKETS_PER_DAY ?? 3000)
const LAST_DAY = '2026-03-31'

/** A tiny deterministic PRNG, so every run generates the same month. */
function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

function generate(file: string) {
  const db = openDatabase(file)
  db.pragma('synchronous = OFF')
  const now = Date.parse('2026-03-01T00:00:00Z')
  const services = [600, 900, 1200, 600, 1800, 300]
  db.transaction(() => {
    services.forEach((target, i) => db.prepare('INSERT INTO services (prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (?, ?, ?, ?, ?)').run(String.fromCharCode(65 + i), `خدمة ${i}`, `Service ${i}`, target, now))
    for (let c = 1; c <= 20; c++) {
      db.prepare('INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)').run(`clerk${c}`, 'x', 'clerk', now)
      db.prepare('INSERT INTO counters (number, name, created_at) VALUES (?, ?, ?)').run(c, `Counter ${c}`, now)
    }
  })()
  const ev = db.prepare('INSERT INTO events (at, day, type, ticket_id, counter_id, service_id, user_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const tk = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, called_at, started_at, finished_at, counter_id, clerk_id, issued_by_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'device')`,
  )
  const rand = rng(42)
  let events = 0
  for (let d = DAYS - 1; d >= 0; d--) {
    const day = addDays(LAST_DAY, -d)
    const open = dayStartMs(day, TZ) + 8 * 3_600_000
    const numbers = new Map<number, number>()
    db.transaction(() => {
      for (let c = 1; c <= 20; c++) {
        ev.run(open, day, 'counter.opened', null, c, null, c, '{}')
        ev.run(open + 4 * 3_600_000, day, 'counter.paused', null, c, null, c, '{}')
        ev.run(open + 4.5 * 3_600_000, day, 'counter.resumed', null, c, null, c, '{}')
        ev.run(open + 8.5 * 3_600_000, day, 'counter.closed', null, c, null, c, '{}')
        events += 4
      }
      for (let i = 0; i < PER_DAY; i++) {
        const s = 1 + Math.floor(rand() * services.length)
        const n = (numbers.get(s) ?? 0) + 1
        numbers.set(s, n)
        const id = `${day}-${i}`
        const issued = open + Math.floor((i / PER_DAY) * 8 * 3_600_000)
        const wait = Math.floor(rand() * 2400)
        const service = 60 + Math.floor(rand() * 600)
        const counter = 1 + Math.floor(rand() * 20)
        const called = issued + wait * 1000
        const fate = rand()
        ev.run(issued, day, 'ticket.issued', id, null, s, null, '{}')
        ev.run(called, day, 'ticket.called', id, counter, s, counter, JSON.stringify({ how: 'policy', waitedSeconds: wait, targetWaitSeconds: services[s - 1], withinTarget: wait <= services[s - 1]!, priority: 'none', policy: 'fifo' }))
        events += 2
        let status = 'done'
        if (fate < 0.05) {
          ev.run(called + 60_000, day, 'ticket.no_show', id, counter, s, counter, '{"recallCount":1}')
          status = 'no_show'
        } else if (fate < 0.08) {
          ev.run(called + 120_000, day, 'ticket.transferred', id, counter, s, counter, JSON.stringify({ fromServiceId: s, toServiceId: s, toCounterId: null, serviceSeconds: 120 }))
          ev.run(called + 300_000, day, 'ticket.called', id, counter, s, counter, JSON.stringify({ how: 'policy', waitedSeconds: 180, targetWaitSeconds: services[s - 1], withinTarget: true, priority: 'none', policy: 'fifo' }))
          ev.run(called + 300_000 + service * 1000, day, 'ticket.finished', id, counter, s, counter, JSON.stringify({ outcome: 'served', note: null, serviceSeconds: service, handlingSeconds: service }))
          events += 3
        } else {
          ev.run(called + 20_000, day, 'ticket.started', id, counter, s, counter, '{}')
          ev.run(called + service * 1000, day, 'ticket.finished', id, counter, s, counter, JSON.stringify({ outcome: 'served', note: null, serviceSeconds: service, handlingSeconds: service - 20 }))
          events += 2
        }
        events += 1
        tk.run(id, s, s, day, n, `${String.fromCharCode(64 + s)}-${String(n).padStart(3, '0')}`, status, issued, issued, called, called + 20_000, called + service * 1000, counter, counter)
      }
    })()
  }
  db.pragma('synchronous = FULL')
  db.exec('ANALYZE')
  return { db, events }
}

function median(fn: () => unknown, runs = 5): number {
  fn() // warm: prepares statements, fills the hour cache
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

export function reportLatencyBench(): void {
  const dir = process.env.BENCH_KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'tabour-report-bench-'))
  try {
    const t0 = performance.now()
    const { db, events } = generate(join(dir, 'tabour.sqlite'))
    const from = addDays(LAST_DAY, -(DAYS - 1))
    console.log(`\nreport latency: ${DAYS} days × ${PER_DAY} tickets/day = ${events.toLocaleString('en')} events (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s), median of 5`)
    const rows: [string, number][] = []
    rows.push(['baseline: SELECT count(*) FROM events', median(() => db.prepare('SELECT count(*) FROM events').get())])
    rows.push([
      "baseline: count(*) of the month's ticket.% events",
      median(() => db.prepare("SELECT count(*) FROM events WHERE day BETWEEN ? AND ? AND type LIKE 'ticket.%'").get(from, LAST_DAY)),
    ])
    const tf = performance.now()
    refreshRollups(db, TZ)
    rows.push(['first report after an upgrade: fold the whole month (once)', performance.now() - tf])
    const append = db.prepare("INSERT INTO events (at, day, type, ticket_id, service_id, data) VALUES (?, ?, 'ticket.issued', ?, 1, '{}')")
    let extra = 0
    rows.push([
      'fold 10 new events + report by service (live dashboard)',
      median(() => {
        for (let i = 0; i < 10; i++) append.run(Date.parse('2026-03-31T10:00:00Z'), LAST_DAY, `x-${extra++}`)
        return rangeReport(db, { from: LAST_DAY, to: LAST_DAY, by: 'service', timeZone: TZ, now: Date.parse('2026-03-31T12:00:00Z') })
      }),
    ])
    rows.push(['totals only (one pass, no grouping)', median(() => figureRows(db, 'total', { from, to: LAST_DAY, tz: TZ }))])
    for (const by of ['day', 'hour', 'service', 'counter', 'clerk'] as ReportGrouping[]) {
      rows.push([`report by ${by} (30 days)`, median(() => rangeReport(db, { from, to: LAST_DAY, by, timeZone: TZ, now: Date.parse('2026-04-01T12:00:00Z') }))])
    }
    rows.push(['report by service, one day', median(() => rangeReport(db, { from: LAST_DAY, to: LAST_DAY, by: 'service', timeZone: TZ, now: Date.parse('2026-04-01T12:00:00Z') }))])
    rows.push(['hourly charts (day + 4 weekdays)', median(() => hourlySeries(db, { day: LAST_DAY, weeks: 4, timeZone: TZ }))])
    rows.push(['ticket log CSV (30 days, 90k lines)', median(() => ticketLogCsv(db, { from, to: LAST_DAY, withPhone: false }), 3)])
    const base = rows[0]![1]
    for (const [name, ms] of rows) console.log(`  ${name.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms   ×${(ms / base).toFixed(0)} baseline`)
    db.close()
  } finally {
    if (!process.env.BENCH_KEEP_DIR) rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) reportLatencyBench()
