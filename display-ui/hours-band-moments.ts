/** When the board's hours band (hours-banner.ts) changes with the clock alone, without the element: unit-tested in Node. */
import type { HoursNow } from '../protocol/calendar.ts'

/** How long before closing the board warns. */
export const CLOSING_NOTICE_MS = 30 * 60_000

/**
 * In how many ms after `hours.at` (the center's clock) the band's words change with the clock
 * alone: the closing warning starts, the center closes or opens. Null when no such moment is known.
 */
export function nextBandChangeMs(hours: HoursNow): number | null {
  const at = Date.parse(hours.at)
  const closes = hours.closesAt ? Date.parse(hours.closesAt) : null
  const moments = [closes === null ? null : closes - CLOSING_NOTICE_MS, closes, hours.opensAt ? Date.parse(hours.opensAt) : null]
  const ahead = moments.filter((t): t is number => t !== null && t > at)
  return ahead.length > 0 ? Math.min(...ahead) - at : null
}

/** The event the hours band fires (bubbling out of its shadow root) when the center's business day may have turned. */
export const DAY_TURNED = 'center-day-turned'

/**
 * Whether the center's business day may have turned between two readings of its hours: its date
 * changed, the day's close (`dayClose`) passed, or it opened (a center closed overnight starts its
 * day before it opens, whatever hour its day starts). No push says so (the day closes lazily): the
 * board asks for a snapshot then, so yesterday's calls leave its list as a reload would drop them
 * (walk s55 finding 2). A turn it sees that was none costs a snapshot that changes nothing.
 */
export function dayMayHaveTurned(before: HoursNow & { today?: string }, after: HoursNow & { today?: string }): boolean {
  if (before.today && after.today && before.today !== after.today) return true
  if (!before.open && after.open) return true
  return before.dayClose && before.closesAt !== null && Date.parse(after.at) >= Date.parse(before.closesAt)
}
