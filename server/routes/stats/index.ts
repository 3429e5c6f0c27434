import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  ClerkStatsToday,
  DeviceHealth,
  HourlySeries,
  HourlyQuery,
  Report,
  ReportCsvQuery,
  ReportQuery,
  ShiftQuery,
  ShiftReport,
  StatsToday,
  TicketLogQuery,
} from '../../../protocol/stats.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, allow, MANAGERS, STAFF } from '../../auth/access.ts'
import { foldInBackground } from '../../reports/rollup.ts'
import { csvDownloadHeaders } from '../../../protocol/csv.ts'
import { appointmentFigureRoutes } from './appointment-figures.ts'
import { stepStatsRoutes } from './steps.ts'
import { named } from '../../plugin-name.ts'

const Csv = Type.String({
  description: "text/csv; UTF-8 with BOM; headers in ?lang (default ar); the file name ends with the center's zone",
})

/**
 * Statistics from the event log. GET /stats/today (managers): today's KPIs by service and
 * counter; GET /stats/me (any staff): the caller's own day; GET /stats/report and
 * /stats/report.csv (managers): a date range grouped by day, hour, service, counter or clerk;
 * GET /stats/tickets.csv (managers; phone numbers for admins only): the raw ticket log;
 * GET /stats/shift (managers): one clerk's day for the printable shift report;
 * GET /stats/hourly (managers): the hourly charts; GET /stats/devices (managers): device health.
 */
export async function statsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db, reports, config } = app.tabour
  await app.register(named(stepStatsRoutes))
  // the first start after an upgrade folds the history into the report rollups, in the background
  app.addHook('onReady', async () => {
    foldInBackground(db, () => config.timeZone).catch((err: unknown) => app.log.warn({ err }, 'report rollups: background fold failed'))
  })

  app.get(
    '/today',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: "today's figures of the whole center, live: totals, by service, by counter, served by outcome",
        response: { 200: StatsToday, ...errorResponses(401, 403) },
      },
    },
    async () => reports.today(),
  )

  app.get(
    '/me',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['stats'],
        summary: "today's figures of the calling clerk: called, served, no-show, mean service time",
        response: { 200: ClerkStatsToday, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      // allow(...STAFF) lets only users through
      return reports.clerkToday(actor.type === 'user' ? actor.id : 0)
    },
  )

  app.get(
    '/report',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: 'KPIs over local days from..to (both included), grouped by day, hour, service, counter or clerk',
        querystring: ReportQuery,
        response: { 200: Report, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reports.range(request.query),
  )

  app.get(
    '/report.csv',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: 'the same report as CSV',
        querystring: ReportCsvQuery,
        response: { 200: Csv, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const q = request.query
      const body = reports.rangeCsv(q)
      reply.headers(csvDownloadHeaders(['tabour', q.by, q.from, q.to], reports.timeZone))
      return body
    },
  )

  app.get(
    '/tickets.csv',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: 'the raw ticket log of local days from..to; phone numbers only for admins',
        querystring: TicketLogQuery,
        response: { 200: Csv, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const q = request.query
      const actor = actorOf(request)
      const body = reports.ticketLogCsv(q, actor.type === 'user' && actor.role === 'admin')
      reply.headers(csvDownloadHeaders(['tabour', 'tickets', q.from, q.to], reports.timeZone))
      return body
    },
  )

  app.get(
    '/shift',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: "one clerk's shift on a local day: their figures, when they held a counter, every call and how it ended",
        querystring: ShiftQuery,
        response: { 200: ShiftReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => reports.shift(request.query),
  )

  app.get(
    '/hourly',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary:
          'issued, served and mean wait per local hour of a day (default today) beside the same weekday of earlier weeks (default 4)',
        querystring: HourlyQuery,
        response: { 200: HourlySeries, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      return reports.hourly(request.query.day, request.query.weeks ?? 4)
    },
  )

  app.get(
    '/devices',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: 'every device with its last pushed status (printers: paper, cover, online) and last contact',
        response: { 200: Type.Array(DeviceHealth), ...errorResponses(401, 403) },
      },
    },
    async () => reports.devices.list(),
  )

  // GET /stats/appointments and /stats/appointments.csv (issue 19)
  appointmentFigureRoutes(fastify)
}
