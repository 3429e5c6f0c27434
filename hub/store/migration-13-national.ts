/**
 * Hub migration 13: national rollups. The views over the whole country read rollups without the
 * center (by national code and day, month, or hour of a day) and the views by governorate or
 * center over months read a center-month rollup; each is built here from the rollup it sums (the
 * hour one from the hourly rows) and kept on ingest like the others.
 *
 * On PostgreSQL, hub_figures loses what every ingested row paid for and no view reads any more:
 * its index on (day, center_id) (the national views read the rollups) and its foreign key to
 * hub_centers, a look-up per row (SQLite never enforced it: the hub does not turn foreign keys
 * on; a batch's center is registered, signed and active before its rows are written, and centers
 * are deactivated, never deleted). Its primary key stays, and (national_code, day), which "by
 * hour" for one national service reads.
 */
import { type Kysely, sql } from 'kysely'
import type { Dialect } from './database.ts'
import { rebuildFromFinerSql, rollupDdl, rollupsOf } from './rollups.ts'
import { figureColumnsAt } from './figure-columns.ts'

export const migration13 = {
  version: 13,
  name: 'national rollups (by national code and day or month; by hour of a day; by center and month); on PostgreSQL hub_figures without its day index and its foreign key',
  statements: [] as string[],
  // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
  async up(db: Kysely<any>, dialect: Dialect): Promise<void> {
    // the rollups' DDL and rebuilds are SQL text rollups.ts writes from its own constants
    // with the figure columns of then: later ones are added by their own migration
    const columns = figureColumnsAt(13)
    for (const statement of rollupDdl(dialect, rollupsOf(13), columns)) await sql.raw(statement).execute(db)
    // the center-month and national-month rollups are summed from day rollups built just before them
    for (const s of rollupsOf(13)) await sql.raw(rebuildFromFinerSql(s, dialect, '', columns)).execute(db)
    // the unmapped services of a range, and one national service by governorate or center, are found by their code
    await sql`CREATE INDEX hub_rollup_service_day_national ON hub_rollup_service_day (national_key, day)`.execute(db)
    await sql`CREATE INDEX hub_rollup_service_month_national ON hub_rollup_service_month (national_key, month)`.execute(db)
    if (dialect !== 'postgres') return
    await sql`DROP INDEX IF EXISTS hub_figures_day`.execute(db)
    // migration 11 named it hub_figures_center_id_fkey1 (the table it replaced still held the plain name)
    const { rows: keys } = await sql<{ name: string }>`SELECT conname AS name FROM pg_constraint
      WHERE conrelid = 'hub_figures'::regclass AND contype = 'f' AND conparentid = 0`.execute(db)
    for (const k of keys) await sql`ALTER TABLE hub_figures DROP CONSTRAINT ${sql.id(k.name)}`.execute(db)
  },
}
