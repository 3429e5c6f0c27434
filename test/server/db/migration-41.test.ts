import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { RemoteJoinsRepo } from '../../../server/db/repositories/remote-joins-repo.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 41: a held place's turn is read from its line's calls in the log (events_line_calls),
// each with the place it was called from (data.queuedAt). A call logged before it has no such place:
// the called ticket's row stands for it while the ticket is still in that line.

it("reads a held place's turn through the index of the line's calls; a call logged before it counts while its ticket stays in that line", () => {
  const db = databaseBefore(41)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at)
           VALUES (1, 'A', 'أ', 'A', 600, 1), (2, 'B', 'ب', 'B', 600, 1)`)
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, called_at, issued_by_type, origin)
     VALUES (?, ?, ?, '2026-12-07', ?, ?, ?, ?, ?, ?, 'system', ?)`,
  )
  const call = db.prepare(
    `INSERT INTO events (at, day, type, ticket_id, service_id, data) VALUES (?, '2026-12-07', 'ticket.called', ?, ?, '{"how":"policy"}')`,
  )
  // B-001 held from a phone since 1000; A-001 (issued 1100) called in A at 2000, now waiting in B
  ticket.run('held', 2, 2, 1, 'B-001', 'remote', 1000, 1000, null, 'remote')
  db.exec(`INSERT INTO remote_joins (ticket_id, service_id, day, mode, arrive_minutes, address_hash, joined_at)
           VALUES ('held', 2, '2026-12-07', 'check-in', 1, 'h', 1000)`)
  ticket.run('moved', 2, 1, 1, 'A-001', 'waiting', 1100, 1100, 2000, 'walk_in')
  call.run(2000, 'moved', 1)
  ticket.run('later', 2, 2, 2, 'B-002', 'called', 1200, 1200, 3000, 'walk_in')
  call.run(3000, 'later', 2)

  expect(migrate(db).to).toBeGreaterThanOrEqual(41)
  const repo = new RemoteJoinsRepo(db)
  // the shape of RemoteJoinsRepo.turnCameAt: the held ticket, then its line's calls since it joined
  const LINE_CALLS = `EXPLAIN QUERY PLAN SELECT min(e.at) FROM tickets t
    JOIN events e ON e.type = 'ticket.called' AND e.service_id = t.service_id AND e.at >= t.queued_at WHERE t.id = ?`
  const plan = (db.prepare(LINE_CALLS).all('held') as { detail: string }[]).map((r) => r.detail).join('; ')
  expect(plan).toMatch(/USING (COVERING )?INDEX events_line_calls \(service_id=\? AND at>\?\)/)
  // A-001's call was in A: no turn; B-002's, in B and still there, is
  expect(repo.turnCameAt('held')).toBe(3000)
  expect(repo.overdue(null, 3000 + 60_001).map((r) => r.ticketId)).toEqual(['held'])
  expect(repo.overdue(null, 3000 + 60_000)).toEqual([])
})
