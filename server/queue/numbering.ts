/**
 * Ticket labels and the day a ticket number belongs to. The numbers themselves are allocated in
 * the database transaction that inserts the ticket; this file only says how they look and when
 * the sequence restarts.
 */
import { localDay } from '../../protocol/center-clock.ts'

/** `prefix-NNN`: the number zero-padded to at least 3 digits (`A`,15 → `A-015`; `A`,1000 → `A-1000`); throws RangeError for a negative or non-integer number. */
export function formatLabel(prefix: string, number: number): string {
  if (!Number.isSafeInteger(number) || number < 0) {
    throw new RangeError(`ticket number must be a non-negative integer, got ${number}`)
  }
  // Three digits is what displays and callers are sized for; a busy service past 999 simply
  // grows a digit rather than wrapping, because a reused label would call the wrong person.
  return `${prefix}-${String(number).padStart(3, '0')}`
}

/** The day (`YYYY-MM-DD`, center-local in `timeZone`) whose sequence a ticket issued at `epochMs` draws from: numbers restart at local midnight. */
export function ticketDayKey(epochMs: number, timeZone: string): string {
  // The one home of that rule: if numbering ever restarts at another hour, only this changes.
  return localDay(epochMs, timeZone)
}
