/**
 * The ten-minute erasure of booking numbers (server/notify/booking-number-retention.ts) on a busy
 * month: 90,000 tickets, ~400,000 events (bench/lib/busy-month.ts), and one booking in ten tickets
 * with its confirmation event, its message and its reminder, the numbers of the month's last day
 * still kept. Prints the median of 7 runs of the erasure as it is, and in the same run the two
 * message statements as they were (an IN over every appointment event and every past booking),
 * each run rolled back so every run finds the same rows. A figure, never a pass/fail.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openDatabase } from '../server/db/connection.ts'
import { migrate } from '../server/db/migrate.ts'
import { eraseExpiredBookingNumbers } from '../server/notify/booking-number-retention.ts'
import { REMINDER_KEY_PREFIX } from '../server/notify/appointment-messages.ts'
import { writeBusyMonth } from './lib/busy-month.ts'

const TZ = 'Africa/Cairo'
const LAST_DAY = '2026-03-31'
const RUNS = 7

/** The two message statements before the rewrite, the same-run baseline. */
const BEFORE = [
  `UPDATE message_outbox SET phone = NULL WHERE phone IS NOT NULL AND ticket_id IS NULL AND kind LIKE 'appointment\\_%' ESCAPE '\\'
     AND CAST(substr(idempotency_key, instr(idempotency_key, ':') + 1) AS INTEGER) IN (
       SELECT e.id FROM events e JOIN bookings b ON b.id = json_extract(e.data, '$.booking')
       WHERE e.type LIKE 'appointment.%' AND b.day < @before)`,
  `UPDATE message_outbox SET phone = NULL WHERE phone IS NOT NULL AND kind = 'appointment_reminder'
     AND CAST(substr(idempotency_key, length(@prefix) + 1) AS INTEGER) IN (SELECT id FROM bookings WHERE day < @before)`,
]

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export function bookingErasureBench(): void {
  const dir = mkdtempSync(join(tmpdir(), 'tabour-bench-erasure-'))
  try {
    const db = openDatabase(join(dir, 'tabour.sqlite'))
    migrate(db)
    const { events } = writeBusyMonth(db, {
      lastDay: LAST_DAY,
      days: 30,
      perDay: 3000,
      timeZone: TZ,
      seed: 42,
      createdAt: Date.parse('2026-03-01T00:00:00Z'),
      counterShifts: false,
      transferShare: 0.03,
    })
    db.transaction(() => {
      const booking = db.prepare(
        `INSERT INTO bookings (code, service_id, day, slot_start, slot_end, name, phone, lang, status, created_at, created_by_type)
         VALUES (?, 1, ?, 1, 2, 'x', ?, 'ar', 'checked_in', 1, 'public')`,
      )
      const event = db.prepare(`INSERT INTO events (at, day, type, data) VALUES (1, ?, 'appointment.booked', ?)`)
      const message = db.prepare(
        `INSERT INTO message_outbox (idempotency_key, kind, phone, lang, body, status, next_attempt_at, expires_at, created_at, day, status_at)
         VALUES (?, ?, ?, 'ar', 'x', 'delivered', 1, 1, 1, ?, 1)`,
      )
      const days = db.prepare('SELECT day FROM tickets WHERE rowid % 10 = 0').pluck().all() as string[]
      days.forEach((day, i) => {
        const phone = day === LAST_DAY ? '+201012345678' : null
        const id = Number(booking.run(`b${i}`, day, phone ?? '').lastInsertRowid)
        const eventId = Number(event.run(day, JSON.stringify({ booking: id })).lastInsertRowid)
        message.run(`appointment_booked:${eventId}`, 'appointment_booked', phone, day)
        message.run(`${REMINDER_KEY_PREFIX}${id}:1`, 'appointment_reminder', phone, day)
      })
    })()
    db.exec('ANALYZE')
    const now = Date.parse('2026-04-02T10:00:00Z') // the last day's numbers are due (keepDays 1)
    const timed = (work: () => void) => {
      const ms: number[] = []
      for (let i = 0; i < RUNS; i++) {
        db.exec('BEGIN IMMEDIATE')
        const t = performance.now()
        work()
        ms.push(performance.now() - t)
        db.exec('ROLLBACK')
      }
      return median(ms)
    }
    const before = timed(() => {
      for (const sql of BEFORE) db.prepare(sql).run({ before: '2026-04-01', prefix: REMINDER_KEY_PREFIX })
    })
    const after = timed(() => eraseExpiredBookingNumbers(db, now, TZ, 1))
    const bookings = db.prepare('SELECT count(*) FROM bookings').pluck().get()
    console.log(
      `booking-number erasure, ${events} ticket events + ${bookings} bookings with messages: ` +
        `the two message statements as they were ${before.toFixed(2)} ms; the whole erasure now ${after.toFixed(2)} ms ` +
        `(median of ${RUNS}; load ${loadavg()[0]!.toFixed(1)})`,
    )
    db.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) bookingErasureBench()
