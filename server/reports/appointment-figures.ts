/**
 * Appointment figures over local days from..to (issue 19), read from the `bookings` table (what
 * became of each booking) and the event log (the `ticket.called` events that end a wait). Definitions:
 * - a booking counts in the range when its slot's local day does (`bookings.day`);
 * - booked: live bookings (not cancelled) = checked in + no-shows + pending; a no-show is a
 *   booking not checked in whose check-in window (`checkInAfterMinutes` after the slot's start,
 *   the service's setting as it is now) has closed; pending, one whose window has not;
 * - punctuality: check-in time − slot start; within ON_TIME_MINUTES either side is on time,
 *   before that early, after it late (the window lets nobody check in outside it); punctual % =
 *   (early + on time) ÷ checked in;
 * - places: the capacity of every slot of the range's days (appointment-capacity.ts `planDay`
 *   with the counters, service time, settings and day changes as they are now: a past day is
 *   replanned, not remembered); booked % and checked-in % are of those places;
 * - waits by origin: the `waitedSeconds` of every call in the range that ends a wait, as in the
 *   other reports (figures.ts): joining the line (issue; for a remote ticket that checked in on
 *   arrival, arrival; a transfer) to the call, as wait-facts.ts measures it; the call after an
 *   undone no-show ends none (no-show-undo.ts). By the ticket's origin and the service that called it.
 */
import type Database from 'better-sqlite3'
import { daysBetween, type LocalDate } from '../../protocol/center-clock.ts'
import {
  ON_TIME_MINUTES,
  TICKET_ORIGINS,
  type AppointmentFigures,
  type AppointmentServiceFigures,
  type OriginWait,
  type ServiceWaitsByOrigin,
  type TicketOriginKey,
} from '../../protocol/appointment-figures.ts'
import type { AppointmentSettings } from '../../protocol/appointments.ts'
import { round1 } from './figures.ts'
import { callAfterUndoSql } from './no-show-undo.ts'

/** What the figures need of the center, so a test can give it directly. */
export interface AppointmentFigureSources {
  db: Database.Database
  /** Service ids in the services' order. */
  serviceIds: readonly number[]
  /** Service ids that take bookings now. */
  enabledServiceIds: readonly number[]
  settingsOf: (serviceId: number) => AppointmentSettings
  /** Places of each slot of the service's day, in order (none when closed or blocked). */
  slotPlaces: (serviceId: number, day: LocalDate) => readonly number[]
  now: number
}

interface BookingRow {
  serviceId: number
  slotStart: number
  status: 'booked' | 'checked_in' | 'cancelled'
  checkedInAt: number | null
  movedCount: number
}

const EMPTY = (serviceId: number | null): AppointmentServiceFigures => ({
  serviceId,
  booked: 0,
  checkedIn: 0,
  noShow: 0,
  pending: 0,
  cancelled: 0,
  moved: 0,
  early: 0,
  onTime: 0,
  late: 0,
  punctualPercent: null,
  meanCheckInMinutes: null,
  places: 0,
  bookedPercent: null,
  checkedInPercent: null,
})

const percentOf = (part: number, whole: number) => (whole > 0 ? round1((100 * part) / whole) : null)

/** Adds one booking to a service's tally; `offsets` collects check-in − slot start (ms) for the mean. */
function tally(f: AppointmentServiceFigures, b: BookingRow, windowCloses: number, now: number, offsets: number[]): void {
  f.moved += b.movedCount
  if (b.status === 'cancelled') {
    f.cancelled++
    return
  }
  f.booked++
  if (b.status === 'checked_in' && b.checkedInAt !== null) {
    f.checkedIn++
    const offset = b.checkedInAt - b.slotStart
    offsets.push(offset)
    const grace = ON_TIME_MINUTES * 60_000
    if (offset < -grace) f.early++
    else if (offset > grace) f.late++
    else f.onTime++
  } else if (windowCloses < now) f.noShow++
  else f.pending++
}

