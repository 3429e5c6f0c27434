import { afterAll, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../../server/db/migrate.ts'
import { DUE_REMINDERS_SQL } from '../../../server/notify/message-scanner.ts'

// The reminder search runs after every committed change (the notifier scans at once): it must
// find the bookings near their slot through an index, not by reading every booking ever kept.
const dir = mkdtempSync(join(tmpdir(), 'tabour-reminder-plan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('finds due reminders through the live-bookings-by-slot index, not a scan of the bookings table', () => {
  const db = new Database(join(dir, 'tabour.sqlite'))
  migrate(db)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  const booking = db.prepare(
    `INSERT INTO bookings (code, service_id, day, slot_start, slot_end, name, phone, lang, status, created_at, created_by_type)
     VALUES (?, 1, '2026-12-04', ?, ?, 'x', '+201012345678', 'ar', ?, 1, 'public')`,
  )
  // a year of kept bookings, nearly all of them done
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) booking.run(`c${i}`, i * 900_000, i * 900_000 + 900_000, i > 1990 ? 'booked' : 'checked_in')
  })()
  db.exec('ANALYZE')
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN ${DUE_REMINDERS_SQL}`)
    .all({ now: 0, ahead: 86_400_000, prefix: 'x' })
    .map((row) => (row as { detail: string }).detail)
  expect(plan.join('\n')).toMatch(/SEARCH b USING INDEX bookings_booked_slot \(slot_start>\? AND slot_start<\?\)/)
  expect(plan.some((detail) => /^SCAN b\b/.test(detail))).toBe(false)
  db.close()
})
