/**
 * A report row's name as the dashboard writes it, on screen and on paper: the server sends a
 * counter's number and name, and a service's prefix and names, as fields (protocol/stats.ts
 * ReportRow), so the number comes out in the screen's digits and the name in the page's language
 * with the one separator («١ — تراخيص», "A — Building permits"); nothing parses the CSV's label back.
 */
import type { TemplateResult } from 'lit'
import type { ReportGrouping, ReportRow } from '../protocol/stats.ts'
import { calendarDate } from '../ui-common/calendar-date.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { serviceLabel } from '../ui-common/service-label.ts'
import { counterCell } from './counter-name.ts'
import { hourTick } from './chart-axes.ts'

/**
 * The row's first cell: a counter or a service from its fields, an hour as the page writes a time
 * ("3:00 PM", as the hour charts' axis: the CSV keeps its "15:00"), a day in `digits` (ui-common/calendar-date.ts), a clerk as named.
 */
export function reportRowLabel(row: ReportRow, by: ReportGrouping, lang: Lang, digits: DigitStyle): TemplateResult | string {
  if (row.counter) return counterCell(row.counter, lang, digits)
  if (row.service) return serviceLabel(row.service, lang)
  if (by === 'hour') return hourTick(Number(row.key), lang, digits)
  // year, month, day left to right in Arabic-Indic digits too (a hyphen between them takes their direction)
  if (by === 'day') return calendarDate(row.label, digits)
  return row.label
}
