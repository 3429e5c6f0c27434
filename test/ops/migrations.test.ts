import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../server/db/connection.ts'
import { migrate, MigrationError } from '../../server/db/migrate.ts'
import { migrations } from '../../server/db/migrations.ts'
import { ChildServer, killAllChildren } from '../helpers/child-server.ts'
import { runTabour } from './cli-runner.ts'

const latest = migrations.at(-1)!.version

/** The schema as SQLite stores it, plus the version: what must not change when a migration fails. */
function schemaOf(db: Database.Database) {
  return {
    version: db.pragma('user_version', { simple: true }),
    objects: db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all(),
  }
}

describe('upgrades: migrations are all-or-nothing', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-migrate-'))
    dirs.push(dir)
    return dir
  }
  afterEach(async () => {
    await killAllChildren()
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  /** A real center database with a row in it, copied to a temp file that the broken migration may ruin. */
  function tempCopy(): { file: string; db: Database.Database } {
    const dir = tempDir()
    const original = join(dir, 'original.sqlite')
    const seed = openDatabase(original)
    seed.prepare(`INSERT INTO services (prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES ('A', 'أ', 'A', 600, 1)`).run()
    seed.close()
    const file = join(dir, 'copy.sqlite')
    copyFileSync(original, file)
    return { file, db: new Database(file) }
  }

  it('a migration that throws leaves the previous schema and data intact', () => {
    const { db } = tempCopy()
    const before = schemaOf(db)
    const broken = [
      ...migrations,
      { version: latest + 1, name: 'good part', sql: 'CREATE TABLE upgrade_one (a INTEGER); ALTER TABLE services ADD COLUMN colour TEXT;' },
      { version: latest + 2, name: 'broken part', sql: `CREATE TABLE upgrade_two (b INTEGER); INSERT INTO no_such_table VALUES (1);` },
    ]
    let error: unknown
    try {
      migrate(db, broken)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `migration ${latest + 2} \\(broken part\\) failed: no such table: no_such_table; the database was left unchanged at schema version ${latest}`,
      ),
    )
    // neither the failing migration nor the good one before it stayed
    expect(schemaOf(db)).toEqual(before)
    expect(db.prepare('SELECT prefix FROM services').all()).toEqual([{ prefix: 'A' }])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    // and the same file upgrades cleanly once the migration is fixed
    migrate(db, [...broken.slice(0, -1), { version: latest + 2, name: 'fixed', sql: 'CREATE TABLE upgrade_two (b INTEGER);' }])
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 2)
    db.close()
  })

  it('the server refuses to start when a migration fails: clear message, exit 1, database untouched', { timeout: 180_000 }, async () => {
    // a database just behind the newest migration that creates or adds something (one that only
    // updates rows cannot be made to clash): that migration cannot apply, the object it creates (a
    // table, index…) or the column it adds having been made beforehand
    const dataDir = tempDir()
    const file = join(dataDir, 'tabour.sqlite')
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    const making = (sql: string) => ({
      created: /CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)\s+(\w+)/i.exec(sql),
      added: /ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)/i.exec(sql),
    })
    const at = migrations.findLastIndex((m) => {
      const { created, added } = making(m.sql)
      return created !== null || added !== null
    })
    expect(at, 'some migration creates or adds something').toBeGreaterThan(0)
    const failing = migrations[at]!.version
    migrate(db, migrations.slice(0, at))
    const { created, added } = making(migrations[at]!.sql)
    const clash = created
      ? created[1]!.toUpperCase() === 'TABLE'
        ? `CREATE TABLE ${created[2]} (x INTEGER)`
        : `CREATE TABLE ${created[2]}_t (x); CREATE VIEW ${created[2]} AS SELECT 1`
      : `ALTER TABLE ${added![1]} ADD COLUMN ${added![2]} INTEGER`
    db.exec(clash)
    const before = schemaOf(db)
    db.close()

    const server = await ChildServer.spawn({ dataDir })
    const exit = await server.exited
    expect(exit.code, server.output).toBe(1)
    expect(server.output).toMatch(
      new RegExp(
        `tabour: failed to start: migration ${failing} \\(.*\\) failed: .*(already exists|already a table named|duplicate column name).*; the database was left unchanged at schema version ${failing - 1}`,
      ),
    )
    expect(server.output).not.toMatch(/\n\s+at /)
    const after = new Database(file, { readonly: true })
    expect(schemaOf(after)).toEqual(before)
    after.close()

    const cli = await runTabour(['migrate', '--data-dir', dataDir])
    expect(cli.code).toBe(1)
    expect(cli.stderr).toMatch(/^tabour: migration .* failed: .*left unchanged/)
    const status = await runTabour(['migrate', '--status', '--data-dir', dataDir])
    expect(status.code).toBe(0)
    expect(status.stdout).toContain(`schema ${failing - 1}, this Tabour: ${latest}`)
  })

  it('tabour migrate upgrades an old database, and a database newer than Tabour stops the server', { timeout: 180_000 }, async () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'tabour.sqlite')
    const db = new Database(file)
    migrate(db, migrations.slice(0, 1))
    db.close()
    const res = await runTabour(['migrate', '--data-dir', dataDir])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toContain(latest === 1 ? 'up to date' : `migrated from schema 1 to ${latest}`)

    const newer = new Database(file)
    newer.pragma(`user_version = ${latest + 5}`)
    newer.close()
    const server = await ChildServer.spawn({ dataDir })
    expect((await server.exited).code).toBe(1)
    expect(server.output).toContain(`database schema version ${latest + 5} is newer than this Tabour (${latest})`)
  })
})
