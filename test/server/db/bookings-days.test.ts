import { expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { migrate } from '../../../server/db/migrate.ts'
import { BookingsRepo } from '../../../server/db/repositories/bookings-repo.ts'

// GET /appointments/services read each offered day's change alone (bookAheadDays + 1 statements a
// service, asked every minute by each desk's booking card): one range read a service gives the same.
it("reads a service's day changes over a range in one read, as the one-day read gives them", () => {
  const db = new Database(':memory:')
  migrate(db)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES
    (1, 'A', 'أ', 'A', 600, 1), (2, 'B', 'ب', 'B', 600, 1)`)
  const repo = new BookingsRepo(db)
  repo.setDay(1, '2026-03-09', { blocked: true, extraPerSlot: 0 })
  repo.setDay(1, '2026-03-10', { blocked: true, extraPerSlot: 0 })
  repo.setDay(1, '2026-03-12', { blocked: false, extraPerSlot: 3 })
  repo.setDay(1, '2026-03-24', { blocked: false, extraPerSlot: 1 })
  repo.setDay(1, '2026-03-25', { blocked: true, extraPerSlot: 0 })
  repo.setDay(2, '2026-03-11', { blocked: true, extraPerSlot: 0 })

  const range = repo.dayOverrides(1, '2026-03-10', '2026-03-24')
  // both ends included, the days around and the other service's left out
  expect([...range.keys()].sort()).toEqual(['2026-03-10', '2026-03-12', '2026-03-24'])
  for (let d = 9; d <= 25; d++) {
    const day = `2026-03-${String(d).padStart(2, '0')}`
    if (day >= '2026-03-10' && day <= '2026-03-24') expect(range.get(day) ?? null).toEqual(repo.dayOverride(1, day))
  }
  expect(range.get('2026-03-12')).toEqual({ blocked: false, extraPerSlot: 3 })
  expect(repo.dayOverrides(2, '2026-03-12', '2026-03-24').size).toBe(0)
  db.close()
})
