import { afterAll, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../../server/db/migrate.ts'
import { EventsRepo, PAST_CALLS_SQL } from '../../../server/db/repositories/events-repo.ts'

// A display's snapshot reads the calls gone from its counters (s34 item 1). A busy day holds tens of
// thousands of calls: the read walks the log back from its end and stops at the limit, it does
// not read the day's calls and sort them (0.2 s of the server's one thread per snapshot).
const dir = mkdtempSync(join(tmpdir(), 'tabour-past-calls-plan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it("reads a day's past calls from the log's end, with no sort and no scan of the day's calls", () => {
  const db = new Database(join(dir, 'tabour.sqlite'))
  migrate(db)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, issued_by_type, origin)
     VALUES (?, 1, 1, ?, ?, ?, 'done', 1, 1, 'system', 'walk_in')`,
  )
  const events = new EventsRepo(db)
  // yesterday and today, 3000 tickets each, called at counters 1–6 in turn and finished
  db.transaction(() => {
    for (const day of ['2026-12-04', '2026-12-05'])
      for (let i = 0; i < 3000; i++) {
        const id = `${day}-${i}`
        const counterId = 1 + (i % 6)
        ticket.run(id, day, i, `A-${i}`)
        for (const type of ['ticket.issued', 'ticket.called', 'ticket.started', 'ticket.finished'])
          events.append({ at: i, day, type, ticketId: id, counterId: type === 'ticket.issued' ? null : counterId })
      }
  })()
  db.exec('ANALYZE')
  const args = { day: '2026-12-05', counters: JSON.stringify([2, 5]), limit: 12 }
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN ${PAST_CALLS_SQL}`)
    .all(args)
    .map((row) => (row as { detail: string }).detail)
  expect(plan.join('\n')).toMatch(/SEARCH l USING INTEGER PRIMARY KEY \(rowid>\?\)/)
  expect(plan.some((detail) => /^SCAN (l|c|events)\b|TEMP B-TREE/.test(detail))).toBe(false)
  // today's, at counters 2 and 5 only (ticket i is at counter 1 + i % 6), the last to leave first
  const past = events.pastCalls('2026-12-05', [2, 5], 4)
  expect(past.map((p) => [p.label, p.counterId])).toEqual([
    ['A-2998', 5],
    ['A-2995', 2],
    ['A-2992', 5],
    ['A-2989', 2],
  ])
  expect(past.every((p) => p.ticketId.startsWith('2026-12-05'))).toBe(true)
  db.close()
})
