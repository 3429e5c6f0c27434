/**
 * The national figures queries. Every view reads the rollups (hub/store/rollups.ts):
 * - the whole country by day, by hour or by service: the national rollups (no center), by
 *   national code and day or month, or by hour of a day (services without a code in the catalogue
 *   from the per-center ones, only their keys);
 * - by governorate or center: the center-month rollup for the whole months of the range and the
 *   center-day one for the days around them (center-day alone by day, center-hour by hour);
 * - with one national service: the service-month and service-day rollups, found by their code;
 *   by hour, over the country or a governorate, the rollup by day, hour, governorate and code
 *   while the fold keeps it (rollup-service-hour.ts), else the hourly rows (range capped at 31 days),
 *   as for one center.
 * Ranges are capped (HUB_ERR_RANGE_TOO_LONG); on PostgreSQL each query runs with a statement
 * timeout (HUB_ERR_QUERY_TIMEOUT) and without JIT, which costs more than it saves on queries this small.
 */
import { HubErrorCodes } from '../../protocol/upstream.ts'
import type { FigureRow, GroupBy } from '../../protocol/hub-api.ts'
import { HubError } from '../errors.ts'
import { type RawBuilder, sql } from 'kysely'
import { type HubDb, dialectOf } from './database.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'
import { figureRow, serviceFigureRow } from './figure-rows.ts'
import { isCalendarDay } from './figures-ingest.ts'
import { monthDays, nextMonth } from './rollups.ts'
import { SERVICE_HOUR_ROLLUP, serviceHourRollupKept } from './rollup-service-hour.ts'

export { GROUP_BYS, type GroupBy } from '../../protocol/hub-api.ts'

export interface FiguresQuery {
  from: string
  to: string
  by: GroupBy
  governorate?: string
  centerId?: string
  /**
   * Only these centers (the trend's change compares the centers with figures in both periods,
   * hub/analysis-trend.ts); an empty list reads nothing.
   */
  centerIds?: readonly string[]
  /** A national service code of the catalogue. */
  serviceCode?: string
}

// the range caps are the wire contract's, so the page can word them: protocol/hub-analysis.ts
import { MAX_HOUR_RANGE_DAYS, MAX_RANGE_DAYS } from '../../protocol/hub-analysis.ts'
/** A national query taking longer than this on PostgreSQL is cancelled (HUB_ERR_QUERY_TIMEOUT). */
export const STATEMENT_TIMEOUT_MS = 5000

/** Where a query reads its rows: a table or a subquery, as `f`, with the join's extra conditions (`on`, empty or starting with AND). */
export interface FigureSource {
  from: Fragment
  on: Fragment
}
/** A piece of SQL with its parameters (Kysely's `sql` tag), compiled for the store's dialect when run. */
type Fragment = RawBuilder<unknown>
const NOTHING: Fragment = sql``

/** The hourly rows themselves (what every query read before the rollups). */
export const hourlySource = (q: Pick<FiguresQuery, 'from' | 'to'>): FigureSource => ({
  from: sql`hub_figures`,
  on: sql`AND f.day >= ${q.from} AND f.day <= ${q.to}`,
})

// the column names are FIGURE_COLUMNS' constants, never input
const FIGURES = sql.join(FIGURE_COLUMNS.map((c) => sql.ref(c)))
const SERVICE_COLS = sql`center_id, service_code, NULLIF(national_key, '') AS national_code, service_name_ar, service_name_en, ${FIGURES}`
/** The figures summed (their maximum for wait_max) over the rows of `f`, zero for none (a center without figures). */
const SUMS = sql.join(
  FIGURE_COLUMNS.map((c) =>
    c === 'wait_max'
      ? sql`COALESCE(MAX(${sql.ref(`f.${c}`)}), 0) AS ${sql.ref(c)}`
      : sql`COALESCE(SUM(${sql.ref(`f.${c}`)}), 0) AS ${sql.ref(c)}`,
  ),
)
/** The same inside a subquery, where no row is missing. */
const ROLLED = sql.join(
  FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? sql`MAX(${sql.ref(c)}) AS ${sql.ref(c)}` : sql`SUM(${sql.ref(c)}) AS ${sql.ref(c)}`)),
)

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000
const dayOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10)

