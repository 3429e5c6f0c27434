import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { markOptionalBody, unrequireOptionalBodies } from './openapi-optional-body.ts'

/**
 * Collects every route's TypeBox schemas into an OpenAPI 3 document served at
 * /api/v1/openapi.json, so integrators never have to read our source.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tabour center server API',
        version: '1.0.0',
        description:
          'Queue management for citizen-service centers. Errors are {statusCode, code, error, message} with a stable TABOUR_ERR_* code.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'a user token from /auth/login or a device token from /devices/pair' },
        },
      },
      security: [{ bearer: [] }],
    },
    // a resource's collection route is '/' inside its prefix; document it as /api/v1/tickets, not /api/v1/tickets/
    transform: ({ schema, url }) => ({ schema: markOptionalBody(schema), url: url.length > 1 ? url.replace(/\/$/, '') : url }),
    transformObject: (doc) => ('openapiObject' in doc ? unrequireOptionalBodies(doc.openapiObject) : doc.swaggerObject),
  })
  // the document is fixed once the routes are (none is added after start): written out once, not at every
  // request (@fastify/swagger keeps the object; its JSON was 21 % of the REST fuzz's time, session 53)
  let written: string | undefined
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async (_req, reply) => {
    written ??= JSON.stringify(app.swagger())
    return reply.type('application/json; charset=utf-8').send(written)
  })
}
