/**
 * The rollups kept on ingest as *new minus old*: the changed hourly rows are added to every
 * rollup, minus what the rows they replace had added. On SQLite the deltas are summed here, in
 * process; on PostgreSQL the same sums are one statement beside the upsert (rollup-merge-pg.ts).
 * What a subtraction cannot undo (a lower maximum, a renamed service, a row moved to another
 * national code, a row deleted) is recomputed for that one key afterwards, by both (recomputeExact).
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf } from './database.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'
import { type FigureColumn, type HourlyRow, type KeyValue, ROLLUPS, type RollupSpec, rollupColumns } from './rollups.ts'

/** An hourly row replaced (`old`, null when new) by `next` in this transaction; `next` null: `old` deleted (its hour's newer batch no longer holds it). */
export type HourlyChange = { old: HourlyRow | null; next: HourlyRow } | { old: HourlyRow; next: null }

interface Delta {
  key: KeyValue[]
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
    if (!next) {
      // deleted: its sums leave the key, and its maximum and names may have been the key's
      const o = at(old)
      o.rows -= 1
      for (const c of FIGURE_COLUMNS) if (c !== 'wait_max') o.sums[c] -= old[c]
      o.exact = true
      continue
    }
    const d = at(next)
    d.rows += 1
    for (const c of FIGURE_COLUMNS) d.sums[c] = c === 'wait_max' ? Math.max(d.sums[c], next[c]) : d.sums[c] + next[c]
    if (next.service_name_ar > d.nameAr) d.nameAr = next.service_name_ar
    if (next.service_name_en > d.nameEn) d.nameEn = next.service_name_en
    if (!old) continue
    const o = at(old)
    o.rows -= 1
    for (const c of FIGURE_COLUMNS) if (c !== 'wait_max') o.sums[c] -= old[c]
    if (
      o !== d ||
      old.wait_max > next.wait_max ||
      (s.names && (old.service_name_ar !== next.service_name_ar || old.service_name_en !== next.service_name_en))
    )
      o.exact = true
  }
  return [...byKey.values()]
}

/** `source_rows` and the sums added, the maximum and the names kept when greater (SQL shared with the PostgreSQL statement). */
export function rollupConflictSql(s: RollupSpec): string {
  const t = s.table
  const greater = (c: string) => `${c} = CASE WHEN excluded.${c} > ${t}.${c} THEN excluded.${c} ELSE ${t}.${c} END`
  const set = [
    `source_rows = ${t}.source_rows + excluded.source_rows`,
    ...(s.names ? [greater('service_name_ar'), greater('service_name_en')] : []),
    ...FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? greater(c) : `${c} = ${t}.${c} + excluded.${c}`)),
  ]
  return `ON CONFLICT (${s.keys.join(', ')}) DO UPDATE SET ${set.join(', ')}`
}

/** SQLite binds at most 32,766 values a statement: a long backlog's deltas go in slices. */
const SLICE = 200

/** Adds the changed hourly rows to every rollup (SQLite), then recomputes what a sum cannot undo. */
// biome-ignore lint/suspicious/noExplicitAny: the rollup tables are outside the typed schema
export async function applyRollupDeltas(db: Kysely<any>, changes: readonly HourlyChange[]): Promise<void> {
  if (changes.length === 0) return
  const exact: [RollupSpec, KeyValue[]][] = []
  for (const s of ROLLUPS) {
    const deltas = deltasOf(s, changes)
    const cols = sql.join(rollupColumns(s).map((c) => sql.ref(c)))
    for (let i = 0; i < deltas.length; i += SLICE) {
      const tuples = deltas
        .slice(i, i + SLICE)
        .map(
          (x) => sql`(${sql.join([...x.key, ...(s.names ? [x.nameAr, x.nameEn] : []), x.rows, ...FIGURE_COLUMNS.map((c) => x.sums[c])])})`,
        )
      await sql`INSERT INTO ${sql.table(s.table)} (${cols}) VALUES ${sql.join(tuples)} ${sql.raw(rollupConflictSql(s))}`.execute(db)
    }
    for (const x of deltas) if (x.exact) exact.push([s, x.key])
  }
  for (const [s, key] of exact) await recomputeExact(db, s, key)
}

/**
 * Recomputes one rollup key's maximum wait (and names) from the rows it sums, and deletes the key
 * when no hourly row is left in it. Called in ROLLUPS order, so a rollup summed from a finer one
 * reads it already exact.
 */
// biome-ignore lint/suspicious/noExplicitAny: the rollup tables are outside the typed schema
export async function recomputeExact(db: Kysely<any>, s: RollupSpec, key: KeyValue[]): Promise<void> {
  const m = s.exactFrom(key, dialectOf(db))
  const keyWhere = sql.join(
    s.keys.map((k, i) => sql`${sql.ref(k)} = ${key[i]}`),
    sql` AND `,
  )
  const of = (expr: string, fallback: string) =>
    sql`COALESCE((SELECT ${sql.raw(expr)} FROM ${sql.table(m.from)} f WHERE ${m.where}), ${sql.raw(fallback)})`
  const sets = [sql`wait_max = ${of('MAX(f.wait_max)', '0')}`]
  if (s.names)
    sets.push(sql`service_name_ar = ${of('MAX(f.service_name_ar)', "''")}`, sql`service_name_en = ${of('MAX(f.service_name_en)', "''")}`)
  await sql`UPDATE ${sql.table(s.table)} SET ${sql.join(sets)} WHERE ${keyWhere}`.execute(db)
  await sql`DELETE FROM ${sql.table(s.table)} WHERE ${keyWhere} AND source_rows <= 0`.execute(db)
}
