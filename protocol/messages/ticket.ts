/**
 * What a ticket says, on paper (drivers/printer/ticket-text.ts) and on screen (the kiosk's
 * confirmation, the status page): one sentence for one figure, so the citizen reads the same
 * words in both places. Arabic counts agree with their noun by CLDR's plural rules:
 * 1 and 2 are words, 3–10 take the plural (أشخاص), 11–99 the singular accusative (شخصًا),
 * 100, 101, 102… the singular (شخص), and 103 is 3 again.
 */
import { inDigitStyle, type DigitStyle } from './digits.ts'
import { clockTime } from './clock-time.ts'
import { formatMessage, messagesOf, type Catalogue, type Lang } from './format.ts'

export const TICKET_MESSAGES = {
  'ticket.yourTicket': { ar: 'رقم تذكرتك', en: 'Your ticket number' },
  'ticket.placeLabel': { ar: 'دورك', en: 'Your place in line' },
  // at 0 what is true now, never "you are next": a priority ticket or a checked-in appointment
  // issued later may still be called first (walk 2026-12-05, finding 1), and with no counter
  // serving nobody is next at all. The kiosk's screen, the paper and the status page all say it.
  'ticket.peopleAhead': {
    ar: '{n, plural, =0 {لا أحد أمامك الآن} one {أمامك شخص واحد} two {أمامك شخصان} few {أمامك # أشخاص} many {أمامك # شخصًا} other {أمامك # شخص}}',
    en: '{n, plural, =0 {Nobody ahead of you now} one {# person ahead of you} other {# people ahead of you}}',
  },
  'ticket.waitLabel': { ar: 'الانتظار المتوقع', en: 'Estimated wait' },
  // {minutes} is the whole wait, {hours} and {rest} the same split (see waitValues); "حوالي"
  // takes the genitive, hence دقيقتين and ساعتين.
  'ticket.wait': {
    ar:
      '{minutes, plural, =0 {أقل من دقيقة} other {حوالي ' +
      '{hours, plural, =0 {} one {ساعة} two {ساعتين} few {# ساعات} other {# ساعة}}' +
      '{hours, plural, =0 {} other {{rest, plural, =0 {} other { و}}}}' +
      '{rest, plural, =0 {} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} other {# دقيقة}}}}',
    en:
      '{minutes, plural, =0 {less than a minute} other {about ' +
      '{hours, plural, =0 {} one {# hour} other {# hours}}' +
      '{hours, plural, =0 {} other {{rest, plural, =0 {} other { }}}}' +
      '{rest, plural, =0 {} one {# minute} other {# minutes}}}}',
  },
  // an estimate is null when no open counter serves the service: say so, never "less than a minute"
  // no counter serves now: none open, or the open ones paused or their clerks away (still "open" on the dashboard)
  'ticket.waitUnknown': { ar: 'غير معروف، لا يوجد شباك يعمل الآن', en: 'unknown, no counter is serving now' },
  // the counters serving it are paused, their clerks present (back in a moment): the kiosk's tile and the status page
  // (walk s52: "no counter is serving now" beside a counter paused for prayer read the same as a service nobody serves)
  // the service's counters are all paused (one or several: the kiosk's tile has no count), their clerks present
  'ticket.waitPaused': { ar: 'غير معروف، الخدمة متوقفة مؤقتًا', en: 'unknown, the service is paused for now' },
  'ticket.waitLine': { ar: 'الانتظار المتوقع: {wait}', en: 'Estimated wait: {wait}' },
  'ticket.scanToFollow': { ar: 'امسح الرمز لمتابعة دورك', en: 'Scan to follow your turn' },
  'ticket.priority': { ar: 'أولوية\u00a0— {category}', en: 'Priority\u00a0— {category}' },
  // a checked-in booking's ticket (docs/appointments.md): its slot, on the kiosk's screen and on the paper
  'ticket.appointment': { ar: 'موعد محجوز {time}\u00a0— تم تسجيل الوصول', en: 'Appointment {time}\u00a0— checked in' },
  // a visit of several steps (issue 21), on the kiosk's screen and the paper: a citizen with no phone learns there
  // that they will be called again, for the next step (walk of 2026-12-07); {route} is visitRouteText's
  'ticket.visitSteps': {
    ar: 'زيارتك من {n, plural, two {خطوتين} few {# خطوات} many {# خطوة} other {# خطوة}}: {route}',
    en: 'Your visit has {n, plural, one {# step} other {# steps}}: {route}',
  },
  'ticket.visitThen': { ar: '{before} ثم {after}', en: '{before}, then {after}' },
  // what to bring (issue 21): the heading over the service's documents, on paper and on screen
  'ticket.bringTitle': { ar: 'المستندات المطلوبة', en: 'Documents to bring' },
} as const satisfies Catalogue

/** `ticketMessage(key, lang, values?, digits?)` over the ticket's own messages. */
export const ticketMessage = messagesOf(TICKET_MESSAGES)

/**
 * The wait in whole minutes, rounded up (61 s is 2 minutes), and split into hours and the
 * rest; from an hour on it is rounded to 5 minutes: "1 h 13 min" promises more than the
 * estimate knows.
 */
