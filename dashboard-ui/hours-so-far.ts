/**
 * Today's hourly figures up to the current hour: an hour that has not come yet has no figure
 * (null, a gap in the chart), not a zero (the live charts drew 04:00–22:00 as 0 at 03:13).
 * Another day's hours have all happened and are kept whole; baselines (earlier weeks) too.
 */
import { localDay, localHour } from '../protocol/center-clock.ts'

export function hoursSoFar<T extends number | null>(values: readonly T[], day: string, now: number, timeZone: string): (T | null)[] {
  if (day !== localDay(now, timeZone)) return [...values]
  const current = localHour(now, timeZone)
  return values.map((v, hour) => (hour > current ? null : v))
}
