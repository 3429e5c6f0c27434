/**
 * Opening hours written for a screen: «08:00–15:00, 17:00–20:00», in the screen's digits, read
 * start then end, left to right, in Arabic as in English, as a time itself is written.
 *
 * Why isolates: Arabic-Indic digits are "Arabic numbers" to the bidi algorithm, and a hyphen
 * between two of them takes their right-to-left direction even in a left-to-right box, so
 * «٠٨:٠٠-١٥:٠٠» drew as «١٥:٠٠-٠٨:٠٠» (the hours tab, walk s48) while «08:00-15:00» next to it
 * drew start first. Each time in its own left-to-right isolate (LRI … PDI), an en dash between
 * them, and the whole list in one more, keeps the order wherever the text is put: an Arabic
 * sentence, a table cell, an aria-label. The typed form (hours-lines.ts) keeps `-` and no marks.
 */
import type { OpenInterval } from '../protocol/calendar.ts'
import { inDigitStyle, type DigitStyle } from '../protocol/messages/digits.ts'

/** `text` as a left-to-right isolate (LRI … PDI): its own order kept in any line (calendar-date.ts uses it too). */
export const leftToRight = (text: string): string => `\u2066${text}\u2069`

/** One time of day, `HH:MM`, in the screen's digits, isolated left to right. */
export const timeOfDay = (hhmm: string, digits: DigitStyle): string => leftToRight(inDigitStyle(hhmm, digits))

/** One stretch: start, en dash, end. */
export const timeRange = (h: OpenInterval, digits: DigitStyle): string => `${timeOfDay(h.open, digits)}–${timeOfDay(h.close, digits)}`

/** The comma between stretches: the Arabic one between Arabic-Indic digits (walk of 2026-12-06), else the Latin one. */
export const rangeComma = (digits: DigitStyle): string => (digits === 'arabic-indic' ? '، ' : ', ')

/** A day's stretches, first to last, as one left-to-right isolate. */
export const timeRanges = (hours: readonly OpenInterval[], digits: DigitStyle): string =>
  leftToRight(hours.map((h) => timeRange(h, digits)).join(rangeComma(digits)))
