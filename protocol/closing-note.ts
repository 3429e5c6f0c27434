/**
 * What a citizen's phone says about the center's closing (walk 2026-12-05): the join page and the
 * ticket status page said nothing when the kiosk, a step away, already refused or warned. The
 * server words nothing: it says which note applies and the time it names; the pages word it
 * (ui-common/opening-words.ts closingNoteText) with the kiosk's sentences, in the center's digits.
 *
 *  - `tickets-stopped`: the service is past its last-ticket time (the kiosk: "Tickets stopped at 14:50").
 *  - `wait-past-close`: the wait runs past closing and the service stops issuing then (the kiosk refuses).
 *  - `may-not-be-served`: the wait runs past the business day's close (`dayClose`), which cancels
 *    what still waits; or past a closing whose fate an older server does not say (HoursNow `cancelsWaitingAt`).
 *  - `served-past-close`: the wait runs past closing, and the calendar serves the tickets taken
 *    before it (atClosing serve-until-empty): the turn may come after closing, but it comes (s55:
 *    "you may not be served" sent people away from a line that was served out).
 *  - `cancelled-past-close`: the wait runs past closing, and the calendar cancels what still waits
 *    at `at`, the center's closing plus its grace (atClosing cancel-after): said plainly.
 *  - `last-ticket-soon`: tickets stop within CLOSING_NOTICE_MINUTES (joining too).
 *  - `closing-soon`: the service closes within CLOSING_NOTICE_MINUTES.
 *  - `served-after-close`: closed, but the ticket held will still be served (calendar atClosing
 *    serve-until-empty; server/public-ticket.ts says it, the hours alone cannot tell). `at` is now.
 *  - `cancelled-after-close`: closed, and the ticket held is still called during the calendar's
 *    grace (atClosing cancel-after) but cancelled if not called by `at`, the grace's end (s42: the
 *    status page said nothing while it counted down).
 * The closing of the last three may be the business day's close (`dayClose`, protocol/calendar.ts
 * HoursNow): the center stays open but the day's line closes and its waiting tickets are cancelled.
 */
import { type Static, Type } from '@sinclair/typebox'
import { literalUnion } from './common.ts'

export const ClosingNoteKind = literalUnion([
  'tickets-stopped',
  'wait-past-close',
  'may-not-be-served',
  'served-past-close',
  'cancelled-past-close',
  'last-ticket-soon',
  'closing-soon',
  'served-after-close',
  'cancelled-after-close',
])
export type ClosingNoteKind = Static<typeof ClosingNoteKind>

export const ClosingNote = Type.Object({
  kind: ClosingNoteKind,
  /** The time the note names (ISO): the last ticket for `tickets-stopped` and `last-ticket-soon`, the cancelling for `cancelled-past-close` and `cancelled-after-close`, else the closing. */
  at: Type.String(),
  /** The center's time zone: the page writes `at` as its clocks show it. */
  timeZone: Type.String(),
  /** True when the closing named is the business day's close, not the end of the hours: the page says the day's line closes and tickets not yet called are cancelled. */
  dayClose: Type.Boolean(),
})
export type ClosingNote = Static<typeof ClosingNote>
