/** How the hub page writes numbers, minutes, percentages, names and times in each language (Arabic-Indic digits in Arabic). */
import type { Lang } from '../../ui-common/i18n.ts'
import { formatNumber } from '../../ui-common/digits.ts'
import { type DigitStyle, intlLocale } from '../../protocol/messages/digits.ts'
import { hubText } from '../../protocol/messages/hub.ts'
import { nameIn } from '../../protocol/name-in-language.ts'
import { hubTimeZone } from './hub-time-zone.ts'

/** The hub page's digits: Arabic-Indic in Arabic, Western in English (the hub has no center setting to follow). */
export const hubDigits = (lang: Lang): DigitStyle => (lang === 'ar' ? 'arabic-indic' : 'western')

export interface HubFormat {
  num(n: number | null | undefined, digits?: number): string
  /**
   * A wait in minutes, one decimal, under a heading that names the unit ("(min)"); under a minute "< 1" /
   * «أقل من ١» (a 1.8 s mean read "0"); '—' for none.
   */
  minutes(seconds: number | null): string
  percent(p: number | null): string
  name(r: { nameAr: string; nameEn: string }): string
  time(at: number | null): string
  /** A hub day (YYYY-MM-DD) as "2 Nov 2026" / "٢ نوفمبر ٢٠٢٦". */
  day(day: string): string
  /**
   * The hour of the day `hour` (0–23) as the span "9:00 – 10:00" / «٩:٠٠ – ١٠:٠٠», with no-break
   * spaces; a line may still break after the en dash, so the cell holding it is `white-space: nowrap`.
   */
  hourSpan(hour: number): string
}

/**
 * A date as the hub page writes it, everywhere: the day, the month's name, the year. A month's
 * number read month-first in English (the browser's date fields) and day-first in Arabic; a name
 * reads one way only (walk of 2026-12-05).
 */
const DATE_FIELDS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }
/** A moment: its date as above, hours and minutes, and the zone it is in. */
const TIME_FIELDS: Intl.DateTimeFormatOptions = { ...DATE_FIELDS, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }

export function hubFormat(lang: Lang): HubFormat {
  const num = (n: number | null | undefined, digits = 0) =>
    n === null || n === undefined ? '—' : formatNumber(n, { digits: hubDigits(lang), grouping: true, maximumFractionDigits: digits })
  return {
    num,
    minutes: (seconds) =>
      seconds === null ? '—' : seconds < 60 ? hubText('waitUnderMinute', lang, { one: num(1) }) : num(seconds / 60, 1),
    percent: (p) => (p === null ? '—' : `${num(p, 1)}${lang === 'ar' ? '٪' : '%'}`),
    name: (r) => nameIn(r, lang),
    // the hub's zone (hub-time-zone.ts), named: a bare time misleads whoever reads it from elsewhere
    time: (at) =>
      at === null ? '—' : new Date(at).toLocaleString(intlLocale(lang, hubDigits(lang)), { ...TIME_FIELDS, timeZone: hubTimeZone() }),
    // a calendar day, not a moment: read in UTC so no zone moves it to the day before
    day: (day) => new Date(`${day}T00:00:00Z`).toLocaleDateString(intlLocale(lang, hubDigits(lang)), { ...DATE_FIELDS, timeZone: 'UTC' }),
    // «٧:٠٠ –» over «٨:٠٠» in a narrow Arabic column at 1366 (walk of 2026-12-06): the span never breaks
    hourSpan: (hour) => `${num(hour)}:${num(0)}${num(0)}\u00a0–\u00a0${num((hour + 1) % 24)}:${num(0)}${num(0)}`,
  }
}