/** Fills the percentages and the mean from the counts. */
function finish(f: AppointmentServiceFigures, offsets: number[]): AppointmentServiceFigures {
  f.punctualPercent = percentOf(f.early + f.onTime, f.checkedIn)
  f.meanCheckInMinutes = offsets.length ? round1(offsets.reduce((a, b) => a + b, 0) / offsets.length / 60_000) : null
  f.bookedPercent = percentOf(f.booked, f.places)
  f.checkedInPercent = percentOf(f.checkedIn, f.places)
  return f
}

/** Booking figures per service (services that take bookings now or had bookings in the range) and their total. */
export function bookingFigures(
  src: AppointmentFigureSources,
  from: LocalDate,
  to: LocalDate,
): Pick<AppointmentFigures, 'services' | 'total'> {
  const rows = src.db
    .prepare(
      `SELECT service_id AS serviceId, slot_start AS slotStart, status, checked_in_at AS checkedInAt, moved_count AS movedCount
       FROM bookings WHERE day BETWEEN ? AND ?`,
    )
    .all(from, to) as BookingRow[]
  const withBookings = new Set(rows.map((r) => r.serviceId))
  const enabled = new Set(src.enabledServiceIds)
  const ids = src.serviceIds.filter((id) => enabled.has(id) || withBookings.has(id))
  const days = daysBetween(from, to)
  const total = EMPTY(null)
  const totalOffsets: number[] = []
  const services = ids.map((id) => {
    const f = EMPTY(id)
    const offsets: number[] = []
    const afterMs = src.settingsOf(id).checkInAfterMinutes * 60_000
    for (const b of rows) if (b.serviceId === id) tally(f, b, b.slotStart + afterMs, src.now, offsets)
    for (const day of days) for (const p of src.slotPlaces(id, day)) f.places += p
    for (const k of ['booked', 'checkedIn', 'noShow', 'pending', 'cancelled', 'moved', 'early', 'onTime', 'late', 'places'] as const) {
      total[k] += f[k]
    }
    totalOffsets.push(...offsets)
    return finish(f, offsets)
  })
  return { services, total: finish(total, totalOffsets) }
}

/** Median of a list (the mean of the two middle values when even); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const originWait = (waits: readonly number[]): OriginWait => ({
  called: waits.length,
  meanWaitSeconds: waits.length ? round1(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
  medianWaitSeconds: round1(median(waits)),
})

/** Waits to the call that ends them (figures.ts) by ticket origin, per service that called a ticket in the range, and in total. */
export function waitsByOrigin(
  db: Database.Database,
  serviceIds: readonly number[],
  from: LocalDate,
  to: LocalDate,
): Pick<AppointmentFigures, 'waits' | 'waitsTotal'> {
  const rows = db
    .prepare(
      `SELECT e.service_id AS serviceId, t.origin AS origin, json_extract(e.data, '$.waitedSeconds') AS waited
       FROM events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.day BETWEEN @from AND @to AND e.type = 'ticket.called' AND NOT ${callAfterUndoSql('e')}`,
    )
    .all({ from, to }) as { serviceId: number; origin: TicketOriginKey; waited: number | null }[]
  const lists = new Map<number | null, Record<TicketOriginKey, number[]>>()
  const listOf = (id: number | null) => {
    let l = lists.get(id)
    if (!l) lists.set(id, (l = { walk_in: [], appointment: [], remote: [] }))
    return l
  }
  for (const r of rows) {
    if (typeof r.waited !== 'number' || !TICKET_ORIGINS.includes(r.origin)) continue
    listOf(r.serviceId)[r.origin].push(r.waited)
    listOf(null)[r.origin].push(r.waited)
  }
  const line = (id: number | null): ServiceWaitsByOrigin => {
    const l = listOf(id)
    return { serviceId: id, walk_in: originWait(l.walk_in), appointment: originWait(l.appointment), remote: originWait(l.remote) }
  }
  const called = serviceIds.filter((id) => lists.has(id))
  return { waits: called.map(line), waitsTotal: line(null) }
}

/** The whole answer of GET /stats/appointments. */
export function appointmentFigures(src: AppointmentFigureSources, from: LocalDate, to: LocalDate): AppointmentFigures {
  return { from, to, ...bookingFigures(src, from, to), ...waitsByOrigin(src.db, src.serviceIds, from, to) }
}
