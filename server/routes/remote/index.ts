import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { PublicTicket } from '../../../protocol/entities.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { RemoteFigures, RemoteJoinBody, RemoteJoinReply, RemoteServicesReply } from '../../../protocol/remote-join.ts'
import { remoteFigures } from '../../reports/remote-figures.ts'
import { RemoteJoin } from '../../queue/remote-join.ts'
import { abandonOverdueRemote, arrive } from '../../queue/remote-arrival.ts'
import { publicTicketOf } from '../../public-ticket.ts'
import { publicBase, ticketStatusUrl } from '../public-url.ts'
import { actorOf, allow, STAFF } from '../../auth/access.ts'
import { addressMatcher } from '../../ops/scraper-access.ts'
import { domainError, ErrorCodes } from '../../errors.ts'
import { messagesOn } from '../../messages-on.ts'

const TicketIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** How often unarrived check-in tickets whose place is gone are ended (remote-arrival.ts). */
const SWEEP_MS = 60_000

/**
 * Joining the line from a phone (issue 19), under /api/v1/remote. Public, no login, like the
 * status page: the services a phone may join, the join itself (limits in server/queue/remote-join.ts),
 * and "I am here", accepted only from the center's own network (config remoteJoin.centerNetworks);
 * the ticket id (128 random bits) is the capability. A clerk may check a remote ticket in too.
 */
export async function remoteRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, config } = app.tabour
  const remote = new RemoteJoin(queue.ctx, queue.view, queue.issuer, () => config.remoteJoin)
  const atCenter = addressMatcher(config.remoteJoin.centerNetworks)
  const sweep = setInterval(() => {
    try {
      abandonOverdueRemote(queue.ctx)
    } catch (err) {
      app.log.error({ err }, 'remote join: ending overdue remote tickets failed')
    }
  }, SWEEP_MS)
  sweep.unref()
  app.addHook('onClose', async () => clearInterval(sweep))

  app.get(
    '/services',
    {
      schema: {
        tags: ['remote'],
        security: [],
        summary: 'the services a phone may join, each with whether it takes a join now (and why not)',
        response: { 200: Type.Composite([RemoteServicesReply, Type.Object({ joinUrl: Type.String() })]) },
      },
    },
    async (request) => ({
      center: {
        nameAr: config.centerName.ar,
        nameEn: config.centerName.en,
        digits: config.screens.digits,
        timeZone: config.timeZone,
        messagesOn: messagesOn(config),
      },
      services: remote.services(),
      at: new Date(queue.ctx.clock()).toISOString(),
      refreshSeconds: config.remoteJoin.pageRefreshSeconds,
      // what the center's poster QR carries (publicUrl when set, never the request's Host)
      joinUrl: `${publicBase(request).replace(/\/$/, '')}/join/ar/`,
    }),
  )

  app.post(
    '/join',
    {
      schema: {
        tags: ['remote'],
        security: [],
        summary: "join a service's line from a phone; the reply's statusUrl is the ticket's live page",
        body: RemoteJoinBody,
        response: { 201: RemoteJoinReply, ...errorResponses(400, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const { ticket } = remote.join({ ...request.body, address: request.ip, publicBase: publicBase(request) })
      return reply.status(201).send({ id: ticket.id, label: ticket.label, statusUrl: ticketStatusUrl(request, ticket.id, ticket.lang) })
    },
  )

  app.post(
    '/tickets/:id/arrive',
    {
      schema: {
        tags: ['remote'],
        security: [],
        summary: '"I am here" from the status page: accepted only from the center\'s own network (config remoteJoin.centerNetworks)',
        params: TicketIdParam,
        response: { 200: PublicTicket, ...errorResponses(400, 403, 404, 409, 410) },
      },
    },
    async (request) => {
      if (!atCenter(request.ip)) {
        throw domainError(
          ErrorCodes.NOT_AT_CENTER,
          "this phone is not on the center's network: use the center's Wi-Fi, or scan the page's code at the kiosk",
        )
      }
      arrive(queue.ctx, request.params.id, 'phone')
      return publicTicketOf(queue.view, config, request.params.id)
    },
  )

  app.post(
    '/tickets/:id/check-in',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['remote'],
        summary: "a clerk checks a remote ticket's citizen in (the citizen is at the desk)",
        params: TicketIdParam,
        response: { 200: PublicTicket, ...errorResponses(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request) => {
      arrive(queue.ctx, request.params.id, 'clerk', actorOf(request))
      return publicTicketOf(queue.view, config, request.params.id)
    },
  )

  app.get(
    '/figures',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['remote'],
        summary: "a day's joins from a phone: joined, arrived, abandoned, cancelled, served, no-shows (default today)",
        querystring: Type.Object({ day: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) }),
        response: { 200: RemoteFigures, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => remoteFigures(app.tabour.db, request.query.day ?? queue.ctx.dayOf(app.tabour.clock())),
  )
}
