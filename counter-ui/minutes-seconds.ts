import { inDigitStyle, type DigitStyle } from '../ui-common/digits.ts'

/** "4:05" for 245 s (rounded to the second): service times and countdowns are minutes and seconds, in the screen's digits. */
export function minutesSeconds(seconds: number, digits: DigitStyle = 'western'): string {
  const s = Math.max(0, Math.round(seconds))
  return inDigitStyle(`${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`, digits)
}
