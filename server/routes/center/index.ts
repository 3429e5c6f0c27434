import type { FastifyInstance } from 'fastify'
import { CenterInfo } from '../../../protocol/center.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { allow, STAFF } from '../../auth/access.ts'
import { newsRoutes } from './news.ts'
import { configBundleRoutes } from './config-bundle.ts'
import { finishOutcomeRoutes } from './finish-outcomes.ts'
import { messagesOn } from '../../messages-on.ts'
import { named } from '../../plugin-name.ts'

/** GET /center: what every screen needs to know about the center (name, zone, priority categories); /center/news. */
export async function centerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(named(newsRoutes))
  await app.register(named(configBundleRoutes))
  await app.register(named(finishOutcomeRoutes))
  app.get(
    '/',
    {
      preValidation: allow(...STAFF, 'kiosk', 'display'),
      schema: {
        tags: ['center'],
        summary: 'the center as its screens need it: names, time zone, call policy, priority categories, finish outcomes, digits',
        response: { 200: CenterInfo, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const { config } = app.tabour
      return {
        nameAr: config.centerName.ar,
        nameEn: config.centerName.en,
        timeZone: config.timeZone,
        callPolicy: config.queue.policy,
        priorityAgingSeconds: config.queue.priorityAgingSeconds,
        maxPriorityInARow: config.queue.maxPriorityInARow,
        maxAppointmentsInARow: config.queue.maxAppointmentsInARow,
        noShowGraceMinutes: config.queue.noShowGraceMinutes,
        priorityCategories: config.queue.priorityCategories,
        finishOutcomes: config.queue.finishOutcomes,
        digits: config.screens.digits,
        language: config.screens.language,
        messagesOn: messagesOn(config),
      }
    },
  )
}
