import { intlLocale, type DigitStyle } from './digits.ts'
import type { Lang } from './format.ts'

/**
 * A calendar day of the center (YYYY-MM-DD) as its weekday, day and month ("السبت، ٥ ديسمبر" /
 * "Saturday 5 December"), in `lang` and its digits: the booking page and the texts about a booking.
 */
export function dayName(day: string, timeZone: string, lang: Lang, digits?: DigitStyle): string {
  // noon UTC of the date names the same calendar day in every zone near Egypt's
  return new Intl.DateTimeFormat(intlLocale(lang, digits), { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(`${day}T12:00:00Z`),
  )
}

/**
 * A no-break space between the time and its period: "3:00 PM" / «٣:٠٠ م» never wraps inside on a
 * phone's narrow line, whatever ICU puts there (a narrow no-break space in newer ICUs, a plain
 * space in Arabic). U+00A0, not ICU's U+202F: every font the screens and the paper load has its
 * glyph (Cairo's Latin subset is U+0000–00FF). A text message folds it back to a plain space
 * (server/notify/templates.ts fillTemplate): one character outside GSM-7 sends an English SMS
 * as UCS-2 (70 characters a part instead of 160).
 */
export const TIME_SPACE = '\u00a0'

/**
 * An instant as a time of day in the center's zone, in `lang` and its digits, on a 12-hour clock
 * with its period ("٨:٠٠ ص", "10:30 AM", joined by TIME_SPACE), as the paper ticket and the TV's
 * clock write it. One format wherever a citizen or a clerk reads a time (a slot, an opening or
 * closing, the last ticket, a pause, "come back at"), never a bare "3:27", which could be morning
 * or afternoon.
 */
export function clockTime(at: number | string | Date, timeZone: string | undefined, lang: Lang, digits?: DigitStyle): string {
  const parts = timeFormat(intlLocale(lang, digits), timeZone).formatToParts(new Date(at))
  // en-GB writes "am"/"pm"; the ticket and the screens write AM/PM
  return parts
    .map((p) =>
      p.type === 'dayPeriod' && lang === 'en'
        ? p.value.toUpperCase()
        : p.type === 'literal'
          ? p.value.replace(/[\s\u202f\u00a0]+/g, TIME_SPACE)
          : p.value,
    )
    .join('')
}

/**
 * One formatter per locale and zone, made once: a booking page writes up to 96 slots and a day's
 * messages a time each, and building an Intl.DateTimeFormat costs far more than using one.
 */
const formats = new Map<string, Intl.DateTimeFormat>()
function timeFormat(locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h12' })
    formats.set(key, format)
  }
  return format
}

/**
 * `clockTime`, with its day before it when `at` is not on the same day as `now` in the zone: a
 * printer's last ticket from yesterday is not "at 3:05 PM" (the dashboard's device list, the
 * staff screens' failed-job alert).
 */
export function clockTimeOrDay(at: number | string, now: number, timeZone: string, lang: Lang, digits?: DigitStyle): string {
  const day = dayIn(at, timeZone)
  const time = clockTime(at, timeZone, lang, digits)
  return day === dayIn(now, timeZone) ? time : `${dayName(day, timeZone, lang, digits)}${lang === 'ar' ? '،' : ','} ${time}`
}

/**
 * YYYY-MM-DD of an instant in IANA `timeZone` (the center's day, not the browser's), by Intl: the
 * screens' way, which keeps Temporal (protocol/center-clock.ts localDay, the server's) out of their
 * bundles.
 */
export function dayIn(at: number | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(at),
  )
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}
