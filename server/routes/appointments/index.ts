import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  AppointmentDay,
  AppointmentSettings,
  BookableService,
  BookBody,
  Booking,
  DaySlots,
  MoveBody,
} from '../../../protocol/appointments.ts'
import { CalendarDate } from '../../../protocol/calendar.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, ADMINS, allow, MANAGERS } from '../../auth/access.ts'
import { DomainError, ErrorCodes } from '../../errors.ts'
import { publicBase } from '../public-url.ts'
import { bookingCenter, bookingView } from './booking-view.ts'
import { staffBookingRoutes } from './staff.ts'
import { named } from '../../plugin-name.ts'

const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) })
const ServiceParam = Type.Object({ id: Type.Integer({ minimum: 1 }) })
const ServiceDayParam = Type.Object({ id: Type.Integer({ minimum: 1 }), day: CalendarDate })
const SlotsQuery = Type.Object({ serviceId: Type.Integer({ minimum: 1 }), day: CalendarDate })

/**
 * Appointments (issue 19). Public, no account (the booking page and a national portal):
 * GET /appointments/services, GET /appointments/slots, POST /appointments (book),
 * GET /appointments/:code, POST /appointments/:code/move, POST /appointments/:code/cancel; the
 * code is the capability. Throttled per client address like the other public entry points
 * (config auth.loginMaxAttempts per auth.loginWindowSeconds), on top of the booking limits.
 * Staff: GET/PUT /appointments/settings/:id (admins write), GET/PUT /appointments/days/:id/:day (managers).
 */
export async function appointmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, configuration, config } = app.tabour
  const appointments = queue.appointments
  const throttled = (name: string) => ({
    rateLimit: {
      max: config.auth.loginMaxAttempts,
      timeWindow: config.auth.loginWindowSeconds * 1000,
      keyGenerator: (request: FastifyRequest) => `${name}|${request.ip}`,
      errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
        new DomainError(ErrorCodes.RATE_LIMITED, `too many attempts; try again in ${context.after}`),
    },
  })
  await app.register(named(staffBookingRoutes), { prefix: '/staff' })
  const view = (request: FastifyRequest, code: string) => bookingView(queue, config, publicBase(request), appointments.find(code))

  app.get(
    '/services',
    {
      schema: {
        tags: ['appointments'],
        security: [],
        summary: 'services that take bookings',
        response: { 200: Type.Array(BookableService) },
      },
    },
    async () => appointments.services(bookingCenter(config)),
  )

  app.get(
    '/slots',
    {
      schema: {
        tags: ['appointments'],
        security: [],
        summary: "a service's slots on a day with their free places; `reason` says why there are none",
        querystring: SlotsQuery,
        response: { 200: DaySlots, ...errorResponses(400, 404) },
      },
    },
    async (request) => appointments.slots(request.query.serviceId, request.query.day),
  )

  app.post(
    '/',
    {
      config: throttled('book'),
      schema: {
        tags: ['appointments'],
        security: [],
        summary: 'book a slot: a code, its QR link and the manage link',
        body: BookBody,
        response: { 201: Booking, ...errorResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const b = request.body
      const booking = appointments.book(
        { type: 'public', address: request.ip },
        { serviceId: b.serviceId, slotStart: Date.parse(b.slotStart), name: b.name, phone: b.phone, lang: b.lang ?? 'ar' },
      )
      reply.status(201)
      return bookingView(queue, config, publicBase(request), booking)
    },
  )

  app.get(
    '/:code',
    {
      config: throttled('booking'),
      schema: {
        tags: ['appointments'],
        security: [],
        summary: 'a booking by its code',
        params: CodeParam,
        response: { 200: Booking, ...errorResponses(400, 404, 422, 429) },
      },
    },
    async (request) => view(request, request.params.code),
  )

  app.post(
    '/:code/move',
    {
      config: throttled('booking'),
      schema: {
        tags: ['appointments'],
        security: [],
        summary: 'move a booking to another free slot of its service',
        params: CodeParam,
        body: MoveBody,
        response: { 200: Booking, ...errorResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request) => {
      const moved = appointments.move(request.params.code, Date.parse(request.body.slotStart))
      return bookingView(queue, config, publicBase(request), moved)
    },
  )

  app.post(
    '/:code/cancel',
    {
      config: throttled('booking'),
      schema: {
        tags: ['appointments'],
        security: [],
        summary: 'cancel a booking (its place is free again)',
        params: CodeParam,
        response: { 200: Booking, ...errorResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request) => bookingView(queue, config, publicBase(request), appointments.cancel(request.params.code)),
  )

  app.get(
    '/settings/:id',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['appointments'],
        summary: "a service's appointment settings",
        params: ServiceParam,
        response: { 200: AppointmentSettings, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      configuration.services.get(request.params.id)
      return appointments.settingsOf(request.params.id)
    },
  )

  app.put(
    '/settings/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['appointments'],
        summary: "a service's appointment settings (appointments are off until `enabled`); fields left out keep their value",
        params: ServiceParam,
        body: Type.Partial(AppointmentSettings, { additionalProperties: false }),
        response: { 200: AppointmentSettings, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => configuration.appointments.setSettings(actorOf(request), request.params.id, request.body),
  )

  app.get(
    '/days/:id/:day',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['appointments'],
        summary: 'what is set for one day of a service (blocked, extra places per slot); nothing set: not blocked, 0 extra',
        params: ServiceDayParam,
        response: { 200: AppointmentDay, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      configuration.services.get(request.params.id)
      return appointments.dayOverrideOf(request.params.id, request.params.day)
    },
  )

  app.put(
    '/days/:id/:day',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['appointments'],
        summary: 'block a day for bookings, or add places to each of its slots',
        params: ServiceDayParam,
        body: AppointmentDay,
        response: { 200: AppointmentDay, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => configuration.appointments.setDay(actorOf(request), request.params.id, request.params.day, request.body),
  )
}
