/**
 * Hub migration 11: national scale. On PostgreSQL hub_figures becomes a table partitioned by
 * month (its `day` a DATE; the driver hands dates back as 'YYYY-MM-DD' text, so every query and
 * answer is unchanged), handed to pg_partman when the database has it. On both stores the
 * rollups are created and built from the rows already stored, so existing figures keep their
 * meaning and the views read them from the rollups at once.
 */
import { type Kysely, sql } from 'kysely'
import type { Dialect } from './database.ts'
import { createDefaultPartition, ensureMonthPartition, partmanSchema, registerWithPartman } from './partitions.ts'
import { rebuildSql, rollupDdl, rollupsOf } from './rollups.ts'
import { figureColumnsAt } from './figure-columns.ts'

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
type AnyDb = Kysely<any>

/** Recreates hub_figures as a monthly partitioned table with the same columns and rows. */
async function partitionHubFigures(db: AnyDb): Promise<void> {
  // the columns as they are now (later migrations' columns included), `day` as a DATE
  const { rows: cols } = await sql<{ name: string; type: string; not_null: boolean; def: string | null }>`SELECT a.attname AS name,
      format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS def
    FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE a.attrelid = 'hub_figures'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`.execute(db)
  const months = (
    await sql<{ month: string }>`SELECT DISTINCT substr(day, 1, 7) AS month FROM hub_figures ORDER BY 1`.execute(db)
  ).rows.map((r) => r.month)
  const thisMonth = new Date().toISOString().slice(0, 7)
  await sql`DROP INDEX hub_figures_day`.execute(db)
  await sql`DROP INDEX hub_figures_national`.execute(db)
  await sql`ALTER TABLE hub_figures RENAME TO hub_figures_unpartitioned`.execute(db)
  await sql`ALTER TABLE hub_figures_unpartitioned RENAME CONSTRAINT hub_figures_pkey TO hub_figures_unpartitioned_pkey`.execute(db)
  // the catalogue's own names, types and defaults, as it printed them
  const ddl = cols.map(
    (c) =>
      sql`${sql.id(c.name)} ${sql.raw(c.name === 'day' ? 'date' : c.type)}${sql.raw(c.not_null ? ' NOT NULL' : '')}${sql.raw(c.def ? ` DEFAULT ${c.def}` : '')}`,
  )
  await sql`CREATE TABLE hub_figures (${sql.join(ddl)}, PRIMARY KEY (center_id, day, hour, service_code),
      FOREIGN KEY (center_id) REFERENCES hub_centers (id)) PARTITION BY RANGE (day)`.execute(db)
  const schema = await partmanSchema(db)
  const first = [months[0] ?? thisMonth, thisMonth].sort()[0]
  if (schema) await registerWithPartman(db, schema, first)
  await createDefaultPartition(db)
  for (const month of new Set([...months, thisMonth])) await ensureMonthPartition(db, month)
  const names = cols.map((c) => sql.id(c.name))
  const values = cols.map((c) => (c.name === 'day' ? sql`CAST(day AS date)` : sql.id(c.name)))
  await sql`INSERT INTO hub_figures (${sql.join(names)}) SELECT ${sql.join(values)} FROM hub_figures_unpartitioned`.execute(db)
  await sql`DROP TABLE hub_figures_unpartitioned`.execute(db)
  await sql`CREATE INDEX hub_figures_day ON hub_figures (day, center_id)`.execute(db)
  await sql`CREATE INDEX hub_figures_national ON hub_figures (national_code, day)`.execute(db)
}

export const migration11 = {
  version: 11,
  name: 'national scale: hub_figures partitioned by month on PostgreSQL (pg_partman when installed); rollups per center-hour, center-day, service-day, service-month, kept on ingest',
  statements: [] as string[],
  async up(db: AnyDb, dialect: Dialect): Promise<void> {
    if (dialect === 'postgres') await partitionHubFigures(db)
    // the rollups' DDL and rebuilds are SQL text rollups.ts writes from its own constants
    // with the figure columns of then: later ones are added by their own migration
    const columns = figureColumnsAt(11)
    for (const statement of rollupDdl(dialect, rollupsOf(11), columns)) await sql.raw(statement).execute(db)
    for (const s of rollupsOf(11)) await sql.raw(rebuildSql(s, dialect, '', columns)).execute(db)
  },
}
