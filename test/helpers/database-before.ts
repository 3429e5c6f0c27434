import { afterEach } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../server/db/migrate.ts'
import { migrations } from '../../server/db/migrations.ts'

/**
 * A center database file at the schema just before migration `version` (every migration below it
 * applied), for tests that write rows as an older center did and then run the migration or the
 * code that must read them. The file's folder is removed after each test.
 */
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

export function databaseBefore(version: number, options: { foreignKeys?: boolean } = {}): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), `tabour-before-${version}-`))
  dirs.push(dir)
  const db = new Database(join(dir, 'tabour.sqlite'))
  if (options.foreignKeys) db.pragma('foreign_keys = ON')
  migrate(
    db,
    migrations.filter((m) => m.version < version),
  )
  return db
}
