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
import type { SqlDriver } from './driver.ts'
import { rebuildFromFinerSql, rollupDdl, rollupsOf } from './rollups.ts'

export const migration13 = {
  version: 13,
  name: 'national rollups (by national code and day or month; by hour of a day; by center and month); on PostgreSQL hub_figures without its day index and its foreign key',
  statements: [] as string[],
  async run(d: SqlDriver): Promise<void> {
    for (const statement of rollupDdl(d.dialect, rollupsOf(13))) await d.exec(statement)
    // the center-month and national-month rollups are summed from day rollups built just before them
    for (const s of rollupsOf(13)) await d.exec(rebuildFromFinerSql(s, d.dialect))
    // the unmapped services of a range, and one national service by governorate or center, are found by their code
    await d.exec('CREATE INDEX hub_rollup_service_day_national ON hub_rollup_service_day (national_key, day)')
    await d.exec('CREATE INDEX hub_rollup_service_month_national ON hub_rollup_service_month (national_key, month)')
    if (d.dialect !== 'postgres') return
    await d.exec('DROP INDEX IF EXISTS hub_figures_day')
    // migration 11 named it hub_figures_center_id_fkey1 (the table it replaced still held the plain name)
    const keys = await d.all<{ name: string }>(
      "SELECT conname AS name FROM pg_constraint WHERE conrelid = 'hub_figures'::regclass AND contype = 'f' AND conparentid = 0",
    )
    for (const k of keys) await d.exec(`ALTER TABLE hub_figures DROP CONSTRAINT ${k.name}`)
  },
}
