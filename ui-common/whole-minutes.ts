/**
 * Minutes as the staff screens count them: whole, rounded down ("waited 12 min" in the console's
 * line and on its current ticket, "since 10:42 (12 min)" on the dashboard), never negative.
 */
import { clockTime } from '../protocol/messages/clock-time.ts'
import { consoleText } from '../protocol/messages/console.ts'
import { formatNumber, type DigitStyle } from './digits.ts'
import type { Lang } from './i18n.ts'

/** Whole minutes from seconds, rounded down; never negative. */
export function wholeMinutes(seconds: number): number {
  return Math.max(0, Math.floor(seconds / 60))
}

/** "Paused since 10:42 (12 min)": a counter's pause from `since` (ISO) to `now` (epoch ms), the time in the center's zone; the console's and the dashboard's one sentence. */
export function pausedSinceText(since: string, now: number, timeZone: string, lang: Lang, digits: DigitStyle): string {
  return consoleText('ticket.pausedSince', lang, {
    time: clockTime(since, timeZone, lang, digits),
    n: formatNumber(wholeMinutes((now - Date.parse(since)) / 1000), { digits }),
  })
}
