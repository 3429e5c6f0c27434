import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { FinishOutcomesReply, PutFinishOutcomesBody } from '../../../protocol/finish-outcomes.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, allow, MANAGERS } from '../../auth/access.ts'

/**
 * GET /center/finish-outcomes: what a clerk may finish a ticket with, and where the list comes
 * from (the config file, this center's managers, the hub's bundle), with the default's code; PUT:
 * a manager replaces it, marking the default (`default: true`; none marked: the first). Consoles
 * follow at once (`config:changed` on the staff feed).
 */
export async function finishOutcomeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { configuration } = app.tabour
  app.get(
    '/finish-outcomes',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['center'],
        summary: 'the finish outcomes clerks pick from, and where the list comes from',
        response: { 200: FinishOutcomesReply, ...errorResponses(401, 403) },
      },
    },
    async () => configuration.finishOutcomes.list(),
  )
  app.put(
    '/finish-outcomes',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['center'],
        summary:
          'replace the finish outcomes (a new one without a code; the one marked default goes first; refused while the hub manages them)',
        body: PutFinishOutcomesBody,
        response: { 200: FinishOutcomesReply, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request) => configuration.finishOutcomes.replace(actorOf(request), request.body),
  )
}
