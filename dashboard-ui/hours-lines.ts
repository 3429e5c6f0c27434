/**
 * The hours tab's weekly lines: one text line per weekday (`08:00-15:00, 17:00-20:00`, empty: a
 * day off), parsed to intervals and written back, for the center and for each service.
 */
import { WEEKDAYS, type OpenInterval, type Weekday, type WeeklyHours } from '../protocol/calendar.ts'

/** A week as typed, one line per weekday. */
export type Lines = Record<Weekday, string>

/** Sunday first, as the week is lived in Egypt. */
export const WEEK_ORDER: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** `08:00-15:00, 17:00-20:00` → intervals; null when a part is not `HH:MM-HH:MM`. */
export function parseHours(text: string): OpenInterval[] | null {
  const parts = text
    .split(/[,،]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const out: OpenInterval[] = []
  for (const p of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(p)
    if (!m) return null
    out.push({ open: m[1]!.padStart(5, '0'), close: m[2]!.padStart(5, '0') })
  }
  return out
}

/** Intervals → `08:00-15:00, 17:00-20:00`. */
export const hoursLine = (hours: readonly OpenInterval[]) => hours.map((h) => `${h.open}-${h.close}`).join(', ')

/** What "not always open" starts from: Sunday–Thursday 08:00–15:00. */
export const NINE_TO_THREE: WeeklyHours = Object.fromEntries(
  WEEKDAYS.map((d) => [d, d === 'fri' || d === 'sat' ? [] : [{ open: '08:00', close: '15:00' }]]),
) as WeeklyHours

/** A week as lines. */
export const linesOf = (weekly: WeeklyHours): Lines => Object.fromEntries(WEEKDAYS.map((d) => [d, hoursLine(weekly[d])])) as Lines
