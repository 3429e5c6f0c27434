/**
 * Deferred rollups: ingest stores the hourly rows and marks their (center, day) in
 * hub_rollup_marks (hub migration 18); this fold sums the marked days into every rollup later,
 * set-based, many centers' days in one pass. Each rollup group a mark touches (a center's day, a
 * center's month, a shard's day or month) is deleted and summed again from its source (the hourly
 * rows, or the finer rollup kept exact first, in ROLLUPS order), so a fold is exact whatever the
 * revisions in between, with no "new minus old" to undo.
 *
 * Crash-safe: the marks are claimed, the groups rebuilt and the marks deleted in one transaction;
 * a kill before its commit leaves every mark in place. On PostgreSQL the claim is `FOR UPDATE SKIP
 * LOCKED`: an ingest that marks a claimed day waits for the fold's commit and then marks it again
 * (its rows were not in the fold's snapshot), and a fold never waits on an ingest in flight. One
 * fold at a time (an advisory lock): two would rebuild the same shared national groups from
 * different snapshots.
 */
import { type Kysely, sql } from 'kysely'
import { type Dialect, dialectOf } from './database.ts'
import { isCalendarDay } from './figures-ingest.ts'
import { type FigureColumn, monthDays, monthSql, ROLLUPS, type RollupSpec, rebuildFromFinerSql, shardSql } from './rollups.ts'
import { foldServiceHourRollup } from './rollup-service-hour.ts'
import type { HubDatabase } from './schema.ts'

