/**
 * Booked places in the walk-in estimate (issue 19). A booked citizen who has not checked in yet
 * still holds a place in the line: once checked in and due, the call policy (rule f) calls them
 * ahead of walk-ins. So the walk-in estimate counts, ahead of a walk-in, every live booking of
 * the service whose slot starts before the walk-in would be called. A booking whose slot began
 * more than `releaseAfterMinutes` ago is released to walk-ins: no longer counted.
 */
import type { BookingsRepo } from '../db/repositories/bookings-repo.ts'

/** People ahead of a walk-in once held places are counted: `peopleAhead` plus bookings due within `estimate(peopleAhead)` seconds. */
export function withHeldPlaces(
  bookings: BookingsRepo,
  serviceId: number,
  now: number,
  peopleAhead: number,
  estimate: (peopleAhead: number) => number | null,
): number {
  const settings = bookings.settings(serviceId)
  if (!settings.enabled) return peopleAhead
  const horizon = estimate(peopleAhead)
  if (horizon === null) return peopleAhead
  return peopleAhead + bookings.heldPlaces(serviceId, now, settings.releaseAfterMinutes * 60_000, horizon * 1000)
}
