import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CenterBundleState } from '../../../protocol/config-bundle.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { allow, MANAGERS } from '../../auth/access.ts'

/**
 * GET /center/config-bundle: the hub's configuration bundle this center runs, what it manages,
 * and the last one refused with why (issue 23). Read-only: bundles arrive only from the hub.
 */
export async function configBundleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { configBundles, config } = app.tabour
  app.get(
    '/config-bundle',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['center'],
        summary: "the hub's configuration bundle running here, what it manages, and the last refused",
        response: { 200: CenterBundleState, ...errorResponses(401, 403) },
      },
    },
    async () => configBundles.state(config.upstream.hubPublicKey),
  )
}
