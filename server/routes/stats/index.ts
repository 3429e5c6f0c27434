import type { FastifyInstance } from 'fastify'
import { ClerkStatsToday, StatsToday } from '../../../protocol/stats.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, allow, MANAGERS, STAFF } from '../../auth/access.ts'
import { clerkTodayStats, todayStats } from '../../reports/today-stats.ts'

/** GET /stats/today: today's KPIs by service and counter (managers); GET /stats/me: the caller's own day (any staff). */
export async function statsRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/today',
    { preValidation: allow(...MANAGERS), schema: { tags: ['stats'], response: { 200: StatsToday, ...errorResponses(401, 403) } } },
    async () => todayStats(app.tabour.queue.ctx),
  )

  app.get(
    '/me',
    {
      preValidation: allow(...STAFF),
      schema: { tags: ['stats'], summary: "today's figures of the calling clerk: called, served, no-show, mean service time", response: { 200: ClerkStatsToday, ...errorResponses(401, 403) } },
    },
    async (request) => {
      const actor = actorOf(request)
      // allow(...STAFF) lets only users through
      return clerkTodayStats(app.tabour.queue.ctx, actor.type === 'user' ? actor.id : 0)
    },
  )
}
