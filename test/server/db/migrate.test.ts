import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../../server/db/connection.ts'
import { migrate } from '../../../server/db/migrate.ts'
import { migrations } from '../../../server/db/migrations.ts'

describe('database and migrations', () => {
  const dirs: string[] = []
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-db-'))
    dirs.push(dir)
    return join(dir, 'tabour.sqlite')
  }
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('opens a new file in WAL mode with synchronous=FULL and foreign keys, at the latest version', () => {
    const db = openDatabase(tempFile())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version)
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    expect(tables).toEqual(
      expect.arrayContaining([
        'services',
        'counters',
        'counter_services',
        'users',
        'devices',
        'tokens',
        'tickets',
        'ticket_sequences',
        'events',
      ]),
    )
    db.close()
  })

  it('reopening applies nothing twice', () => {
    const file = tempFile()
    openDatabase(file).close()
    const db = openDatabase(file)
    expect(migrate(db)).toEqual({ from: migrations.at(-1)!.version, to: migrations.at(-1)!.version })
    db.close()
  })

  it('a failing migration leaves the database exactly as it was', () => {
    const file = tempFile()
    openDatabase(file).close()
    const db = new Database(file)
    const before = db.pragma('user_version', { simple: true })
    const broken = [
      ...migrations,
      { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);' },
    ]
    expect(() => migrate(db, broken)).toThrow(/no_such_table/)
    expect(db.pragma('user_version', { simple: true })).toBe(before)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses a database from a newer Tabour', () => {
    const file = tempFile()
    openDatabase(file).close()
    const db = new Database(file)
    db.pragma('user_version = 999')
    expect(() => migrate(db)).toThrow(/newer than this Tabour/)
    db.close()
  })

  it('the event log refuses UPDATE and DELETE', () => {
    const db = openDatabase(tempFile())
    db.prepare("INSERT INTO events (at, day, type) VALUES (1, '2026-01-01', 'ticket.issued')").run()
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/)
    db.close()
  })
})
