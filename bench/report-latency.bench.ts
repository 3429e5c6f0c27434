/**
 * Report latency on a generated month of a busy center: 30 local days × ~3,000 tickets (six
 * services, 20 counters and clerks, Cairo hours 08:00–16:00), written straight into the real
 * schema by lib/busy-month.ts (≈ 360k event rows). Each report grouping over the whole month is
 * timed (median of 5) beside a baseline in the same run: a plain `SELECT count(*)` over the event
 * log and over the month's `ticket.%` rows. Reports read the rollups (server/reports/rollup.ts);
 * the one-off fold of the whole month (the first report after an upgrade) is timed on its own line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../server/db/connection.ts'
import { rangeReport } from '../server/reports/range-report.ts'
import { hourlySeries } from '../server/reports/hourly.ts'
import { ticketLogCsv } from '../server/reports/ticket-log.ts'
import { DEFAULT_FINISH_OUTCOMES } from '../protocol/finish-outcomes.ts'
import { addDays } from '../protocol/center-clock.ts'
import { figureRows } from '../server/reports/figures.ts'
import { refreshRollups } from '../server/reports/rollup.ts'
import type { ReportGrouping } from '../protocol/stats.ts'
import { writeBusyMonth } from './lib/busy-month.ts'

const TZ = 'Africa/Cairo'
const DAYS = 30
const PER_DAY = Number(process.env.BENCH_TICKETS_PER_DAY ?? 3000)
const LAST_DAY = '2026-03-31'

/** The month: seed 42, each counter's shifts, 3 % of tickets transferred. */
function generate(file: string) {
  const db = openDatabase(file)
  const { events } = writeBusyMonth(db, {
    lastDay: LAST_DAY,
    days: DAYS,
    perDay: PER_DAY,
    timeZone: TZ,
    seed: 42,
    createdAt: Date.parse('2026-03-01T00:00:00Z'),
    counterShifts: true,
    transferShare: 0.03,
  })
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
    console.log(
      `\nreport latency: ${DAYS} days × ${PER_DAY} tickets/day = ${events.toLocaleString('en')} events (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s), median of 5`,
    )
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
      rows.push([
        `report by ${by} (30 days)`,
        median(() => rangeReport(db, { from, to: LAST_DAY, by, timeZone: TZ, now: Date.parse('2026-04-01T12:00:00Z') })),
      ])
    }
    rows.push([
      'report by service, one day',
      median(() => rangeReport(db, { from: LAST_DAY, to: LAST_DAY, by: 'service', timeZone: TZ, now: Date.parse('2026-04-01T12:00:00Z') })),
    ])
    rows.push(['hourly charts (day + 4 weekdays)', median(() => hourlySeries(db, { day: LAST_DAY, weeks: 4, timeZone: TZ }))])
    rows.push([
      'ticket log CSV (30 days, 90k lines)',
      median(
        () =>
          ticketLogCsv(db, {
            from,
            to: LAST_DAY,
            withPhone: false,
            timeZone: TZ,
            lang: 'ar',
            finishOutcomes: DEFAULT_FINISH_OUTCOMES,
            priorityCategories: [],
          }),
        3,
      ),
    ])
    const base = rows[0]![1]
    for (const [name, ms] of rows) console.log(`  ${name.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms   ×${(ms / base).toFixed(0)} baseline`)
    db.close()
  } finally {
    if (!process.env.BENCH_KEEP_DIR) rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) reportLatencyBench()