export function waitValues(seconds: number): { minutes: number; hours: number; rest: number } {
  const minutes = Math.max(0, Math.ceil(seconds / 60))
  if (minutes < 60) return { minutes, hours: 0, rest: minutes }
  const rounded = Math.round(minutes / 5) * 5
  return { minutes, hours: Math.floor(rounded / 60), rest: rounded % 60 }
}

/**
 * "أمامك ٣ أشخاص" / "3 people ahead of you"; 0 is "Nobody ahead of you now". The figure is the call
 * policy's play (QueueView.standing), never a count of lower numbers. Digits default to 'western'.
 */
export function peopleAheadText(peopleAhead: number, lang: Lang, digits?: DigitStyle): string {
  return formatMessage(TICKET_MESSAGES['ticket.peopleAhead'][lang], lang, { n: Math.max(0, Math.floor(peopleAhead)) }, digits)
}

/**
 * "حوالي ساعة و١٥ دقيقة" / "about 1 hour 15 minutes" for an estimate in seconds; for null (no
 * counter calling) "unknown, no counter is serving now", or, when `paused` (its counters are
 * paused, their clerks present), "unknown, the service is paused for now". Digits default to 'western'.
 */
export function waitText(seconds: number | null, lang: Lang, digits?: DigitStyle, paused = false): string {
  if (seconds === null) return formatMessage(TICKET_MESSAGES[paused ? 'ticket.waitPaused' : 'ticket.waitUnknown'][lang], lang, {})
  return formatMessage(TICKET_MESSAGES['ticket.wait'][lang], lang, waitValues(seconds), digits)
}

/**
 * The console's mark for a priority ticket, put before priorityText on screens so clerk and
 * citizen see the same sign. Not in the message: the paper's fonts have no ★, the printer draws one.
 */
export const PRIORITY_STAR = '★'

/** "أولوية — الحوامل" / "Priority — Pregnant women": the ticket's priority category in `lang`. */
export function priorityText(category: { nameAr: string; nameEn: string }, lang: Lang): string {
  return formatMessage(TICKET_MESSAGES['ticket.priority'][lang], lang, {
    category: (lang === 'ar' ? category.nameAr : category.nameEn).trim(),
  })
}

/**
 * "موعد محجوز ١٠:٣٠ ص — تم تسجيل الوصول" / "Appointment 10:30 — checked in": the mark of a ticket a
 * booking's check-in gave, with the slot's start (epoch ms) in the center's `timeZone`, written as
 * the booking page and the console write times (clockTime). Digits default to 'western'.
 */
export function appointmentMarkText(slotStart: number, timeZone: string, lang: Lang, digits?: DigitStyle): string {
  const time = withoutBidiMarks(clockTime(slotStart, timeZone, lang, digits))
  return formatMessage(TICKET_MESSAGES['ticket.appointment'][lang], lang, { time })
}

/**
 * The steps of a visit in `lang`, the first service first: «زيارتك من خطوتين: تراخيص البناء ثم الخزينة»
 * / "Your visit has 2 steps: Building permits, then Cashier". Null for a visit of one step.
 */
export function visitStepsText(route: readonly { ar: string; en: string }[], lang: Lang, digits?: DigitStyle): string | null {
  if (route.length < 2) return null
  const names = route.map((s) => s[lang].trim())
  const joined = names.reduce((before, after) => formatMessage(TICKET_MESSAGES['ticket.visitThen'][lang], lang, { before, after }))
  return formatMessage(TICKET_MESSAGES['ticket.visitSteps'][lang], lang, { n: route.length, route: joined }, digits)
}

/** `text` without the bidi marks an ICU may put around a time's parts: the paper's fonts have no glyph for them. */
export const withoutBidiMarks = (text: string): string => text.replace(/[\u200e\u200f\u061c]/g, '')

/**
 * When the ticket was issued, as the paper prints it under the label and the kiosk's screen shows
 * it when the screen is the ticket: «الأحد ٦ ديسمبر ٢٠٢٦ - ٤:٠٥ ص» / "Sun 6 Dec 2026, 4:05 AM", in
 * the center's zone. Digits default to 'western' (English is always Western).
 */
export function issuedAtText(at: number, timeZone: string, lang: Lang, digits: DigitStyle = 'western'): string {
  return lang === 'ar' ? inDigitStyle(arabicDate(at, timeZone), digits) : englishDate(at, timeZone)
}

// Built from parts so the layout does not depend on how an ICU version joins them (some
// insert "في" or bidi marks); only the month and weekday names come from ICU.
function parts(at: number, timeZone: string, locale: string): Record<string, string> {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: locale === 'ar-EG' ? 'long' : 'short',
    day: 'numeric',
    month: locale === 'ar-EG' ? 'long' : 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h12',
    numberingSystem: 'latn',
  })
  return Object.fromEntries(format.formatToParts(at).map((p) => [p.type, withoutBidiMarks(p.value)]))
}

function arabicDate(at: number, timeZone: string): string {
  const p = parts(at, timeZone, 'ar-EG')
  return `${p.weekday} ${p.day} ${p.month} ${p.year} - ${p.hour}:${p.minute} ${p.dayPeriod}`
}

function englishDate(at: number, timeZone: string): string {
  const p = parts(at, timeZone, 'en-GB')
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${(p.dayPeriod ?? '').toUpperCase()}`.trim()
}
