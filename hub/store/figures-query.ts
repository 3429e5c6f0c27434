/**
 * The national figures queries. Every view reads the rollups (hub/store/rollups.ts):
 * - the whole country by day, by hour or by service: the national rollups (no center), by
 *   national code and day or month, or by hour of a day (services without a code in the catalogue
 *   from the per-center ones, only their keys);
 * - by governorate or center: the center-month rollup for the whole months of the range and the
 *   center-day one for the days around them (center-day alone by day, center-hour by hour);
 * - with one national service: the service-month and service-day rollups, found by their code.
 * Only "by hour" for one national service reads the hourly rows (range capped at 31 days).
 * Ranges are capped (HUB_ERR_RANGE_TOO_LONG); on PostgreSQL each query runs with a statement
 * timeout (HUB_ERR_QUERY_TIMEOUT) and without JIT, which costs more than it saves on queries this small.
 */
import { HubErrorCodes } from '../../protocol/upstream.ts'
import type { FigureRow, GroupBy } from '../../protocol/hub-api.ts'
import { HubError } from '../errors.ts'
import type { Param, SqlDriver } from './driver.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'
import { figureRow, serviceFigureRow } from './figure-rows.ts'
import { isCalendarDay } from './figures-ingest.ts'
import { monthDays } from './rollups.ts'

export { GROUP_BYS, type GroupBy } from '../../protocol/hub-api.ts'

export interface FiguresQuery {
  from: string
  to: string
  by: GroupBy
  governorate?: string
  centerId?: string
  /** A national service code of the catalogue. */
  serviceCode?: string
}

// the range caps are the wire contract's, so the page can word them: protocol/hub-analysis.ts
import { MAX_HOUR_RANGE_DAYS, MAX_RANGE_DAYS } from '../../protocol/hub-analysis.ts'
/** A national query taking longer than this on PostgreSQL is cancelled (HUB_ERR_QUERY_TIMEOUT). */
export const STATEMENT_TIMEOUT_MS = 5000

/** Where a query reads its rows: a table or a subquery, as `f`, with the join's extra conditions. */
export interface FigureSource {
  sql: string
  on: string
  params: Param[]
}

/** The hourly rows themselves (what every query read before the rollups). */
export const hourlySource = (q: Pick<FiguresQuery, 'from' | 'to'>): FigureSource => ({
  sql: 'hub_figures',
  on: 'AND f.day >= ? AND f.day <= ?',
  params: [q.from, q.to],
})

const FIGURES = FIGURE_COLUMNS.join(', ')
const SERVICE_COLS = `center_id, service_code, NULLIF(national_key, '') AS national_code, service_name_ar, service_name_en, ${FIGURES}`
const SUMS = FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? `COALESCE(MAX(f.${c}), 0) AS ${c}` : `COALESCE(SUM(f.${c}), 0) AS ${c}`)).join(
  ', ',
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
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
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

/** Parts of a union: `cols` of `table` over a range of `column`, with filters. */
type Part = { sql: string; params: Param[] }
const partOf = (cols: string, table: string, column: string, lo: string, hi: string, filters: string[], filterParams: Param[]): Part => ({
  sql: `SELECT ${cols} FROM ${table} WHERE ${[`${column} >= ?`, `${column} <= ?`, ...filters].join(' AND ')}`,
  params: [lo, hi, ...filterParams],
})
/** A month rollup for the whole months of the range and a day rollup for the days around them. */
function monthAndDayParts(
  q: FiguresQuery,
  cols: string,
  monthTable: string,
  dayTable: string,
  filters: string[],
  filterParams: Param[],
): Part[] {
  const split = splitByMonths(q.from, q.to)
  return [
    ...(split.months ? [partOf(cols, monthTable, 'month', ...split.months, filters, filterParams)] : []),
    ...split.days.map(([lo, hi]) => partOf(cols, dayTable, 'day', lo, hi, filters, filterParams)),
  ]
}

/**
 * The per-center rollup rows a query needs, as one subquery (filters pushed into each part).
 * `nationalKeys` keeps only the rows of those national keys (the unmapped services of a national "by service").
 */
export function rollupSource(q: FiguresQuery, nationalKeys?: readonly string[]): FigureSource {
  const filters: string[] = []
  const filterParams: Param[] = []
  if (q.centerId) {
    filters.push('center_id = ?')
    filterParams.push(q.centerId)
  }
  if (q.governorate) {
    filters.push('center_id IN (SELECT id FROM hub_centers WHERE governorate = ?)')
    filterParams.push(q.governorate)
  }
  const byService = q.by === 'service' || q.serviceCode !== undefined
  if (q.serviceCode !== undefined) {
    filters.push('national_key = ?')
    filterParams.push(q.serviceCode)
  }
  if (nationalKeys) {
    filters.push(`national_key IN (${nationalKeys.map(() => '?').join(', ')})`)
    filterParams.push(...nationalKeys)
  }
  const parts: Part[] = []
  const part = (cols: string, table: string) => parts.push(partOf(cols, table, 'day', q.from, q.to, filters, filterParams))
  if (q.by === 'hour') {
    if (byService) return hourlySource(q)
    part(`center_id, day, hour, ${FIGURES}`, 'hub_rollup_center_hour')
  } else if (q.by === 'day')
    part(byService ? `day, ${SERVICE_COLS}` : `center_id, day, ${FIGURES}`, byService ? 'hub_rollup_service_day' : 'hub_rollup_center_day')
  else if (!byService)
    parts.push(...monthAndDayParts(q, `center_id, ${FIGURES}`, 'hub_rollup_center_month', 'hub_rollup_center_day', filters, filterParams))
  else parts.push(...monthAndDayParts(q, SERVICE_COLS, 'hub_rollup_service_month', 'hub_rollup_service_day', filters, filterParams))
  const union = parts.map((p) => p.sql).join(' UNION ALL ')
  const params = parts.flatMap((p) => p.params)
  // by day or hour, or over one day, the rollup rows are already at the grain the outer query groups by
  if (q.by === 'day' || q.by === 'hour' || q.from === q.to) return { sql: `(${union})`, on: '', params }
  // over longer ranges they are summed to one row per center (and service) before the join, so the
  // join and its grouping see thousands of rows instead of one per rollup row
  const groups = ['center_id', ...(byService ? ['service_code', 'national_code'] : [])]
  const names = byService ? ['MAX(service_name_ar) AS service_name_ar', 'MAX(service_name_en) AS service_name_en'] : []
  const sums = FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? `MAX(${c}) AS ${c}` : `SUM(${c}) AS ${c}`))
  return { sql: `(SELECT ${[...groups, ...names, ...sums].join(', ')} FROM (${union}) u GROUP BY ${groups.join(', ')})`, on: '', params }
}

