/**
 * A trend from "by day" figures (protocol/hub-analysis.ts): the asked days grouped into days, ISO
 * weeks or calendar months, each group beside the same days one period earlier. Pure: the route
 * (hub/routes/analysis-routes.ts) reads the day rows, this sums them.
 */
import { Temporal } from 'temporal-polyfill'
import { addDays, dayCount, daysBetween } from '../protocol/center-clock.ts'
import type { FigureRow, FigureTotals } from '../protocol/hub-api.ts'
import {
  figureChange,
  TREND_FIGURES,
  type TrendAnswer,
  type TrendChange,
  type TrendFigures,
  type TrendGrain,
  type TrendPoint,
} from '../protocol/hub-analysis.ts'
import { sumRows } from './store/figure-rows.ts'

/** The key of the group a day falls in: the day, its ISO week (`2026-W49`), or its month (`2026-11`). */
export function groupKey(day: string, grain: TrendGrain): string {
  if (grain === 'day') return day
  if (grain === 'month') return day.slice(0, 7)
  const d = Temporal.PlainDate.from(day)
  return `${d.yearOfWeek}-W${String(d.weekOfYear).padStart(2, '0')}`
}

/** The days from..to in groups of `grain`, in order (the first and last group may be partial). */
export function groupsOf(from: string, to: string, grain: TrendGrain): { key: string; days: string[] }[] {
  const groups: { key: string; days: string[] }[] = []
  for (const day of daysBetween(from, to)) {
    const key = groupKey(day, grain)
    const last = groups[groups.length - 1]
    if (last?.key === key) last.days.push(day)
    else groups.push({ key, days: [day] })
  }
  return groups
}

/** The period of the same length just before from..to. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const n = dayCount(from, to)
  return { from: addDays(from, -n), to: addDays(to, -n) }
}

const trendFigures = (t: FigureTotals) => Object.fromEntries(TREND_FIGURES.map((k) => [k, t[k]])) as TrendFigures

const sumDays = (byDay: Map<string, FigureRow>, days: readonly string[]) => trendFigures(sumRows(days.flatMap((d) => byDay.get(d) ?? [])))

const relative = (now: number | null, before: number | null) => figureChange(now, before, false)

export function changeOf(now: TrendFigures, before: TrendFigures): TrendChange {
  return {
    issued: relative(now.issued, before.issued),
    served: relative(now.served, before.served),
    noShow: relative(now.noShow, before.noShow),
    avgWaitSeconds: relative(now.avgWaitSeconds, before.avgWaitSeconds),
    slaPercent: figureChange(now.slaPercent, before.slaPercent, true),
    avgRating: relative(now.avgRating, before.avgRating),
  }
}

export interface TrendInput {
  from: string
  to: string
  grain: TrendGrain
  today: string
  governorate: string | null
  /** "By day" rows of from..to. */
  rows: readonly FigureRow[]
  /** "By day" rows of the previous period; null = no comparison. */
  previousRows: readonly FigureRow[] | null
}

/** The trend answer: every group of the range (with zeros where nothing was reported), and the previous period beside it. */
export function trendOf(input: TrendInput): TrendAnswer {
  const { from, to, grain } = input
  const n = dayCount(from, to)
  const byDay = new Map(input.rows.map((r) => [r.key, r]))
  const before = input.previousRows ? new Map(input.previousRows.map((r) => [r.key, r])) : null
  // days reported in both periods: the only ones a change may compare (the hub's first weeks
  // have no period before them; comparing them with nothing read as growth, walk of 2026-12-05)
  const paired = (days: readonly string[]) => (before ? days.filter((d) => byDay.has(d) && before.has(addDays(d, -n))) : [])
  const changeOver = (days: readonly string[]) =>
    before && days.length > 0
      ? changeOf(
          sumDays(byDay, days),
          sumDays(
            before,
            days.map((d) => addDays(d, -n)),
          ),
        )
      : null
  /** What a change over `days` compares: their days with figures in both periods, read once. */
  const comparedOver = (days: readonly string[]) => {
    const both = paired(days)
    return { comparedDays: both.length, change: changeOver(both) }
  }
  const points: TrendPoint[] = groupsOf(from, to, grain).map(({ key, days }) => ({
    key,
    from: days[0],
    to: days[days.length - 1],
    days: days.length,
    figures: sumDays(byDay, days),
    // no row at all on these days: nothing was reported (before the hub had data, or a closed day), not a count of 0
    reported: days.some((d) => byDay.has(d)),
    previousReported: before ? days.some((d) => before.has(addDays(d, -n))) : false,
    previous: before
      ? sumDays(
          before,
          days.map((d) => addDays(d, -n)),
        )
      : null,
    ...comparedOver(days),
  }))
  const totals = sumDays(byDay, daysBetween(from, to))
  const previous = before ? previousPeriod(from, to) : null
  const previousTotals = before && previous ? sumDays(before, daysBetween(previous.from, previous.to)) : null
  return {
    from,
    to,
    grain,
    today: input.today,
    governorate: input.governorate,
    previous,
    points,
    totals,
    previousTotals,
    previousReported: before !== null && before.size > 0,
    ...comparedOver(daysBetween(from, to)),
  }
}
