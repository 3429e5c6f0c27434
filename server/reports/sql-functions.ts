/**
 * Two small computations the reports need often:
 * - the local wall-clock hour (0–23) of an epoch-ms instant in an IANA zone. Every real UTC
 *   offset is a multiple of 15 minutes, so the answer is cached per 15-minute bucket: folding a
 *   month of events costs a few thousand Intl calls, not hundreds of thousands;
 * - the nearest-rank p-th percentile: the smallest value with at least p % of the values at or
 *   below it (the p90 of 10 values is the 9th smallest).
 */
import { localHour } from '../../protocol/center-clock.ts'

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

/** The nearest-rank percentile of `values` (need not be sorted); null when empty. */
export function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}
