/**
 * A closing note (protocol/closing-note.ts) in words: the kiosk's tile and screen ticket, the
 * phone pages and the paper ticket all say it with these sentences, its time as the center's
 * clocks show it. Here, beside the catalogue, because the printer driver may not import a screen's code.
 */
import type { ClosingNote } from '../closing-note.ts'
import { clockTime } from './clock-time.ts'
import type { DigitStyle } from './digits.ts'
import type { Lang } from './format.ts'
import { hoursText, type HoursMessageKey } from './hours.ts'

const CLOSING_WORDS = {
  'tickets-stopped': 'hours.lastTicketPassed',
  'wait-past-close': 'hours.waitPastClose',
  'may-not-be-served': 'hours.mayNotBeServedBefore',
  'served-past-close': 'hours.servedPastClose',
  'cancelled-past-close': 'hours.cancelledPastClose',
  'last-ticket-soon': 'hours.lastTicketSoon',
  'closing-soon': 'hours.closingSoon',
  'served-after-close': 'hours.servedAfterClose',
  'cancelled-after-close': 'hours.cancelledAfterClose',
} as const satisfies Record<ClosingNote['kind'], HoursMessageKey>

/** The same notes when the closing is the business day's (the center stays open, the line closes): never "the center closes". */
const DAY_CLOSE_WORDS = {
  ...CLOSING_WORDS,
  'wait-past-close': 'hours.waitPastDayClose',
  'may-not-be-served': 'hours.mayNotBeServedBeforeDayClose',
  'closing-soon': 'hours.dayClosingSoon',
} as const satisfies Record<ClosingNote['kind'], HoursMessageKey>

/** The words of the notes whose closing is the hours' end, or the business day's close (`dayClose`). */
export const closingWordsFor = (dayClose: boolean) => (dayClose ? DAY_CLOSE_WORDS : CLOSING_WORDS)

/** A closing note in the kiosk's words, its time as the center's clocks show it, in `digits` (default 'western'). */
export function closingNoteText(note: ClosingNote, lang: Lang, digits: DigitStyle = 'western'): string {
  const time = clockTime(note.at, note.timeZone, lang, digits)
  return hoursText(closingWordsFor(note.dayClose)[note.kind], lang, { time }, digits)
}
