/** What the display's clock says (display-clock.ts), without the element: unit-tested in Node. */
import { intlLocale, type DigitStyle } from '../ui-common/digits.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'

const HIJRI: Intl.DateTimeFormatOptions = { calendar: 'islamic-umalqura', day: 'numeric', month: 'long', year: 'numeric' }

/** The four lines of the clock for `at`. */
export function clockText(
  at: Date,
  timeZone: string | undefined,
  digits: DigitStyle,
): { time: string; dateAr: string; dateEn: string; hijriAr: string; hijriEn: string } {
  /** `write` in the center's zone, or, for a zone this runtime does not know, in the TV's own. */
  const inZone = (write: (zone: string | undefined) => string): string => {
    try {
      return write(timeZone)
    } catch {
      return write(undefined)
    }
  }
  const fmt = (locale: string, options: Intl.DateTimeFormatOptions) =>
    inZone((zone) => new Intl.DateTimeFormat(locale, { ...options, ...(zone ? { timeZone: zone } : {}) }).format(at))
  return {
    // the time as the ticket, the hours band and every other screen write one (no-break space before ص/م)
    time: inZone((zone) => clockTime(at, zone, 'ar', digits)),
    dateAr: fmt(intlLocale('ar', digits), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    dateEn: fmt('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    // the same locales as the Gregorian lines (the center's digits in Arabic, Western in English), only the calendar differs
    hijriAr: fmt(intlLocale('ar', digits), HIJRI),
    hijriEn: fmt(intlLocale('en', digits), HIJRI),
  }
}
