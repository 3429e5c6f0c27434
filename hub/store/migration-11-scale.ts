/**
 * Hub migration 11: national scale. On PostgreSQL hub_figures becomes a table partitioned by
 * month (its `day` a DATE; the driver hands dates back as 'YYYY-MM-DD' text, so every query and
 * answer is unchanged), handed to pg_partman when the database has it. On both stores the
 * rollups are created and built from the rows already stored, so existing figures keep their
 * meaning and the views read them from the rollups at once.
 */
import type { SqlDriver } from './driver.ts'
import { DEFAULT_PARTITION_DDL, ensureMonthPartition, partmanSchema, registerWithPartman } from './partitions.ts'
import { rebuildSql, rollupDdl, rollupsOf } from './rollups.ts'

/** Recreates hub_figures as a monthly partitioned table with the same columns and rows. */
async function partitionHubFigures(d: SqlDriver): Promise<void> {
  // the columns as they are now (later migrations' columns included), `day` as a DATE
  const cols = await d.all<{ name: string; type: string; not_null: boolean; def: string | null }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS def
     FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE a.attrelid = 'hub_figures'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
  )
  const months = (await d.all<{ month: string }>('SELECT DISTINCT substr(day, 1, 7) AS month FROM hub_figures ORDER BY 1')).map(
    (r) => r.month,
  )
  const thisMonth = new Date().toISOString().slice(0, 7)
  await d.exec('DROP INDEX hub_figures_day')
  await d.exec('DROP INDEX hub_figures_national')
  await d.exec('ALTER TABLE hub_figures RENAME TO hub_figures_unpartitioned')
  await d.exec('ALTER TABLE hub_figures_unpartitioned RENAME CONSTRAINT hub_figures_pkey TO hub_figures_unpartitioned_pkey')
  const ddl = cols.map(
    (c) => `${c.name} ${c.name === 'day' ? 'date' : c.type}${c.not_null ? ' NOT NULL' : ''}${c.def ? ` DEFAULT ${c.def}` : ''}`,
  )
  await d.exec(
    `CREATE TABLE hub_figures (${ddl.join(', ')}, PRIMARY KEY (center_id, day, hour, service_code),
      FOREIGN KEY (center_id) REFERENCES hub_centers (id)) PARTITION BY RANGE (day)`,
  )
  const schema = await partmanSchema(d)
  const first = [months[0] ?? thisMonth, thisMonth].sort()[0]
  if (schema) await registerWithPartman(d, schema, first)
  await d.exec(DEFAULT_PARTITION_DDL)
  for (const month of new Set([...months, thisMonth])) await ensureMonthPartition(d, month)
  const names = cols.map((c) => c.name)
  await d.exec(
    `INSERT INTO hub_figures (${names.join(', ')}) SELECT ${names.map((n) => (n === 'day' ? 'CAST(day AS date)' : n)).join(', ')} FROM hub_figures_unpartitioned`,
  )
  await d.exec('DROP TABLE hub_figures_unpartitioned')
  await d.exec('CREATE INDEX hub_figures_day ON hub_figures (day, center_id)')
  await d.exec('CREATE INDEX hub_figures_national ON hub_figures (national_code, day)')
}

export const migration11 = {
  version: 11,
  name: 'national scale: hub_figures partitioned by month on PostgreSQL (pg_partman when installed); rollups per center-hour, center-day, service-day, service-month, kept on ingest',
  statements: [] as string[],
  async run(d: SqlDriver): Promise<void> {
    if (d.dialect === 'postgres') await partitionHubFigures(d)
    for (const statement of rollupDdl(d.dialect, rollupsOf(11))) await d.exec(statement)
    for (const s of rollupsOf(11)) await d.exec(rebuildSql(s, d.dialect))
  },
}
