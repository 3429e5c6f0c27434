/**
 * The hand-over from the hub's first migration runner to Kysely's Migrator. That runner kept
 * `hub_schema`, one row per version it applied, and took every version up to the highest as
 * applied. A database it made is recognised by that table and mapped once, in one transaction,
 * onto Kysely's migration table (`0001` … up to that version); the old table is then dropped, so
 * the mapping never runs twice and no migration is applied again. A hub binary from before the
 * hand-over, started on a mapped database, finds no `hub_schema`, tries migration 1 again and
 * fails on `hub_centers` (already there) with its transaction rolled back: it refuses, it does
 * not damage.
 */
import { DEFAULT_MIGRATION_TABLE, type Kysely, sql } from 'kysely'
import { type Dialect, dialectOf } from './database.ts'
import { migrationName } from './migration-provider.ts'

export const LEGACY_VERSION_TABLE = 'hub_schema'
// two hubs starting at once on one PostgreSQL database hand over one after the other (any fixed key; Kysely's own lock uses another)
const BRIDGE_LOCK_KEY = 7_310_023_001

// biome-ignore lint/suspicious/noExplicitAny: asks the catalogue, not a table of the hub's
async function tableExists(db: Kysely<any>, dialect: Dialect, table: string): Promise<boolean> {
  const found =
    dialect === 'postgres'
      ? await sql`SELECT 1 FROM pg_class WHERE oid = to_regclass(${table})`.execute(db)
      : await sql`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db)
  return found.rows.length > 0
}

/**
 * Maps hub_schema onto Kysely's migration table if the database still has it; returns the versions
 * mapped (null: nothing to hand over). `known`: the versions of the hub's migration list; those up
 * to the highest the old runner recorded are mapped (the list may skip a number, which no runner applied).
 */
// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration table is not one of the hub's tables (schema.ts)
export async function bridgeLegacyVersions(db: Kysely<any>, known: readonly number[]): Promise<number[] | null> {
  const dialect = dialectOf(db)
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${sql.lit(BRIDGE_LOCK_KEY)})`.execute(trx)
    if (!(await tableExists(trx, dialect, LEGACY_VERSION_TABLE))) return null
    const highest = await sql<{ v: number | null }>`SELECT MAX(version) AS v FROM hub_schema`.execute(trx)
    const versions = known.filter((v) => v <= Number(highest.rows[0]?.v ?? 0))
    // the table as the Migrator makes it (it then finds it there and keeps it)
    await trx.schema
      .createTable(DEFAULT_MIGRATION_TABLE)
      .ifNotExists()
      .addColumn('name', 'varchar(255)', (c) => c.notNull().primaryKey())
      .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
      .execute()
    const at = new Date().toISOString()
    if (versions.length > 0)
      await trx
        .insertInto(DEFAULT_MIGRATION_TABLE)
        .values(versions.map((v) => ({ name: migrationName(v), timestamp: at })))
        .onConflict((oc) => oc.column('name').doNothing())
        .execute()
    await trx.schema.dropTable(LEGACY_VERSION_TABLE).execute()
    return versions
  })
}
