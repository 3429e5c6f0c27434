/**
 * The rollups of hub_figures: the same sums at coarser grains, kept on ingest in the batch's own
 * transaction, so every national view reads hundreds or thousands of rows instead of millions.
 * Each rollup row counts the hourly rows it sums (`source_rows`), so a re-sent or revised hour
 * replaces its old contribution instead of adding to it. Migration 11 made the first four (per
 * center); migration 13 the national ones (no center: every center's rows summed) and the
 * center-month one, which the views over months and years read.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Dialect } from './database.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'

/** One value of a rollup's key (a day, a month, an hour, a center, a code, a shard). */
export type KeyValue = string | number

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

/** Where a rollup key's maximum wait and names are recomputed from: a table as `f` and the rows of that key. */
export interface KeyRows {
  from: string
  where: RawBuilder<unknown>
}

/** A rollup table: its key columns and how an hourly row maps onto them. */
export interface RollupSpec {
  table: string
  /** Key columns, in primary-key order (day or month first: every view reads a range of them). */
  keys: readonly string[]
  /** Holds the service's names (service_name_ar, service_name_en). */
  names: boolean
  /** The hub migration that creates it. */
  migration: 11 | 13
  keyOf(r: HourlyRow): KeyValue[]
  /** The key columns computed from an hourly row `f` in SQL (hub_figures' columns). */
  keyExprs(dialect: Dialect): string[]
  /**
   * The rows a key's maximum wait (and names) are recomputed from when a revision lowers or moves
   * them: hub_figures by its primary key, or the finer rollup it is summed from (kept exact first).
   */
  exactFrom(key: KeyValue[], dialect: Dialect): KeyRows
  /** A finer rollup this one is the sum of (built from it, which is faster than from the hourly rows). */
  summedFrom?: { table: string; keyExprs(dialect: Dialect): string[] }
}

