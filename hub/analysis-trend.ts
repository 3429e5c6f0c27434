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
  type CenterPairing,
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

/**
 * The period of the same length before from..to, and how far back it lies. By day and by week it
 * lies whole weeks back (the range's length rounded up to weeks), so a Friday is compared with a
 * Friday: moved back by a 27-day range's length, every closed Friday faced an open Saturday and read
 * as −100 % (walk of 2026-12-06). By month it lies the range's length back (months are not weeks long).
 */
export function previousPeriod(from: string, to: string, grain: TrendGrain): { from: string; to: string; shiftDays: number } {
  const n = dayCount(from, to)
  const shiftDays = grain === 'month' ? n : Math.ceil(n / 7) * 7
  return { from: addDays(from, -shiftDays), to: addDays(to, -shiftDays), shiftDays }
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
  /** "By day" rows of the previous period (previousPeriod); null = no comparison. */
  previousRows: readonly FigureRow[] | null
  /**
   * The same two periods' "by day" rows of only the centers with figures in both, and how many
   * centers were in one period only: the change compares these, like with like (null = no comparison).
   */
  compared: { rows: readonly FigureRow[]; previousRows: readonly FigureRow[]; centers: CenterPairing } | null
}

/** The trend answer: every group of the range (with zeros where nothing was reported), and the previous period beside it. */
export function trendOf(input: TrendInput): TrendAnswer {
  const { from, to, grain, today } = input
  const period = input.previousRows ? previousPeriod(from, to, grain) : null
  const back = (d: string) => addDays(d, -(period?.shiftDays ?? 0))
  const byDay = new Map(input.rows.map((r) => [r.key, r]))
  const before = input.previousRows ? new Map(input.previousRows.map((r) => [r.key, r])) : null
  const compared = input.compared
  const pairedNow = new Map(compared?.rows.map((r) => [r.key, r]))
  const pairedBefore = new Map(compared?.previousRows.map((r) => [r.key, r]))
  // the change compares the centers with figures in both periods (a center that opened since is
  // not growth: walk of 2026-12-06), on the days they have figures in both (the hub's first weeks
  // have no period before them) and that are over: today so far is not a whole day
  const paired = (days: readonly string[]) =>
    compared ? days.filter((d) => d < today && pairedNow.has(d) && pairedBefore.has(back(d))) : []
  /** What a change over `days` compares: their days with figures in both periods, read once. */
  const comparedOver = (days: readonly string[]) => {
    const both = paired(days)
    return {
      comparedDays: both.length,
      change: both.length > 0 ? changeOf(sumDays(pairedNow, both), sumDays(pairedBefore, both.map(back))) : null,
    }
  }
  const points: TrendPoint[] = groupsOf(from, to, grain).map(({ key, days }) => ({
    key,
    from: days[0],
    to: days[days.length - 1],
    days: days.length,
    running: days.includes(today),
    figures: sumDays(byDay, days),
    // no row at all on these days: nothing was reported (before the hub had data, or a closed day), not a count of 0
    reported: days.some((d) => byDay.has(d)),
    previousReported: before ? days.some((d) => before.has(back(d))) : false,
    previous: before ? sumDays(before, days.map(back)) : null,
    ...comparedOver(days),
  }))
  const totals = sumDays(byDay, daysBetween(from, to))
  const previousTotals = before && period ? sumDays(before, daysBetween(period.from, period.to)) : null
  return {
    from,
    to,
    grain,
    today,
    governorate: input.governorate,
    previous: period,
    points,
    totals,
    previousTotals,
    previousReported: before !== null && before.size > 0,
    centers: compared?.centers ?? null,
    ...comparedOver(daysBetween(from, to)),
  }
}
