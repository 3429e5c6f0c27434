import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CounterActionResult } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { ParkBody, ParkedList, ParkingFigures, ResumeParkedBody } from '../../../protocol/parking.ts'
import { RangeQuery } from '../../../protocol/stats.ts'
import { actorOf, allow, MANAGERS, STAFF } from '../../auth/access.ts'
import { parkingFigures } from '../../reports/parking-figures.ts'
import { counterDto, staffTicketDto, ticketDto } from '../../dto.ts'

/**
 * Parking a ticket (issue 21): POST /counters/:id/park sets the counter's current ticket aside
 * (the counter is free), POST /counters/:id/resume-parked calls a parked ticket to this counter
 * now, GET /tickets/parked lists what the asking clerk may resume with the time left, and
 * GET /stats/parking?from&to (managers) counts parks, resumes and abandoned tickets. The domain
 * is server/queue/ticket-parking.ts.
 */
export async function parkingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, config, db } = app.tabour

  app.post(
    '/counters/:id/park',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['counter actions'],
        summary: 'park the current ticket (the citizen fetches a document) for at most queue.maxParkMinutes; the counter is free',
        params: IdParam,
        body: ParkBody,
        response: { 200: CounterActionResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { counter, ticket } = queue.parking.park(actorOf(request), request.params.id, request.body)
      return { counter: counterDto(counter), ticket: ticketDto(ticket) }
    },
  )

  app.post(
    '/counters/:id/resume-parked',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['counter actions'],
        summary: 'call a parked ticket of a service this counter serves to this counter now, ahead of the line',
        params: IdParam,
        body: ResumeParkedBody,
        response: { 200: CounterActionResult, ...errorResponses(400, 401, 403, 404, 409, 410, 422) },
      },
    },
    async (request) => {
      const { counter, ticket } = queue.parking.resume(actorOf(request), request.params.id, request.body.ticketId)
      return { counter: counterDto(counter), ticket: staffTicketDto(ticket, queue.view) }
    },
  )

  app.get(
    '/tickets/parked',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['tickets'],
        summary: "the parked tickets of your counter's services (all, for a manager), earliest deadline first, and the park settings",
        response: { 200: ParkedList, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      maxMinutes: config.queue.maxParkMinutes,
      reasons: config.queue.parkReasons,
      parked: queue.parking.parkedFor(actorOf(request)).map(({ ticket, parking, secondsLeft, clockStopped }) => ({
        ticket: ticketDto(ticket),
        reason: parking.reason,
        note: parking.note,
        counterId: parking.counterId,
        parkedAt: new Date(parking.parkedAt).toISOString(),
        deadlineAt: new Date(parking.deadlineAt).toISOString(),
        secondsLeft,
        clockStopped,
      })),
    }),
  )

  app.get(
    '/stats/parking',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary: 'parked, resumed and abandoned tickets by service over a range of days (abandoned is its own figure, never a no-show)',
        querystring: RangeQuery,
        response: { 200: ParkingFigures, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      // a sweep first, so a ticket whose time has run out is counted as abandoned now
      queue.parking.sweep()
      return parkingFigures(db, request.query.from, request.query.to)
    },
  )
}
