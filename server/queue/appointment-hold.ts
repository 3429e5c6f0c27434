/**
 * Booked places in the walk-in estimate (issue 19). A booked citizen who has not checked in yet
 * still holds a place in the line: once checked in and due, the call policy (rule f) calls them
 * ahead of walk-ins. So the walk-in estimate counts, ahead of a walk-in, every live booking of
 * the service whose slot starts before the walk-in would be called. A booking whose slot began
 * more than `releaseAfterMinutes` ago is released to walk-ins: no longer counted.
 */
import type { BookingsRepo } from '../db/repositories/bookings-repo.ts'

/** Bookings of the service still holding a place that fall due within `horizonSeconds` of `now`; 0 when the service takes no bookings. */
export function heldPlacesWithin(bookings: BookingsRepo, serviceId: number, now: number, horizonSeconds: number): number {
  const settings = bookings.settings(serviceId)
  if (!settings.enabled) return 0
  return bookings.heldPlaces(serviceId, now, settings.releaseAfterMinutes * 60_000, horizonSeconds * 1000)
}
