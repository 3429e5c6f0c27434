/**
 * The national service catalogue over HTTP: analysts read it, the admin API adds codes and renames
 * them. Centers receive it with their heartbeat answer (hub/app.ts).
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify'
import { Type } from '@sinclair/typebox'
import { NationalCode, NationalService } from '../../protocol/national-catalogue.ts'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import type { HubStore } from '../store/store.ts'

const PREFIX = '/api/hub/v1'
const CodeParam = Type.Object({ code: NationalCode })
const ServiceBody = Type.Omit(NationalService, ['code'], { additionalProperties: false })

/** GET /national-services (the read side's token). */
export function catalogueReadRoutes(app: FastifyInstance, store: HubStore, readAuth: onRequestHookHandler): void {
  app.get(`${PREFIX}/national-services`, { onRequest: readAuth }, async () => store.nationalServices.catalogue())
}

/** Inside the admin plugin (its bearer hook): list, and add or rename one code. */
export function catalogueAdminRoutes(admin: FastifyInstance, store: HubStore, clock: () => number): void {
  admin.get(`${PREFIX}/admin/national-services`, async () => store.nationalServices.catalogue())
  admin.get<{ Params: { code: string } }>(`${PREFIX}/admin/national-services/:code`, { schema: { params: CodeParam } }, async (request) => {
    const service = await store.nationalServices.get(request.params.code)
    if (!service) throw new HubError(404, HubErrorCodes.UNKNOWN_NATIONAL_CODE, `the national catalogue has no code ${request.params.code}`)
    return service
  })
  /** Adds the code (201) or replaces its names and group (200). */
  admin.put<{ Params: { code: string }; Body: typeof ServiceBody.static }>(
    `${PREFIX}/admin/national-services/:code`,
    { schema: { params: CodeParam, body: ServiceBody } },
    async (request, reply) => {
      const service = { code: request.params.code, ...request.body }
      const created = await store.nationalServices.put(service, clock())
      return reply.status(created ? 201 : 200).send(service)
    },
  )
}
