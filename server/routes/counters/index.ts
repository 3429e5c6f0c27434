import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateCounterBody, UpdateCounterBody } from '../../../protocol/requests.ts'
import { Counter } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { actorOf, ADMINS, allow, STAFF } from '../../auth/access.ts'
import { counterDto } from '../../dto.ts'

/** Counters: everyone on staff (and displays) can list them; admins create and edit. */
export async function counterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, configuration } = app.tabour
  const counters = configuration.counters

  app.get(
    '/',
    {
      preValidation: allow(...STAFF, 'display', 'kiosk'),
      schema: { tags: ['counters'], response: { 200: Type.Array(Counter), ...errorResponses(401, 403) } },
    },
    async () => queue.view.counters().map(counterDto),
  )

  app.get(
    '/:id',
    {
      preValidation: allow(...STAFF, 'display'),
      schema: { tags: ['counters'], params: IdParam, response: { 200: Counter, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => counterDto(counters.get(request.params.id)),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: { tags: ['counters'], body: CreateCounterBody, response: { 201: Counter, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => reply.status(201).send(counterDto(counters.create(actorOf(request), request.body))),
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['counters'],
        params: IdParam,
        body: UpdateCounterBody,
        response: { 200: Counter, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => counterDto(counters.update(actorOf(request), request.params.id, request.body)),
  )
}
