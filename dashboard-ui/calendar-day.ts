/**
 * What a day of the hours tab's month grid is (month-calendar.ts): the center's state (open as
 * usual, a holiday, special hours, a weekly day off) with the exception that decides it, and the
 * one-service exceptions that decide that day for their services (walk s48: a holiday for one
 * service showed in the list below the grid only). The same rules as the kiosk's (opening-hours.ts).
 */
import type { CenterCalendar, HoursException } from '../protocol/calendar.ts'
import type { LocalDate } from '../protocol/center-clock.ts'
import { centerExceptionOn, deciding, weekdayOf } from '../protocol/opening-hours.ts'

/** What a day of the grid is for the center. */
export type DayState = 'open' | 'holiday' | 'special' | 'closed'

/** A one-service exception on its day: a holiday (no hours) or special hours, and the services it decides the day for. */
export interface ServiceDay {
  state: 'holiday' | 'special'
  exception: HoursException
  serviceIds: number[]
}

export interface CalendarDay {
  state: DayState
  /** The center-wide exception that decides the day, if any. */
  exception: HoursException | undefined
  /**
   * The one-service exceptions that decide the day for their services, in the calendar's order;
   * none while the center is shut that day (a service is open only while the center is, so
   * its own exception changes nothing then).
   */
  services: ServiceDay[]
}

const kind = (e: HoursException) => (e.hours.length === 0 ? 'holiday' : 'special')

/** The day's state for the center, its deciding exception, and the one-service exceptions that decide it for their services. */
export function calendarDay(cal: CenterCalendar, day: LocalDate): CalendarDay {
  const exception = centerExceptionOn(cal, day)
  const state: DayState = exception ? kind(exception) : cal.weekly && cal.weekly[weekdayOf(day)].length === 0 ? 'closed' : 'open'
  if (state === 'holiday' || state === 'closed') return { state, exception, services: [] }
  const services: ServiceDay[] = []
  const ids = new Set(cal.exceptions.flatMap((e) => (e.serviceIds !== undefined && e.from <= day && day <= e.to ? e.serviceIds : [])))
  for (const id of ids) {
    // the service's exception that decides the day (the shorter wins, then the later), as openSpansOn has it
    const own = deciding(
      cal.exceptions.filter((e) => e.serviceIds?.includes(id)),
      day,
    )
    if (!own) continue
    const same = services.find((s) => s.exception === own)
    if (same) same.serviceIds.push(id)
    else services.push({ state: kind(own), exception: own, serviceIds: [id] })
  }
  services.sort((a, b) => cal.exceptions.indexOf(a.exception) - cal.exceptions.indexOf(b.exception))
  return { state, exception, services }
}
