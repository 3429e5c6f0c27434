import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrate } from './migrate.ts'

export type Db = Database.Database

/**
 * Opens (creating if needed) the center's SQLite file, applies pragmas and runs migrations.
 *
 * WAL lets the dashboard read while kiosks write. synchronous=FULL makes every commit reach the
 * disk before the 201 goes out: an acknowledged ticket must survive a power cut at the center,
 * not just a process crash, and the extra fsync costs far less than a citizen's lost ticket.
 * Kept so for calls too (issue 22, 2026-12-05): WAL with synchronous=NORMAL would also survive
 * kill -9 and would take the WAL fsync (≈ 0.4 ms on an idle box, several ms on a busy disk) off
 * the path before a call's push, but a power cut could then undo a call the displays already
 * announced and the console was told of; a center box on a mains plug is the case this guards.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}
