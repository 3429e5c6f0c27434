import type { FastifyInstance } from 'fastify'
import { StatsToday } from '../../../protocol/stats.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { allow, MANAGERS } from '../../auth/access.ts'
import { todayStats } from '../../reports/today-stats.ts'

/** GET /stats/today: today's KPIs by service and counter (managers). */
export async function statsRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/today',
    { preValidation: allow(...MANAGERS), schema: { tags: ['stats'], response: { 200: StatsToday, ...errorResponses(401, 403) } } },
    async () => todayStats(app.tabour.queue.ctx),
  )
}