/** The whole country by day (optionally one national code) or by hour: the national rollups, a row per day or hour. */
async function nationalTimeFigures(d: SqlDriver, q: FiguresQuery): Promise<FigureRow[]> {
  const hour = q.by === 'hour'
  const cols = hour
    ? 'CAST(f.hour AS TEXT) AS key, CAST(f.hour AS TEXT) AS name_ar, CAST(f.hour AS TEXT) AS name_en, NULL AS governorate, f.hour AS hour_n'
    : 'f.day AS key, f.day AS name_ar, f.day AS name_en, NULL AS governorate'
  const service = !hour && q.serviceCode !== undefined ? ' AND f.national_key = ?' : ''
  // biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field in figureRow
  const rows = await d.all<Record<string, any>>(
    `SELECT ${cols}, ${SUMS} FROM ${hour ? 'hub_rollup_national_hour' : 'hub_rollup_national_day'} f
     WHERE f.day >= ? AND f.day <= ?${service} GROUP BY ${hour ? 'f.hour' : 'f.day'} ORDER BY ${hour ? 'hour_n' : 'key'}`,
    [q.from, q.to, ...(service ? [q.serviceCode as string] : [])],
  )
  return rows.map(figureRow)
}

/**
 * The whole country by service: the national codes of the catalogue from the national rollups
 * (every center's rows of a code already summed), then the services without a code in the
 * catalogue, each its own center's, from the per-center rollups (only their keys are read).
 * Mapped first, then unmapped, as one query ordered them.
 */
async function nationalServiceFigures(d: SqlDriver, q: FiguresQuery): Promise<FigureRow[]> {
  const filters = q.serviceCode !== undefined ? ['national_key = ?'] : []
  const filterParams = q.serviceCode !== undefined ? [q.serviceCode] : []
  const parts = monthAndDayParts(
    q,
    `national_key, ${FIGURES}`,
    'hub_rollup_national_month',
    'hub_rollup_national_day',
    filters,
    filterParams,
  )
  const union = `(${parts.map((p) => p.sql).join(' UNION ALL ')})`
  const params = parts.flatMap((p) => p.params)
  // biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field in serviceFigureRow
  const mapped = await d.all<Record<string, any>>(
    `SELECT n.code AS key, MAX(n.name_ar) AS name_ar, MAX(n.name_en) AS name_en, MAX(n.group_ar) AS group_ar, MAX(n.group_en) AS group_en, ${SUMS}
     FROM ${union} f JOIN hub_national_services n ON n.code = f.national_key GROUP BY n.code ORDER BY key`,
    params,
  )
  const unmapped = await d.all<{ k: string }>(
    `SELECT DISTINCT f.national_key AS k FROM ${union} f LEFT JOIN hub_national_services n ON n.code = f.national_key WHERE n.code IS NULL`,
    params,
  )
  const rows = mapped.map(serviceFigureRow)
  if (unmapped.length === 0) return rows
  return [
    ...rows,
    ...(await figuresFromSource(
      d,
      q,
      rollupSource(
        q,
        unmapped.map((u) => u.k),
      ),
    )),
  ]
}

