/**
 * "By hour" for one national service, over the whole country or one governorate: a rollup of
 * hub_figures by day, hour, governorate and national code (hub migration 19), so the view reads
 * 24 rows a day for a governorate (about 650 for the country) instead of every center's hourly
 * rows of that code through hub_figures' `(national_code, day)` index.
 *
 * It is kept **by the deferred fold only** (rollup-fold.ts), never in a batch's transaction: every
 * center of a governorate adds to the same 720 rows of a day, which inline would cost each call
 * ~30 ms of PostgreSQL CPU and serialize a governorate's centers on those rows (measured, see
 * docs/hub-scale.md). A fold rebuilds the (day, governorate) groups its marks touch from the
 * hourly rows of that governorate's centers, as the other rollups rebuild their groups.
 *
 * Whether it holds every stored row is one flag (`hub_rollup_service_hour_state.kept`): a store
 * that keeps the rollups inline clears it before its first ingest (its batches leave no mark, so
 * nothing would fold them); the views read the rollup only while it is set, hub_figures
 * otherwise; a fold that finds it cleared rebuilds the whole rollup first and sets it. So a hub
 * switched from inline to deferred rollups answers from the hourly rows until its first fold, and
 * exactly from the rollup after it. (All the processes of one hub database run in one mode: an
 * inline one ingesting beside a deferring one would leave the flag set over rows nobody folds.)
 *
 * The governorate is the center's at fold time: moving a center to another governorate rebuilds
 * both governorates' groups for the center's days (moveCenterGovernorate, in the move's transaction).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Dialect } from './database.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'
import { monthsOf, sumOf } from './rollups.ts'

// biome-ignore lint/suspicious/noExplicitAny: also run by migration 19, which sees the schema as it was then
type AnyDb = Kysely<any>

export const SERVICE_HOUR_ROLLUP = 'hub_rollup_service_hour'
const STATE = 'hub_rollup_service_hour_state'
/** Its key, in primary-key order: a fold deletes and rebuilds whole (day, governorate) groups. */
export const SERVICE_HOUR_KEYS = ['day', 'governorate', 'national_key', 'hour'] as const
/** The figure columns it is built with: today's, or those of migration 19 while it builds it (figureColumnsAt). */
type Columns = readonly (typeof FIGURE_COLUMNS)[number][]
const KEY_EXPRS = ['f.day', 'c.governorate', "COALESCE(f.national_code, '')", 'f.hour']