/** Marks one fold claims at most (default): a transaction of a few seconds at worst, never the whole backlog. */
export const FOLD_LIMIT = 2000
/** The advisory lock one fold at a time holds (PostgreSQL); a center's move to another governorate holds it too. */
const FOLD_LOCK = 0x7ab0_0f01
/** Waits for a fold in flight and keeps the next one out until the transaction `trx` ends (PostgreSQL; SQLite has one writer). */
export async function holdFoldLock(trx: Kysely<HubDatabase>): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${FOLD_LOCK})`.execute(trx)
}
/** The claimed marks, per connection (a temporary table: every statement of the fold joins it). */
const CLAIMED = 'hub_fold_marks'

/** The grain a rollup's rows are keyed by first, and what its groups are per (center or shard). */
const grainOf = (s: RollupSpec) => (s.keys[0] === 'month' ? 'month' : 'day')
const groupOf = (s: RollupSpec) => (s.keys.includes('shard') ? 'shard' : 'center_id')
/** The table a rollup is summed from, and its grain. */
const sourceOf = (s: RollupSpec) => s.summedFrom?.table ?? 'hub_figures'
const sourceGrain = (s: RollupSpec) => (sourceOf(s) === 'hub_rollup_service_month' ? 'month' : 'day')

/** The group of a row `f` that holds `center_id` and a day (or a month when `grain` is the source's month). */
function groupExprs(s: RollupSpec, dialect: Dialect, fromGrain: 'day' | 'month'): string[] {
  const grain = grainOf(s) === 'day' ? 'f.day' : fromGrain === 'month' ? 'f.month' : monthSql(dialect)
  return [grain, groupOf(s) === 'shard' ? shardSql(dialect) : 'f.center_id']
}

const quoted = (v: string) => `'${v}'`

/** Where in the source the groups of the marked days are: a range the indexes (and partitions) narrow, then the groups. */
function sourceWhere(s: RollupSpec, dialect: Dialect, days: readonly string[], months: readonly string[]): string {
  const range =
    sourceGrain(s) === 'month'
      ? `f.month IN (${months.map(quoted).join(', ')})`
      : grainOf(s) === 'day'
        ? `f.day IN (${days.map(quoted).join(', ')})`
        : `(${months
            .map(monthDays)
            .map(([first, last]) => `f.day BETWEEN '${first}' AND '${last}'`)
            .join(' OR ')})`
  return `${range} AND (${groupExprs(s, dialect, sourceGrain(s)).join(', ')}) IN (SELECT DISTINCT ${groupExprs(s, dialect, 'day').join(', ')} FROM ${CLAIMED} f)`
}

/** Deletes the rollup's groups the marked days touch. */
function deleteSql(s: RollupSpec, dialect: Dialect, days: readonly string[], months: readonly string[]): string {
  const grain = grainOf(s)
  const values = (grain === 'day' ? days : months).map(quoted).join(', ')
  return `DELETE FROM ${s.table} WHERE ${grain} IN (${values}) AND (${grain}, ${groupOf(s)}) IN (SELECT DISTINCT ${groupExprs(s, dialect, 'day').join(', ')} FROM ${CLAIMED} f)`
}

/**
 * Folds up to FOLD_LIMIT marks (the oldest first) into the rollups in one transaction; resolves
 * with the number folded (0: none waiting, or all held by ingests in flight).
 */
export async function foldRollupMarks(db: Kysely<HubDatabase>, serviceHour = true): Promise<number> {
  const dialect = dialectOf(db)
  return db.transaction().execute(async (trx) => {
    const pg = dialect === 'postgres'
    await holdFoldLock(trx)
    const claimed = await sql<CenterDay>`SELECT center_id, day FROM hub_rollup_marks
      ORDER BY marked_at, center_id, day LIMIT ${FOLD_LIMIT} ${pg ? sql`FOR UPDATE SKIP LOCKED` : sql``}`.execute(trx)
    const marks = claimed.rows
    if (marks.length === 0) return 0
    await rebuildCenterDays(trx, marks, { serviceHour })
    await sql`DELETE FROM hub_rollup_marks WHERE (center_id, day) IN (SELECT center_id, day FROM ${sql.table(CLAIMED)})`.execute(trx)
    return marks.length
  })
}

/** A center's local day, as the marks (and the claimed table) hold it. */
export interface CenterDay {
  center_id: string
  day: string
}

/**
 * The fold's work, on the caller's transaction `trx` (which holds the fold's lock): every rollup
 * group the center-days `marks` touch deleted and summed again from its source, in ROLLUPS order,
 * then the rollup by hour for a service (`serviceHour`). The center-days are left in the claimed
 * table until the transaction ends. `columns`: the figure columns of the schema being written (a
 * migration's, figureColumnsAt). Hub migration 24 runs it too, on the days whose stale rows it deleted.
 */
export async function rebuildCenterDays(
  // biome-ignore lint/suspicious/noExplicitAny: also run by migration 24, which sees the schema as it was then
  trx: Kysely<any>,
  marks: readonly CenterDay[],
  options: { serviceHour: boolean; columns?: readonly FigureColumn[] },
): Promise<void> {
  const dialect = dialectOf(trx)
  // the days are inlined into the fold's statements (the planner then prunes partitions and narrows index ranges): only calendar days
  for (const m of marks) if (!isCalendarDay(m.day)) throw new Error(`rollup mark of ${m.center_id} has no calendar day: ${m.day}`)
  await sql
    .raw(
      dialect === 'postgres'
        ? `CREATE TEMPORARY TABLE IF NOT EXISTS ${CLAIMED} (center_id TEXT NOT NULL, day DATE NOT NULL) ON COMMIT DELETE ROWS`
        : `CREATE TEMPORARY TABLE IF NOT EXISTS ${CLAIMED} (center_id TEXT NOT NULL, day TEXT NOT NULL)`,
    )
    .execute(trx)
  await sql.raw(`DELETE FROM ${CLAIMED}`).execute(trx)
  for (let i = 0; i < marks.length; i += 500) {
    const tuples = marks.slice(i, i + 500).map((m) => sql`(${m.center_id}, ${m.day})`)
    await sql`INSERT INTO ${sql.table(CLAIMED)} (center_id, day) VALUES ${sql.join(tuples)}`.execute(trx)
  }
  const days = [...new Set(marks.map((m) => m.day))].sort()
  const months = [...new Set(days.map((d) => d.slice(0, 7)))]
  for (const s of ROLLUPS) {
    await sql.raw(deleteSql(s, dialect, days, months)).execute(trx)
    await sql.raw(rebuildFromFinerSql(s, dialect, sourceWhere(s, dialect, days, months), options.columns)).execute(trx)
  }
  // (a store part-way through its migrations, before 19, has no such rollup)
  if (options.serviceHour) await foldServiceHourRollup(trx, CLAIMED, days, options.columns)
}

/** Folds every mark waiting (those stored before the call, and any stored meanwhile); resolves with how many. */
export async function flushRollupMarks(db: Kysely<HubDatabase>, serviceHour = true): Promise<number> {
  let total = 0
  for (let n = await foldRollupMarks(db, serviceHour); n > 0; n = await foldRollupMarks(db, serviceHour)) total += n
  return total
}

/** When the oldest change the rollups do not hold yet was stored (epoch ms); null when they hold every stored row. */
export async function oldestRollupMark(db: Kysely<HubDatabase>): Promise<number | null> {
  const row = await db
    .selectFrom('hub_rollup_marks')
    .select((eb) => eb.fn.min('marked_at').as('at'))
    .executeTakeFirst()
  return row?.at == null ? null : Number(row.at)
}
