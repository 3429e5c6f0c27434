/** Calendar arithmetic on local days (YYYY-MM-DD): pure dates, no time zone involved until dayStartMs. */
import { localDay } from '../queue/local-day.ts'

const DAY_MS = 86_400_000
const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`)
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS)
}

/** Days from `from` to `to`, both included (empty when to < from). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let ms = toUtc(from); ms <= toUtc(to); ms += DAY_MS) out.push(fromUtc(ms))
  return out
}

/** Number of days in from..to, both included. */
export function dayCount(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1
}

/** Whether `day` is a real calendar date (2026-02-30 is not). */
export function isRealDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && fromUtc(toUtc(day)) === day
}

/**
 * The instant local `day` begins in `tz` (its first millisecond; on a spring-forward day that
 * starts at 01:00 this is still the first instant of the day). Found by a 15-minute scan of the
 * window where it can be (UTC−14 … UTC+14), then refined to the minute.
 */
export function dayStartMs(day: string, tz: string): number {
  const base = toUtc(day)
  const STEP = 15 * 60_000
  for (let t = base - 14 * 3_600_000; t <= base + 14 * 3_600_000; t += STEP) {
    if (localDay(t, tz) >= day) {
      let lo = t - STEP
      let hi = t
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000 || lo + 60_000
        if (localDay(mid, tz) >= day) hi = mid
        else lo = mid
      }
      return hi
    }
  }
  return base
}
