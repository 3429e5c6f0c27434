import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 38: a finish that named no outcome wrote none in its ticket.finished event but
// 'served' on the ticket's row (and on its rating, copied from the row). The rows finished before
// get what their last finish event holds; a finish as `served`, another outcome, a ticket whose
// log has no finish event and a ticket not finished keep theirs.

it('sets the outcome of the tickets finished with none, and of their ratings, to none, as their finish events hold', () => {
  const db = databaseBefore(38)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, outcome, issued_by_type)
     VALUES (?, 1, 1, '2026-12-06', ?, ?, ?, 1000, 1000, ?, 'system')`,
  )
  const finished = db.prepare(`INSERT INTO events (at, day, type, ticket_id, data) VALUES (5000, '2026-12-06', 'ticket.finished', ?, ?)`)
  const rating = db.prepare(
    `INSERT INTO ratings (ticket_id, service_id, outcome, score, source, finished_at, at, day) VALUES (?, 1, ?, 4, 'status_page', 5000, 6000, '2026-12-06')`,
  )
  // [id, status, outcome on the row, the finish event's data (undefined: no event), rated]
  const rows: [string, string, string | null, string | undefined, boolean][] = [
    ['plain', 'done', 'served', JSON.stringify({ outcome: null, note: null }), true],
    ['plainNoKey', 'done', 'served', JSON.stringify({ serviceSeconds: 60 }), false],
    ['plainEmpty', 'done', 'served', '{}', false],
    ['named', 'done', 'served', JSON.stringify({ outcome: 'served' }), true],
    ['papers', 'done', 'incomplete_papers', JSON.stringify({ outcome: 'incomplete_papers' }), true],
    ['noLog', 'done', 'served', undefined, true],
    ['waiting', 'waiting', null, undefined, false],
  ]
  rows.forEach(([id, status, outcome, data, rated], i) => {
    ticket.run(id, i + 1, `A-00${i + 1}`, status, outcome)
    if (data !== undefined) finished.run(id, data)
    if (rated) rating.run(id, outcome)
  })
  expect(migrate(db).from).toBe(37)
  const outcomes = (table: 'tickets' | 'ratings', key: string) =>
    Object.fromEntries(
      (db.prepare(`SELECT ${key} AS id, outcome FROM ${table}`).all() as { id: string; outcome: string | null }[]).map((r) => [
        r.id,
        r.outcome,
      ]),
    )
  expect(outcomes('tickets', 'id')).toEqual({
    plain: null,
    plainNoKey: null,
    plainEmpty: null,
    named: 'served',
    papers: 'incomplete_papers',
    noLog: 'served',
    waiting: null,
  })
  expect(outcomes('ratings', 'ticket_id')).toEqual({ plain: null, named: 'served', papers: 'incomplete_papers', noLog: 'served' })
  db.close()
})
