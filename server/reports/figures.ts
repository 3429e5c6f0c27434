/**
 * The one reading of the event log that every report shares (today's KPIs, the clerk's day,
 * reports over a date range, the hourly charts): a single pass over the `ticket.*` events of a
 * range of local days, grouped by any key. Definitions, in one place:
 * - issued / called / served / no-show / cancelled / transferred: events of that type (a ticket
 *   called again after a transfer counts as two calls; a recall is not a new call); an undone
 *   no-show is no no-show, and the call after it no new call (no-show-undo.ts);
 * - wait: one stretch in one service's line, from joining it (issue, check-in, transfer, next
 *   step) to its first call: `waitedSeconds` of each call but the one after an undone no-show;
 * - within target (SLA %): of the tickets the target covers, the share called within their
 *   service's target wait *as it was at the call*. The target covers every call (a hit or a
 *   miss), every ticket that left the line uncalled after its target passed (cancelled by staff,
 *   by the citizen or by the day's close: a miss; not a place held from a phone and given up
 *   before its citizen arrived, which records no wait: wait-facts.ts cancelledWaitFacts), and, in today's live figures, every ticket
 *   still waiting past its target (a miss that can no longer become a hit; `overdue` of
 *   toFigures). A ticket cancelled within its target is not covered: nobody failed it. So a
 *   long line that nobody calls shows as misses at once, not as 100 %;
 * - service time: `serviceSeconds` of each finish (call to finish);
 * - p90: nearest rank (see sql-functions.ts);
 * - no-show % = no-shows ÷ the calls whose outcome is known (noShowPercent below): a ticket still
 *   at a counter (called or being served, or parked) has come neither way yet.
 * The pass reads the rollups of rollup.ts (the same events, folded per day and per hour), not
 * the event log row by row: a month of a busy center is ~30k rollup rows instead of ~450k events.
 */
import type Database from 'better-sqlite3'
import { refreshRollups } from './rollup.ts'
import { FIGURE_PERCENTILE } from '../../protocol/stats.ts'

/** What a report row can be grouped by: the rollup table it reads and the SQL of its key. */
export const GROUP_KEYS = {
  total: { table: 'report_day', key: 'NULL' },
  day: { table: 'report_day', key: 'day' },
  service: { table: 'report_day', key: 'service_id' },
  counter: { table: 'report_day', key: 'counter_id' },
  clerk: { table: 'report_day', key: 'user_id' },
  hour: { table: 'report_hour', key: 'hour' },
  dayHour: { table: 'report_hour', key: "day || ' ' || hour" },
  serviceHour: { table: 'report_hour', key: "service_id || ' ' || hour" },
} as const
export type GroupKey = keyof typeof GROUP_KEYS

/** Raw figures of one group, straight from SQL. */
export interface FigureRow {
  key: string | number | null
  issued: number
  called: number
  served: number
  noShow: number
  cancelled: number
  /** Of `cancelled`, those the center's closing cancelled (not a citizen or staff). */
  cancelledAtClosing: number
  transferred: number
  avgWaitSeconds: number | null
  p90WaitSeconds: number | null
  maxWaitSeconds: number | null
  withinTarget: number
  /** Tickets that left the line uncalled after their target wait passed (misses nobody called). */
  missedTarget: number
  avgServiceSeconds: number | null
  p90ServiceSeconds: number | null
  /** Call-to-end time of the tickets that ended in the group (clerk busy time), ms. */
  busyMs: number
}

/** The figures as the API gives them (rounded, with the percentages). */
export interface Figures {
  issued: number
  called: number
  served: number
  noShow: number
  cancelled: number
  cancelledAtClosing: number
  transferred: number
  avgWaitSeconds: number | null
  p90WaitSeconds: number | null
  maxWaitSeconds: number | null
  avgServiceSeconds: number | null
  p90ServiceSeconds: number | null
  slaPercent: number | null
  /** How many tickets slaPercent covers. */
  slaCounted: number
  noShowPercent: number | null
}

const ONE_KEYS = new Set(['service_id', 'counter_id', 'user_id'])

const figuresSql = (group: GroupKey, extraWhere: string) => {
  const { table, key } = GROUP_KEYS[group]
  // 0 is "none" in the rollups' key columns: a per-counter report leaves out kiosk issues
  const notNone = ONE_KEYS.has(key) ? `AND ${key} <> 0` : ''
  return `
  SELECT ${key} AS key,
    COALESCE(SUM(issued), 0) AS issued, COALESCE(SUM(called), 0) AS called, COALESCE(SUM(served), 0) AS served,
    COALESCE(SUM(no_show), 0) AS noShow, COALESCE(SUM(cancelled), 0) AS cancelled,
    COALESCE(SUM(cancelled_at_closing), 0) AS cancelledAtClosing, COALESCE(SUM(transferred), 0) AS transferred,
    COALESCE(SUM(wait_sum), 0) AS waitSum, MAX(wait_max) AS maxWaitSeconds, COALESCE(SUM(within), 0) AS withinTarget,
    COALESCE(SUM(missed), 0) AS missedTarget,
    COALESCE(SUM(svc_sum), 0) AS svcSum, COALESCE(SUM(busy_ms), 0) AS busyMs,
    group_concat(waits, '') AS waits, group_concat(svcs, '') AS svcs
  FROM ${table}
  WHERE day BETWEEN @from AND @to ${notNone} ${extraWhere}
  ${group === 'total' ? '' : 'GROUP BY 1'}`
}

