/**
 * Hub migration 24: the rows a revision left behind. Since session 52 a newer revision of a
 * (center, day, hour) deletes that hour's rows it no longer holds; before it, they stayed beside
 * the new ones (a service whose letter changed mid-day, B to R, counted under both nationally),
 * and a late older revision could add rows the newer one lacked. Every such row has a revision
 * below its hour's in hub_hours (an upsert always wrote the batch's revision on the rows it held),
 * so each hourly row below its hour's revision is deleted here, and every rollup group of the
 * center-days they were in is deleted and summed again from the rows, as the deferred fold does
 * (rollup-fold.ts), whichever way the hub keeps its rollups: after the migration every view says
 * what the rows say. The rollup by hour for a service (migration 19) follows while the fold keeps
 * it; a hub keeping its rollups inline reads hub_figures for that view.
 *
 * One pass over hub_figures, a month at a time (a national year in one statement would hash or
 * sort its 184 M rows at once: migration 19 ran out of disk that way), each month one statement
 * on PostgreSQL. See docs/hub-scale.md for what it costs.
 */
import { type Kysely, sql } from 'kysely'
import type { Dialect } from './database.ts'
import { type CenterDay, FOLD_LIMIT, holdFoldLock, rebuildCenterDays } from './rollup-fold.ts'
import { monthsOf } from './rollups.ts'
import { serviceHourRollupKept } from './rollup-service-hour.ts'
import { figureColumnsAt } from './figure-columns.ts'

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
type AnyDb = Kysely<any>

/** The center-days whose rows the migration deleted (a temporary table: the statements fill it, the rebuild reads it). */
const STALE = 'hub_stale_days'

/**
 * PostgreSQL: one month's stale rows deleted and their center-days noted in STALE, one statement
 * (exported for the plan bench/hub-stale-rows.bench.ts prints). hub_figures' day is a DATE
 * (migration 11), hub_hours' the text; the month's bounds prune hub_figures to one partition.
 */
export const deleteStaleRowsPg = (from: string, before: string) => sql`WITH gone AS (
    DELETE FROM hub_figures f USING hub_hours h
    WHERE f.day >= ${from} AND f.day < ${before} AND h.day >= ${from} AND h.day < ${before}
      AND h.center_id = f.center_id AND CAST(h.day AS date) = f.day AND h.hour = f.hour AND f.revision < h.revision
    RETURNING f.center_id, f.day)
  INSERT INTO ${sql.table(STALE)} (center_id, day) SELECT DISTINCT center_id, day FROM gone`

/** The table STALE, for this transaction. */
export const createStaleDays = (db: AnyDb, dialect: Dialect) =>
  sql
    .raw(
      dialect === 'postgres'
        ? `CREATE TEMPORARY TABLE ${STALE} (center_id TEXT NOT NULL, day DATE NOT NULL) ON COMMIT DROP`
        : `CREATE TEMPORARY TABLE ${STALE} (center_id TEXT NOT NULL, day TEXT NOT NULL)`,
    )
    .execute(db)

/** Deletes one month's stale rows and notes their center-days in STALE. */
async function deleteStaleRows(db: AnyDb, dialect: Dialect, from: string, before: string): Promise<void> {
  if (dialect === 'postgres') {
    await deleteStaleRowsPg(from, before).execute(db)
    return
  }
  // SQLite (a small network's hub): the center-days first, then the rows, each by hub_hours' primary key
  await sql`INSERT INTO ${sql.table(STALE)} (center_id, day) SELECT DISTINCT f.center_id, f.day FROM hub_figures f
      JOIN hub_hours h ON h.center_id = f.center_id AND h.day = f.day AND h.hour = f.hour
      WHERE f.day >= ${from} AND f.day < ${before} AND f.revision < h.revision`.execute(db)
  await sql`DELETE FROM hub_figures WHERE day >= ${from} AND day < ${before} AND revision < (SELECT h.revision FROM hub_hours h
      WHERE h.center_id = hub_figures.center_id AND h.day = hub_figures.day AND h.hour = hub_figures.hour)`.execute(db)
}

export const migration24 = {
  version: 24,
  name: "the rows a revision left behind before a newer one replaced its hour whole (an hour's rows below its latest revision) deleted, and their days' rollups summed again",
  statements: [] as string[],
  async up(db: AnyDb, dialect: Dialect): Promise<void> {
    // no fold of a hub still running meanwhile: it would rebuild the same groups from another snapshot
    await holdFoldLock(db)
    await createStaleDays(db, dialect)
    // a row without its hour in hub_hours is below no revision: the months of hub_hours are all there is to read
    for (const { from, before } of await monthsOf(db, 'hub_hours')) await deleteStaleRows(db, dialect, from, before)
    const stale = (await sql<CenterDay>`SELECT center_id, day FROM ${sql.table(STALE)} ORDER BY day, center_id`.execute(db)).rows
    // a few days' groups at a time, as a fold claims them (its statements inline the days)
    const options = { serviceHour: await serviceHourRollupKept(db), columns: figureColumnsAt(24) }
    for (let i = 0; i < stale.length; i += FOLD_LIMIT)
      await rebuildCenterDays(
        db,
        stale.slice(i, i + FOLD_LIMIT).map((d) => ({ center_id: d.center_id, day: String(d.day) })),
        options,
      )
    if (dialect === 'sqlite') await sql.raw(`DROP TABLE ${STALE}`).execute(db)
  },
}
