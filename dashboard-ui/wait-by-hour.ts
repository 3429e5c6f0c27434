/**
 * The live view's "Average wait by hour (minutes)" chart: its values and what it says while it
 * has nothing to draw. A wait is measured at the call, so an hour has an average once one of its
 * tickets is called; whether there is anything is read from that (null: no call) and from the
 * counts, never from the averages' size: 14 tickets called after 2.3 s on average rounded to
 * 0.0 minute, and a chart that took an all-zero series for an empty one said "No tickets yet
 * today" (walk s51). A 0-minute average is a point on the 0 line.
 */
import type { HourlySeries } from '../protocol/stats.ts'

/** What the chart says instead of drawing: no ticket today, or tickets but none called yet. */
export type WaitChartEmpty = 'chart.empty' | 'chart.noCallYet'

/** Minutes per hour (null: no call that hour), and why there is nothing to draw (null: there is). */
export function waitByHour(h: Pick<HourlySeries, 'issued' | 'avgWaitSeconds'>): {
  minutes: (number | null)[]
  empty: WaitChartEmpty | null
} {
  // unrounded: the axis has whole-minute ticks and the points carry no label, so a rounding would only
  // flatten a 2.3 s wait onto the 0 line
  const minutes = h.avgWaitSeconds.map((v) => (v === null ? null : v / 60))
  if (minutes.some((v) => v !== null)) return { minutes, empty: null }
  return { minutes, empty: h.issued.some((n) => (n ?? 0) > 0) ? 'chart.noCallYet' : 'chart.empty' }
}
