import type Database from 'better-sqlite3'
import { migrations as shipped, type Migration } from './migrations.ts'

/** A migration failed; the database was left exactly as it was (schema version `from`). */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly failed: Migration | null,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'MigrationError'
  }
}

/**
 * Brings the database up to the newest schema, recording the version in PRAGMA user_version.
 * All pending migrations run in ONE transaction: an upgrade from version 1 to 4 that fails at
 * 3 rolls back 2 as well, so the file is exactly as it was and the previous Tabour still runs
 * on it. The caller (the server) then refuses to start rather than run half-upgraded.
 * Throws MigrationError naming the migration and the cause.
 */
export function migrate(db: Database.Database, migrations: Migration[] = shipped): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.at(-1)?.version ?? 0
  if (from > latest) {
    throw new MigrationError(
      `database schema version ${from} is newer than this Tabour (${latest}); upgrade Tabour or restore a backup made by this version`,
      from,
      null,
    )
  }
  const pending = migrations.filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from }
  let current: Migration | null = null
  try {
    db.transaction(() => {
      for (const migration of pending) {
        current = migration
        db.exec(migration.sql)
        db.pragma(`user_version = ${migration.version}`)
      }
    }).immediate()
  } catch (err) {
    const m = current as Migration | null
    const why = err instanceof Error ? err.message : String(err)
    throw new MigrationError(
      `migration ${m ? `${m.version} (${m.name})` : ''} failed: ${why}; the database was left unchanged at schema version ${from}`,
      from,
      m,
      { cause: err },
    )
  }
  return { from, to: latest }
}