export interface FigureQuery {
  from: string
  to: string
  /** The center's zone (the rollups' hours are cut in it). */
  tz: string
  /** Extra SQL conditions on the rollup (`AND user_id = @userId`) and their parameters. */
  where?: string
  params?: Record<string, unknown>
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let st = cache.get(sql)
  if (!st) cache.set(sql, (st = db.prepare(sql)))
  return st
}

/** The numbers of a rollup list ("100,500,"), sorted, as a typed array (numeric sort, no comparator). */
function sortedList(text: string | null): Float64Array {
  if (!text) return new Float64Array(0)
  let n = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++
  const out = new Float64Array(n)
  let start = 0
  let k = 0
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 44) {
      out[k++] = Number(text.slice(start, i))
      start = i + 1
    }
  }
  return out.sort()
}

/** Nearest-rank p90 of a sorted list; null when empty. */
const p90 = (sorted: Float64Array): number | null =>
  sorted.length === 0 ? null : sorted[Math.max(1, Math.ceil((FIGURE_PERCENTILE / 100) * sorted.length)) - 1]!

interface SqlRow extends Omit<FigureRow, 'avgWaitSeconds' | 'p90WaitSeconds' | 'avgServiceSeconds' | 'p90ServiceSeconds'> {
  waitSum: number
  svcSum: number
  waits: string | null
  svcs: string | null
}

/** Raw figure rows of `group` over the days `from`..`to` (inclusive), after folding in new events. */
export function figureRows(db: Database.Database, group: GroupKey, q: FigureQuery): FigureRow[] {
  refreshRollups(db, q.tz)
  const rows = prepared(db, figuresSql(group, q.where ?? '')).all({ from: q.from, to: q.to, ...q.params }) as SqlRow[]
  return rows.map((r) => {
    const waits = sortedList(r.waits)
    const svcs = sortedList(r.svcs)
    return {
      key: r.key,
      issued: r.issued,
      called: r.called,
      served: r.served,
      noShow: r.noShow,
      cancelled: r.cancelled,
      cancelledAtClosing: r.cancelledAtClosing,
      transferred: r.transferred,
      avgWaitSeconds: waits.length ? r.waitSum / waits.length : null,
      p90WaitSeconds: p90(waits),
      maxWaitSeconds: r.maxWaitSeconds,
      withinTarget: r.withinTarget,
      missedTarget: r.missedTarget,
      avgServiceSeconds: svcs.length ? r.svcSum / svcs.length : null,
      p90ServiceSeconds: p90(svcs),
      busyMs: r.busyMs,
    }
  })
}

/** Rounds to one decimal (what every figure on the wire is). */
export const round1 = (n: number | null | undefined): number | null => (n === null || n === undefined ? null : Math.round(n * 10) / 10)

export const EMPTY_ROW: FigureRow = {
  key: null,
  issued: 0,
  called: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  cancelledAtClosing: 0,
  transferred: 0,
  avgWaitSeconds: null,
  p90WaitSeconds: null,
  maxWaitSeconds: null,
  withinTarget: 0,
  missedTarget: 0,
  avgServiceSeconds: null,
  p90ServiceSeconds: null,
  busyMs: 0,
}

/** How many tickets the target covers: every call, every uncalled miss, and `overdue` tickets still waiting past their target. */
export function slaCounted(row: Pick<FigureRow, 'called' | 'missedTarget'>, overdue = 0): number {
  return row.called + row.missedTarget + overdue
}

/**
 * The no-show rate, in one place for the live figures, the reports, the CSV and the clerk's day:
 * no-shows ÷ the calls that ended with the citizen there or not — served (a finish or a finished
 * step), sent on to another line (a transfer: they came), or a no-show. A ticket still at a
 * counter counts in neither, so a busy counter does not dilute the rate (no-shows ÷ calls did).
 * Null when no call has an outcome yet.
 */
export function noShowPercent(row: Pick<FigureRow, 'served' | 'noShow' | 'transferred'>): number | null {
  const known = row.served + row.noShow + row.transferred
  return known > 0 ? round1((100 * row.noShow) / known) : null
}

/**
 * Turns a raw row (or none) into the API's figures; `overdue` is how many of the group's tickets
 * are waiting past their target right now (live figures only, see the definition above).
 */
export function toFigures(row: FigureRow | undefined, overdue = 0): Figures {
  const r = row ?? EMPTY_ROW
  const counted = slaCounted(r, overdue)
  return {
    issued: r.issued,
    called: r.called,
    served: r.served,
    noShow: r.noShow,
    cancelled: r.cancelled,
    cancelledAtClosing: r.cancelledAtClosing,
    transferred: r.transferred,
    avgWaitSeconds: round1(r.avgWaitSeconds),
    p90WaitSeconds: r.p90WaitSeconds,
    maxWaitSeconds: r.maxWaitSeconds,
    avgServiceSeconds: round1(r.avgServiceSeconds),
    p90ServiceSeconds: r.p90ServiceSeconds,
    slaPercent: counted > 0 ? round1((100 * r.withinTarget) / counted) : null,
    slaCounted: counted,
    noShowPercent: noShowPercent(r),
  }
}

/** Raw rows keyed by their group key (as a string: SQLite gives numbers for ids, text for days). */
export function byKey(rows: FigureRow[]): Map<string, FigureRow> {
  return new Map(rows.map((r) => [String(r.key), r]))
}
