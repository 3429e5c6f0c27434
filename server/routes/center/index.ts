import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { PriorityCategory } from '../../../protocol/entities.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { allow, STAFF } from '../../auth/access.ts'

const CenterInfo = Type.Object({
  nameAr: Type.String(),
  nameEn: Type.String(),
  timeZone: Type.String(),
  callPolicy: Type.String(),
  priorityCategories: Type.Array(PriorityCategory),
})

/** GET /center: what every screen needs to know about the center (name, zone, priority categories). */
export async function centerRoutes(app: FastifyInstance): Promise<void> {
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
      }
    },
  )
}
