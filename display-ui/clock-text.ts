/** What the display's clock says (display-clock.ts), without the element: unit-tested in Node. */
import { intlLocale, type DigitStyle } from '../ui-common/digits.ts'

const HIJRI: Intl.DateTimeFormatOptions = { calendar: 'islamic-umalqura', day: 'numeric', month: 'long', year: 'numeric' }

/** The four lines of the clock for `at`. */
export function clockText(
  at: Date,
  timeZone: string | undefined,
  digits: DigitStyle,
): { time: string; dateAr: string; dateEn: string; hijriAr: string; hijriEn: string } {
  const tz = timeZone ? { timeZone } : {}
  const fmt = (locale: string, options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, ...tz }).format(at)
    } catch {
      // an unknown time zone: the TV's own
      return new Intl.DateTimeFormat(locale, options).format(at)
    }
  }
  return {
    time: fmt(intlLocale('ar', digits), { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }),
    dateAr: fmt(intlLocale('ar', digits), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    dateEn: fmt('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    // the same locales as the Gregorian lines (the center's digits in Arabic, Western in English), only the calendar differs
    hijriAr: fmt(intlLocale('ar', digits), HIJRI),
    hijriEn: fmt(intlLocale('en', digits), HIJRI),
  }
}