/** The whole months inside from..to ('YYYY-MM' first and last) and the days around them. */
export function splitByMonths(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const firstWhole = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7))
  const lastWhole = monthDays(to.slice(0, 7))[1] === to ? to.slice(0, 7) : previousMonth(to.slice(0, 7))
  if (firstWhole > lastWhole) return { months: null, days: [[from, to]] }
  const days: [string, string][] = []
  const monthStart = `${firstWhole}-01`
  if (from < monthStart) days.push([from, dayOf(dayNumber(monthStart) - 1)])
  const monthEnd = monthDays(lastWhole)[1]
  if (to > monthEnd) days.push([dayOf(dayNumber(monthEnd) + 1), to])
  return { months: [firstWhole, lastWhole], days }
}
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** Refuses what no view should run: a day that does not exist, a range beyond the cap. */
export function checkRange(q: Pick<FiguresQuery, 'from' | 'to' | 'by'>): void {
  for (const day of [q.from, q.to])
    if (!isCalendarDay(day)) throw new HubError(400, HubErrorCodes.VALIDATION, `${day.slice(0, 10)} is not a calendar day (YYYY-MM-DD)`)
  if (q.to < q.from) throw new HubError(400, HubErrorCodes.VALIDATION, '`to` is before `from`')
  const days = dayNumber(q.to) - dayNumber(q.from) + 1
  const max = q.by === 'hour' ? MAX_HOUR_RANGE_DAYS : MAX_RANGE_DAYS
  if (days > max)
    throw new HubError(
      400,
      HubErrorCodes.RANGE_TOO_LONG,
      `${q.from}..${q.to} is ${days} days; ${q.by === 'hour' ? '"by hour" covers' : 'a national view covers'} at most ${max} days: ask for a shorter range`,
    )
}

/** One part of a union: `cols` of `table` (a rollup, named here) over a range of `column` ('day' or 'month'), with filters. */
const partOf = (cols: Fragment, table: string, column: 'day' | 'month', lo: string, hi: string, filters: readonly Fragment[]): Fragment =>
  sql`SELECT ${cols} FROM ${sql.table(table)} WHERE ${sql.join([sql`${sql.ref(column)} >= ${lo}`, sql`${sql.ref(column)} <= ${hi}`, ...filters], sql` AND `)}`
/** A month rollup for the whole months of the range and a day rollup for the days around them. */
function monthAndDayParts(q: FiguresQuery, cols: Fragment, monthTable: string, dayTable: string, filters: readonly Fragment[]): Fragment[] {
  const split = splitByMonths(q.from, q.to)
  return [
    ...(split.months ? [partOf(cols, monthTable, 'month', ...split.months, filters)] : []),
    ...split.days.map(([lo, hi]) => partOf(cols, dayTable, 'day', lo, hi, filters)),
  ]
}
const unionAll = (parts: readonly Fragment[]) => sql.join(parts, sql` UNION ALL `)

/**
 * The per-center rollup rows a query needs, as one subquery (filters pushed into each part).
 * `nationalKeys` keeps only the rows of those national keys (the unmapped services of a national "by service").
 */
