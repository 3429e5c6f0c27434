/**
 * The national dashboard page and its assets, and the hub's health. The vite build puts the page
 * at <uiDir>/hub/ui/index.html, referring to ../../assets/ (the open-data page is
 * hub/routes/open-data-routes.ts's, under its own rate limit).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import fastifyStatic from '@fastify/static'
import { sql } from 'kysely'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { HubHealth } from '../../protocol/hub-api.ts'
import { sendBuiltPage } from '../built-page.ts'

export const uiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, store } = app.hub

  // open: monitoring needs no token, and it tells nothing about the centers
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and the database (503 when it does not answer)',
        response: { 200: HubHealth, 503: HubHealth },
      },
    },
    async (_request, reply) => {
      try {
        await sql`SELECT 1 AS ok`.execute(store.db)
        return { status: 'ok' as const, database: store.dialect }
      } catch {
        return reply.status(503).send({ status: 'degraded', database: store.dialect })
      }
    },
  )

  if (existsSync(join(config.uiDir, 'assets'))) {
    await app.register(fastifyStatic, {
      root: join(config.uiDir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
    })
  }
  // the query goes along: `/?lang=en` opened the page in Arabic when the redirect dropped it (walk s52)
  app.get('/', { schema: { hide: true } }, (request, reply) => {
    const query = request.url.indexOf('?')
    return reply.redirect(`/hub/ui/${query < 0 ? '' : request.url.slice(query)}`)
  })
  app.get('/hub/ui/', { schema: { hide: true } }, (_request, reply) => sendBuiltPage(reply, config.uiDir, 'index.html', config.timeZone))
}