/** A view from the rollups: the national ones when it covers the whole country, else the per-center ones. */
async function figuresFromRollups(d: SqlDriver, q: FiguresQuery): Promise<FigureRow[]> {
  const national = q.governorate === undefined && q.centerId === undefined
  if (national && (q.by === 'day' || (q.by === 'hour' && q.serviceCode === undefined))) return nationalTimeFigures(d, q)
  if (national && q.by === 'service') return nationalServiceFigures(d, q)
  return figuresFromSource(d, q, rollupSource(q))
}

/** A national view, range checked, from the rollups (the hourly rows before migration 11 built them); on PostgreSQL time-limited and without JIT. */
export async function nationalFigures(d: SqlDriver, q: FiguresQuery, rollups = true): Promise<FigureRow[]> {
  checkRange(q)
  const read = (t: SqlDriver) => (rollups ? figuresFromRollups(t, q) : figuresFromSource(t, q, hourlySource(q)))
  // one snapshot for a view read in several queries (national by service)
  if (d.dialect !== 'postgres') return d.tx(read)
  try {
    return await d.tx(async (t) => {
      await t.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
      await t.exec(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`)
      await t.exec('SET LOCAL jit = off')
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

/** Summed figures over the local days `from`..`to` (inclusive) from `source`, grouped by governorate, center, service, day or hour. */
export async function figuresFromSource(d: SqlDriver, q: FiguresQuery, source: FigureSource): Promise<FigureRow[]> {
  // centers and governorates are listed even without figures (a silent center is news); the rest only where there are figures
  const fromCenters = q.by === 'center' || q.by === 'governorate'
  const params: Param[] = [...source.params]
  let join = fromCenters
    ? `FROM hub_centers c LEFT JOIN ${source.sql} f ON f.center_id = c.id ${source.on}`
    : `FROM ${source.sql} f JOIN hub_centers c ON c.id = f.center_id ${source.on}`
  if (q.serviceCode) {
    join += ' AND f.national_code = ?'
    params.push(q.serviceCode)
  }
  // a row counts under its national code only when the catalogue holds it; otherwise it is its center's own
  if (q.by === 'service') join += ' LEFT JOIN hub_national_services n ON n.code = f.national_code'
  const filters: string[] = []
  if (q.governorate) {
    filters.push('c.governorate = ?')
    params.push(q.governorate)
  }
  if (q.centerId) {
    filters.push('c.id = ?')
    params.push(q.centerId)
  }
  const where = filters.length ? `WHERE ${filters.join(' AND ')}` : ''
  const select = {
    governorate: {
      cols: `c.governorate AS key, c.governorate AS name_ar, c.governorate AS name_en, c.governorate AS governorate`,
      group: 'c.governorate',
    },
    center: {
      cols: `c.id AS key, c.name_ar AS name_ar, c.name_en AS name_en, c.governorate AS governorate`,
      group: 'c.id, c.name_ar, c.name_en, c.governorate',
    },
    service: {
      cols: `n.code AS key, CASE WHEN n.code IS NULL THEN f.center_id END AS unmapped_center,
        CASE WHEN n.code IS NULL THEN f.service_code END AS local_code,
        MAX(COALESCE(n.name_ar, f.service_name_ar)) AS name_ar, MAX(COALESCE(n.name_en, f.service_name_en)) AS name_en,
        MAX(n.group_ar) AS group_ar, MAX(n.group_en) AS group_en,
        CASE WHEN n.code IS NULL THEN MAX(c.governorate) END AS governorate,
        CASE WHEN n.code IS NULL THEN MAX(c.name_ar) END AS center_name_ar, CASE WHEN n.code IS NULL THEN MAX(c.name_en) END AS center_name_en`,
      group: 'n.code, CASE WHEN n.code IS NULL THEN f.center_id END, CASE WHEN n.code IS NULL THEN f.service_code END',
    },
    day: { cols: `f.day AS key, f.day AS name_ar, f.day AS name_en, NULL AS governorate`, group: 'f.day' },
    hour: {
      cols: `CAST(f.hour AS TEXT) AS key, CAST(f.hour AS TEXT) AS name_ar, CAST(f.hour AS TEXT) AS name_en, NULL AS governorate, f.hour AS hour_n`,
      group: 'f.hour',
    },
  }[q.by]
  const order =
    q.by === 'hour' ? 'hour_n' : q.by === 'service' ? 'CASE WHEN n.code IS NULL THEN 1 ELSE 0 END, key, unmapped_center, local_code' : 'key'
  // biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
  const rows = await d.all<Record<string, any>>(
    `SELECT ${select.cols}, ${SUMS} ${join} ${where} GROUP BY ${select.group} ORDER BY ${order}`,
    params,
  )
  return rows.map(q.by === 'service' ? serviceFigureRow : figureRow)
}
