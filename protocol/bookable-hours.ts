/**
 * The hours a service takes appointments in: its opening hours, except that an exception whose
 * hours are for walk-in tickets only (`walkInsOnly`, calendar.ts) gives bookings none of its own:
 * on its days a booking keeps the usual hours (what the calendar says without it), within its
 * hours. The demo's "always open" exception is one (server/demo/seed.ts): the kiosk issues at
 * 02:00 so a newcomer can try it, and the booking page still offers 08:00–16:00, Sunday to
 * Thursday, as a government center does, not a slot at midnight.
 */
import type { LocalDate } from './center-clock.ts'
import type { CenterCalendar } from './calendar.ts'
import { intersect, openSpansOn, type Span } from './opening-hours.ts'

/** The stretches of local `day` the service takes bookings in, as instants, in order (a subset of openSpansOn's). */
export function bookableSpansOn(cal: CenterCalendar, serviceId: number, day: LocalDate, timeZone: string): Span[] {
  const open = openSpansOn(cal, serviceId, day, timeZone)
  if (!cal.exceptions.some((e) => e.walkInsOnly && e.from <= day && day <= e.to)) return open
  const usual = { ...cal, exceptions: cal.exceptions.filter((e) => !e.walkInsOnly) }
  return intersect(open, openSpansOn(usual, serviceId, day, timeZone))
}
