/**
 * Which closing note (closing-note.ts) applies to a service now, for someone about to join or
 * holding a ticket. Apart from the wire schema so that the kiosk's first screen, which words the
 * note on its service cards, carries no TypeBox (test/e2e/kiosk-start.test.ts).
 */
import type { HoursNow } from './calendar.ts'
import type { ClosingNote, ClosingNoteKind } from './closing-note.ts'

/** How long before its last ticket or its closing a phone page says so (the board's closing band uses the same half hour). */
export const CLOSING_NOTICE_MINUTES = 30

const NAMES_THE_CLOSING: ReadonlySet<ClosingNoteKind> = new Set(['wait-past-close', 'may-not-be-served', 'closing-soon'])

/**
 * The note for someone about to join (`joiner`: the join page) or holding a ticket (`holder`:
 * its status page, which has no use for the last-ticket time), given the service's hours now
 * and the wait (of a ticket taken now, or of the held ticket); null when there is nothing to say.
 */
export function closingNoteOf(hours: HoursNow, waitSeconds: number | null, timeZone: string, who: 'joiner' | 'holder'): ClosingNote | null {
  // the last-ticket notes name the cut-off; the others the closing, which may be the day's
  const note = (kind: ClosingNoteKind, at: string) => ({ kind, at, timeZone, dayClose: NAMES_THE_CLOSING.has(kind) && hours.dayClose })
  if (who === 'joiner' && hours.closedReason === 'last-ticket' && hours.lastTicketAt) return note('tickets-stopped', hours.lastTicketAt)
  if (who === 'joiner' && hours.closedReason === 'wait-past-close' && hours.closesAt) return note('wait-past-close', hours.closesAt)
  if (!hours.open || hours.closesAt === null || (who === 'joiner' && hours.closedReason !== null)) return null
  const now = Date.parse(hours.at)
  const close = Date.parse(hours.closesAt)
  const notice = CLOSING_NOTICE_MINUTES * 60_000
  if (waitSeconds !== null && now + waitSeconds * 1000 > close) {
    // what the calendar does with the line at that closing (absent: the day's close, or an older server)
    if (hours.cancelsWaitingAt === null) return note('served-past-close', hours.closesAt)
    if (hours.cancelsWaitingAt !== undefined) return note('cancelled-past-close', hours.cancelsWaitingAt)
    return note('may-not-be-served', hours.closesAt)
  }
  const lastTicket = hours.lastTicketAt === null ? null : Date.parse(hours.lastTicketAt)
  if (who === 'joiner' && lastTicket !== null && lastTicket < close && lastTicket - now <= notice)
    return note('last-ticket-soon', hours.lastTicketAt!)
  if (close - now <= notice) return note('closing-soon', hours.closesAt)
  return null
}
