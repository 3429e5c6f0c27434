import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { FinishOutcome, PriorityCategory } from '../../../protocol/entities.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { allow, STAFF } from '../../auth/access.ts'
import { newsRoutes } from './news.ts'

const CenterInfo = Type.Object({
  nameAr: Type.String(),
  nameEn: Type.String(),
  timeZone: Type.String(),
  callPolicy: Type.String(),
  priorityCategories: Type.Array(PriorityCategory),
  /** What a clerk may finish a ticket with (config queue.finishOutcomes); the first is the default. */
  finishOutcomes: Type.Array(FinishOutcome),
})

/** GET /center: what every screen needs to know about the center (name, zone, priority categories); /center/news. */
export async function centerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(newsRoutes)
  app.get(
    '/',
    { preValidation: allow(...STAFF, 'kiosk', 'display'), schema: { tags: ['center'], response: { 200: CenterInfo, ...errorResponses(401, 403) } } },
    async () => {
      const { config } = app.tabour
      return {
        nameAr: config.centerName.ar,
        nameEn: config.centerName.en,
        timeZone: config.timeZone,
        callPolicy: config.queue.policy,
        priorityCategories: config.queue.priorityCategories,
        finishOutcomes: config.queue.finishOutcomes,
      }
    },
  )
}
