/**
 * Local hours in the center's IANA zone, as the hub keys them: (local date, hour 0–23). In the
 * autumn DST change an hour happens twice; both belong to the same key, so its figures add up.
 */
import { localDay, localHour, localHourStartMs } from '../../protocol/center-clock.ts'

export const HOUR_MS = 3_600_000

export interface HourKey {
  day: string
  hour: number
}

export const hourKeyOf = (epochMs: number, timeZone: string): HourKey => ({
  day: localDay(epochMs, timeZone),
  hour: localHour(epochMs, timeZone),
})

/** Sortable text of a key: `2026-03-10T09`. */
export const keyText = (k: HourKey) => `${k.day}T${String(k.hour).padStart(2, '0')}`

/** Splits [from, to) at local hour boundaries and calls `each(key, ms)` for every piece. */
export function splitByLocalHour(from: number, to: number, timeZone: string, each: (key: HourKey, ms: number) => void): void {
  let t = from
  while (t < to) {
    const next = Math.min(localHourStartMs(t, timeZone) + HOUR_MS, to)
    each(hourKeyOf(t, timeZone), next - t)
    t = next
  }
}
