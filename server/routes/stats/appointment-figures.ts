import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { RangeQuery } from '../../../protocol/stats.ts'
import { AppointmentFigures, AppointmentFiguresCsvQuery } from '../../../protocol/appointment-figures.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { csvDownloadHeaders } from '../../../protocol/csv.ts'
import { allow, MANAGERS } from '../../auth/access.ts'
import { appointmentFigures } from '../../reports/appointment-figures.ts'
import { appointmentFigureSources } from '../../reports/appointment-figure-sources.ts'
import { appointmentFiguresCsv } from '../../reports/appointment-figures-csv.ts'

/**
 * Appointment figures (issue 19), managers: GET /stats/appointments?from&to (bookings, check-ins,
 * no-shows, punctuality, slot use per service; waits by ticket origin) and the same as CSV.
 */
export function appointmentFigureRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, reports } = app.tabour
  const figures = (q: RangeQuery) => {
    reports.checkRange(q)
    queue.ctx.closePastDays()
    return appointmentFigures(appointmentFigureSources(queue.ctx, queue.appointments), q.from, q.to)
  }

  app.get(
    '/appointments',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: 'appointment figures of local days from..to per service, and waits by ticket origin (walk-in, appointment, remote)',
        querystring: RangeQuery,
        response: { 200: AppointmentFigures, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => figures(request.query),
  )

  app.get(
    '/appointments.csv',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: 'the appointment figures as CSV',
        querystring: AppointmentFiguresCsvQuery,
        response: {
          200: Type.String({ description: 'text/csv; UTF-8 with BOM; headers in ?lang (default ar)' }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query
      const body = appointmentFiguresCsv(figures(q), lang ?? 'ar', queue.ctx.services.list())
      reply.headers(csvDownloadHeaders(['tabour', 'appointments', q.from, q.to], reports.timeZone))
      return body
    },
  )
}
