/**
 * How the analysis view writes days, trend periods and changes in each language (Arabic-Indic
 * digits in Arabic, as the rest of the hub page; hub-format.ts).
 */
import type { Lang } from '../../ui-common/i18n.ts'
import { type CenterPairing, figureChange, type TrendGrain } from '../../protocol/hub-analysis.ts'
import { analysisText } from '../../protocol/messages/hub-analysis.ts'
import type { AnalysisFigure } from './analysis-figures.ts'
import { hubDigits, hubFormat } from './hub-format.ts'
import { formatNumber } from '../../ui-common/digits.ts'
import { intlLocale } from '../../protocol/messages/digits.ts'

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`)
// the digits rule's locale (a bare 'ar-EG' picks its digits by the runtime's ICU data)
const locale = (lang: Lang) => intlLocale(lang, hubDigits(lang))

/** A hub day (YYYY-MM-DD) as "2 Nov 2026" / "٢ نوفمبر ٢٠٢٦": the page's one way of writing a date (hub-format.ts). */
export const dayText = (day: string, lang: Lang): string => hubFormat(lang).day(day)

/** A trend point's label: a day without its year, "Week 48, 2026", or the month's name and year; `short` for the chart's axis. */
export function periodText(key: string, grain: TrendGrain, lang: Lang, short = false): string {
  if (grain === 'day') return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utc(key))
  if (grain === 'month')
    return new Intl.DateTimeFormat(locale(lang), { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(
      utc(`${key}-01`),
    )
  const [year, week] = key.split('-W').map((n) => formatNumber(Number(n), { digits: hubDigits(lang) }))
  return analysisText(short ? 'weekShort' : 'weekLabel', lang, { week, year }, hubDigits(lang))
}

/**
 * The change from `before` to `now`: relative for counts and means, in points for the share
 * within target ("—" when there is nothing to compare with). `change`, when given, is the
 * hub's own (the period totals); otherwise the same rule computes it (figureChange).
 */
export function changeText(figure: AnalysisFigure, now: number | null, before: number | null, lang: Lang, change?: number | null): string {
  const f = hubFormat(lang)
  const points = figure === 'sla'
  const value = change !== undefined ? change : figureChange(now, before, points)
  if (value === null) return '—'
  const sign = value > 0 ? '+' : value < 0 ? '−' : ''
  const abs = Math.abs(value)
  return points ? `${sign}${analysisText('changePoints', lang, { value: f.num(abs, 1) }, hubDigits(lang))}` : `${sign}${f.percent(abs)}`
}

/**
 * Which centers a change compares, and those left out (in one period only): a new center is not
 * growth. With none in both periods it says there is no change, not a change "over the 0 centers".
 */
export function centersNoteText(c: CenterPairing, lang: Lang): string {
  const t = (key: 'comparedCenters' | 'centersOnlyNow' | 'centersOnlyBefore', n: number) => analysisText(key, lang, { n }, hubDigits(lang))
  const parts = [
    t('comparedCenters', c.compared),
    ...(c.onlyNow > 0 ? [t('centersOnlyNow', c.onlyNow)] : []),
    ...(c.onlyBefore > 0 ? [t('centersOnlyBefore', c.onlyBefore)] : []),
  ]
  return `${parts.join(lang === 'ar' ? '؛ ' : '; ')}.`
}
