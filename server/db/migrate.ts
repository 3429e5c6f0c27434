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
  // A migration that widens a CHECK rebuilds its table (SQLite's documented 12-step way), which
  // needs foreign keys off: dropping the old table would otherwise delete, or refuse, the rows
  // that reference it. They are checked before the commit instead, and switched back on after.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number
  db.pragma('foreign_keys = OFF')
  try {
    db.transaction(() => {
      for (const migration of pending) {
        current = migration
        db.exec(migration.sql)
        db.pragma(`user_version = ${migration.version}`)
      }
      current = null
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (broken.length > 0)
        throw new Error(`${broken.length} rows break a foreign key after migrating: ${JSON.stringify(broken.slice(0, 3))}`)
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
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
  }
  return { from, to: latest }
}
