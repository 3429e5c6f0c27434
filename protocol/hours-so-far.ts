/**
 * Today's hourly figures up to the current hour: an hour that has not come yet has no figure
 * (null, a gap in the chart), not a zero (the live charts drew 04:00–22:00 as 0 at 03:13).
 * Another day's hours have all happened and are kept whole; baselines (earlier weeks) too.
 * The center applies it with its own clock (server/reports/reports.ts): a browser's clock may be
 * off, and a chart cut by it hid the hour a ticket was issued in.
 */
import { localDay, localHour } from './center-clock.ts'

export function hoursSoFar<T extends number | null>(values: readonly T[], day: string, now: number, timeZone: string): (T | null)[] {
  if (day !== localDay(now, timeZone)) return [...values]
  const current = localHour(now, timeZone)
  return values.map((v, hour) => (hour > current ? null : v))
}
