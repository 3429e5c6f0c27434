import Fastify, { type FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorResponse } from '../../protocol/common.ts'
import { Counter, ServiceWithQueue } from '../../protocol/entities.ts'
import { installSerialization, serializerCount, serializersBuilt } from '../../server/serialization.ts'
import { validatorsCompiled } from '../../server/validation.ts'
import { TestCenter, TestClock } from '../helpers/test-center.ts'

/** What the routes below answer: more than their schemas say (extra fields, a number where an integer goes), as handlers do. */
const counter = {
  id: 3,
  number: 7.0,
  name: 'شباك ٧ — "توثيق"',
  zone: 'ground',
  state: 'open',
  clerk: { id: 2, username: 'clerk', displayName: 'Clerk\nTwo', password: 'never sent' },
  currentTicketId: null,
  pauseReason: null,
  services: [{ serviceId: 1, weight: 1.5, secret: 1 }],
  active: true,
  awaySince: null,
  priorityStreak: 4,
}
const service = {
  id: 1,
  prefix: 'A',
  nameAr: 'خدمة',
  nameEn: 'Service \u2028 A',
  targetWaitSeconds: 900,
  active: true,
  dailyCap: null,
  sortOrder: 0,
  waiting: 3,
  estimatedWaitSeconds: null,
  issuedToday: 9,
  staffed: true,
  available: false,
  internal: 'x',
}

function withRoutes(app: FastifyInstance): FastifyInstance {
  app.get('/counter', { schema: { response: { 200: Counter, 404: ErrorResponse } } }, async () => counter)
  app.get('/services', { schema: { response: { 200: Type.Array(ServiceWithQueue) } } }, async () => [service, { ...service, id: 2 }])
  app.get('/missing', { schema: { response: { 200: Counter, 404: ErrorResponse } } }, async (_req, reply) =>
    reply.code(404).send({ statusCode: 404, code: 'TABOUR_ERR_NOT_FOUND', error: 'Not Found', message: 'no such counter', extra: 1 }),
  )
  return app
}

describe('response serializers are built on first use (issue 22)', () => {
  const apps: FastifyInstance[] = []
  const centers: TestCenter[] = []
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close()
    for (const center of centers.splice(0)) await center.close()
  })

  it('a fresh center has built none until a route answers, then only that one', async () => {
    const center = await TestCenter.start()
    centers.push(center)
    const count = serializerCount(center.app)!
    expect(count.given).toBeGreaterThan(100) // every route's every declared status
    expect(count.built).toBe(0)
    const kiosk = await center.createDevice('kiosk')
    // creating the device answered once (201): one serializer
    const afterSetUp = count.built
    expect(afterSetUp).toBeGreaterThan(0)
    const res = await center.request('GET', '/api/v1/services', { token: kiosk.token })
    expect(res.statusCode).toBe(200)
    expect(count.built).toBe(afterSetUp + 1)
    await center.request('GET', '/api/v1/services', { token: kiosk.token })
    expect(count.built).toBe(afterSetUp + 1)
  })

  it('answers byte for byte what the serializers built at start-up answered', async () => {
    const eager = withRoutes(Fastify())
    const lazy = Fastify()
    installSerialization(lazy)
    withRoutes(lazy)
    apps.push(eager, lazy)
    await Promise.all([eager.ready(), lazy.ready()])
    // five statuses on three GET routes, and again on the HEAD routes fastify adds for them
    expect(serializerCount(lazy)).toEqual({ given: 10, built: 0 })
    for (const url of ['/counter', '/services', '/missing', '/counter']) {
      const [a, b] = await Promise.all([eager.inject({ url }), lazy.inject({ url })])
      expect(b.statusCode, url).toBe(a.statusCode)
      expect(b.rawPayload.equals(a.rawPayload), `${url}: ${b.payload} vs ${a.payload}`).toBe(true)
      expect(b.headers['content-length']).toBe(a.headers['content-length'])
    }
    // the extra fields were dropped, as the schema says
    expect((await lazy.inject({ url: '/counter' })).payload).not.toContain('never sent')
    expect(serializerCount(lazy)).toEqual({ given: 10, built: 3 })
  })

  it('a second center in the process answers with the validators and serializers the first one built, and validates as strictly', async () => {
    // what a center's day starts with: a service created (a body validated), the list read (an inline Type.Array schema), a ticket taken
    const morning = async (center: TestCenter) => {
      const service = await center.createService({ prefix: 'Q' })
      const kiosk = await center.createDevice('kiosk')
      const list = await center.request('GET', '/api/v1/services', { token: kiosk.token })
      const ticket = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })
      // a caller's mistake in a body is still a 400: the strict validator, not the coercing one
      const refused = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: String(service.id) } })
      return { list: list.json(), ticket: ticket.statusCode, refused: refused.json().code }
    }
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z')) // both mornings at the same moment
    const first = await TestCenter.start({ clock })
    centers.push(first)
    const firstMorning = await morning(first)
    const built = { validators: validatorsCompiled(), serializers: serializersBuilt() }
    const second = await TestCenter.start({ clock })
    centers.push(second)
    const secondMorning = await morning(second)
    expect(secondMorning).toEqual(firstMorning)
    expect(secondMorning.ticket).toBe(201)
    expect(secondMorning.refused).toBe('TABOUR_ERR_VALIDATION')
    // the second center compiled and built nothing the first had not (each schema once a process, by its JSON)
    expect({ validators: validatorsCompiled(), serializers: serializersBuilt() }).toEqual(built)
    // and still counts its own first uses (the figure the start-up test reads)
    expect(serializerCount(second.app)!.built).toBeGreaterThan(3)
  })
})
