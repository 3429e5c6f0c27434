import { afterAll, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../../server/db/migrate.ts'
import { RECENT_ORIGINS_SQL } from '../../../server/db/repositories/bookings-repo.ts'

// Every call-next reads the origins of its counter's latest calls inside the call's transaction,
// before the displays' push (issue 22): it must read them through an index, in order, not by
// scanning and sorting every ticket the center ever kept.
const dir = mkdtempSync(join(tmpdir(), 'tabour-recent-calls-plan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it("reads a counter's latest calls through tickets_counter_calls, with no scan and no sort", () => {
  const db = new Database(join(dir, 'tabour.sqlite'))
  migrate(db)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  db.exec(
    `INSERT INTO counters (id, number, name, zone, state, created_at) VALUES (1, 1, 'c1', 'z', 'closed', 1), (2, 2, 'c2', 'z', 'closed', 1)`,
  )
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, called_at, counter_id, issued_by_type, origin)
     VALUES (?, 1, 1, ?, ?, 'A-1', ?, ?, ?, ?, ?, 'system', ?)`,
  )
  // months of kept tickets at two counters, the last few still waiting (never called)
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      const day = `2026-${String(1 + Math.floor(i / 300)).padStart(2, '0')}-01`
      const waiting = i >= 2990
      const at = i * 60_000
      ticket.run(
        `t${i}`,
        day,
        i,
        waiting ? 'waiting' : 'done',
        at,
        at,
        waiting ? null : at,
        waiting ? null : 1 + (i % 2),
        i % 7 ? 'walk_in' : 'appointment',
      )
    }
  })()
  db.exec('ANALYZE')
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN ${RECENT_ORIGINS_SQL}`)
    .all(1, 3)
    .map((row) => (row as { detail: string }).detail)
  expect(plan.join('\n')).toMatch(/SEARCH tickets USING INDEX tickets_counter_calls \(counter_id=\?/)
  expect(plan.some((detail) => /^SCAN tickets\b|TEMP B-TREE/.test(detail))).toBe(false)
  // the newest calls of counter 1 (even numbers), newest first: 2988, 2986, 2984
  const origins = db.prepare(RECENT_ORIGINS_SQL).all(1, 3) as { origin: string }[]
  const expected = [2988, 2986, 2984].map((i) => (i % 7 ? 'walk_in' : 'appointment'))
  expect(origins.map((r) => r.origin)).toEqual(expected)
  db.close()
})
