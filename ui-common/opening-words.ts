/**
 * Opening hours in words for a screen (issue 18): "Opens Sunday at 8:00 AM", "Tickets stopped at
 * 2:50 PM" (protocol/messages/clock-time.ts writes every time). The server sends instants (protocol/calendar.ts HoursNow); this writes them in the
 * center's zone with Intl, so the pages carry no Temporal. Times follow the screen's digits.
 */
import type { HoursNow } from '../protocol/calendar.ts'
import type { ClosingNote } from '../protocol/closing-note.ts'
import { closingNoteText, closingWordsFor } from '../protocol/messages/closing-note-text.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'
import { hoursText } from '../protocol/messages/hours.ts'
import { intlLocale, type DigitStyle } from './digits.ts'
import type { Lang } from './i18n.ts'

const parts = (ms: number, timeZone: string | undefined) => {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  })
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]))
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday ?? '') + 1
  return { day: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)), weekday }
}

/** "Opens today / tomorrow / Sunday / on 12 March at 8:00 AM" for the opening `opensAtIso`, seen at `nowMs`. */
export function opensText(opensAtIso: string, nowMs: number, timeZone: string | undefined, lang: Lang, digits: DigitStyle): string {
  const opens = parts(Date.parse(opensAtIso), timeZone)
  const days = Math.round((opens.day - parts(nowMs, timeZone).day) / 86_400_000)
  const time = clockTime(opensAtIso, timeZone, lang, digits)
  if (days <= 0) return hoursText('hours.opensToday', lang, { time }, digits)
  if (days === 1) return hoursText('hours.opensTomorrow', lang, { time }, digits)
  if (days < 7) return hoursText('hours.opensWeekday', lang, { weekday: String(opens.weekday), time }, digits)
  const date = new Intl.DateTimeFormat(intlLocale(lang, digits), {
    timeZone,
    day: 'numeric',
    month: 'long',
  }).format(Date.parse(opensAtIso))
  return hoursText('hours.opensDate', lang, { date, time }, digits)
}

/** Kept here for the screens; the one implementation is the catalogue's, which the paper shares. */
export { closingNoteText }

/**
 * A closing note as the kiosk says it before and on the ticket: where the wait runs past the day's
 * close, which cancels what still waits, it adds the way to be served another day: a booking, when
 * the service takes them (`takesBookings`), else coming back (walk s54). Undefined `takesBookings`
 * (an older server): the note alone.
 */
export function kioskClosingText(note: ClosingNote, takesBookings: boolean | undefined, lang: Lang, digits: DigitStyle): string {
  const text = closingNoteText(note, lang, digits)
  if (note.kind !== 'may-not-be-served' || !note.dayClose || takesBookings === undefined) return text
  return `${text}. ${hoursText(takesBookings ? 'hours.bookAnotherDay' : 'hours.noBookingComeBack', lang, {}, digits)}`
}

/** "The center closes at 3:00 PM", or "Today's line closes at 12:00 AM; …" when the closing `hours` name is the business day's. */
export function closesSoonText(hours: HoursNow, timeZone: string | undefined, lang: Lang, digits: DigitStyle): string {
  const time = clockTime(hours.closesAt!, timeZone, lang, digits)
  return hoursText(closingWordsFor(hours.dayClose)['closing-soon'], lang, { time }, digits)
}

/** What the words of a closed service read of its hours: the service's `hours`, or a refusal's (protocol/error-codes.ts ClosedDetail). */
export type ClosedFacts = Pick<HoursNow, 'closedReason' | 'opensAt' | 'closesAt' | 'lastTicketAt' | 'dayClose' | 'at'>

/** Why a service takes no tickets now, in words; null when it does. */
export function closedReasonText(hours: ClosedFacts, timeZone: string | undefined, lang: Lang, digits: DigitStyle): string | null {
  switch (hours.closedReason) {
    case null:
      return null
    case 'closed':
      return hoursText('hours.closed', lang, {}, digits)
    case 'last-ticket':
      return hoursText('hours.lastTicketPassed', lang, { time: clockTime(hours.lastTicketAt!, timeZone, lang, digits) }, digits)
    case 'wait-past-close':
      return hoursText(
        closingWordsFor(hours.dayClose)['wait-past-close'],
        lang,
        { time: clockTime(hours.closesAt!, timeZone, lang, digits) },
        digits,
      )
  }
}

/**
 * Why a service takes no tickets now and when it opens next, as its greyed tile says it ("Tickets
 * stopped at 2:50 PM", "Opens tomorrow at 8:00 AM"); null when it takes them. The kiosk says the
 * same when a tap is refused for the hours (the minute between two polls of them), from the
 * refusal's own facts, and so does the phone's join page.
 */
export function closedWords(
  hours: ClosedFacts,
  timeZone: string | undefined,
  lang: Lang,
  digits: DigitStyle,
): { why: string; opens: string | null } | null {
  const why = closedReasonText(hours, timeZone, lang, digits)
  if (why === null) return null
  return { why, opens: hours.opensAt ? opensText(hours.opensAt, Date.parse(hours.at), timeZone, lang, digits) : null }
}
