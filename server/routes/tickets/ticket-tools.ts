import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../protocol/common.ts'
import { TicketHistory, TicketMatch, TicketSearchQuery } from '../../../protocol/ticket-tools.ts'
import { allow, STAFF } from '../../auth/access.ts'
import { ticketDto } from '../../dto.ts'
import { publicBase } from '../public-url.ts'

const TicketIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** The staff ticket tools' reads: find a ticket of today, read its history (reprint and cancel are in index.ts). */
export async function ticketToolRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue } = app.tabour

  app.get(
    '/search',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['tickets'],
        summary: "find today's tickets by a label typed loosely (A-15, a15, A-015, Arabic-Indic digits) or one ticket by its status link",
        querystring: TicketSearchQuery,
        response: { 200: Type.Array(TicketMatch), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => queue.search(request.query.q, publicBase(request)),
  )

  app.get(
    '/:id/history',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['tickets'],
        summary: "a ticket's timeline from the event log: issued, called, recalled, transferred, no-show, reinstated, cancelled, finished",
        params: TicketIdParam,
        response: { 200: TicketHistory, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { ticket, entries } = queue.history(request.params.id)
      return { ticket: ticketDto(ticket), label: ticket.label, entries }
    },
  )
}
