import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CenterNews, PutNewsBody } from '../../../protocol/center.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, allow, MANAGERS, STAFF } from '../../auth/access.ts'

/**
 * GET/PUT /center/news: the line the waiting-room displays scroll, one sentence per language.
 * Managers write it; staff and displays read it; a change is pushed at once as `center:updated`.
 */
export async function newsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { center } = app.tabour.configuration

  app.get(
    '/news',
    {
      preValidation: allow(...STAFF, 'display'),
      schema: { tags: ['center'], summary: "the displays' news line", response: { 200: CenterNews, ...errorResponses(401, 403) } },
    },
    async () => center.news(),
  )

  app.put(
    '/news',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['center'],
        summary: "sets the displays' news line (empty strings: none); pushed as center:updated",
        body: PutNewsBody,
        response: { 200: CenterNews, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => center.setNews(actorOf(request), request.body),
  )
}
