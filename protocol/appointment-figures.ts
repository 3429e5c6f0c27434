/**
 * Appointment figures (issue 19), GET /api/v1/stats/appointments?from&to (managers): per
 * service, what became of the bookings whose slot lies in the range, how punctual their
 * citizens were, how full the slots were; and the waits (issue or transfer → first call in that line) of walk-in,
 * appointment and remote tickets side by side. Definitions: server/reports/appointment-figures.ts.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Lang, Nullable } from './common.ts'
import { LocalDay, RangeQuery } from './stats.ts'

/** A check-in within this many minutes of the slot's start, either side, is on time. */
export const ON_TIME_MINUTES = 5

export const AppointmentServiceFigures = Type.Object({
  /** The service's id; null on the total line. */
  serviceId: Nullable(Type.Integer()),
  /** Live (not cancelled) bookings whose slot lies in the range: checkedIn + noShow + pending. */
  booked: Type.Integer(),
  checkedIn: Type.Integer(),
  /** Not checked in, and the slot's check-in window has closed. */
  noShow: Type.Integer(),
  /** Not checked in, and the check-in window is still open or not yet open. */
  pending: Type.Integer(),
  /** Cancelled bookings whose slot lay in the range. */
  cancelled: Type.Integer(),
  /** Moves of those bookings (live or cancelled). */
  moved: Type.Integer(),
  /** Checked in more than ON_TIME_MINUTES before the slot's start. */
  early: Type.Integer(),
  /** Checked in within ON_TIME_MINUTES of the slot's start. */
  onTime: Type.Integer(),
  /** Checked in more than ON_TIME_MINUTES after the slot's start. */
  late: Type.Integer(),
  /** (early + onTime) ÷ checkedIn, %; null when nobody checked in. */
  punctualPercent: Nullable(Type.Number()),
  /** Mean of check-in time − slot start, minutes (negative: before the slot); null when nobody checked in. */
  meanCheckInMinutes: Nullable(Type.Number()),
  /** Places of the range's slots (the slots' capacity as the counters, service time and day changes give it now). */
  places: Type.Integer(),
  /** booked ÷ places, %; null without places. */
  bookedPercent: Nullable(Type.Number()),
  /** checkedIn ÷ places, %; null without places. */
  checkedInPercent: Nullable(Type.Number()),
})
export type AppointmentServiceFigures = Static<typeof AppointmentServiceFigures>

/** Waits of one ticket origin: calls in the range that end a wait (server/reports/figures.ts), mean and median wait, seconds. */
export const OriginWait = Type.Object({
  called: Type.Integer(),
  meanWaitSeconds: Nullable(Type.Number()),
  medianWaitSeconds: Nullable(Type.Number()),
})
export type OriginWait = Static<typeof OriginWait>

export const TICKET_ORIGINS = ['walk_in', 'appointment', 'remote'] as const
export type TicketOriginKey = (typeof TICKET_ORIGINS)[number]

export const ServiceWaitsByOrigin = Type.Object({
  /** The service's id; null on the total line. */
  serviceId: Nullable(Type.Integer()),
  walk_in: OriginWait,
  appointment: OriginWait,
  remote: OriginWait,
})
export type ServiceWaitsByOrigin = Static<typeof ServiceWaitsByOrigin>

export const AppointmentFigures = Type.Object({
  from: LocalDay,
  to: LocalDay,
  /** Services that take bookings now or had bookings in the range, in the services' order. */
  services: Type.Array(AppointmentServiceFigures),
  total: AppointmentServiceFigures,
  /** Every service with a call in the range, in the services' order. */
  waits: Type.Array(ServiceWaitsByOrigin),
  waitsTotal: ServiceWaitsByOrigin,
})
export type AppointmentFigures = Static<typeof AppointmentFigures>

/** GET /stats/appointments.csv: the range and the headers' language. */
export const AppointmentFiguresCsvQuery = Type.Object(
  { ...RangeQuery.properties, lang: Type.Optional(Lang) },
  { additionalProperties: false },
)
export type AppointmentFiguresCsvQuery = Static<typeof AppointmentFiguresCsvQuery>
