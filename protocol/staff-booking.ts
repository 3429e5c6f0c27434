/**
 * Staff booking (issue 19): reception books a slot for a caller on the phone, and sees the day's
 * bookings by slot. The body is the public booking's (BookBody); the answer is the same Booking.
 */
import { type Static, Type } from '@sinclair/typebox'
import { BookingStatus } from './appointments.ts'
import { CalendarDate } from './calendar.ts'
import { literalUnion, Nullable } from './common.ts'

/** One booking of a day as reception sees it (no full phone number: its last digits are enough to tell callers apart). */
export const DayBooking = Type.Object({
  code: Type.String(),
  serviceId: Type.Integer(),
  slotStart: Type.String({ format: 'date-time' }),
  slotEnd: Type.String({ format: 'date-time' }),
  name: Type.String(),
  phoneHint: Type.String(),
  status: BookingStatus,
  /** Who made it: the citizen on the booking page, or staff. */
  bookedBy: literalUnion(['public', 'user']),
  checkedInAt: Nullable(Type.String({ format: 'date-time' })),
  /** The ticket the check-in gave. */
  ticketId: Nullable(Type.String()),
  ticketLabel: Nullable(Type.String()),
})
export type DayBooking = Static<typeof DayBooking>

export const DayBookings = Type.Object({ day: CalendarDate, timeZone: Type.String(), bookings: Type.Array(DayBooking) })
export type DayBookings = Static<typeof DayBookings>

export const DayBookingsQuery = Type.Object({ day: Type.Optional(CalendarDate) })
