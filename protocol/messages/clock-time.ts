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
 * An instant as a time of day in the center's zone, in `lang` and its digits, on a 12-hour clock
 * with its period ("٨:٠٠ ص", "10:30 AM"), as the paper ticket and the TV's clock write it. One
 * format wherever a citizen or a clerk reads a time (a slot, an opening or closing, the last
 * ticket, a pause, "come back at"), never a bare "3:27", which could be morning or afternoon.
 */
export function clockTime(at: number | string | Date, timeZone: string | undefined, lang: Lang, digits?: DigitStyle): string {
  const parts = timeFormat(intlLocale(lang, digits), timeZone).formatToParts(new Date(at))
  // en-GB writes "am"/"pm"; the ticket and the screens write AM/PM. ICU puts a narrow no-break space
  // before the period: a plain one, since one character outside GSM-7 sends an English SMS as UCS-2
  // (70 characters a part instead of 160)
  return parts
    .map((p) =>
      p.type === 'dayPeriod' && lang === 'en'
        ? p.value.toUpperCase()
        : p.type === 'literal'
          ? p.value.replace(/[\u202f\u00a0]/g, ' ')
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
