/**
 * SQL functions the reports need and SQLite lacks, registered once per connection:
 * - `tabour_local_hour(at, tz)`: the local wall-clock hour (0–23) of an epoch-ms instant in an
 *   IANA zone. Every real UTC offset is a multiple of 15 minutes, so the answer is cached per
 *   15-minute bucket: a month of events costs a few thousand Intl calls, not hundreds of thousands.
 * - `tabour_percentile(value, p)`: an aggregate, the nearest-rank p-th percentile (the smallest
 *   value with at least p % of the values at or below it; NULLs skipped, NULL for no values).
 */
import type Database from 'better-sqlite3'
import { localHour } from '../queue/local-day.ts'

const registered = new WeakSet<Database.Database>()
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

/** Adds the report functions to `db` (idempotent). */
export function registerReportFunctions(db: Database.Database): void {
  if (registered.has(db)) return
  registered.add(db)
  db.function('tabour_local_hour', { deterministic: true }, (at: unknown, tz: unknown) => cachedLocalHour(Number(at), String(tz)))
  type Acc = { values: number[]; p: number }
  // better-sqlite3's typings give step one argument; SQLite passes every argument of the call
  const step = (acc: Acc, value: unknown, p: unknown) => {
    if (value === null || value === undefined) return
    acc.values.push(Number(value))
    acc.p = Number(p)
  }
  db.aggregate('tabour_percentile', {
    start: () => ({ values: [], p: 50 }) as Acc,
    step: step as unknown as (acc: Acc, next: Acc) => void,
    result: (acc: Acc) => nearestRank(acc.values, acc.p),
  })
}
