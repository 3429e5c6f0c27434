import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 32 keeps when a ticket last joined a line again (tickets.rejoined_at, read by
// server/queue/wait-facts.ts); for the tickets stored before, it is read from their events: the
// latest transfer, reinstatement, next step or check-in arrival. A call-ahead arrival (the ticket
// waited from its issue) and the other events leave it NULL, as does a ticket that never rejoined.

it('fills rejoined_at from the latest event that put each ticket back in a line', () => {
  const db = databaseBefore(32)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, issued_by_type)
     VALUES (?, 1, 1, '2026-12-06', ?, ?, 'waiting', 1000, 1000, 'device')`,
  )
  const event = db.prepare(`INSERT INTO events (at, day, type, ticket_id, data) VALUES (?, '2026-12-06', ?, ?, ?)`)
  const history: Record<string, [number, string, object?][]> = {
    never: [
      [1000, 'ticket.issued'],
      [2000, 'ticket.called'],
    ],
    transferredTwice: [
      [2000, 'ticket.called'],
      [3000, 'ticket.transferred'],
      [4000, 'ticket.called'],
      [5000, 'ticket.transferred'],
    ],
    reinstated: [
      [2000, 'ticket.no_show'],
      [2500, 'ticket.reinstated'],
    ],
    nextStep: [[3500, 'ticket.next_step']],
    checkedIn: [[4200, 'ticket.arrived', { way: 'phone', mode: 'check-in', joinedAt: 1000 }]],
    calledAhead: [[4300, 'ticket.arrived', { way: 'phone', mode: 'call-ahead', joinedAt: 1000 }]],
  }
  Object.entries(history).forEach(([id, events], i) => {
    ticket.run(id, i + 1, `A-00${i + 1}`)
    for (const [at, type, data] of events) event.run(at, type, id, JSON.stringify(data ?? {}))
  })
  expect(migrate(db).from).toBe(31)
  const rejoined = Object.fromEntries(
    (db.prepare('SELECT id, rejoined_at AS at FROM tickets').all() as { id: string; at: number | null }[]).map((r) => [r.id, r.at]),
  )
  expect(rejoined).toEqual({ never: null, transferredTwice: 5000, reinstated: 2500, nextStep: 3500, checkedIn: 4200, calledAhead: null })
  db.close()
})
