import { intlLocale, type DigitStyle } from './digits.ts'
import type { Lang } from './format.ts'

/**
 * An instant as a time of day in the center's zone ("10:30 ص" / "10:30 AM"), in `lang` and its
 * digits: a booking's slot, a "come back at", the time a check-in opens. One format, so the
 * kiosk, the booking page, the console, the dashboard and the paper write a slot the same way.
 */
export function clockTime(at: number | string | Date, timeZone: string, lang: Lang, digits?: DigitStyle): string {
  return new Intl.DateTimeFormat(intlLocale(lang, digits), { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(at))
}
