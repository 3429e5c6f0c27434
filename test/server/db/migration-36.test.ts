import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 36 keeps where a moved booking was on its row (bookings.moved_from, read by the booking's
// page, server/routes/appointments/booking-view.ts). Before, every read searched the event log for the
// booking's last appointment.moved; the bookings moved before the migration get that same value.

/** What the booking's page read before migration 36 (bookings-repo lastMovedFrom, its day bound aside). */
const BEFORE = `SELECT json_extract(data, '$.from') AS "from" FROM events
  WHERE type = 'appointment.moved' AND json_extract(data, '$.booking') = ? ORDER BY id DESC LIMIT 1`

it("fills moved_from from each moved booking's last move, as its page read it before", () => {
  const db = databaseBefore(36)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  const booking = db.prepare(
    `INSERT INTO bookings (id, code, service_id, day, slot_start, slot_end, name, phone, status, created_at, created_by_type, moved_count)
     VALUES (?, ?, 1, '2026-12-06', ?, ?, 'x', '', 'booked', 1000, 'public', ?)`,
  )
  const event = db.prepare(`INSERT INTO events (at, day, type, data) VALUES (?, '2026-12-06', ?, ?)`)
  const HOUR = 3_600_000
  // [id, slot now, moves: the slot each move left, in order]
  const bookings: [number, number, number[]][] = [
    [1, 10 * HOUR, []],
    [2, 11 * HOUR, [9 * HOUR]],
    [3, 12 * HOUR, [9 * HOUR, 14 * HOUR]],
    // its moves interleave with booking 3's in the log
    [4, 13 * HOUR, [15 * HOUR]],
  ]
  let at = 2000
  for (const [id, slot, moves] of bookings) {
    booking.run(id, `code${id}`, slot, slot + HOUR, moves.length)
    event.run(at++, 'appointment.booked', JSON.stringify({ booking: id, slotStart: moves[0] ?? slot }))
  }
  // the moves in the log's order: 3's first, 4's, then 3's second; each names the slot it left
  const log: [number, number, number][] = [
    [2, 9 * HOUR, 11 * HOUR],
    [3, 9 * HOUR, 14 * HOUR],
    [4, 15 * HOUR, 13 * HOUR],
    [3, 14 * HOUR, 12 * HOUR],
  ]
  for (const [id, from, to] of log) event.run(at++, 'appointment.moved', JSON.stringify({ booking: id, slotStart: to, from }))
  // a cancellation after a move leaves the move as the last one
  event.run(at++, 'appointment.cancelled', JSON.stringify({ booking: 2, slotStart: 11 * HOUR }))

  const read = db.prepare(BEFORE)
  const before = bookings.map(([id, , moves]) => (moves.length === 0 ? null : (read.get(id) as { from: number }).from))
  expect(migrate(db).from).toBe(35)
  const after = (db.prepare('SELECT moved_from AS movedFrom FROM bookings ORDER BY id').all() as { movedFrom: number | null }[]).map(
    (r) => r.movedFrom,
  )
  expect(after).toEqual(before)
  expect(after).toEqual([null, 9 * HOUR, 14 * HOUR, 15 * HOUR])
  db.close()
})
