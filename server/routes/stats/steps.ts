import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../protocol/common.ts'
import { RangeQuery } from '../../../protocol/stats.ts'
import { StepFigures } from '../../../protocol/visit-steps.ts'
import { allow, MANAGERS } from '../../auth/access.ts'
import { stepFigures } from '../../reports/step-figures.ts'

/** GET /stats/steps?from&to (managers): visits with several steps, per route: each step's waits and SLA, the whole visit's time. */
export async function stepStatsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db } = app.tabour
  app.get(
    '/steps',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['stats'],
        summary:
          "visits with several steps by route: each step's waits and within-target share (the SLA is per step), the whole visit's time",
        querystring: RangeQuery,
        response: { 200: StepFigures, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => stepFigures(db, request.query.from, request.query.to),
  )
}
