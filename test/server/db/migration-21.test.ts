import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { canonicalPhone } from '../../../protocol/phone-number.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 21 writes the Egyptian mobiles stored before one form was kept (01…, 201…, 00201…)
// as +201…, as canonicalPhone does; other numbers and erased ones stay as they were.

it('rewrites stored ticket and booking numbers to +201…, exactly as canonicalPhone does', () => {
  const db = databaseBefore(21)
  const stored = ['01012345678', '201012345678', '+201012345678', '00201012345678', '+447700900123', '0223456789', null]
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, issued_by_type, phone)
     VALUES (?, 1, 1, '2026-12-04', ?, ?, 'waiting', 1, 1, 'device', ?)`,
  )
  const booking = db.prepare(
    `INSERT INTO bookings (code, service_id, day, slot_start, slot_end, name, phone, lang, status, created_at, created_by_type)
     VALUES (?, 1, '2026-12-04', 1, 2, 'x', ?, 'ar', 'booked', 1, 'public')`,
  )
  stored.forEach((phone, i) => {
    ticket.run(`t${i}`, i + 1, `A-00${i + 1}`, phone)
    booking.run(`code${i}`, phone ?? '')
  })
  expect(migrate(db).from).toBe(20)
  const want = stored.map((p) => (p === null ? null : canonicalPhone(p)))
  expect(db.prepare('SELECT phone FROM tickets ORDER BY number').pluck().all()).toEqual(want)
  expect(db.prepare('SELECT phone FROM bookings ORDER BY id').pluck().all()).toEqual(want.map((p) => p ?? ''))
  db.close()
})