/** Migration 19's DDL: the rollup, its index by code (what the view reads), and the flag, set (the migration fills the rollup). */
export function serviceHourDdl(dialect: Dialect, columns: Columns): string[] {
  const day = dialect === 'postgres' ? 'DATE' : 'TEXT'
  return [
    `CREATE TABLE ${SERVICE_HOUR_ROLLUP} (day ${day} NOT NULL, governorate TEXT NOT NULL, national_key TEXT NOT NULL, hour INTEGER NOT NULL,
      source_rows INTEGER NOT NULL, ${columns.map((c) => `${c} BIGINT NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (${SERVICE_HOUR_KEYS.join(', ')}))`,
    // the view's rows: one code over a range of days, for the country or one governorate (its filter inside the index)
    `CREATE INDEX ${SERVICE_HOUR_ROLLUP}_national ON ${SERVICE_HOUR_ROLLUP} (national_key, day, governorate)`,
    `CREATE TABLE ${STATE} (id INTEGER PRIMARY KEY CHECK (id = 1), kept INTEGER NOT NULL)`,
    `INSERT INTO ${STATE} (id, kept) VALUES (1, 1)`,
  ]
}

/**
 * Sums the hourly rows `f` (joined to their center `c`) that `where` keeps into the rollup, written
 * in the view's order (code, day, governorate, hour): a code's rows of a day then share a few pages
 * instead of one page each (measured: a month for the country read 8,246 pages of a 2.2 GB year).
 */
const rebuild = (where?: RawBuilder<unknown>, columns: Columns = FIGURE_COLUMNS) =>
  sql`${sql.raw(`INSERT INTO ${SERVICE_HOUR_ROLLUP} (${[...SERVICE_HOUR_KEYS, 'source_rows', ...columns].join(', ')})
    SELECT ${[...KEY_EXPRS, 'COUNT(*)', ...columns.map(sumOf)].join(', ')}
    FROM hub_figures f JOIN hub_centers c ON c.id = f.center_id`)} ${where ? sql`WHERE ${where}` : sql``} ${sql.raw(`GROUP BY ${KEY_EXPRS.join(', ')} ORDER BY 3, 1, 2, 4`)}`

/**
 * Fills the rollup from every hourly row (migration 19, and a fold that finds the flag cleared),
 * a month at a time. Its groups hold a day, so no group spans two months and the months sum
 * apart to the same rows. One statement over a national year (184 M hourly rows, the bench of
 * 2026-12-06) sorted them all at once and ran PostgreSQL out of disk for its temporary files
 * (17 GB free were not enough); a month sorts ~15 M rows. Each month stays in the view's order.
 */
export async function rebuildServiceHourRollup(db: AnyDb, columns: Columns = FIGURE_COLUMNS): Promise<void> {
  await sql.raw(`DELETE FROM ${SERVICE_HOUR_ROLLUP}`).execute(db)
  for (const { from, before } of await monthsOf(db, 'hub_figures'))
    await rebuild(sql`f.day >= ${from} AND f.day < ${before}`, columns).execute(db)
  await sql.raw(`UPDATE ${STATE} SET kept = 1`).execute(db)
}

/** Whether the rollup holds every stored row (but the marks waiting): the views read it only then. */
export async function serviceHourRollupKept(db: AnyDb): Promise<boolean> {
  const { rows } = await sql<{ kept: number }>`SELECT kept FROM ${sql.table(STATE)} WHERE id = 1`.execute(db)
  return Number(rows[0]?.kept ?? 0) === 1
}

/** A store keeping its rollups inline, before it first ingests: the rollup no longer holds every row (no lock taken when already cleared). */
export async function disownServiceHourRollup(db: AnyDb): Promise<void> {
  await sql.raw(`UPDATE ${STATE} SET kept = 0 WHERE kept = 1`).execute(db)
}

/**
 * The fold's step (after the other rollups): the (day, governorate) groups of the claimed marks
 * (`claimed`, a table of center_id and day) deleted and summed again from their centers' hourly
 * rows; `days` are the claimed days, inlined so the planner prunes partitions. The whole rollup
 * instead when its flag is cleared.
 */
export async function foldServiceHourRollup(
  db: AnyDb,
  claimed: string,
  days: readonly string[],
  columns: Columns = FIGURE_COLUMNS,
): Promise<void> {
  if (!(await serviceHourRollupKept(db))) return rebuildServiceHourRollup(db, columns)
  const inDays = `IN (${days.map((d) => `'${d}'`).join(', ')})`
  const groups = `SELECT DISTINCT m.day, mc.governorate FROM ${claimed} m JOIN hub_centers mc ON mc.id = m.center_id`
  await sql.raw(`DELETE FROM ${SERVICE_HOUR_ROLLUP} WHERE day ${inDays} AND (day, governorate) IN (${groups})`).execute(db)
  // each group's centers' days, read by hub_figures' primary key (center_id, day, …)
  await rebuild(
    sql.raw(
      `f.day ${inDays} AND (f.center_id, f.day) IN (SELECT o.id, g.day FROM (${groups}) g JOIN hub_centers o ON o.governorate = g.governorate)`,
    ),
    columns,
  ).execute(db)
}

/**
 * A center moved from governorate `from` to `to` (hub_centers already says `to`, in the caller's
 * transaction, under the fold's lock): both governorates' groups rebuilt for every day the center
 * has rows. Rare (a registry correction), and it reads those days' rows of both governorates.
 */
export async function moveCenterGovernorate(db: AnyDb, centerId: string, from: string, to: string): Promise<void> {
  if (from === to || !(await serviceHourRollupKept(db))) return
  const days = (await sql<{ day: string }>`SELECT DISTINCT day FROM hub_figures WHERE center_id = ${centerId}`.execute(db)).rows
  if (days.length === 0) return
  for (let i = 0; i < days.length; i += 200) {
    const slice = sql.join(days.slice(i, i + 200).map((d) => String(d.day)))
    await sql`DELETE FROM ${sql.table(SERVICE_HOUR_ROLLUP)} WHERE governorate IN (${from}, ${to}) AND day IN (${slice})`.execute(db)
    await rebuild(sql`c.governorate IN (${from}, ${to}) AND f.day IN (${slice})`).execute(db)
  }
}
