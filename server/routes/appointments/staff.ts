import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { BookBody, Booking } from '../../../protocol/appointments.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { localDay } from '../../../protocol/center-clock.ts'
import { DayBookings, DayBookingsQuery } from '../../../protocol/staff-booking.ts'
import { actorOf, allow, STAFF } from '../../auth/access.ts'
import { domainError, ErrorCodes } from '../../errors.ts'
import { publicBase } from '../public-url.ts'
import { bookingView, phoneHint } from './booking-view.ts'

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Staff booking (issue 19), registered under /appointments/staff: POST books for a caller on the
 * phone as the logged-in user (`created_by_type 'user'`: no per-address limit, which would
 * throttle a whole reception desk behind one address; the per-phone limits and the slot's
 * capacity hold as for anyone), logged `appointment.booked` with the user's id. GET /bookings
 * lists a day's bookings by slot for reception. Admins, managers and clerks.
 */
export async function staffBookingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, config } = app.tabour
  const appointments = queue.appointments

  app.post(
    '/',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['appointments'],
        summary: 'book a slot for a caller (staff): no per-address limit; per-phone limits and capacity hold',
        body: BookBody,
        response: { 201: Booking, ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      if (actor.type !== 'user') throw domainError(ErrorCodes.FORBIDDEN, 'only a logged-in user books for a caller')
      const b = request.body
      const booking = appointments.book(
        { type: 'user', id: actor.id },
        { serviceId: b.serviceId, slotStart: Date.parse(b.slotStart), name: b.name, phone: b.phone, lang: b.lang ?? 'ar' },
      )
      reply.status(201)
      return bookingView(queue, config, publicBase(request), booking)
    },
  )

  app.get(
    '/bookings',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['appointments'],
        summary: "a day's bookings by slot (today by default), checked in or not",
        querystring: DayBookingsQuery,
        response: { 200: DayBookings, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const day = request.query.day ?? localDay(queue.ctx.clock(), config.timeZone)
      return {
        day,
        timeZone: config.timeZone,
        bookings: queue.ctx.bookings.onDay(day).map((b) => ({
          code: b.code,
          serviceId: b.serviceId,
          slotStart: iso(b.slotStart),
          slotEnd: iso(b.slotEnd),
          name: b.name,
          phoneHint: phoneHint(b.phone),
          status: b.status,
          bookedBy: b.createdByType,
          checkedInAt: b.checkedInAt === null ? null : iso(b.checkedInAt),
          ticketId: b.ticketId,
          ticketLabel: b.ticketLabel,
        })),
      }
    },
  )
}
