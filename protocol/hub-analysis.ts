/**
 * The hub's analysis API (issue 23): a figure's trend over days, ISO weeks or months, each point
 * beside the same days one period earlier. The drill-down (governorate → center → service → hour)
 * and the map read GET /api/hub/v1/figures (protocol/hub-api.ts FigureRow); only the trend needs
 * its own route.
 *
 * The comparison: the previous period is one of the same length before, moved back by whole weeks
 * by day and by week (for 1–30 Nov, 28 Sep–27 Oct: a Friday faces a Friday) and by the range's
 * length by month. Each point's `previous` covers that point's own days moved back as far, so the
 * previous series sums to the previous period and every pair compares as many days. The change
 * compares like with like: only the centers with figures in both periods (`centers`), only the days
 * with figures in both, never today (not over yet).
 */
import { Type, type Static } from '@sinclair/typebox'
import { CalendarDate } from './calendar.ts'
import { Nullable } from './common.ts'
import { FigureTotals } from './hub-api.ts'

/** The longest range of days a national view may ask for (a leap year); longer is 400 HUB_ERR_RANGE_TOO_LONG. */
export const MAX_RANGE_DAYS = 366
/** The longest range "by hour" may ask for (it reads one row per center and hour, or the hourly rows). */
export const MAX_HOUR_RANGE_DAYS = 31

export const ANALYSIS_TREND_PATH = '/api/hub/v1/analysis/trend'

/** How a trend groups the hub's days: a day, an ISO week (Monday to Sunday), a calendar month. */
export const TREND_GRAINS = ['day', 'week', 'month'] as const
export type TrendGrain = (typeof TREND_GRAINS)[number]

export const TrendQuery = Type.Object({
  from: Type.Optional(CalendarDate),
  to: Type.Optional(CalendarDate),
  grain: Type.Optional(
    Type.Union(
      TREND_GRAINS.map((g) => Type.Literal(g)),
      { default: 'day' },
    ),
  ),
  /** `previous` (the default) adds the period before; `none` leaves it out. */
  compare: Type.Optional(Type.Union([Type.Literal('previous'), Type.Literal('none')])),
  governorate: Type.Optional(Type.String({ maxLength: 100 })),
  center: Type.Optional(Type.String({ maxLength: 64 })),
  /** A national service code. */
  service: Type.Optional(Type.String({ maxLength: 64 })),
})
export type TrendQuery = Static<typeof TrendQuery>

/**
 * The figures a trend point carries: the sums, and the means and shares derived from them (never
 * averaged twice); the within-target share counts calls and tickets that left uncalled after their
 * target, as the centers count it.
 */
export const TREND_FIGURES = [
  'issued',
  'called',
  'served',
  'noShow',
  'cancelled',
  'waitSumSeconds',
  'waitCount',
  'waitWithinTarget',
  'waitMissedUncalled',
  'serviceSumSeconds',
  'serviceCount',
  'ratingCount',
  'ratingScoreSum',
  'avgWaitSeconds',
  'slaPercent',
  'avgServiceSeconds',
  'avgRating',
] as const satisfies readonly (keyof FigureTotals)[]

/** A trend point's figures: those of the summary's totals (FigureTotals), nothing else. */
export const TrendFigures = Type.Pick(FigureTotals, TREND_FIGURES, { additionalProperties: false })
export type TrendFigures = Static<typeof TrendFigures>

/**
 * The change from `before` to `now`, to one decimal: in points for a share (80 % → 90 % is +10,
 * not +12.5 %), relative in % for counts and means; null when there is nothing to compare with.
 * The hub's totals and the page's per-point column both use it, so they cannot disagree.
 */
export function figureChange(now: number | null, before: number | null, inPoints: boolean): number | null {
  if (now === null || before === null || (!inPoints && before === 0)) return null
  return Math.round((inPoints ? now - before : (100 * (now - before)) / before) * 10) / 10
}

/** A change from the previous period: relative (%) for counts and means, in points for the within-target share. */
export const TrendChange = Type.Object(
  {
    issued: Nullable(Type.Number()),
    served: Nullable(Type.Number()),
    noShow: Nullable(Type.Number()),
    avgWaitSeconds: Nullable(Type.Number()),
    slaPercent: Nullable(Type.Number()),
    avgRating: Nullable(Type.Number()),
  },
  { additionalProperties: false },
)
export type TrendChange = Static<typeof TrendChange>

/** How a point, or the whole range, compares with the same days one period earlier. */
const comparison = {
  /** Whether anything was reported on those earlier days (false: "no data", e.g. before the hub had any). */
  previousReported: Type.Boolean(),
  /**
   * The days over (before today) reported in both periods by the compared centers (a row on the day
   * and on the day one period earlier): the change compares only these, so days the hub had no
   * figures for (before a center reported, a closed day) are not counted as a fall or a rise, nor
   * today's first hours as a fall.
   */
  comparedDays: Type.Integer({ minimum: 0 }),
  /** The change over `comparedDays`, of the centers in both periods (TrendAnswer.centers); null when none (or compare=none). */
  change: Nullable(TrendChange),
}

/**
 * Which centers a change compares: those with figures in both periods; a center with figures in
 * this period only (opened since, or joined the hub) or in the previous only (closed, silent) is
 * left out, so neither reads as growth or as a fall.
 */
export const CenterPairing = Type.Object(
  {
    compared: Type.Integer({ minimum: 0 }),
    /** With figures in this period only. */
    onlyNow: Type.Integer({ minimum: 0 }),
    /** With figures in the previous period only. */
    onlyBefore: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
)
export type CenterPairing = Static<typeof CenterPairing>

export const TrendPoint = Type.Object(
  {
    /** `2026-11-30`, `2026-W49` (ISO week) or `2026-11`. */
    key: Type.String(),
    /** The point's first and last day inside the asked range (a week or month at either end may be partial). */
    from: CalendarDate,
    to: CalendarDate,
    days: Type.Integer({ minimum: 1 }),
    /** The point holds today, which is not over: its figures are "so far", and today is left out of its change. */
    running: Type.Boolean(),
    figures: TrendFigures,
    /** Whether any center reported figures on these days: false is "no data" (the figures are zeros), not a count of 0. */
    reported: Type.Boolean(),
    /** The same days one period earlier (null with compare=none). */
    previous: Nullable(TrendFigures),
    ...comparison,
  },
  { additionalProperties: false },
)
export type TrendPoint = Static<typeof TrendPoint>

/** The previous period, and how many days back it lies (whole weeks by day and week, the range's length by month). */
const PreviousRange = Type.Object(
  { from: CalendarDate, to: CalendarDate, shiftDays: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
)

export const TrendAnswer = Type.Object(
  {
    from: CalendarDate,
    to: CalendarDate,
    grain: Type.Union(TREND_GRAINS.map((g) => Type.Literal(g))),
    today: CalendarDate,
    /** The governorate the answer covers: the one asked for, or a governorate analyst's own; null = all. */
    governorate: Nullable(Type.String()),
    previous: Nullable(PreviousRange),
    points: Type.Array(TrendPoint),
    totals: TrendFigures,
    previousTotals: Nullable(TrendFigures),
    /** The centers the change compares and those left out; null with compare=none. */
    centers: Nullable(CenterPairing),
    ...comparison,
  },
  { additionalProperties: false },
)
export type TrendAnswer = Static<typeof TrendAnswer>
