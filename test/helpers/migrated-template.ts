import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../server/db/connection.ts'

/**
 * An empty center database at the newest schema, made once per test process by the server's own
 * path (openDatabase: pragmas, every migration from scratch) and copied into each fresh test
 * center's data dir. Migrating from scratch was about a sixth of a test center's start (a CPU
 * profile of 30 starts, 2026-12-07: 57 ms of each, plus its writes and fsyncs, which a busy disk
 * makes longer); the copy and the one UPDATE below take a few milliseconds. The copy is a
 * real SQLite file the server opens as its own: openDatabase finds it at the newest version and
 * migrates nothing. The migration tests (test/server/db/, test/ops/migrations.test.ts, the child
 * servers) still migrate from scratch or from an older schema.
 */
let template: string | undefined

function migratedTemplate(): string {
  if (template && existsSync(template)) return template
  const dir = mkdtempSync(join(tmpdir(), 'tabour-template-'))
  const file = join(dir, 'tabour.sqlite')
  // closed cleanly, so the WAL is checkpointed into the file and removed: the one file is the whole database
  openDatabase(file).close()
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  template = file
  return file
}

/**
 * Puts a migrated, empty center database at `file` unless one is there (a restart's, or an older
 * schema a test wrote), as the first start would have made it. What a migration fills at random is
 * drawn again for this copy, so no two test centers share it: the key that signs booking codes
 * (migration 17's `randomblob(32)`; a code from another center must stay another center's).
 */
export function placeMigratedDatabase(file: string): void {
  if (existsSync(file)) return
  copyFileSync(migratedTemplate(), file)
  const db = new Database(file)
  try {
    db.prepare('UPDATE booking_key SET secret = randomblob(32) WHERE id = 1').run()
  } finally {
    db.close()
  }
}
