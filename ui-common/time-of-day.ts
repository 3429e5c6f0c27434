/**
 * A time of day typed in a text field in the page's language and digits: the center's business day
 * start (dashboard hours tab), the hub's weekly hours in a configuration bundle. Not the browser's
 * `<input type="time">`: that one writes the browser's locale ("12:00 AM", "08:00 AM" on an Arabic
 * page), never the page's language and digits.
 */
import { toWesternDigits } from './digits.ts'

/**
 * A time as typed (`04:00`, `٤:٣٠`: a 24-hour time, in any of the digits toWesternDigits takes) →
 * `HH:MM` as the calendar stores it; null when it is not a time of day.
 */
export function parseTimeOfDay(typed: string): string | null {
  const m = /^([01]?[0-9]|2[0-3]):([0-5][0-9])$/.exec(toWesternDigits(typed).trim())
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null
}