const monthOf = (day: string) => day.slice(0, 7)
/** The first and last local day of a month 'YYYY-MM'. */
export function monthDays(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`]
}
/** 'YYYY-MM' of the month after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
/**
 * The months 'YYYY-MM' of `table`'s days (the month of its first day to that of its last; none when
 * it is empty), each with the first day of it and of the next: what a migration over every hourly
 * row works one at a time (a national year in one statement sorted or hashed all its 184 M rows at
 * once: rollup-service-hour.ts). `table` is one of the hub's own, with a `day` column.
 */
// biome-ignore lint/suspicious/noExplicitAny: run by migrations, which see the schema as it was then
export async function monthsOf(db: Kysely<any>, table: string): Promise<{ month: string; from: string; before: string }[]> {
  const { rows } = await sql<{
    first: string | null
    last: string | null
  }>`SELECT MIN(day) AS first, MAX(day) AS last FROM ${sql.table(table)}`.execute(db)
  const [first, last] = [rows[0]?.first, rows[0]?.last]
  const out: { month: string; from: string; before: string }[] = []
  if (first && last)
    for (let month = String(first).slice(0, 7); month <= String(last).slice(0, 7); month = nextMonth(month))
      out.push({ month, from: `${month}-01`, before: `${nextMonth(month)}-01` })
  return out
}
const nationalKey = (r: HourlyRow) => r.national_code ?? ''
const NATIONAL_KEY_SQL = "COALESCE(f.national_code, '')"
/**
 * The national rollups are split in SHARDS rows per key by center (`shard`), so centers storing
 * the same day at once lock different rows instead of queueing on one (each transaction holds its
 * shard's rows to its commit). The views sum the shards. SQLite has one writer: one shard, 0.
 */
export const SHARDS = 8
// (SQLite: CAST, since a bare 0 in GROUP BY would name the first column)
export const shardSql = (dialect: Dialect) => (dialect === 'postgres' ? `(hashtext(f.center_id) & ${SHARDS - 1})` : 'CAST(0 AS INTEGER)')
export const monthSql = (dialect: Dialect, column = 'f.day') =>
  dialect === 'postgres' ? `to_char(${column}, 'YYYY-MM')` : `substr(${column}, 1, 7)`

export const ROLLUPS: readonly RollupSpec[] = [
  {
    table: 'hub_rollup_center_hour',
    keys: ['day', 'hour', 'center_id'],
    names: false,
    migration: 11,
    keyOf: (r) => [r.day, r.hour, r.center_id],
    keyExprs: () => ['f.day', 'f.hour', 'f.center_id'],
    exactFrom: ([day, hour, center]) => ({
      from: 'hub_figures',
      where: sql`f.center_id = ${center} AND f.day = ${day} AND f.hour = ${hour}`,
    }),
  },
  {
    table: 'hub_rollup_center_day',
    keys: ['day', 'center_id'],
    names: false,
    migration: 11,
    keyOf: (r) => [r.day, r.center_id],
    keyExprs: () => ['f.day', 'f.center_id'],
    exactFrom: ([day, center]) => ({ from: 'hub_figures', where: sql`f.center_id = ${center} AND f.day = ${day}` }),
  },
  {
    table: 'hub_rollup_service_day',
    keys: ['day', 'center_id', 'service_code', 'national_key'],
    names: true,
    migration: 11,
    keyOf: (r) => [r.day, r.center_id, r.service_code, nationalKey(r)],
    keyExprs: () => ['f.day', 'f.center_id', 'f.service_code', NATIONAL_KEY_SQL],
    exactFrom: ([day, center, code, nk]) => ({
      from: 'hub_figures',
      where: sql`f.center_id = ${center} AND f.day = ${day} AND f.service_code = ${code} AND ${sql.raw(NATIONAL_KEY_SQL)} = ${nk}`,
    }),
  },
  {
    table: 'hub_rollup_service_month',
    keys: ['month', 'center_id', 'service_code', 'national_key'],
    names: true,
    migration: 11,
    keyOf: (r) => [monthOf(r.day), r.center_id, r.service_code, nationalKey(r)],
    keyExprs: (dialect) => [monthSql(dialect), 'f.center_id', 'f.service_code', NATIONAL_KEY_SQL],
    exactFrom: ([month, center, code, nk]) => {
      const [first, last] = monthDays(String(month))
      return {
        from: 'hub_figures',
        where: sql`f.center_id = ${center} AND f.day >= ${first} AND f.day <= ${last} AND f.service_code = ${code} AND ${sql.raw(NATIONAL_KEY_SQL)} = ${nk}`,
      }
    },
    // (the deferred fold rebuilds a center's months from its days: rollup-fold.ts)
    summedFrom: {
      table: 'hub_rollup_service_day',
      keyExprs: (dialect) => [monthSql(dialect), 'f.center_id', 'f.service_code', 'f.national_key'],
    },
  },
  // --- migration 13
  {
    table: 'hub_rollup_center_month',
    keys: ['month', 'center_id'],
    names: false,
    migration: 13,
    keyOf: (r) => [monthOf(r.day), r.center_id],
    keyExprs: (dialect) => [monthSql(dialect), 'f.center_id'],
    exactFrom: ([month, center]) => {
      const [first, last] = monthDays(String(month))
      return { from: 'hub_rollup_center_day', where: sql`f.day >= ${first} AND f.day <= ${last} AND f.center_id = ${center}` }
    },
    summedFrom: { table: 'hub_rollup_center_day', keyExprs: (dialect) => [monthSql(dialect), 'f.center_id'] },
  },
  {
    // the hour of a day over every center and service: one row per hour, so a center's day of 720 rows
    // touches 24 of these shared rows (by national code too it would be all 720, every call serialized on them)
    table: 'hub_rollup_national_hour',
    keys: ['day', 'hour', 'shard'],
    names: false,
    migration: 13,
    keyOf: (r) => [r.day, r.hour, 0],
    keyExprs: (dialect) => ['f.day', 'f.hour', shardSql(dialect)],
    exactFrom: ([day, hour, shard], dialect) => ({
      from: 'hub_rollup_center_hour',
      where: sql`f.day = ${day} AND f.hour = ${hour} AND ${sql.raw(shardSql(dialect))} = ${shard}`,
    }),
    summedFrom: { table: 'hub_rollup_center_hour', keyExprs: (dialect) => ['f.day', 'f.hour', shardSql(dialect)] },
  },
  {
    table: 'hub_rollup_national_day',
    keys: ['day', 'shard', 'national_key'],
    names: false,
    migration: 13,
    keyOf: (r) => [r.day, 0, nationalKey(r)],
    keyExprs: (dialect) => ['f.day', shardSql(dialect), NATIONAL_KEY_SQL],
    exactFrom: ([day, shard, nk], dialect) => ({
      from: 'hub_rollup_service_day',
      where: sql`f.day = ${day} AND ${sql.raw(shardSql(dialect))} = ${shard} AND f.national_key = ${nk}`,
    }),
    summedFrom: { table: 'hub_rollup_service_day', keyExprs: (dialect) => ['f.day', shardSql(dialect), 'f.national_key'] },
  },
  {
    table: 'hub_rollup_national_month',
    keys: ['month', 'shard', 'national_key'],
    names: false,
    migration: 13,
    keyOf: (r) => [monthOf(r.day), 0, nationalKey(r)],
    keyExprs: (dialect) => [monthSql(dialect), shardSql(dialect), NATIONAL_KEY_SQL],
    exactFrom: ([month, shard, nk], dialect) => ({
      from: 'hub_rollup_service_month',
      where: sql`f.month = ${month} AND ${sql.raw(shardSql(dialect))} = ${shard} AND f.national_key = ${nk}`,
    }),
    summedFrom: { table: 'hub_rollup_service_month', keyExprs: (dialect) => ['f.month', shardSql(dialect), 'f.national_key'] },
  },
]

/** The rollups a migration creates. */
export const rollupsOf = (migration: 11 | 13) => ROLLUPS.filter((s) => s.migration === migration)

/** The figure columns a rollup is built with: today's, or those of the migration building it (figureColumnsAt). */
type Columns = readonly FigureColumn[]

/** A rollup's columns in the order its rows are written. */
export const rollupColumns = (s: RollupSpec, columns: Columns = FIGURE_COLUMNS) => [
  ...s.keys,
  ...(s.names ? ['service_name_ar', 'service_name_en'] : []),
  'source_rows',
  ...columns,
]

/** A figure column summed over the rows `f` (its maximum for wait_max), 0 for none. */
export const sumOf = (c: string) => (c === 'wait_max' ? `COALESCE(MAX(f.${c}), 0)` : `COALESCE(SUM(f.${c}), 0)`)

/** The CREATE statements of the rollup tables (day is a DATE on PostgreSQL, as in hub_figures there). */
export function rollupDdl(dialect: Dialect, specs: readonly RollupSpec[] = ROLLUPS, columns: Columns = FIGURE_COLUMNS): string[] {
  const day = dialect === 'postgres' ? 'DATE' : 'TEXT'
  const types: Record<string, string> = {
    day: `${day} NOT NULL`,
    month: 'TEXT NOT NULL',
    hour: 'INTEGER NOT NULL',
    center_id: 'TEXT NOT NULL',
    service_code: 'TEXT NOT NULL',
    national_key: "TEXT NOT NULL DEFAULT ''",
    shard: 'INTEGER NOT NULL',
  }
  return specs.map((s) => {
    const cols = [
      ...s.keys.map((k) => `${k} ${types[k]}`),
      ...(s.names ? ['service_name_ar TEXT NOT NULL', 'service_name_en TEXT NOT NULL'] : []),
      'source_rows INTEGER NOT NULL',
      ...columns.map((c) => `${c} BIGINT NOT NULL DEFAULT 0`),
    ]
    return `CREATE TABLE ${s.table} (${cols.join(', ')}, PRIMARY KEY (${s.keys.join(', ')}))`
  })
}

/** Fills (or refills) one rollup from hub_figures, its definition; `where` limits it to some hourly rows. */
export function rebuildSql(s: RollupSpec, dialect: Dialect, where = '', columns: Columns = FIGURE_COLUMNS): string {
  const keys = s.keyExprs(dialect)
  const names = s.names ? ['MAX(f.service_name_ar)', 'MAX(f.service_name_en)'] : []
  return `INSERT INTO ${s.table} (${rollupColumns(s, columns).join(', ')})
    SELECT ${[...keys, ...names, 'COUNT(*)', ...columns.map(sumOf)].join(', ')}
    FROM hub_figures f ${where ? `WHERE ${where}` : ''} GROUP BY ${keys.join(', ')}`
}

/** Fills one rollup from the finer rollup it sums (the same rows as rebuildSql, read from far fewer); `where` limits the finer rows. */
export function rebuildFromFinerSql(s: RollupSpec, dialect: Dialect, where = '', columns: Columns = FIGURE_COLUMNS): string {
  if (!s.summedFrom) return rebuildSql(s, dialect, where, columns)
  const keys = s.summedFrom.keyExprs(dialect)
  const names = s.names ? ['MAX(f.service_name_ar)', 'MAX(f.service_name_en)'] : []
  const sums = columns.map((c) => (c === 'wait_max' ? `MAX(f.${c})` : `SUM(f.${c})`))
  return `INSERT INTO ${s.table} (${rollupColumns(s, columns).join(', ')})
    SELECT ${[...keys, ...names, 'SUM(f.source_rows)', ...sums].join(', ')}
    FROM ${s.summedFrom.table} f ${where ? `WHERE ${where}` : ''} GROUP BY ${keys.join(', ')}`
}
