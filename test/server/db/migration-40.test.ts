import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { RatingsRepo } from '../../../server/db/repositories/ratings-repo.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 40: the last ticket to leave a counter (a feedback tablet's question, a keypad's rating
// key) is read through an index of finished tickets by counter, not by scanning and sorting every
// ticket kept.

const LAST_FINISHED = `SELECT id FROM tickets WHERE counter_id = ? AND finished_at IS NOT NULL ORDER BY finished_at DESC, rowid DESC LIMIT 1`

it("reads a counter's last finished ticket through its index, with no sort, and finds the same ticket", () => {
  const db = databaseBefore(40)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  db.exec(
    `INSERT INTO counters (id, number, name, zone, state, created_at) VALUES (1, 1, 'c1', 'z', 'open', 1), (2, 2, 'c2', 'z', 'open', 1)`,
  )
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, called_at, finished_at, counter_id, issued_by_type, origin)
     VALUES (?, 1, 1, '2026-12-07', ?, ?, ?, 1000, 1000, ?, ?, ?, 'system', 'walk_in')`,
  )
  ticket.run('t1', 1, 'A-001', 'done', 2000, 3000, 1)
  // issued later, finished earlier: the order is the finish's, not the issue's
  ticket.run('t2', 2, 'A-002', 'done', 2100, 2500, 1)
  ticket.run('t3', 3, 'A-003', 'serving', 4000, null, 1)
  ticket.run('t4', 4, 'A-004', 'done', 2500, 4000, 2)
  const plan = () => (db.prepare(`EXPLAIN QUERY PLAN ${LAST_FINISHED}`).all(1) as { detail: string }[]).map((r) => r.detail).join('; ')
  expect(plan()).toMatch(/SCAN tickets|TEMP B-TREE/)

  expect(migrate(db).to).toBeGreaterThanOrEqual(40)
  expect(plan()).toContain('USING INDEX tickets_counter_finished')
  expect(plan()).not.toContain('TEMP B-TREE')
  const ratings = new RatingsRepo(db)
  expect(ratings.lastFinishedAt(1)).toEqual({ id: 't1' })
  expect(ratings.lastFinishedAt(2)).toEqual({ id: 't4' })
  expect(ratings.lastFinishedAt(3)).toBeUndefined()
})
