/**
 * The hub's migrations (migrations.ts) as Kysely's Migrator sees them: each under its version
 * zero-padded (`0001`, `0002`, …, so the Migrator's alphabetical order is their order), applied
 * on the Migrator's transaction. Appending an entry to `hubMigrations` is all a new migration
 * needs; nothing here names one.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely'
import { dialectOf } from './database.ts'
import type { HubMigration } from './migrations.ts'

/** The name Kysely's migration table keeps for a version: stable, whatever the migration's description says. */
export const migrationName = (version: number): string => String(version).padStart(4, '0')

/** The version a name of migrationName() stands for. */
export const migrationVersion = (name: string): number => Number.parseInt(name, 10)

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
async function apply(db: Kysely<any>, m: HubMigration): Promise<void> {
  for (const statement of m.statements) await sql.raw(statement).execute(db)
  if (m.up) await m.up(db, dialectOf(db))
}

/** A provider of `list` (hubMigrations, or the first of them in tests); refuses versions out of order or twice (a merge that took a number already used). */
export function hubMigrationProvider(list: readonly HubMigration[]): MigrationProvider {
  list.forEach((m, i) => {
    const before = i === 0 ? 0 : list[i - 1].version
    if (!Number.isInteger(m.version) || m.version <= before || m.version > 9999)
      throw new Error(
        `hub migration ${m.version} (${m.name}) must come after ${before}: number migrations 1, 2, 3, … in the order they apply`,
      )
  })
  const migrations: Record<string, Migration> = Object.fromEntries(
    list.map((m) => [migrationName(m.version), { up: (db) => apply(db, m) } satisfies Migration]),
  )
  return { getMigrations: async () => migrations }
}
