import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { IssueTicketBody } from '../../../protocol/requests.ts'
import { IssuedTicket, PublicTicket, ReinstatableNoShow, Ticket } from '../../../protocol/entities.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, allow, STAFF } from '../../auth/access.ts'
import { staffTicketDto, ticketDto } from '../../dto.ts'
import { ErrorCodes, domainError } from '../../errors.ts'
import { PrintingState } from '../../../protocol/device-config.ts'
import { publicBase, ticketStatusUrl } from '../public-url.ts'
import { closingOf, publicTicketOf, visitOf } from '../../public-ticket.ts'
import { cancelMineRoute } from './cancel-mine.ts'
import { ticketToolRoutes } from './ticket-tools.ts'
import { CancelTicketBody, ReprintBody } from '../../../protocol/ticket-tools.ts'
import { DeviceRateLimit } from '../../auth/device-rate-limit.ts'
import { named } from '../../plugin-name.ts'

const TicketIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String()) })

/** Tickets: kiosks (and clerks at reception) issue them; anyone with the id sees the public status. */
export async function ticketRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, config, clock } = app.tabour
  // a kiosk's token cannot issue faster than config deviceLimits allows (staff issue walk-ins one by one, by hand)
  const issueLimit = new DeviceRateLimit({ perMinute: config.deviceLimits.ticketsPerMinute, burst: config.deviceLimits.ticketBurst }, clock)
  await app.register(named(cancelMineRoute))
  await app.register(named(ticketToolRoutes))

  app.post(
    '/',
    {
      preValidation: allow('kiosk', ...STAFF),
      schema: {
        tags: ['tickets'],
        summary: 'issue a ticket; an Idempotency-Key header makes a repeat return the same ticket',
        headers: IdempotencyHeaders,
        body: IssueTicketBody,
        response: { 201: IssuedTicket, ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      // refused before anything is written: a 429 issued no ticket (a retry with the same Idempotency-Key is safe)
      if (actor.type === 'device') issueLimit.takeOrThrow(actor.id, 'issues tickets')
      const result = queue.issuer.issue(actor, {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
        publicBase: publicBase(request),
      })
      const t = result.ticket
      if (result.replayed) reply.header('idempotent-replayed', 'true')
      const statusUrl = ticketStatusUrl(request, t.id, t.lang)
      // the printer binding followed ticket:issued before the command returned (a kiosk's own printer, or the one bound to
      // the clerk's counter for a walk-in); a replay is the same ticket, printed (or not) the first time
      const printing = !result.replayed ? app.tabour.printing.stateOf(t.id) : 'none'
      return reply.status(201).send({
        id: t.id,
        label: t.label,
        serviceId: t.serviceId,
        status: t.status,
        priority: t.priority,
        position: result.position,
        estimatedWaitSeconds: result.estimatedWaitSeconds,
        issuedAt: new Date(t.issuedAt).toISOString(),
        statusUrl,
        printing,
        ...(result.mayNotBeServedToday ? { mayNotBeServedToday: true } : {}),
        // the note its status page shows, so the kiosk's screen names the closing as the QR's page does
        ...closingOf(queue.view, t, result.estimatedWaitSeconds, config.timeZone),
        // a visit of several steps: the kiosk's screen says so, as the paper does
        ...visitOf(queue.view, t),
      })
    },
  )

  app.get(
    '/',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['tickets'],
        summary: 'the live queue: waiting, called and serving tickets',
        response: { 200: Type.Array(Ticket), ...errorResponses(401, 403) },
      },
    },
    async () => queue.view.liveTickets().map((t) => staffTicketDto(t, queue.view)),
  )

  app.get(
    '/:id',
    {
      schema: {
        tags: ['tickets'],
        security: [],
        summary: 'public status (the QR on the ticket); no personal data',
        params: TicketIdParam,
        response: { 200: PublicTicket, ...errorResponses(400, 404) },
      },
    },
    async (request) => publicTicketOf(queue.view, app.tabour.config, request.params.id),
  )

  app.post(
    '/:id/reprint',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['tickets'],
        summary:
          "print a ticket again on the printer of the kiosk that issued it, or on deviceId: any of the center's printers (GET /printers)",
        params: TicketIdParam,
        body: ReprintBody,
        response: { 200: Type.Object({ printing: PrintingState }), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { deviceId } = queue.reprint(request.params.id, request.body?.deviceId, publicBase(request))
      const printing = app.tabour.printing.stateOf(request.params.id)
      if (printing === 'none') throw domainError(ErrorCodes.NO_PRINTER, `device ${deviceId} has no printer`)
      return { printing }
    },
  )

  app.get(
    '/no-shows',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['tickets'],
        summary: "today's no-shows of your counter's services (all, for a manager) that can still be reinstated",
        response: { 200: Type.Array(ReinstatableNoShow), ...errorResponses(401, 403) },
      },
    },
    async (request) =>
      queue.reinstatableNoShows(actorOf(request)).map((r) => ({
        ticket: ticketDto(r.ticket),
        graceEndsAt: new Date(r.graceEndsAt).toISOString(),
        graceSecondsLeft: r.graceSecondsLeft,
      })),
  )

  app.post(
    '/:id/reinstate',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['tickets'],
        summary: 'undo a no-show within queue.noShowGraceMinutes: the ticket waits again at the place its issue time gives it',
        params: TicketIdParam,
        response: { 200: Ticket, ...errorResponses(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request) => ticketDto(queue.reinstate(actorOf(request), request.params.id)),
  )

  app.post(
    '/:id/cancel',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['tickets'],
        summary:
          'cancel a waiting ticket with a reason code (and a note; required for other); the history keeps both. 409 once called or finished',
        params: TicketIdParam,
        body: CancelTicketBody,
        response: { 200: Ticket, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ticketDto(queue.cancel(actorOf(request), request.params.id, request.body)),
  )
}
