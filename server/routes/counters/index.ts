import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateCounterBody, UpdateCounterBody } from '../../../protocol/requests.ts'
import { Counter } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { actorOf, ADMINS, allow, STAFF } from '../../auth/access.ts'
import { counterDto, publicCounterDto } from '../../dto.ts'
import type { CounterRecord } from '../../db/repositories/counters-repo.ts'

/**
 * Counters: everyone on staff can list them, displays too without the clerks (publicCounterDto);
 * kiosks never need them. Admins create and edit.
 */
export async function counterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, configuration } = app.tabour
  const counters = configuration.counters

  app.get(
    '/',
    {
      preValidation: allow(...STAFF, 'display'),
      schema: {
        tags: ['counters'],
        summary: 'the counters: number, name, zone, services, state, who holds it',
        response: { 200: Type.Array(Counter), ...errorResponses(401, 403) },
      },
    },
    async (request) => queue.view.counters().map(forCaller(request)),
  )

  app.get(
    '/:id',
    {
      preValidation: allow(...STAFF, 'display'),
      schema: {
        tags: ['counters'],
        summary: 'one counter',
        params: IdParam,
        response: { 200: Counter, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => forCaller(request)(counters.get(request.params.id)),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['counters'],
        summary: 'creates a counter (number, name, zone, the services it serves)',
        body: CreateCounterBody,
        response: { 201: Counter, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(counterDto(counters.create(actorOf(request), request.body))),
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['counters'],
        summary: 'changes a counter; fields left out keep their value',
        params: IdParam,
        body: UpdateCounterBody,
        response: { 200: Counter, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => counterDto(counters.update(actorOf(request), request.params.id, request.body)),
  )
}

/** What a caller may see of a counter: a display (a public screen) gets no clerk. */
function forCaller(request: FastifyRequest): (c: CounterRecord) => Counter {
  return actorOf(request).type === 'device' ? publicCounterDto : counterDto
}
