import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateServiceBody, UpdateServiceBody } from '../../../protocol/requests.ts'
import { Service, ServiceWithQueue } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { ServicesRepo, type ServiceFields } from '../../db/repositories/services-repo.ts'
import { actorOf, ADMINS, allow, grantOf, MANAGERS, STAFF } from '../../auth/access.ts'
import { conflict, ErrorCodes, notFound } from '../../errors.ts'

const ListQuery = Type.Object({ all: Type.Optional(Type.Boolean({ description: 'managers: include inactive services' })) })

/** Services: the kiosk's list with live figures; admins create and edit. */
export async function serviceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db, queue, clock } = app.tabour
  const services = new ServicesRepo(db)

  const get = (id: number) => {
    const service = services.get(id)
    if (!service) throw notFound(ErrorCodes.SERVICE_NOT_FOUND, `service ${id} does not exist`)
    return service
  }
  const assertPrefixFree = (prefix: string, id?: number) => {
    const holder = services.findByPrefix(prefix)
    if (holder && holder.id !== id) throw conflict(ErrorCodes.DUPLICATE_PREFIX, `prefix ${prefix} is used by service ${holder.id}`)
  }
  const changed = (id: number) => queue.events.emit([{ type: 'queue:updated', serviceIds: [id] }])

  app.get(
    '/',
    {
      preValidation: allow(...STAFF, 'kiosk', 'display'),
      schema: {
        tags: ['services'],
        querystring: ListQuery,
        response: { 200: Type.Array(ServiceWithQueue), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const all = request.query.all === true && MANAGERS.includes(grantOf(actorOf(request))!)
      return queue.view.serviceQueues({ activeOnly: !all })
    },
  )

  app.get(
    '/:id',
    {
      preValidation: allow(...STAFF, 'kiosk', 'display'),
      schema: { tags: ['services'], params: IdParam, response: { 200: Service, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => get(request.params.id),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: { tags: ['services'], body: CreateServiceBody, response: { 201: Service, ...errorResponses(400, 401, 403, 409) } },
    },
    async (request, reply) => {
      const b = request.body
      assertPrefixFree(b.prefix)
      const fields: ServiceFields = { dailyCap: null, active: true, sortOrder: 0, ...b }
      const service = services.insert(fields, clock())
      changed(service.id)
      return reply.status(201).send(service)
    },
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['services'],
        params: IdParam,
        body: UpdateServiceBody,
        response: { 200: Service, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const current = get(request.params.id)
      if (request.body.prefix) assertPrefixFree(request.body.prefix, current.id)
      const { id: _id, ...fields } = { ...current, ...request.body }
      const service = services.update(current.id, fields)
      changed(service.id)
      return service
    },
  )
}
