/**
 * Ticket labels and the day a ticket number belongs to. The numbers themselves are allocated in
 * the database transaction that inserts the ticket; this file only says how they look and when
 * the sequence restarts.
 */
import { businessDay, MIDNIGHT } from '../../protocol/center-clock.ts'

/** `prefix-NNN`: the number zero-padded to at least 3 digits (`A`,15 → `A-015`; `A`,1000 → `A-1000`); throws RangeError for a negative or non-integer number. */
export function formatLabel(prefix: string, number: number): string {
  if (!Number.isSafeInteger(number) || number < 0) {
    throw new RangeError(`ticket number must be a non-negative integer, got ${number}`)
  }
  // Three digits is what displays and callers are sized for; a busy service past 999 simply
  // grows a digit rather than wrapping, because a reused label would call the wrong person.
  return `${prefix}-${String(number).padStart(3, '0')}`
}

/**
 * The business day (`YYYY-MM-DD`, center-local in `timeZone`) whose sequence a ticket issued at
 * `epochMs` draws from: numbers restart when a business day starts, at local `startsAt`
 * (calendar `businessDayStartsAt`, default midnight).
 */
export function ticketDayKey(epochMs: number, timeZone: string, startsAt = MIDNIGHT): string {
  // The one home of that rule: the calendar's day start is the only thing that moves it.
  return businessDay(epochMs, timeZone, startsAt)
}

/** The sequence a center with no daily close (a 24-hour center) numbers from: one per service, never restarting. */
export const CONTINUOUS_SEQUENCE = 'continuous'

/**
 * Continuous numbers wrap after this many: A-9999 is followed by A-001. A number whose label is
 * still waiting, called or serving (or already used that business day) is skipped, so a wrap
 * never calls the wrong person; four digits keep the displays' label width.
 */
export const CONTINUOUS_WRAP = 9999

/** The `n`th number of a continuous sequence (1-based) after wrapping: 1…9999, then 1 again. */
export const wrapNumber = (n: number): number => ((n - 1) % CONTINUOUS_WRAP) + 1
