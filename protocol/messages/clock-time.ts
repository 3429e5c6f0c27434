import { intlLocale, type DigitStyle } from './digits.ts'
import type { Lang } from './format.ts'

/**
 * An instant as a time of day in the center's zone ("10:30 ص" / "10:30 AM"), in `lang` and its
 * digits: a booking's slot, a "come back at", the time a check-in opens. One format, so the
 * kiosk, the booking page, the console, the dashboard and the paper write a slot the same way.
 */
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

export function clockTime(at: number | string | Date, timeZone: string, lang: Lang, digits?: DigitStyle): string {
  return new Intl.DateTimeFormat(intlLocale(lang, digits), { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(at))
}
