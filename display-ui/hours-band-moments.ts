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
