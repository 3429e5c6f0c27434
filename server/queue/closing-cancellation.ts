/**
 * The reasons a ticket's end is logged with when the center's closing ended it, not a person:
 * `center_closed` (queue-context.ts, the calendar's cancel-after at closing time) and
 * `day_closed` (a ticket left waiting overnight, cancelled at the next day's first use; a place
 * held from a phone and never checked in, abandoned then, remote-arrival.ts). One list for what
 * the holder is told (the status page, the ticket_closed message) and for the reports, which
 * count these apart from the cancellations of citizens and staff.
 */
export const CLOSING_REASONS = ['center_closed', 'day_closed'] as const

/** True when `reason` (an event's data.reason) says the center's closing ended the ticket. */
export function endedByClosing(reason: unknown): boolean {
  return (CLOSING_REASONS as readonly unknown[]).includes(reason)
}
