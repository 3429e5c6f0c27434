import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { TABOUR_VERSION } from '../version.ts'

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Boolean(),
  uptimeSeconds: Type.Number(),
  sockets: Type.Integer(),
  /** The running build (package.json's version), so a monitor sees an upgrade land. */
  version: Type.String(),
})

/** GET /healthz: liveness and readiness (and the running version). 200 when the database answers, 503 otherwise. Public. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: '200 when the server and its database answer, 503 otherwise; the version running',
        security: [],
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      let database = false
      try {
        database = app.tabour.db.prepare('SELECT 1 AS ok').get() !== undefined
      } catch {
        database = false
      }
      const body = {
        status: database ? 'ok' : 'degraded',
        database,
        uptimeSeconds: Math.round(process.uptime()),
        sockets: app.tabour.realtime.socketCount(),
        version: TABOUR_VERSION,
      } as const
      return reply.status(database ? 200 : 503).send(body)
    },
  )
}