export function rollupSource(q: FiguresQuery, nationalKeys?: readonly string[]): FigureSource {
  const filters: Fragment[] = []
  if (q.centerId) filters.push(sql`center_id = ${q.centerId}`)
  if (q.centerIds) filters.push(sql`center_id IN (${sql.join(q.centerIds)})`)
  if (q.governorate) filters.push(sql`center_id IN (SELECT id FROM hub_centers WHERE governorate = ${q.governorate})`)
  const byService = q.by === 'service' || q.serviceCode !== undefined
  if (q.serviceCode !== undefined) filters.push(sql`national_key = ${q.serviceCode}`)
  if (nationalKeys) filters.push(sql`national_key IN (${sql.join(nationalKeys)})`)
  const parts: Fragment[] = []
  const part = (cols: Fragment, table: string) => parts.push(partOf(cols, table, 'day', q.from, q.to, filters))
  if (q.by === 'hour') {
    if (byService) return hourlySource(q)
    part(sql`center_id, day, hour, ${FIGURES}`, 'hub_rollup_center_hour')
  } else if (q.by === 'day')
    part(
      byService ? sql`day, ${SERVICE_COLS}` : sql`center_id, day, ${FIGURES}`,
      byService ? 'hub_rollup_service_day' : 'hub_rollup_center_day',
    )
  else if (!byService)
    parts.push(...monthAndDayParts(q, sql`center_id, ${FIGURES}`, 'hub_rollup_center_month', 'hub_rollup_center_day', filters))
  else parts.push(...monthAndDayParts(q, SERVICE_COLS, 'hub_rollup_service_month', 'hub_rollup_service_day', filters))
  const union = unionAll(parts)
  // by day or hour, or over one day, the rollup rows are already at the grain the outer query groups by
  if (q.by === 'day' || q.by === 'hour' || q.from === q.to) return { from: sql`(${union})`, on: NOTHING }
  // over longer ranges they are summed to one row per center (and service) before the join, so the
  // join and its grouping see thousands of rows instead of one per rollup row
  const from = byService
    ? sql`(SELECT center_id, service_code, national_code, MAX(service_name_ar) AS service_name_ar, MAX(service_name_en) AS service_name_en, ${ROLLED}
        FROM (${union}) u GROUP BY center_id, service_code, national_code)`
    : sql`(SELECT center_id, ${ROLLED} FROM (${union}) u GROUP BY center_id)`
  return { from, on: NOTHING }
}

// biome-ignore lint/suspicious/noExplicitAny: rows come back from either dialect with its own value types; mapped field by field in figureRow and serviceFigureRow
type AnyRow = Record<string, any>

/** The whole country by day (optionally one national code) or by hour: the national rollups, a row per day or hour. */
async function nationalTimeFigures(db: HubDb, q: FiguresQuery): Promise<FigureRow[]> {
  const service = q.by !== 'hour' && q.serviceCode !== undefined ? sql` AND f.national_key = ${q.serviceCode}` : NOTHING
  const query =
    q.by === 'hour'
      ? sql<AnyRow>`SELECT CAST(f.hour AS TEXT) AS key, CAST(f.hour AS TEXT) AS name_ar, CAST(f.hour AS TEXT) AS name_en, NULL AS governorate,
          f.hour AS hour_n, ${SUMS} FROM hub_rollup_national_hour f WHERE f.day >= ${q.from} AND f.day <= ${q.to} GROUP BY f.hour ORDER BY hour_n`
      : sql<AnyRow>`SELECT f.day AS key, f.day AS name_ar, f.day AS name_en, NULL AS governorate, ${SUMS}
          FROM hub_rollup_national_day f WHERE f.day >= ${q.from} AND f.day <= ${q.to}${service} GROUP BY f.day ORDER BY key`
  return (await query.execute(db)).rows.map(figureRow)
}

/**
 * The whole country by service: the national rollups (every center's rows of a national key
 * already summed) read once, each key joined to the catalogue; the keys the catalogue does not
 * hold are services without a national code, each its own center's, summed from the per-center
 * rollups (only those keys are read). Mapped first, then unmapped; the route puts them in the hub's order.
 */
async function nationalServiceFigures(db: HubDb, q: FiguresQuery): Promise<FigureRow[]> {
  const filters = q.serviceCode !== undefined ? [sql`national_key = ${q.serviceCode}`] : []
  const union = unionAll(
    monthAndDayParts(q, sql`national_key, ${FIGURES}`, 'hub_rollup_national_month', 'hub_rollup_national_day', filters),
  )
  // one scan of the national rollups for both: a key without a catalogue entry comes back with a NULL code
  const { rows } =
    await sql<AnyRow>`SELECT f.national_key AS national_key, n.code AS key, MAX(n.name_ar) AS name_ar, MAX(n.name_en) AS name_en,
      MAX(n.group_ar) AS group_ar, MAX(n.group_en) AS group_en, ${SUMS}
    FROM (${union}) f LEFT JOIN hub_national_services n ON n.code = f.national_key GROUP BY f.national_key, n.code`.execute(db)
  const mapped = rows.filter((r) => r.key !== null).map(serviceFigureRow)
  const unmapped = rows.filter((r) => r.key === null).map((r) => String(r.national_key))
  if (unmapped.length === 0) return mapped
  return [...mapped, ...(await figuresFromSource(db, q, rollupSource(q, unmapped)))]
}

