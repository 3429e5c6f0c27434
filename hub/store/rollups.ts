/**
 * The rollups of hub_figures (hub migration 11): the same sums at coarser grains, kept on ingest
 * in the batch's own transaction, so every national view reads thousands of rows instead of
 * millions. Each rollup row counts the hourly rows it sums (`source_rows`), so a re-sent or
 * revised hour replaces its old contribution instead of adding to it.
 */
import type { Dialect, Param, SqlDriver } from './driver.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'

export type FigureColumn = (typeof FIGURE_COLUMNS)[number]

/** One hourly row as stored in hub_figures (only the columns the rollups need). */
export type HourlyRow = {
  center_id: string
  day: string
  hour: number
  service_code: string
  national_code: string | null
  service_name_ar: string
  service_name_en: string
} & Record<FigureColumn, number>

/** A rollup table: its key columns and how an hourly row maps onto them. */
export interface RollupSpec {
  table: string
  /** Key columns, in primary-key order (day or month first: every view reads a range of them). */
  keys: readonly string[]
  /** Holds the service columns (service_code, national_key, names). */
  service: boolean
  keyOf(r: HourlyRow): Param[]
  /** The key columns computed from an hourly row `f` in SQL. */
  keyExprs(dialect: Dialect): string[]
  /** SQL matching the hourly rows of one key (`f.` columns), with its parameters. */
  match(key: Param[]): { sql: string; params: Param[] }
}

