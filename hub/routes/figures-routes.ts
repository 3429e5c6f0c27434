/**
 * National figures, read-only (HUB_READ_TOKEN or an analyst's session when set): by governorate,
 * center, service, day or hour as JSON or CSV, and the dashboard's summary of a date range.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { dayCount, isRealDay, localDay } from '../../protocol/center-clock.ts'
import { Lang } from '../../protocol/common.ts'
import { csvDownloadHeaders } from '../../protocol/csv.ts'
import { FiguresAnswer, FiguresQuerystring, HUB_DASHBOARD_PATH, HubDashboard, HubSummary } from '../../protocol/hub-api.ts'
import { MAX_HOUR_RANGE_DAYS } from '../../protocol/hub-analysis.ts'
import { centerViews } from '../center-views.ts'
import { figuresCsv } from '../figures-csv.ts'
import { withGovernorateCodes } from '../governorate-codes.ts'
import { inDefinedOrder } from '../figure-order.ts'
import { sumRows } from '../store/figure-rows.ts'
import type { FiguresQuery } from '../store/store.ts'
import { figuresQuery, hubErrors, PREFIX, readAuth } from './access.ts'

/** figures.csv also takes ?lang=ar|en, the language of its headers (default ar). */
const FiguresCsvQuerystring = Type.Object({ ...FiguresQuerystring.properties, lang: Type.Optional(Lang) })
const TAGS = ['figures']
const errors = hubErrors(400, 401, 403, 503)

export const figuresRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, store, clock } = app.hub
  const today = () => localDay(clock(), config.timeZone)
  /** The store's rows with their governorate as a code (the unknown one summed into one row), in the hub's order on either store. */
  const figures = async (query: FiguresQuery) =>
    inDefinedOrder(withGovernorateCodes(await store.figures(query), query.by === 'governorate'), query.by)

  app.get(
    `${PREFIX}/figures`,
    {
      onRequest: readAuth,
      schema: {
        tags: TAGS,
        summary: 'Summed figures of a range of days, by governorate, center, service, day or hour',
        querystring: FiguresQuerystring,
        response: { 200: FiguresAnswer, ...errors },
      },
    },
    async (request) => {
      const q = request.query
      const query = await figuresQuery(q, q.by ?? 'center', request)
      // read before the figures: they hold at least what it says
      const figuresAsOf = await store.figuresAsOf(clock())
      const rows = await figures(query)
      return { from: query.from, to: query.to, by: query.by, today: today(), rows, totals: sumRows(rows), figuresAsOf }
    },
  )

  app.get(
    `${PREFIX}/figures.csv`,
    {
      onRequest: readAuth,
      schema: {
        tags: TAGS,
        summary: 'The same figures as CSV (headers in ?lang=ar|en)',
        querystring: FiguresCsvQuerystring,
        response: {
          200: { description: 'CSV, UTF-8 with a BOM', content: { 'text/csv': { schema: Type.String() } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const q = request.query
      const query = await figuresQuery(q, q.by ?? 'center', request)
      const rows = await figures(query)
      // by center, each center's city in both languages (the registry's, not the figures')
      const cities = query.by === 'center' ? new Map((await store.listCenters()).map((c) => [c.id, c])) : undefined
      return reply
        .headers(csvDownloadHeaders(['tabour', query.by, `${query.from}_${query.to}`], config.timeZone))
        .send(figuresCsv(rows, query, q.lang ?? 'ar', cities))
    },
  )

  /**
   * Every group's figures of a range, and the centers: the summary (`time: 'range'`: by day, by hour
   * for one day), and the dashboard page's cut of it (`time: 'hours of the day'`, null past the
   * range "by hour" covers).
   */
  const summary = async (request: FastifyRequest, q: FiguresQuerystring, time: 'range' | 'hours of the day') => {
    const base = await figuresQuery(q, 'center', request)
    // a day that is no calendar day is refused by the other views' reading (400), not thrown here: nothing is read
    const hoursOfTheDay = async () =>
      isRealDay(base.from) && isRealDay(base.to) && dayCount(base.from, base.to) <= MAX_HOUR_RANGE_DAYS
        ? figures({ ...base, by: 'hour' })
        : null
    // one moment for both: the page says "as of" when figuresAsOf is before generatedAt, and two
    // readings of the clock a millisecond apart said it of figures that hold every batch
    const now = clock()
    const figuresAsOf = await store.figuresAsOf(now)
    const [byGovernorate, byCenter, byService, byTime, byHour, centers] = await Promise.all([
      figures({ ...base, by: 'governorate' }),
      figures({ ...base, by: 'center' }),
      figures({ ...base, by: 'service' }),
      time === 'range' ? figures({ ...base, by: base.from === base.to ? 'hour' : 'day' }) : [],
      time === 'hours of the day' ? hoursOfTheDay() : null,
      centerViews(store, config, clock(), base.governorate),
    ])
    return {
      from: base.from,
      to: base.to,
      today: today(),
      offlineAfterMinutes: config.offlineAfterMinutes,
      offlineAfterMissedHeartbeats: config.offlineAfterMissedHeartbeats,
      generatedAt: now,
      figuresAsOf,
      // a governorate analyst's figures are his governorate's: the page says so
      scope: request.analyst?.role === 'governorate' ? (base.governorate ?? null) : null,
      totals: sumRows(byCenter),
      byGovernorate,
      byCenter,
      byService,
      byTime,
      byHour,
      centers,
    }
  }

  app.get(
    `${PREFIX}/summary`,
    {
      onRequest: readAuth,
      schema: {
        tags: TAGS,
        summary: 'Everything about a range of days in one call: every group, by day (by hour for one day), and the centers',
        querystring: FiguresQuerystring,
        response: { 200: HubSummary, ...errors },
      },
    },
    async (request) => summary(request, request.query, 'range'),
  )

  // the response schema leaves out every field the page does not show
  app.get(
    HUB_DASHBOARD_PATH,
    {
      onRequest: readAuth,
      schema: {
        tags: TAGS,
        summary:
          'What the national dashboard page shows for a range of days: the summary with its hours of the day (ranges up to 31 days) instead of its days, and only the columns shown',
        querystring: FiguresQuerystring,
        response: { 200: HubDashboard, ...errors },
      },
    },
    async (request) => summary(request, request.query, 'hours of the day'),
  )
}
