import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { migrations } from '../../../server/db/migrations.ts'
import { RatingsRepo } from '../../../server/db/repositories/ratings-repo.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 39 drops tickets_counter_calls (migration 23): since migration 37 counts the appointment
// streak at each call, no statement reads tickets by counter and call time, and the index cost every
// call, transfer and finish a write. The reads by counter that remain answer as before.

const indexes = (db: ReturnType<typeof databaseBefore>) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets'`).all() as { name: string }[]).map(
    (r) => r.name,
  )

it("drops the index of the counters' latest calls and keeps the others; the last ticket to leave a counter is found as before", () => {
  const db = databaseBefore(39)
  expect(indexes(db)).toContain('tickets_counter_calls')
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  db.exec(
    `INSERT INTO counters (id, number, name, zone, state, created_at) VALUES (1, 1, 'c1', 'z', 'open', 1), (2, 2, 'c2', 'z', 'open', 1)`,
  )
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, called_at, finished_at, counter_id, issued_by_type, origin)
     VALUES (?, 1, 1, '2026-12-07', ?, ?, 'done', 1000, 1000, ?, ?, ?, 'system', 'walk_in')`,
  )
  ticket.run('t1', 1, 'A-001', 2000, 3000, 1)
  ticket.run('t2', 2, 'A-002', 2500, 4000, 2)
  ticket.run('t3', 3, 'A-003', 4100, 5000, 1)
  const before = indexes(db).filter((n) => n !== 'tickets_counter_calls')

  expect(
    migrate(
      db,
      migrations.filter((m) => m.version <= 39),
    ).to,
  ).toBe(39)
  expect(indexes(db)).toEqual(before)
  const ratings = new RatingsRepo(db)
  expect(ratings.lastFinishedAt(1)).toEqual({ id: 't3' })
  expect(ratings.lastFinishedAt(2)).toEqual({ id: 't2' })
})
