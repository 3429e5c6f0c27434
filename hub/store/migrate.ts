/**
 * Brings a hub database to the latest schema with Kysely's Migrator: pending migrations all in one
 * transaction (rolled back together when one fails), one hub at a time on PostgreSQL (the
 * Migrator's advisory lock); a database of the hub's first runner is handed over first.
 */
import { DEFAULT_MIGRATION_TABLE, type Kysely, Migrator } from 'kysely'
import { bridgeLegacyVersions } from './migration-bridge.ts'
import { hubMigrationProvider, migrationVersion } from './migration-provider.ts'
import { type HubMigration, hubMigrations } from './migrations.ts'

/** Applies the pending ones of `list` (all hub migrations by default); resolves with the schema version, the highest applied. */
// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration table is not one of the hub's tables (schema.ts)
export async function migrateHub(db: Kysely<any>, list: readonly HubMigration[] = hubMigrations): Promise<number> {
  await bridgeLegacyVersions(
    db,
    list.map((m) => m.version),
  )
  const { error } = await new Migrator({ db, provider: hubMigrationProvider(list) }).migrateToLatest()
  if (error) throw error
  const applied = await db.selectFrom(DEFAULT_MIGRATION_TABLE).select('name').execute()
  return Math.max(0, ...applied.map((r: { name: string }) => migrationVersion(r.name)))
}
