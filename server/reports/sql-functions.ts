/**
 * Small computations the reports need often:
 * - the local wall-clock hour (0–23) of an epoch-ms instant in an IANA zone, and its local ISO
 *   time with the offset (the CSV's times). Every real UTC offset is a multiple of 15 minutes,
 *   so the zone's answer is cached per 15-minute bucket: folding a month of events or writing a
 *   90k-line ticket log costs a few thousand zone look-ups, not hundreds of thousands;
 * - the nearest-rank p-th percentile: the smallest value with at least p % of the values at or
 *   below it (the p90 of 10 values is the 9th smallest).
 */
import { localHour, localIsoTime } from '../../protocol/center-clock.ts'

const BUCKET_MS = 15 * 60 * 1000
const hourCache = new Map<string, number>()

/** Local hour of `at` in `tz`, through the 15-minute cache. */
export function cachedLocalHour(at: number, tz: string): number {
  const bucket = Math.floor(at / BUCKET_MS)
  const key = `${tz}|${bucket}`
  let h = hourCache.get(key)
  if (h === undefined) {
    h = localHour(bucket * BUCKET_MS, tz)
    if (hourCache.size > 200_000) hourCache.clear()
    hourCache.set(key, h)
  }
  return h
}

const offsetCache = new Map<string, { ms: number; text: string }>()

/** `localIsoTime(at, tz)` (`2026-12-03T14:05:00+02:00`) through the 15-minute cache of the zone's offset. */
export function cachedLocalIsoTime(at: number, tz: string): string {
  const bucket = Math.floor(at / BUCKET_MS)
  const key = `${tz}|${bucket}`
  let offset = offsetCache.get(key)
  if (offset === undefined) {
    const text = localIsoTime(bucket * BUCKET_MS, tz).slice(19)
    const sign = text.startsWith('-') ? -1 : 1
    offset = { text, ms: sign * (Number(text.slice(1, 3)) * 3600_000 + Number(text.slice(4, 6)) * 60_000) }
    if (offsetCache.size > 200_000) offsetCache.clear()
    offsetCache.set(key, offset)
  }
  return `${new Date(Math.floor(at / 1000) * 1000 + offset.ms).toISOString().slice(0, 19)}${offset.text}`
}

/** The nearest-rank percentile of `values` (need not be sorted); null when empty. */
export function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}