/** One national service by hour, over the country or one governorate: the rollup by governorate (the fold keeps it), a row per hour. */
async function serviceHourFigures(db: HubDb, q: FiguresQuery & { serviceCode: string }): Promise<FigureRow[]> {
  const governorate = q.governorate !== undefined ? sql` AND f.governorate = ${q.governorate}` : NOTHING
  const { rows } = await sql<AnyRow>`SELECT CAST(f.hour AS TEXT) AS key, CAST(f.hour AS TEXT) AS name_ar, CAST(f.hour AS TEXT) AS name_en,
      NULL AS governorate, f.hour AS hour_n, ${SUMS} FROM ${sql.table(SERVICE_HOUR_ROLLUP)} f
    WHERE f.national_key = ${q.serviceCode} AND f.day >= ${q.from} AND f.day <= ${q.to}${governorate} GROUP BY f.hour ORDER BY hour_n`.execute(
    db,
  )
  return rows.map(figureRow)
}

/** Which rollups a store has: migration 11's and 13's (`rollups`), 19's by hour for a service (`serviceHour`). */
export interface RollupReaders {
  rollups: boolean
  serviceHour: boolean
}

/** A view from the rollups: the national ones when it covers the whole country, else the per-center ones. */
async function figuresFromRollups(db: HubDb, q: FiguresQuery, serviceHour: boolean): Promise<FigureRow[]> {
  if (
    q.by === 'hour' &&
    q.serviceCode !== undefined &&
    q.centerId === undefined &&
    q.centerIds === undefined &&
    serviceHour &&
    (await serviceHourRollupKept(db))
  )
    return serviceHourFigures(db, { ...q, serviceCode: q.serviceCode })
  const national = q.governorate === undefined && q.centerId === undefined && q.centerIds === undefined
  if (national && (q.by === 'day' || (q.by === 'hour' && q.serviceCode === undefined))) return nationalTimeFigures(db, q)
  if (national && q.by === 'service') return nationalServiceFigures(db, q)
  return figuresFromSource(db, q, rollupSource(q))
}

/** A national view, range checked, from the rollups (the hourly rows before migration 11 built them); on PostgreSQL time-limited and without JIT. */
export async function nationalFigures(
  db: HubDb,
  q: FiguresQuery,
  has: RollupReaders = { rollups: true, serviceHour: true },
): Promise<FigureRow[]> {
  checkRange(q)
  if (q.centerIds?.length === 0) return []
  const read = (t: HubDb) => (has.rollups ? figuresFromRollups(t, q, has.serviceHour) : figuresFromSource(t, q, hourlySource(q)))
  const inTransaction = <T>(work: (t: HubDb) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work))
  // one snapshot for a view read in several queries (national by service)
  if (dialectOf(db) !== 'postgres') return inTransaction(read)
  try {
    return await inTransaction(async (t) => {
      await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(t)
      // a constant of this file, not input
      await sql`SET LOCAL statement_timeout = ${sql.lit(STATEMENT_TIMEOUT_MS)}`.execute(t)
      await sql`SET LOCAL jit = off`.execute(t)
      return read(t)
    })
  } catch (err) {
    if ((err as { code?: string }).code === '57014')
      throw new HubError(
        503,
        HubErrorCodes.QUERY_TIMEOUT,
        `the figures for ${q.from}..${q.to} took more than ${STATEMENT_TIMEOUT_MS / 1000} s: ask for a shorter range`,
      )
    throw err
  }
}

/** How many of a group's centers have a row in the range (the LEFT JOIN leaves f.center_id NULL for one without). */
const REPORTING = sql`COUNT(DISTINCT f.center_id) AS reporting_centers`

