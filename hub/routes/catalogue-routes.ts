/**
 * The national service catalogue over HTTP: analysts read it, the admin API adds codes and renames
 * them. Centers receive it with their heartbeat answer (hub/routes/ingest-routes.ts).
 */
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { NationalCatalogue, NationalCode, NationalService } from '../../protocol/national-catalogue.ts'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import { adminAuth, hubErrors, PREFIX, readAuth } from './access.ts'

const CodeParam = Type.Object({ code: NationalCode })
const ServiceBody = Type.Omit(NationalService, ['code'], { additionalProperties: false })
const tags = ['national catalogue']

export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, clock } = app.hub

  app.get(
    `${PREFIX}/national-services`,
    {
      onRequest: readAuth,
      schema: { tags, summary: 'The national service catalogue', response: { 200: NationalCatalogue, ...hubErrors(401) } },
    },
    async () => store.nationalServices.catalogue(),
  )

  await app.register(async (plain) => {
    const admin = plain.withTypeProvider<TypeBoxTypeProvider>()
    admin.addHook('onRequest', adminAuth)
    admin.get(
      `${PREFIX}/admin/national-services`,
      { schema: { tags, summary: 'The national service catalogue', response: { 200: NationalCatalogue, ...hubErrors(401, 403) } } },
      async () => store.nationalServices.catalogue(),
    )
    admin.get(
      `${PREFIX}/admin/national-services/:code`,
      {
        schema: {
          tags,
          summary: 'One national service',
          params: CodeParam,
          response: { 200: NationalService, ...hubErrors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const service = await store.nationalServices.get(request.params.code)
        if (!service)
          throw new HubError(404, HubErrorCodes.UNKNOWN_NATIONAL_CODE, `the national catalogue has no code ${request.params.code}`)
        return service
      },
    )
    /** Adds the code (201) or replaces its names and group (200). */
    admin.put(
      `${PREFIX}/admin/national-services/:code`,
      {
        schema: {
          tags,
          summary: 'Adds a national service (201) or replaces its names and group (200)',
          params: CodeParam,
          body: ServiceBody,
          response: { 200: NationalService, 201: NationalService, ...hubErrors(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const service = { code: request.params.code, ...request.body }
        const created = await store.nationalServices.put(service, clock())
        return reply.status(created ? 201 : 200).send(service)
      },
    )
  })
}
