/**
 * The hub's OpenAPI 3 document at GET /api/hub/v1/openapi.json, collected by @fastify/swagger
 * from every route's TypeBox schemas (as the center does, server/openapi.ts), so integrators and
 * open-data users never have to read our source.
 */
import { fastifySwagger, type SwaggerOptions } from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { isSignedPath } from './input-validation.ts'

export const HUB_OPENAPI_PATH = '/api/hub/v1/openapi.json'

/**
 * Installs the collector and the document's route (open: it describes, it tells nothing about the
 * centers). Call it first thing on the root instance: @fastify/swagger collects routes in an
 * onRoute hook, and buildHub declares routes on the root synchronously, before any registered
 * plugin loads, so the plugin function is applied here directly (it is synchronous) rather than
 * through app.register.
 */
export function installHubOpenApi(app: FastifyInstance): void {
  const options: SwaggerOptions = {
    // which credentials a route takes, from where it lives (the routes' own schemas say nothing of it)
    transform: ({ schema, url }) => ({ schema: { ...schema, ...securityOf(url) }, url }),
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tabour national hub API',
        version: '1.0.0',
        description:
          'Signed ingest from the centers, national figures for analysts, the admin API, and open data for citizens (no token). ' +
          'Errors are {statusCode, code, error, message} with a stable HUB_ERR_* code.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: "HUB_ADMIN_TOKEN for /admin; HUB_READ_TOKEN or an analyst's session token (POST /auth/login) for the read side",
          },
        },
      },
    },
  }
  fastifySwagger(app, options, (err?: Error) => {
    if (err) throw err
  })
  // fixed once the routes are: written out once, not at every request (as the center's, server/openapi.ts)
  let written: string | undefined
  app.get(HUB_OPENAPI_PATH, { schema: { hide: true } }, async (_req, reply) => {
    written ??= JSON.stringify(app.swagger())
    return reply.type('application/json; charset=utf-8').send(written)
  })
}

/** Open data, sign-in, health and the document itself need nothing; centers sign (x-tabour-* headers); the rest takes a bearer token. */
function securityOf(url: string): { security?: { bearer: string[] }[]; description?: string } {
  if (isSignedPath(url))
    return {
      security: [],
      description: 'Signed by the center with its secret: headers x-tabour-center, -timestamp, -nonce, -seq, -signature (HMAC-SHA256).',
    }
  if (
    url.startsWith('/api/hub/v1/admin/') ||
    url.startsWith('/api/hub/v1/config-bundles') ||
    /^\/api\/hub\/v1\/(centers|fleet|figures|figures\.csv|summary|dashboard|national-services|analysis\/trend)$/.test(url)
  )
    return { security: [{ bearer: [] }] }
  return { security: [] }
}
