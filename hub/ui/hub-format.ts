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

export function hubFormat(lang: Lang): HubFormat {
  const num = (n: number | null | undefined, digits = 0) =>
    n === null || n === undefined ? '—' : formatNumber(n, { digits: hubDigits(lang), grouping: true, maximumFractionDigits: digits })
  return {
    num,
    minutes: (seconds) => (seconds === null ? '—' : num(seconds / 60, 1)),
    percent: (p) => (p === null ? '—' : `${num(p, 1)}${lang === 'ar' ? '٪' : '%'}`),
    name: (r) => (lang === 'ar' ? r.nameAr : r.nameEn),
    time: (at) => (at === null ? '—' : new Date(at).toLocaleString(intlLocale(lang, hubDigits(lang)))),
  }
}
