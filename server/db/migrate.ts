import type Database from 'better-sqlite3'
import { migrations as shipped, type Migration } from './migrations.ts'

/**
 * Applies the migrations the database has not seen yet, each in its own transaction, and
 * records them in PRAGMA user_version. A failing migration rolls back and throws, leaving the
 * file exactly as it was (the server then refuses to start rather than run half-upgraded).
 */
export function migrate(db: Database.Database, migrations: Migration[] = shipped): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.at(-1)?.version ?? 0
  if (from > latest) {
    throw new Error(`database schema version ${from} is newer than this Tabour (${latest}); upgrade Tabour`)
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return { from, to: latest }
}
