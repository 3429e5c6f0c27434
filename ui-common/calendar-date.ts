/**
 * A calendar date as the hours tab writes it, `YYYY-MM-DD` in the screen's digits, read year,
 * month, day from left to right in Arabic as in English, whole on its line.
 *
 * Why isolates (as ui-common/time-range.ts does for times): Arabic-Indic digits are "Arabic
 * numbers" to the bidi algorithm, and a hyphen between two of them takes their right-to-left
 * direction even in a left-to-right cell, so «٢٠٢٦-١٢-١٠» drew as «١٠-١٢-٢٠٢٦» (day first, the
 * hours tab's exception table, s49) while «2026-12-10» beside it drew year first. Each part in
 * its own left-to-right isolate (LRI … PDI) and the whole date in one more keeps the order
 * wherever it is put: a table cell, an Arabic sentence. Word joiners by the hyphens keep it on
 * one line.
 */
import { inDigitStyle, type DigitStyle } from './digits.ts'
import { leftToRight } from './time-range.ts'

const HYPHEN = '\u2060-\u2060'

/** `day` (YYYY-MM-DD) in `digits`, as one left-to-right isolate of isolated parts. */
export function calendarDate(day: string, digits: DigitStyle): string {
  return leftToRight(inDigitStyle(day, digits).split('-').map(leftToRight).join(HYPHEN))
}