const monthOf = (day: string) => day.slice(0, 7)
/** The first and last local day of a month 'YYYY-MM'. */
export function monthDays(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`]
}
const nationalKey = (r: HourlyRow) => r.national_code ?? ''
const NATIONAL_KEY_SQL = "COALESCE(f.national_code, '')"

export const ROLLUPS: readonly RollupSpec[] = [
  {
    table: 'hub_rollup_center_hour',
    keys: ['day', 'hour', 'center_id'],
    service: false,
    keyOf: (r) => [r.day, r.hour, r.center_id],
    keyExprs: () => ['f.day', 'f.hour', 'f.center_id'],
    match: ([day, hour, center]) => ({ sql: 'f.day = ? AND f.hour = ? AND f.center_id = ?', params: [day, hour, center] }),
  },
  {
    table: 'hub_rollup_center_day',
    keys: ['day', 'center_id'],
    service: false,
    keyOf: (r) => [r.day, r.center_id],
    keyExprs: () => ['f.day', 'f.center_id'],
    match: ([day, center]) => ({ sql: 'f.day = ? AND f.center_id = ?', params: [day, center] }),
  },
  {
    table: 'hub_rollup_service_day',
    keys: ['day', 'center_id', 'service_code', 'national_key'],
    service: true,
    keyOf: (r) => [r.day, r.center_id, r.service_code, nationalKey(r)],
    keyExprs: () => ['f.day', 'f.center_id', 'f.service_code', NATIONAL_KEY_SQL],
    match: ([day, center, code, nk]) => ({
      sql: `f.day = ? AND f.center_id = ? AND f.service_code = ? AND ${NATIONAL_KEY_SQL} = ?`,
      params: [day, center, code, nk],
    }),
  },
  {
    table: 'hub_rollup_service_month',
    keys: ['month', 'center_id', 'service_code', 'national_key'],
    service: true,
    keyOf: (r) => [monthOf(r.day), r.center_id, r.service_code, nationalKey(r)],
    keyExprs: (dialect) => [
      dialect === 'postgres' ? "to_char(f.day, 'YYYY-MM')" : 'substr(f.day, 1, 7)',
      'f.center_id',
      'f.service_code',
      NATIONAL_KEY_SQL,
    ],
    match: ([month, center, code, nk]) => ({
      sql: `f.day >= ? AND f.day <= ? AND f.center_id = ? AND f.service_code = ? AND ${NATIONAL_KEY_SQL} = ?`,
      params: [...monthDays(String(month)), center, code, nk],
    }),
  },
]

const sumOf = (c: string) => (c === 'wait_max' ? `COALESCE(MAX(f.${c}), 0)` : `COALESCE(SUM(f.${c}), 0)`)

/** The CREATE statements of the rollup tables (day is a DATE on PostgreSQL, as in hub_figures there). */
export function rollupDdl(dialect: Dialect): string[] {
  const day = dialect === 'postgres' ? 'DATE' : 'TEXT'
  const types: Record<string, string> = {
    day: `${day} NOT NULL`,
    month: 'TEXT NOT NULL',
    hour: 'INTEGER NOT NULL',
    center_id: 'TEXT NOT NULL',
    service_code: 'TEXT NOT NULL',
    national_key: "TEXT NOT NULL DEFAULT ''",
  }
  return ROLLUPS.map((s) => {
    const cols = [
      ...s.keys.map((k) => `${k} ${types[k]}`),
      ...(s.service ? ['service_name_ar TEXT NOT NULL', 'service_name_en TEXT NOT NULL'] : []),
      'source_rows INTEGER NOT NULL',
      ...FIGURE_COLUMNS.map((c) => `${c} BIGINT NOT NULL DEFAULT 0`),
    ]
    return `CREATE TABLE ${s.table} (${cols.join(', ')}, PRIMARY KEY (${s.keys.join(', ')}))`
  })
}

/** Fills (or refills) one rollup from hub_figures; `where` limits it to some hourly rows. */
export function rebuildSql(s: RollupSpec, dialect: Dialect, where = ''): string {
  const keys = s.keyExprs(dialect)
  const names = s.service ? ['MAX(f.service_name_ar)', 'MAX(f.service_name_en)'] : []
  const cols = [...s.keys, ...(s.service ? ['service_name_ar', 'service_name_en'] : []), 'source_rows', ...FIGURE_COLUMNS]
  return `INSERT INTO ${s.table} (${cols.join(', ')})
    SELECT ${[...keys, ...names, 'COUNT(*)', ...FIGURE_COLUMNS.map(sumOf)].join(', ')}
    FROM hub_figures f ${where ? `WHERE ${where}` : ''} GROUP BY ${keys.join(', ')}`
}

/** An hourly row replaced (`old`, null when new) by `next` in this transaction. */
export interface HourlyChange {
  old: HourlyRow | null
  next: HourlyRow
}

interface Delta {
  key: Param[]
  rows: number
  sums: Record<FigureColumn, number>
  nameAr: string
  nameEn: string
  /** An old contribution left this key in a way a sum cannot undo (a lower maximum, another name, a row moved away). */
  exact: boolean
}

function deltasOf(s: RollupSpec, changes: readonly HourlyChange[]): Delta[] {
  const byKey = new Map<string, Delta>()
  const at = (r: HourlyRow) => {
    const key = s.keyOf(r)
    const id = JSON.stringify(key)
    let d = byKey.get(id)
    if (!d) {
      d = {
        key,
        rows: 0,
        sums: Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, 0])) as Delta['sums'],
        nameAr: '',
        nameEn: '',
        exact: false,
      }
      byKey.set(id, d)
    }
    return d
  }
  for (const { old, next } of changes) {
    const d = at(next)
    d.rows += 1
    for (const c of FIGURE_COLUMNS) d.sums[c] = c === 'wait_max' ? Math.max(d.sums[c], next[c]) : d.sums[c] + next[c]
    if (next.service_name_ar > d.nameAr) d.nameAr = next.service_name_ar
    if (next.service_name_en > d.nameEn) d.nameEn = next.service_name_en
    if (!old) continue
    const o = at(old)
    o.rows -= 1
    for (const c of FIGURE_COLUMNS) if (c !== 'wait_max') o.sums[c] -= old[c]
    const moved = o !== d
    if (
      moved ||
      old.wait_max > next.wait_max ||
      old.service_name_ar !== next.service_name_ar ||
      old.service_name_en !== next.service_name_en
    )
      o.exact = true
  }
  return [...byKey.values()]
}

/** PostgreSQL types of the rollups' key columns (their arrays bind the unnest() form). */
const PG_KEY_TYPES: Record<string, string> = {
  day: 'date',
  month: 'text',
  hour: 'int',
  center_id: 'text',
  service_code: 'text',
  national_key: 'text',
}

function upsertOf(s: RollupSpec, deltas: readonly Delta[], dialect: Dialect): { sql: string; params: Param[] } {
  const cols = [...s.keys, ...(s.service ? ['service_name_ar', 'service_name_en'] : []), 'source_rows', ...FIGURE_COLUMNS]
  const tuples = deltas.map((d) => [...d.key, ...(s.service ? [d.nameAr, d.nameEn] : []), d.rows, ...FIGURE_COLUMNS.map((c) => d.sums[c])])
  const t = s.table
  const greater = (c: string) => `${c} = CASE WHEN excluded.${c} > ${t}.${c} THEN excluded.${c} ELSE ${t}.${c} END`
  const set = [
    `source_rows = ${t}.source_rows + excluded.source_rows`,
    ...(s.service ? [greater('service_name_ar'), greater('service_name_en')] : []),
    ...FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? greater(c) : `${c} = ${t}.${c} + excluded.${c}`)),
  ]
  const conflict = `ON CONFLICT (${s.keys.join(', ')}) DO UPDATE SET ${set.join(', ')}`
  if (dialect === 'postgres') {
    // one array per column: the statement's size does not grow with the rows (a backlog of days stays one statement)
    const types = [
      ...s.keys.map((k) => PG_KEY_TYPES[k]),
      ...(s.service ? ['text', 'text'] : []),
      'int',
      ...FIGURE_COLUMNS.map(() => 'bigint'),
    ]
    return {
      sql: `INSERT INTO ${t} (${cols.join(', ')}) SELECT * FROM unnest(${types.map((ty) => `?::${ty}[]`).join(', ')}) ${conflict}`,
      params: cols.map((_, i) => tuples.map((row) => row[i] as string | number | null)),
    }
  }
  const tuple = `(${cols.map(() => '?').join(', ')})`
  return {
    sql: `INSERT INTO ${t} (${cols.join(', ')}) VALUES ${deltas.map(() => tuple).join(', ')} ${conflict}`,
    params: tuples.flat() as Param[],
  }
}

/**
 * Adds the changed hourly rows to every rollup, minus what the rows they replace had added.
 * Maxima and names cannot be subtracted: where a replaced row could have set them, they are
 * recomputed from hub_figures (rare: a revision lowers a maximum, renames a service or moves it
 * to another national code); a key left without hourly rows is deleted.
 */
export async function applyRollupDeltas(d: SqlDriver, changes: readonly HourlyChange[]): Promise<void> {
  if (changes.length === 0) return
  const perRollup = ROLLUPS.map((s) => ({ s, deltas: deltasOf(s, changes) }))
  if (d.dialect === 'postgres') {
    const upserts = perRollup.map(({ s, deltas }) => upsertOf(s, deltas, 'postgres'))
    // one round trip for the four upserts (data-modifying CTEs)
    const ctes = upserts.slice(0, -1).map((u, i) => `r${i} AS (${u.sql} RETURNING 1)`)
    const last = upserts[upserts.length - 1]
    await d.run(
      `WITH ${ctes.join(', ')} ${last.sql}`,
      upserts.flatMap((u) => u.params),
    )
  }
  // SQLite binds at most 32,766 values a statement: a long backlog's deltas go in slices
  else
    for (const { s, deltas } of perRollup)
      for (let i = 0; i < deltas.length; i += 200) {
        const u = upsertOf(s, deltas.slice(i, i + 200), 'sqlite')
        await d.run(u.sql, u.params)
      }
  for (const { s, deltas } of perRollup) for (const delta of deltas.filter((x) => x.exact)) await recomputeExact(d, s, delta.key)
}

async function recomputeExact(d: SqlDriver, s: RollupSpec, key: Param[]): Promise<void> {
  const m = s.match(key)
  const keyWhere = s.keys.map((k) => `${k} = ?`).join(' AND ')
  const of = (expr: string, fallback: string) => `COALESCE((SELECT ${expr} FROM hub_figures f WHERE ${m.sql}), ${fallback})`
  const sets = [`wait_max = ${of('MAX(f.wait_max)', '0')}`]
  const params: Param[] = [...m.params]
  if (s.service) {
    sets.push(`service_name_ar = ${of('MAX(f.service_name_ar)', "''")}`, `service_name_en = ${of('MAX(f.service_name_en)', "''")}`)
    params.push(...m.params, ...m.params)
  }
  await d.run(`UPDATE ${s.table} SET ${sets.join(', ')} WHERE ${keyWhere}`, [...params, ...key])
  await d.run(`DELETE FROM ${s.table} WHERE ${keyWhere} AND source_rows <= 0`, key)
}
