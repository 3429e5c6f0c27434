/**
 * Analysis (issue 23): GET /api/hub/v1/analysis/trend, a figure's trend by day, ISO week or month
 * with the period before beside it (protocol/hub-analysis.ts says how the two are paired). The
 * drill-down and the map read /figures; this route adds only what /figures cannot answer in one
 * call. Read side: the read token or an analyst's session, a governorate analyst kept to their
 * governorate (the same check as /figures, hub/routes/access.ts), every range capped.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { addDays, isRealDay, localDay } from '../../protocol/center-clock.ts'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import { ANALYSIS_TREND_PATH, TrendAnswer, TrendQuery } from '../../protocol/hub-analysis.ts'
import { previousPeriod, type TrendInput, trendOf } from '../analysis-trend.ts'
import type { FiguresQuery } from '../store/figures-query.ts'
import type { FigureRow } from '../../protocol/hub-api.ts'
import { checkRange } from '../store/figures-query.ts'
import { figuresQuery, hubErrors, readAuth } from './access.ts'

/** The days a trend covers when no range is asked for: four weeks. */
export const DEFAULT_DAYS = 28

export const analysisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, config, clock } = app.hub

  /** The two periods' day rows of the centers with figures in both, and how many are in one only (hub/analysis-trend.ts). */
  async function comparedRows(
    now: FiguresQuery,
    before: FiguresQuery,
    read: { rows: FigureRow[]; previousRows: FigureRow[] },
  ): Promise<NonNullable<TrendInput['compared']>> {
    const reporting = async (q: FiguresQuery) =>
      new Set((await store.figures({ ...q, by: 'center' })).filter((r) => (r.reportingCenters ?? 0) > 0).map((r) => r.key))
    const [inNow, inBefore] = await Promise.all([reporting(now), reporting(before)])
    const centerIds = [...inNow].filter((id) => inBefore.has(id))
    const centers = { compared: centerIds.length, onlyNow: inNow.size - centerIds.length, onlyBefore: inBefore.size - centerIds.length }
    // every center in both: the rows already read are the compared ones; read them again only when some are left out
    if (centers.onlyNow === 0 && centers.onlyBefore === 0) return { ...read, centers }
    const [rows, previousRows] = await Promise.all([store.figures({ ...now, centerIds }), store.figures({ ...before, centerIds })])
    return { rows, previousRows, centers }
  }
  app.get(
    ANALYSIS_TREND_PATH,
    {
      onRequest: readAuth,
      schema: {
        tags: ['analysis'],
        summary: 'A trend by day, ISO week or month, with the previous period of the same length',
        querystring: TrendQuery,
        response: { 200: TrendAnswer, ...hubErrors(400, 401, 403, 503) },
      },
    },
    async (request): Promise<TrendAnswer> => {
      const q = request.query
      // without `from`: the four weeks ending `to` (default today), what a trend is for
      const grain = q.grain ?? 'day'
      const to = q.to ?? localDay(clock(), config.timeZone)
      if (!isRealDay(to)) throw new HubError(400, HubErrorCodes.VALIDATION, `${to} is not a calendar day (YYYY-MM-DD)`)
      const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1))
      const query = await figuresQuery({ ...q, from, to: q.from && !q.to ? undefined : to }, 'day', request)
      // the asked range first, so a refusal names it (the previous period is as long)
      checkRange(query)
      const previous = q.compare === 'none' ? null : previousPeriod(query.from, query.to, grain)
      const previousQuery = previous ? { ...query, from: previous.from, to: previous.to } : null
      const [rows, previousRows] = await Promise.all([
        store.figures(query),
        previousQuery ? store.figures(previousQuery) : Promise.resolve(null),
      ])
      const compared = previousQuery && previousRows ? await comparedRows(query, previousQuery, { rows, previousRows }) : null
      return trendOf({
        from: query.from,
        to: query.to,
        grain,
        today: localDay(clock(), config.timeZone),
        governorate: query.governorate ?? null,
        rows,
        previousRows,
        compared,
      })
    },
  )
}
