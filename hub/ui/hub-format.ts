/** How the hub page writes numbers, minutes, percentages, names and times in each language (Arabic-Indic digits in Arabic). */
import type { Lang } from '../../ui-common/i18n.ts'
import { formatNumber } from '../../ui-common/digits.ts'
import { type DigitStyle, intlLocale } from '../../protocol/messages/digits.ts'

/** The hub page's digits: Arabic-Indic in Arabic, Western in English (the hub has no center setting to follow). */
export const hubDigits = (lang: Lang): DigitStyle => (lang === 'ar' ? 'arabic-indic' : 'western')

export interface HubFormat {
  num(n: number | null | undefined, digits?: number): string
  minutes(seconds: number | null): string
  percent(p: number | null): string
  name(r: { nameAr: string; nameEn: string }): string
  time(at: number | null): string
}

/** A moment as the hub page writes it: date, hours and minutes, and the zone it is in. */
const TIME_FIELDS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
}

export function hubFormat(lang: Lang): HubFormat {
  const num = (n: number | null | undefined, digits = 0) =>
    n === null || n === undefined ? '—' : formatNumber(n, { digits: hubDigits(lang), grouping: true, maximumFractionDigits: digits })
  return {
    num,
    minutes: (seconds) => (seconds === null ? '—' : num(seconds / 60, 1)),
    percent: (p) => (p === null ? '—' : `${num(p, 1)}${lang === 'ar' ? '٪' : '%'}`),
    name: (r) => (lang === 'ar' ? r.nameAr : r.nameEn),
    // the reader's zone, named: the fleet's centers and the bundles' times are read from anywhere, and a bare time misleads
    time: (at) => (at === null ? '—' : new Date(at).toLocaleString(intlLocale(lang, hubDigits(lang)), TIME_FIELDS)),
  }
}
