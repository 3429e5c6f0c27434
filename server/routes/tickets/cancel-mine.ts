import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { PublicTicket } from '../../../protocol/entities.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { DomainError, ErrorCodes } from '../../errors.ts'
import { publicTicketOf } from '../../public-ticket.ts'

const TicketIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/**
 * POST /tickets/:id/cancel-mine: the citizen cancels their own waiting ticket from its status
 * page. No login: the id (128 random bits) is the capability. Throttled per client address like
 * the other public entry points (config auth.loginMaxAttempts per auth.loginWindowSeconds).
 */
export async function cancelMineRoute(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, config } = app.tabour

  app.post(
    '/:id/cancel-mine',
    {
      config: {
        rateLimit: {
          max: config.auth.loginMaxAttempts,
          timeWindow: config.auth.loginWindowSeconds * 1000,
          keyGenerator: (request: FastifyRequest) => `cancel-mine|${request.ip}`,
          errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
            new DomainError(ErrorCodes.RATE_LIMITED, `too many attempts; try again in ${context.after}`),
        },
      },
      schema: {
        tags: ['tickets'],
        security: [],
        summary: 'the citizen cancels their own waiting ticket (from its status page); 409 once called, served or cancelled',
        params: TicketIdParam,
        response: { 200: PublicTicket, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request) => {
      queue.cancelByCitizen(request.params.id)
      return publicTicketOf(queue.view, config, request.params.id)
    },
  )
}
