/**
 * A booking's number is kept until its appointment is over: once the slot's day has ended (and
 * `keepNumbersDays` after it) the booking's phone becomes '' (bookings.phone is NOT NULL; every
 * reader takes '' as no number), the ticket its check-in gave loses its number, and so do the
 * outbox rows of its messages (found through the event each was made from: key `<kind>:<event id>`).
 * A message still queued for it is expired rather than sent without a number.
 */
import type { Db } from '../db/connection.ts'
import { addDays, localDay } from '../../protocol/center-clock.ts'
import { REMINDER_KEY_PREFIX } from './appointment-messages.ts'

const LIVE_TICKET = "('waiting', 'called', 'serving', 'parked', 'remote')"

/** Erases the numbers of bookings whose day is over; returns how many bookings, tickets and messages lost theirs. */
export function eraseExpiredBookingNumbers(
  db: Db,
  now: number,
  timeZone: string,
  keepDays: number,
): { bookings: number; tickets: number; messages: number } {
  const before = addDays(localDay(now, timeZone), -keepDays)
  // the messages are found from their own rows that still hold a number (few), each looking up its
  // event and booking by id: an IN over "every appointment event" or "every past booking" read the
  // whole event log and bookings table every ten minutes, holding the write lock
  return db.transaction(() => {
    const messages = db
      .prepare(
        `UPDATE message_outbox SET phone = NULL,
           status = CASE status WHEN 'queued' THEN 'expired' ELSE status END,
           last_error = CASE status WHEN 'queued' THEN 'number erased before it could be sent' ELSE last_error END
         WHERE phone IS NOT NULL AND ticket_id IS NULL AND kind LIKE 'appointment\\_%' ESCAPE '\\'
           AND EXISTS (
             SELECT 1 FROM events e JOIN bookings b ON b.id = json_extract(e.data, '$.booking')
             WHERE e.id = CAST(substr(idempotency_key, instr(idempotency_key, ':') + 1) AS INTEGER)
               AND e.type LIKE 'appointment.%' AND b.day < ?)`,
      )
      .run(before).changes
    // reminders are keyed by their booking (appointment-messages.ts reminderKey: appointment_reminder:b<id>:<slot>)
    const reminders = db
      .prepare(
        `UPDATE message_outbox SET phone = NULL,
           status = CASE status WHEN 'queued' THEN 'expired' ELSE status END
         WHERE phone IS NOT NULL AND kind = 'appointment_reminder'
           AND EXISTS (SELECT 1 FROM bookings WHERE id = CAST(substr(idempotency_key, length(@prefix) + 1) AS INTEGER) AND day < @before)`,
      )
      .run({ prefix: REMINDER_KEY_PREFIX, before }).changes
    const tickets = db
      .prepare(
        `UPDATE tickets SET phone = NULL WHERE phone IS NOT NULL AND origin = 'appointment' AND day < ? AND status NOT IN ${LIVE_TICKET}`,
      )
      .run(before).changes
    const bookings = db.prepare(`UPDATE bookings SET phone = '' WHERE phone <> '' AND day < ?`).run(before).changes
    return { bookings, tickets, messages: messages + reminders }
  })()
}
