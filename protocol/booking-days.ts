/**
 * The day lists of the booking page and the dashboard's booking card (issue 19): which of a
 * service's days is shut (GET /appointments/services `shutDays`) and which day to show. Types
 * only from appointments.ts, so the phone's booking bundle does not load TypeBox for them.
 */
import type { BookableService } from './appointments.ts'

/** Why the service takes no booking on `day` (`closed`, `blocked`, `past`), or null when it is open to bookings. */
export const shutReason = (service: Pick<BookableService, 'shutDays'>, day: string): BookableService['shutDays'][number]['reason'] | null =>
  service.shutDays.find((c) => c.day === day)?.reason ?? null

/**
 * The day to show for `service`: `current` while the service still offers it and is open on it
 * (a change of service keeps the day picked), else its first open day; its first day when every
 * day is shut (the slots then say why).
 */
export function dayToShow(service: Pick<BookableService, 'days' | 'shutDays'>, current: string): string {
  const open = service.days.filter((d) => shutReason(service, d) === null)
  return open.includes(current) ? current : (open[0] ?? service.days[0] ?? '')
}
