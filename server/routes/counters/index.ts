import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateCounterBody, UpdateCounterBody, type CreateCounterBody as CreateBody } from '../../../protocol/requests.ts'
import { Counter } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { CountersRepo, type CounterFields } from '../../db/repositories/counters-repo.ts'
import { ServicesRepo } from '../../db/repositories/services-repo.ts'
import { ADMINS, allow, STAFF } from '../../auth/access.ts'
import { badRequest, conflict, ErrorCodes, notFound } from '../../errors.ts'
import { counterDto } from '../../dto.ts'

/** Counters: everyone on staff (and displays) can list them; admins create and edit. */
export async function counterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db, queue, clock } = app.tabour
  const counters = new CountersRepo(db)
  const services = new ServicesRepo(db)

  const get = (id: number) => {
    const counter = counters.get(id)
    if (!counter) throw notFound(ErrorCodes.COUNTER_NOT_FOUND, `counter ${id} does not exist`)
    return counter
  }

  /** The services a body names, with weights; every one must exist. */
  const servicesOf = (body: Partial<CreateBody>, fallback: CounterFields['services']): CounterFields['services'] => {
    if (body.serviceIds && body.services) throw badRequest(ErrorCodes.VALIDATION, 'give either serviceIds or services, not both')
    const list = body.services ?? body.serviceIds?.map((serviceId) => ({ serviceId, weight: 1 })) ?? fallback
    if (new Set(list.map((s) => s.serviceId)).size !== list.length) throw badRequest(ErrorCodes.VALIDATION, 'a service is listed twice')
    for (const s of list) {
      if (!services.get(s.serviceId)) throw notFound(ErrorCodes.SERVICE_NOT_FOUND, `service ${s.serviceId} does not exist`)
    }
    return list
  }
  const assertNumberFree = (number: number, id?: number) => {
    const holder = counters.findByNumber(number)
    if (holder && holder.id !== id) throw conflict(ErrorCodes.DUPLICATE_COUNTER_NUMBER, `counter number ${number} is taken`)
  }
  const changed = (counterId: number) => {
    const counter = counters.get(counterId)!
    queue.events.emit([
      { type: 'counter:updated', counter },
      { type: 'queue:updated', serviceIds: counter.services.map((s) => s.serviceId) },
    ])
    return counterDto(counter)
  }

  app.get(
    '/',
    {
      preValidation: allow(...STAFF, 'display', 'kiosk'),
      schema: { tags: ['counters'], response: { 200: Type.Array(Counter), ...errorResponses(401, 403) } },
    },
    async () => counters.list().map(counterDto),
  )

  app.get(
    '/:id',
    {
      preValidation: allow(...STAFF, 'display'),
      schema: { tags: ['counters'], params: IdParam, response: { 200: Counter, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => counterDto(get(request.params.id)),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: { tags: ['counters'], body: CreateCounterBody, response: { 201: Counter, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => {
      const b = request.body
      assertNumberFree(b.number)
      const counter = db.transaction(() =>
        counters.insert(
          { number: b.number, name: b.name, zone: b.zone ?? 'main', active: b.active ?? true, services: servicesOf(b, []) },
          clock(),
        ),
      )()
      return reply.status(201).send(changed(counter.id))
    },
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
    async (request) => {
      const current = get(request.params.id)
      const b = request.body
      if (b.number !== undefined) assertNumberFree(b.number, current.id)
      db.transaction(() =>
        counters.update(current.id, {
          number: b.number ?? current.number,
          name: b.name ?? current.name,
          zone: b.zone ?? current.zone,
          active: b.active ?? current.active,
          services: servicesOf(b, current.services),
        }),
      )()
      return changed(current.id)
    },
  )
}
