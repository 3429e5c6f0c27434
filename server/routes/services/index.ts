import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateServiceBody, UpdateServiceBody } from '../../../protocol/requests.ts'
import { Service, ServiceWithQueue } from '../../../protocol/entities.ts'
import { errorResponses, IdParam, Nullable } from '../../../protocol/common.ts'
import { NationalService } from '../../../protocol/national-catalogue.ts'
import { actorOf, ADMINS, allow, grantOf, MANAGERS, STAFF } from '../../auth/access.ts'
import { serviceStepRoutes } from './steps.ts'
import { named } from '../../plugin-name.ts'

/** The hub's national catalogue as the center holds it (version null: none received yet). */
const NationalCodes = Type.Object({ version: Nullable(Type.String()), services: Type.Array(NationalService) })

const ListQuery = Type.Object({ all: Type.Optional(Type.Boolean({ description: 'managers: include inactive services' })) })

/** Services: the kiosk's list with live figures; admins create and edit. */
export async function serviceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, configuration } = app.tabour
  const services = configuration.services
  await app.register(named(serviceStepRoutes))

  app.get(
    '/',
    {
      preValidation: allow(...STAFF, 'kiosk', 'display'),
      schema: {
        tags: ['services'],
        summary:
          "the active services with their line now: waiting, people ahead of a ticket taken now, expected wait, today's hours; `all=true` (managers) adds the inactive ones",
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
    '/national-codes',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['services'],
        summary: "the national service codes this center can map its services to (from the hub's catalogue)",
        response: { 200: NationalCodes, ...errorResponses(401, 403) },
      },
    },
    async () => ({ version: services.nationalCatalogue.version(), services: services.nationalCatalogue.list() }),
  )

  app.get(
    '/:id',
    {
      preValidation: allow(...STAFF, 'kiosk', 'display'),
      schema: {
        tags: ['services'],
        summary: 'one service with its line now',
        params: IdParam,
        response: { 200: Service, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => services.get(request.params.id),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['services'],
        summary:
          'creates a service: prefix letter, names in both languages, target wait, daily cap, what happens when no counter serves it, documents to bring',
        body: CreateServiceBody,
        response: { 201: Service, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(services.create(actorOf(request), request.body)),
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['services'],
        summary: 'changes a service; fields left out keep their value (deactivating stops new tickets only)',
        params: IdParam,
        body: UpdateServiceBody,
        response: { 200: Service, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => services.update(actorOf(request), request.params.id, request.body),
  )
}
