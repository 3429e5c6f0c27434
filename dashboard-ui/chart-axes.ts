/**
 * What the hour charts' axes may say: whole hours on the time axis ("7:00 AM", never "7.5:00"),
 * whole tickets on a count axis (never 0.3 tickets), whole minutes on a minutes axis, and a
 * sane scale when there is nothing to draw yet; in the screen's digits (the center's on the Arabic
 * screen, protocol/messages/digits.ts), since uPlot paints the ticks itself and knows none.
 */
import { clockTime } from '../protocol/messages/clock-time.ts'
import type { Lang } from '../protocol/messages/format.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'

/** The steps uPlot may choose between ticks: whole hours on the time axis. */
export const HOUR_STEPS = [1, 2, 3, 4, 6, 12]

/** The steps between ticks of a count or minutes axis: whole numbers only (ui-common, shared with the hub's trend). */
export { WHOLE_STEPS } from '../ui-common/whole-steps.ts'

/**
 * Hour 15 as the page's text writes a time (clockTime: a 12-hour clock with its period), "3:00 PM"
 * / «٣:٠٠ م» in `digits`: the axis sat in 24-hour "15:00" beside "3:00 PM" in the page's sentences
 * (walk s47). The hour is a wall-clock hour of the center's day, so it is written in UTC.
 */
export function hourTick(hour: number, lang: Lang, digits: DigitStyle = 'western'): string {
  return clockTime(Date.UTC(2026, 0, 1, hour), 'UTC', lang, digits)
}

/** A tick of a count or minutes axis in `digits` (default Western), or '' for a fraction uPlot might still place (it is skipped). */
export function wholeTick(value: number, digits: DigitStyle = 'western'): string {
  return Number.isInteger(value) ? formatNumber(value, { digits }) : ''
}

/**
 * The value axis's range: from 0 to at least `minTop` (so an empty or flat chart shows 0–5 rather
 * than uPlot's ±1 around a single value), with headroom above the highest value.
 */
export function valueRange(max: number | null, minTop = 5): [number, number] {
  const top = max === null || !Number.isFinite(max) ? 0 : max
  return [0, Math.max(minTop, Math.ceil(top * 1.1))]
}

/** True when no series has a value above zero: the chart says "no tickets yet" instead of drawing. */
export function nothingToDraw(series: readonly { values: readonly (number | null)[] }[]): boolean {
  return series.every((s) => s.values.every((v) => v === null || v === 0))
}

/**
 * The hours the time axis spans: the usual range (opening hours), widened to every hour that has
 * a value, so a late evening's or a night's tickets are never off the chart.
 */
export function shownHours(range: readonly [number, number], series: readonly { values: readonly (number | null)[] }[]): [number, number] {
  let [lo, hi] = range
  for (const s of series) {
    s.values.forEach((v, hour) => {
      if (v === null || v === 0) return
      lo = Math.min(lo, hour)
      hi = Math.max(hi, hour)
    })
  }
  return [lo, hi]
}
