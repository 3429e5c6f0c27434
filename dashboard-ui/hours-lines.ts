/**
 * The hours tab's weekly lines: one text line per weekday (`08:00-15:00, 17:00-20:00`, empty: a
 * day off), parsed to intervals and written back, for the center and for each service.
 */
import { WEEKDAYS, type OpenInterval, type Weekday, type WeeklyHours } from '../protocol/calendar.ts'
import { type DigitStyle, inDigitStyle, toWesternDigits } from '../protocol/messages/digits.ts'

/** A week as typed, one line per weekday. */
export type Lines = Record<Weekday, string>

/** Sunday first, as the week is lived in Egypt. */
export const WEEK_ORDER: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** The example the hint gives of a line (hoursTab.dayHint), written in the screen's digits. */
export const EXAMPLE_LINE = '08:00-15:00, 17:00-20:00'

/**
 * `08:00-15:00, 17:00-20:00` → intervals; null when a part is not `HH:MM-HH:MM`. The digits may
 * be Arabic-Indic (٠٨:٠٠-١٥:٠٠) or Extended Arabic-Indic as well as Western: an Egyptian admin
 * types on an Arabic keyboard, and the hint shows the example in the screen's digits, so the
 * field takes what it shows. What is stored is Western (protocol/calendar.ts), whatever was typed.
 */
export function parseHours(typed: string): OpenInterval[] | null {
  // bidi marks are dropped: the hint's example (ui-common/time-range.ts) copied into the box holds them
  const parts = toWesternDigits(typed)
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '')
    .split(/[,،]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const out: OpenInterval[] = []
  for (const p of parts) {
    const m = /^([0-9]{1,2}:[0-9]{2})\s*[-–]\s*([0-9]{1,2}:[0-9]{2})$/.exec(p)
    if (!m) return null
    out.push({ open: m[1]!.padStart(5, '0'), close: m[2]!.padStart(5, '0') })
  }
  return out
}

/** The example the business day's start gives (hoursTab.dayStartHint), in the screen's digits. */
export const EXAMPLE_TIME = '04:00'

/** The whole day, 00:00 to 24:00: an exception that opens it all is "open all day" to a manager, not «00:00-24:00». */
export const isAllDay = (hours: readonly OpenInterval[]) => hours.length === 1 && hours[0]!.open === '00:00' && hours[0]!.close === '24:00'

/** Intervals → `08:00-15:00, 17:00-20:00`. */
export const hoursLine = (hours: readonly OpenInterval[]) => hours.map((h) => `${h.open}-${h.close}`).join(', ')

/** What "not always open" starts from: Sunday–Thursday 08:00–15:00. */
export const NINE_TO_THREE: WeeklyHours = Object.fromEntries(
  WEEKDAYS.map((d) => [d, d === 'fri' || d === 'sat' ? [] : [{ open: '08:00', close: '15:00' }]]),
) as WeeklyHours

/**
 * Hours written in the screen's digits and with its comma: «٠٨:٠٠-١٥:٠٠، ١٧:٠٠-٢٠:٠٠» on an
 * Arabic-Indic screen (the walk of 2026-12-06 read a Latin comma between Arabic-Indic ranges),
 * `08:00-15:00, 17:00-20:00` on a Western one. parseHours takes either comma.
 */
export const inHoursStyle = (text: string, digits: DigitStyle): string =>
  digits === 'arabic-indic' ? inDigitStyle(text, digits).replaceAll(',', '،') : text.replaceAll('،', ',')

/** A week as lines, in the screen's digits (parseHours takes them back). */
export const linesOf = (weekly: WeeklyHours, digits: DigitStyle): Lines =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, inHoursStyle(hoursLine(weekly[d]), digits)])) as Lines

/**
 * Typed text in other digits (the screen's changed with its language): only the digits (and the
 * commas between ranges) change, so nothing typed is lost, and the fields keep reading in the screen's digits.
 */
export const redigit = (typed: string, digits: DigitStyle): string => inHoursStyle(toWesternDigits(typed), digits)

/** Every line of a week in other digits (redigit). */
export const redigitLines = (lines: Lines, digits: DigitStyle): Lines =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, redigit(lines[d], digits)])) as Lines
