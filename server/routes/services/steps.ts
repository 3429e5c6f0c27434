import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { ServiceSteps, ServiceStepsBody } from '../../../protocol/visit-steps.ts'
import { actorOf, ADMINS, allow, STAFF } from '../../auth/access.ts'

/** A service's route of steps (issue 21): staff read it, admins set it (audited configuration). */
export async function serviceStepRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const steps = app.tabour.configuration.serviceSteps

  app.get(
    '/:id/steps',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['services'],
        summary: 'the route of steps of a visit issued for this service (the services after it, in order)',
        params: IdParam,
        response: { 200: ServiceSteps, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => steps.get(request.params.id),
  )

  app.put(
    '/:id/steps',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['services'],
        summary: 'set the route of steps of a visit issued for this service (the services after it, in order; [] removes it)',
        params: IdParam,
        body: ServiceStepsBody,
        response: { 200: ServiceSteps, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => steps.set(actorOf(request), request.params.id, request.body),
  )
}
