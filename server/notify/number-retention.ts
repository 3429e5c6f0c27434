/**
 * Citizens' numbers are kept only while they serve the citizen: a walk-in (or remote) ticket's
 * number, and the number on its messages, are erased once its business day is over, or
 * `keepNumbersDays` after it. Tickets still live (waiting, called, serving, parked, remote) keep
 * theirs, and so do messages still queued (they are expired rather than sent without a number).
 * Bookings' numbers go after the appointment (booking-number-retention.ts), on the same rounds.
 */
import type { Db } from '../db/connection.ts'
import { addDays, localDay } from '../../protocol/center-clock.ts'
import { eraseExpiredBookingNumbers } from './booking-number-retention.ts'

const LIVE = "('waiting', 'called', 'serving', 'parked', 'remote')"

/** Erases the numbers whose time is up; returns how many tickets and messages lost theirs. */
export function eraseExpiredNumbers(db: Db, now: number, timeZone: string, keepDays: number): { tickets: number; messages: number } {
  const before = addDays(localDay(now, timeZone), -keepDays)
  return db.transaction(() => {
    const messages = db
      .prepare(
        `UPDATE message_outbox SET phone = NULL,
           status = CASE status WHEN 'queued' THEN 'expired' ELSE status END,
           last_error = CASE status WHEN 'queued' THEN 'number erased before it could be sent' ELSE last_error END
         WHERE phone IS NOT NULL AND day < ? AND (ticket_id IS NOT NULL AND ticket_id IN (SELECT id FROM tickets WHERE status NOT IN ${LIVE}))`,
      )
      .run(before).changes
    const tickets = db
      .prepare(
        `UPDATE tickets SET phone = NULL WHERE phone IS NOT NULL AND day < ? AND origin IN ('walk_in', 'remote') AND status NOT IN ${LIVE}`,
      )
      .run(before).changes
    return { tickets, messages }
  })()
}

/** Runs the erasure at start and every `everyMs` (default 10 minutes). */
export class NumberRetention {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly db: Db,
    private readonly settings: () => { timeZone: string; keepDays: number },
    private readonly clock: () => number,
    private readonly everyMs = 600_000,
  ) {}

  /** Walk-in tickets' numbers, then bookings'; how many of each were erased. */
  runNow(): { tickets: number; messages: number; bookings: number } {
    const { timeZone, keepDays } = this.settings()
    const now = this.clock()
    const walkIns = eraseExpiredNumbers(this.db, now, timeZone, keepDays)
    const booked = eraseExpiredBookingNumbers(this.db, now, timeZone, keepDays)
    return { tickets: walkIns.tickets + booked.tickets, messages: walkIns.messages + booked.messages, bookings: booked.bookings }
  }

  start(): void {
    this.runNow()
    this.timer = setInterval(() => this.runNow(), this.everyMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
