import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 37 keeps each counter's appointment streak on its row (counters.appointment_streak,
// counted at each call since). The counters of a center upgraded mid-day get theirs from the log's
// calls in their order: the appointments each called since its last call of another ticket, including
// an appointment it called that has since left it (transferred and called at another counter).

it("fills each counter's appointment streak from its calls in the log, in the order they were made", () => {
  const db = databaseBefore(37)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  const counter = db.prepare(`INSERT INTO counters (id, number, name, zone, state, created_at) VALUES (?, ?, ?, 'z', 'open', 1)`)
  for (const id of [1, 2, 3, 4, 5]) counter.run(id, id, `c${id}`)
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, called_at, counter_id, issued_by_type, origin)
     VALUES (?, 1, 1, '2026-12-06', ?, ?, 'done', 1000, 1000, ?, ?, 'system', ?)`,
  )
  // where each ticket is now: `moved` was called at counter 2, transferred, then called at counter 3
  const tickets: [string, 'walk_in' | 'appointment', number | null][] = [
    ['w1', 'walk_in', 1],
    ['a1', 'appointment', 1],
    ['a2', 'appointment', 1],
    ['moved', 'appointment', 3],
    ['w2', 'walk_in', 3],
    ['a3', 'appointment', 5],
    ['w3', 'walk_in', 5],
  ]
  tickets.forEach(([id, origin, counterId], i) => ticket.run(id, i + 1, `A-00${i + 1}`, 5000, counterId, origin))
  const call = db.prepare(`INSERT INTO events (at, day, type, ticket_id, counter_id, data) VALUES (5000, '2026-12-06', ?, ?, ?, '{}')`)
  // the log's order, all in one millisecond: a3's call before w3's though a3 was issued first
  const log: [string, string, number | null][] = [
    ['ticket.called', 'w1', 1],
    ['ticket.called', 'a1', 1],
    ['ticket.called', 'moved', 2],
    ['ticket.transferred', 'moved', 2],
    ['ticket.called', 'a2', 1],
    ['ticket.called', 'w2', 3],
    ['ticket.called', 'moved', 3],
    ['ticket.called', 'a3', 5],
    ['ticket.called', 'w3', 5],
    ['ticket.recalled', 'w3', 5],
  ]
  for (const [type, id, counterId] of log) call.run(type, id, counterId)
  expect(migrate(db).from).toBe(36)
  const streaks = db.prepare('SELECT id, appointment_streak AS n FROM counters ORDER BY id').all() as { id: number; n: number }[]
  // 1: w1, a1, a2; 2: moved (since transferred); 3: w2, moved; 4: no call; 5: a3, w3
  expect(streaks.map((s) => s.n)).toEqual([2, 1, 1, 0, 0])
  db.close()
})
