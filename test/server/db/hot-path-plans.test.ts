import { afterAll, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../../server/db/migrate.ts'
import { CountersRepo } from '../../../server/db/repositories/counters-repo.ts'
import { DevicesRepo } from '../../../server/db/repositories/devices-repo.ts'
import { BookingsRepo } from '../../../server/db/repositories/bookings-repo.ts'
import { eraseExpiredNumbers } from '../../../server/notify/number-retention.ts'
import { eraseExpiredBookingNumbers } from '../../../server/notify/booking-number-retention.ts'

/**
 * The statements that run on every push (the zones displays listen to) and every ten minutes
 * (the erasure of phone numbers whose days are over) read through an index (center migration
 * 25), not by scanning tables that only grow or sorting into a temporary b-tree, and so does the
 * slot printed on an appointment's ticket (by the bookings' ticket index); the booking
 * messages' erasure looks up each message's event and booking by id instead of reading the event
 * log and the bookings whole. The real statements are recorded as the code runs them, then
 * explained with the arguments they had.
 */
const dir = mkdtempSync(join(tmpdir(), 'tabour-hot-plans-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Ran {
  sql: string
  args: unknown[]
}

/** Records every statement `db` runs (its SQL and arguments) from now on. */
function recordStatements(db: Database.Database): Ran[] {
  const ran: Ran[] = []
  const prepare = db.prepare.bind(db)
  db.prepare = ((sql: string) => {
    const st = prepare(sql)
    for (const method of ['run', 'get', 'all'] as const) {
      const original = st[method].bind(st) as (...args: unknown[]) => unknown
      ;(st as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        ran.push({ sql, args })
        return original(...args)
      }
    }
    return st
  }) as typeof db.prepare
  return ran
}

function seed(db: Database.Database): void {
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 1)`)
  const counter = db.prepare(`INSERT INTO counters (number, name, zone, state, created_at) VALUES (?, ?, ?, 'closed', 1)`)
  for (let i = 1; i <= 40; i++) counter.run(i, `c${i}`, `zone-${i % 4}`)
  const device = db.prepare(`INSERT INTO devices (kind, name, zone, created_at) VALUES (?, ?, ?, 1)`)
  for (let i = 0; i < 60; i++) device.run(i % 3 ? 'kiosk' : 'display', `d${i}`, i % 2 ? `zone-${i % 5}` : null)
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, issued_by_type, origin, phone)
     VALUES (?, 1, 1, ?, ?, 'A-1', 'done', 1, 1, 'device', ?, ?)`,
  )
  const booking = db.prepare(
    `INSERT INTO bookings (code, service_id, day, slot_start, slot_end, name, phone, lang, status, created_at, created_by_type)
     VALUES (?, 1, ?, 1, 2, 'x', ?, 'ar', 'checked_in', 1, 'public')`,
  )
  // the event log and the booking messages: one event and message a booking, numbers erased but for the last days
  const event = db.prepare(`INSERT INTO events (id, at, day, type, data) VALUES (?, 1, ?, 'appointment.booked', ?)`)
  const message = db.prepare(
    `INSERT INTO message_outbox (idempotency_key, kind, phone, lang, body, status, next_attempt_at, expires_at, created_at, day, status_at)
     VALUES (?, ?, ?, 'ar', 'x', 'delivered', 1, 1, 1, ?, 1)`,
  )
  // months kept, the numbers of all but the last days already erased
  for (let i = 0; i < 6000; i++) {
    const day = `2026-${String(1 + Math.floor(i / 1000)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
    const kept = i >= 5950
    ticket.run(`t${i}`, day, i, i % 5 ? 'walk_in' : 'appointment', kept ? '+201012345678' : null)
    if (i % 5 === 0) {
      const id = Number(booking.run(`b${i}`, day, kept ? '+201012345678' : '').lastInsertRowid)
      event.run(i + 1, day, JSON.stringify({ booking: id }))
      message.run(`appointment_booked:${i + 1}`, 'appointment_booked', kept ? '+201012345678' : null, day)
      message.run(`appointment_reminder:b${id}:1`, 'appointment_reminder', kept ? '+201012345678' : null, day)
    }
    // the rest of the event log, which only grows
    for (let k = 0; k < 3; k++) event.run(100_000 + i * 3 + k, day, '{}')
  }
  db.exec('ANALYZE')
}

it('lists the zones and erases expired numbers through indexes, with no scan of a growing table', () => {
  const db = new Database(join(dir, 'tabour.sqlite'))
  migrate(db)
  db.transaction(() => seed(db))()
  // each booking checked in as the ticket of its number (b5 → t5)
  db.exec(`UPDATE bookings SET ticket_id = 't' || substr(code, 2)`)
  const ran = recordStatements(db)
  // the slot printed on an appointment's ticket (printing.ts), read at each print
  expect(new BookingsRepo(db).slotOfTicket('t5')).toBe(1)
  expect(new BookingsRepo(db).slotOfTicket('t6')).toBeNull()
  expect(new CountersRepo(db).zones().sort()).toEqual(['zone-0', 'zone-1', 'zone-2', 'zone-3'])
  expect(new DevicesRepo(db).displayZones().sort()).toEqual(['zone-0', 'zone-1', 'zone-2', 'zone-3', 'zone-4'])
  const now = Date.parse('2026-06-20T10:00:00Z')
  expect(eraseExpiredNumbers(db, now, 'Africa/Cairo', 1).tickets).toBeGreaterThan(0)
  expect(eraseExpiredBookingNumbers(db, now, 'Africa/Cairo', 1)).toMatchObject({ bookings: 6, messages: 12 })
  // what they leave: the numbers of the day kept and after
  const kept = db.prepare('SELECT MIN(day) FROM tickets WHERE phone IS NOT NULL').pluck().get()
  expect(kept).toBe('2026-06-19')

  const planOf = (pattern: RegExp) => {
    const statement = ran.find((r) => pattern.test(r.sql))
    expect(statement, `no statement matching ${pattern}`).toBeDefined()
    return (db.prepare(`EXPLAIN QUERY PLAN ${statement!.sql}`).all(...statement!.args) as { detail: string }[])
      .map((p) => p.detail)
      .join('\n')
  }
  const NO_SCAN = /^SCAN (counters|devices|tickets|bookings|message_outbox|events|e|b)$|TEMP B-TREE/m
  const cases: [RegExp, RegExp, RegExp][] = [
    [/DISTINCT zone FROM counters/, /USING COVERING INDEX counters_zone/, NO_SCAN],
    [/DISTINCT zone FROM devices/, /USING COVERING INDEX devices_display_zone/, NO_SCAN],
    [/FROM bookings WHERE ticket_id = \?/, /SEARCH bookings USING INDEX bookings_ticket/, NO_SCAN],
    [/UPDATE tickets SET phone = NULL .*origin IN/s, /SEARCH tickets USING INDEX tickets_phone_kept/, NO_SCAN],
    [/UPDATE tickets SET phone = NULL .*origin = 'appointment'/s, /SEARCH tickets USING INDEX tickets_phone_kept/, NO_SCAN],
    [/UPDATE bookings SET phone = ''/, /SEARCH bookings USING INDEX bookings_phone_kept/, NO_SCAN],
    // the reminders that kept a number, by index, each looking up its booking by id (it read every past booking)
    [
      /kind = 'appointment_reminder'/,
      /SEARCH message_outbox USING INDEX message_outbox_phone_kept[\s\S]*SEARCH bookings USING INTEGER PRIMARY KEY/,
      NO_SCAN,
    ],
    // the other booking messages that kept a number, each looking up its event and booking by id (it read the whole event log)
    [
      /kind LIKE 'appointment/,
      /SEARCH message_outbox USING INDEX message_outbox_phone_\w+[\s\S]*SEARCH e USING INTEGER PRIMARY KEY[\s\S]*SEARCH b USING INTEGER PRIMARY KEY/,
      NO_SCAN,
    ],
  ]
  for (const [statement, index, noScan] of cases) {
    const plan = planOf(statement)
    expect(plan, String(statement)).toMatch(index)
    expect(plan, String(statement)).not.toMatch(noScan)
  }
  db.close()
})