/** What a view groups by: its columns (before the sums) and its GROUP BY. */
const GROUPINGS: Record<GroupBy, { cols: Fragment; group: Fragment }> = {
  // the centers with any row in the range: 0 is "nothing reported", not a count of 0 (walk of 2026-12-05)
  governorate: {
    cols: sql`c.governorate AS key, c.governorate AS name_ar, c.governorate AS name_en, c.governorate AS governorate, ${REPORTING}`,
    group: sql`c.governorate`,
  },
  center: {
    cols: sql`c.id AS key, c.name_ar AS name_ar, c.name_en AS name_en, c.governorate AS governorate, ${REPORTING}`,
    group: sql`c.id, c.name_ar, c.name_en, c.governorate`,
  },
  service: {
    cols: sql`n.code AS key, CASE WHEN n.code IS NULL THEN f.center_id END AS unmapped_center,
        CASE WHEN n.code IS NULL THEN f.service_code END AS local_code,
        MAX(COALESCE(n.name_ar, f.service_name_ar)) AS name_ar, MAX(COALESCE(n.name_en, f.service_name_en)) AS name_en,
        MAX(n.group_ar) AS group_ar, MAX(n.group_en) AS group_en,
        CASE WHEN n.code IS NULL THEN MAX(c.governorate) END AS governorate,
        CASE WHEN n.code IS NULL THEN MAX(c.name_ar) END AS center_name_ar, CASE WHEN n.code IS NULL THEN MAX(c.name_en) END AS center_name_en`,
    group: sql`n.code, CASE WHEN n.code IS NULL THEN f.center_id END, CASE WHEN n.code IS NULL THEN f.service_code END`,
  },
  day: { cols: sql`f.day AS key, f.day AS name_ar, f.day AS name_en, NULL AS governorate`, group: sql`f.day` },
  hour: {
    cols: sql`CAST(f.hour AS TEXT) AS key, CAST(f.hour AS TEXT) AS name_ar, CAST(f.hour AS TEXT) AS name_en, NULL AS governorate, f.hour AS hour_n`,
    group: sql`f.hour`,
  },
}

/** Summed figures over the local days `from`..`to` (inclusive) from `source`, grouped by governorate, center, service, day or hour. */
export async function figuresFromSource(db: HubDb, q: FiguresQuery, source: FigureSource): Promise<FigureRow[]> {
  // centers and governorates are listed even without figures (a silent center is news); the rest only where there are figures
  const fromCenters = q.by === 'center' || q.by === 'governorate'
  const joins: Fragment[] = [
    fromCenters
      ? sql`FROM hub_centers c LEFT JOIN ${source.from} f ON f.center_id = c.id ${source.on}`
      : sql`FROM ${source.from} f JOIN hub_centers c ON c.id = f.center_id ${source.on}`,
  ]
  if (q.serviceCode) joins.push(sql`AND f.national_code = ${q.serviceCode}`)
  // a row counts under its national code only when the catalogue holds it; otherwise it is its center's own
  if (q.by === 'service') joins.push(sql`LEFT JOIN hub_national_services n ON n.code = f.national_code`)
  const filters: Fragment[] = []
  if (q.governorate) filters.push(sql`c.governorate = ${q.governorate}`)
  if (q.centerId) filters.push(sql`c.id = ${q.centerId}`)
  if (q.centerIds) filters.push(q.centerIds.length ? sql`c.id IN (${sql.join(q.centerIds)})` : sql`1 = 0`)
  const where = filters.length ? sql`WHERE ${sql.join(filters, sql` AND `)}` : NOTHING
  const { cols, group } = GROUPINGS[q.by]
  // days and hours in time order; governorates, centers and services in no order here: the route puts
  // them in the hub's one order (hub/figure-order.ts), which SQL's collation-bound ORDER BY could not give
  const order = q.by === 'hour' ? sql` ORDER BY hour_n` : q.by === 'day' ? sql` ORDER BY key` : NOTHING
  const { rows } = await sql<AnyRow>`SELECT ${cols}, ${SUMS} ${sql.join(joins, sql` `)} ${where} GROUP BY ${group}${order}`.execute(db)
  return rows.map(q.by === 'service' ? serviceFigureRow : figureRow)
}
