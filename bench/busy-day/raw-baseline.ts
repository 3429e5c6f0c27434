import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'

/**
 * The busy day's baseline: what the day's state changes cost on the bare database, without the
 * server, its validation, broadcasts or HTTP.
 */

/** Raw better-sqlite3: `n` transactions of one ticket-row write and one event-row insert each (WAL, FULL). */
export function rawTransactions(n: number, tickets: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'tabour-busy-raw-'))
  const db = new Database(join(dir, 'raw.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, service_id INTEGER, number INTEGER, status TEXT, at INTEGER)')
  db.exec('CREATE TABLE e (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER, type TEXT, ticket_id TEXT, data TEXT)')
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?)')
  const update = db.prepare('UPDATE t SET status = ?, at = ? WHERE id = ?')
  const event = db.prepare("INSERT INTO e (at, type, ticket_id, data) VALUES (?, ?, ?, '{}')")
  const issue = db.transaction((i: number) => {
    insert.run(`id-${i}`, i % 6, i, 'waiting', Date.now())
    event.run(Date.now(), 'ticket.issued', `id-${i}`)
  })
  const change = db.transaction((i: number) => {
    update.run('called', Date.now(), `id-${i % tickets}`)
    event.run(Date.now(), 'ticket.called', `id-${i % tickets}`)
  })
  const start = performance.now()
  for (let i = 0; i < n; i++) (i < tickets ? issue : change)(i)
  const seconds = (performance.now() - start) / 1000
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return seconds
}
