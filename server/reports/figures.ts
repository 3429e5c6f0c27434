/**
 * The one reading of the event log that every report shares (today's KPIs, the clerk's day,
 * reports over a date range, the hourly charts): a single pass over the `ticket.*` events of a
 * range of local days, grouped by any key. Definitions, in one place:
 * - issued / called / served / no-show / cancelled / transferred: events of that type (a ticket
 *   called again after a transfer counts as two calls; a recall is not a new call);
 * - wait: `waitedSeconds` of each call (issue, or latest transfer, to call); SLA % = share of
 *   calls within the service's target wait *as it was at the call*;
 * - service time: `serviceSeconds` of each finish (call to finish);
 * - p90: nearest rank (see sql-functions.ts); no-show % = no-shows ÷ calls.
 */
import type Database from 'better-sqlite3'
import { registerReportFunctions } from './sql-functions.ts'

/** What a report row can be grouped by, as SQL over the events table. */
export const GROUP_KEYS = {
  total: 'NULL',
  day: 'day',
  hour: 'tabour_local_hour(at, @tz)',
  service: 'service_id',
  counter: 'counter_id',
  clerk: 'user_id',
  dayHour: "day || ' ' || tabour_local_hour(at, @tz)",
  serviceHour: "service_id || ' ' || tabour_local_hour(at, @tz)",
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
  transferred: number
  avgWaitSeconds: number | null
  p90WaitSeconds: number | null
  maxWaitSeconds: number | null
  withinTarget: number
  avgServiceSeconds: number | null
  p90ServiceSeconds: number | null
}

/** The figures as the API gives them (rounded, with the percentages). */
export interface Figures {
  issued: number
  called: number
  served: number
  noShow: number
  cancelled: number
  transferred: number
  avgWaitSeconds: number | null
  p90WaitSeconds: number | null
  maxWaitSeconds: number | null
  avgServiceSeconds: number | null
  p90ServiceSeconds: number | null
  slaPercent: number | null
  noShowPercent: number | null
}

const figuresSql = (group: GroupKey, extraWhere: string) => `
  SELECT ${GROUP_KEYS[group]} AS key,
    COALESCE(SUM(type = 'ticket.issued'), 0) AS issued,
    COALESCE(SUM(type = 'ticket.called'), 0) AS called,
    COALESCE(SUM(type = 'ticket.finished'), 0) AS served,
    COALESCE(SUM(type = 'ticket.no_show'), 0) AS noShow,
    COALESCE(SUM(type = 'ticket.cancelled'), 0) AS cancelled,
    COALESCE(SUM(type = 'ticket.transferred'), 0) AS transferred,
    AVG(w) AS avgWaitSeconds, tabour_percentile(w, 90) AS p90WaitSeconds, MAX(w) AS maxWaitSeconds,
    COALESCE(SUM(wt), 0) AS withinTarget,
    AVG(s) AS avgServiceSeconds, tabour_percentile(s, 90) AS p90ServiceSeconds
  FROM (
    SELECT day, at, type, service_id, counter_id, user_id,
      CASE WHEN type = 'ticket.called' THEN json_extract(data, '$.waitedSeconds') END AS w,
      CASE WHEN type = 'ticket.called' THEN json_extract(data, '$.withinTarget') END AS wt,
      CASE WHEN type = 'ticket.finished' THEN json_extract(data, '$.serviceSeconds') END AS s
    FROM events
    WHERE day BETWEEN @from AND @to AND type IN ('ticket.issued', 'ticket.called', 'ticket.finished', 'ticket.no_show', 'ticket.cancelled', 'ticket.transferred') ${extraWhere}
  )
  ${group === 'total' ? '' : `WHERE ${GROUP_KEYS[group]} IS NOT NULL GROUP BY 1`}`

export interface FigureQuery {
  from: string
  to: string
  /** The center's zone, for the hourly groupings. */
  tz: string
  /** Extra SQL conditions (`AND user_id = @userId`) and their parameters. */
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

/** Raw figure rows of `group` over the days `from`..`to` (inclusive). */
export function figureRows(db: Database.Database, group: GroupKey, q: FigureQuery): FigureRow[] {
  registerReportFunctions(db)
  return prepared(db, figuresSql(group, q.where ?? '')).all({ from: q.from, to: q.to, tz: q.tz, ...q.params }) as FigureRow[]
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
  transferred: 0,
  avgWaitSeconds: null,
  p90WaitSeconds: null,
  maxWaitSeconds: null,
  withinTarget: 0,
  avgServiceSeconds: null,
  p90ServiceSeconds: null,
}

/** Turns a raw row (or none) into the API's figures. */
export function toFigures(row: FigureRow | undefined): Figures {
  const r = row ?? EMPTY_ROW
  return {
    issued: r.issued,
    called: r.called,
    served: r.served,
    noShow: r.noShow,
    cancelled: r.cancelled,
    transferred: r.transferred,
    avgWaitSeconds: round1(r.avgWaitSeconds),
    p90WaitSeconds: r.p90WaitSeconds,
    maxWaitSeconds: r.maxWaitSeconds,
    avgServiceSeconds: round1(r.avgServiceSeconds),
    p90ServiceSeconds: r.p90ServiceSeconds,
    slaPercent: r.called > 0 ? round1((100 * r.withinTarget) / r.called) : null,
    noShowPercent: r.called > 0 ? round1((100 * r.noShow) / r.called) : null,
  }
}

/** Raw rows keyed by their group key (as a string: SQLite gives numbers for ids, text for days). */
export function byKey(rows: FigureRow[]): Map<string, FigureRow> {
  return new Map(rows.map((r) => [String(r.key), r]))
}
