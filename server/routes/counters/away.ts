import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Counter } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { actorOf, allow, MANAGERS } from '../../auth/access.ts'
import { counterDto } from '../../dto.ts'

/**
 * POST /counters/:id/close-away: a manager closes a counter whose clerk is away (no live console
 * for queue.awayAfterSeconds). A counter action, audited in the event log as `counter.closed`
 * with `by: manager`; 409 COUNTER_NOT_AWAY when the clerk is present, COUNTER_BUSY while it holds a ticket.
 */
export async function counterAwayRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { away } = app.tabour.queue

  app.post(
    '/:id/close-away',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['counter actions'],
        summary: 'a manager closes a counter whose clerk is away',
        params: IdParam,
        body: Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]),
        response: { 200: Counter, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => counterDto(away.closeAway(actorOf(request), request.params.id)),
  )
}
