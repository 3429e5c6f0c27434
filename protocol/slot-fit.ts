/**
 * Whether an appointment slot fits in a service's open hours. A day is bookable only if one of
 * its open stretches is as long as a slot (the server's planDay says `brief` of a day where none
 * is: 09:00–09:20 with 30-minute slots), so a slot longer than every stretch of the days open to
 * booking leaves the booking page with nothing, whatever the counters: the appointment settings
 * form says so while the manager types (dashboard-ui/config/appointments-config.ts): a slot
 * longer than longestStretchMinutes fits no day.
 */
import { addDays, type LocalDate } from './center-clock.ts'
import { bookableSpansOn } from './bookable-hours.ts'
import type { CenterCalendar } from './calendar.ts'

/**
 * The longest bookable stretch of the service (bookable-hours.ts: its opening hours, without the
 * extra hours of an exception for walk-ins only), in whole minutes, on `today` and the `daysAhead`
 * days after it (the days the booking page offers); null when it takes bookings on none of them.
 */
export function longestStretchMinutes(
  cal: CenterCalendar,
  serviceId: number,
  today: LocalDate,
  daysAhead: number,
  timeZone: string,
): number | null {
  let longest: number | null = null
  for (let i = 0; i <= daysAhead; i++)
    for (const s of bookableSpansOn(cal, serviceId, addDays(today, i), timeZone))
      longest = Math.max(longest ?? 0, Math.floor((s.end - s.start) / 60_000))
  return longest
}
