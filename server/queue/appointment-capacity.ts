/**
 * Slot capacity (issue 19), pure: how many bookings each slot of a service's day may take.
 *
 *  - A counter gives the service the part of its time its weight asks for: weight ÷ the sum of
 *    the weights of its services (weight > 0 only; a backup service, weight 0, gets no booked
 *    time). Inactive (disabled) counters give nothing. Whether a counter is open right now does
 *    not matter: slots are booked days ahead.
 *  - One citizen takes `serviceSeconds` (the configured service time, or the recent average once
 *    it rests on enough finishes: capacityServiceSeconds), so
 *    a slot of L seconds holds Σ share × L ÷ serviceSeconds citizens, of which `walkInShare` is
 *    kept for walk-ins. What is left is often a fraction (the defaults, one counter and the
 *    10-minute fallback: 15 min ÷ 10 min × ½ = 0.75), and rounding every slot down made 0: a
 *    manager who turned bookings on saw a booking page with no time at all. So the fraction is
 *    carried through the day: the k-th slot of the day holds ⌊k × places⌋ − ⌊(k−1) × places⌋
 *    (0.75 a slot: 0, 1, 1, 1, 0, 1, …), the day never promises more than its time holds, and a
 *    slot that gets 0 is not offered. A manager's extra places for the day are added to every
 *    slot. Only when the whole day holds nothing (no counter serves the service) is the reason
 *    `no-capacity`.
 *  - Slots lie inside the service's bookable hours of that day (bookable-hours.ts: its opening
 *    hours, opening-hours.ts `openSpansOn`, from the weekly pattern, the service's own hours and
 *    the calendar's exceptions, but not the extra hours of one for walk-ins only): they start at
 *    each open stretch's start, back to back, and a slot that would run past the stretch's end
 *    is not offered. Where the calendar closes each day (`dailyClose`), neither is a slot whose
 *    check-in window would close as the business day ends or later (checkInEndsInItsDay). A
 *    blocked day has none.
 */
import type { CenterCalendar } from '../../protocol/calendar.ts'
import { openSpansOn, type Span } from '../../protocol/opening-hours.ts'
import { bookableSpansOn } from '../../protocol/bookable-hours.ts'
import { addDays, localDay, nextBusinessDayStartMs, type LocalDate } from '../../protocol/center-clock.ts'
import { FALLBACK_SERVICE_MINUTES, type AppointmentDay, type AppointmentSettings, type NoSlotsReason } from '../../protocol/appointments.ts'
import { rollingMeanServiceSeconds } from './wait-estimate.ts'

/** One counter serving the service, as capacity sees it. */
export interface ServingCounter {
  active: boolean
  /** The weight it gives this service. */
  weight: number
  /** The sum of the weights it gives all its services (this one included), weight > 0 only. */
  totalWeight: number
}

/** Used when a service has neither a configured service time nor any served ticket yet: 10 minutes. */
export const FALLBACK_SERVICE_SECONDS = FALLBACK_SERVICE_MINUTES * 60

/**
 * Finished services the recent average needs before slots are sized by it. Places are promised
 * days ahead: one quick service (a demo's 42 s) made 10 places per 15-minute slot for a service
 * that takes minutes. Half the window (SERVICE_TIME_SAMPLE in protocol/appointments.ts, 20) is a measure.
 */
export const MIN_SERVICE_SAMPLES = 10

/**
 * Seconds one citizen takes, for capacity: the configured minutes, else the mean of the recent
 * finishes once there are MIN_SERVICE_SAMPLES usable ones (rollingMeanServiceSeconds drops
 * corrupt samples, as the wait estimates do), else FALLBACK_SERVICE_SECONDS.
 */
export function capacityServiceSeconds(configuredMinutes: number | null, recent: readonly number[]): number {
  if (configuredMinutes !== null) return configuredMinutes * 60
  return rollingMeanServiceSeconds(recent, FALLBACK_SERVICE_SECONDS, MIN_SERVICE_SAMPLES)
}

/** The share of one counter's time the service gets: weight ÷ total weight; 0 when inactive or weight ≤ 0. */
export function counterShare(c: ServingCounter): number {
  if (!c.active || !(c.weight > 0) || !(c.totalWeight > 0)) return 0
  return Math.min(1, c.weight / c.totalWeight)
}

/** Bookable places one slot's time holds, unrounded: Σ share × slotSeconds ÷ serviceSeconds × (1 − walkInShare), never negative. */
export function slotPlaces(
  counters: readonly ServingCounter[],
  serviceSeconds: number,
  settings: Pick<AppointmentSettings, 'slotMinutes' | 'walkInShare'>,
): number {
  const seconds = serviceSeconds > 0 ? serviceSeconds : FALLBACK_SERVICE_SECONDS
  const shares = counters.reduce((sum, c) => sum + counterShare(c), 0)
  return Math.max(0, ((shares * settings.slotMinutes * 60) / seconds) * (1 - settings.walkInShare))
}

// a hair of tolerance so 2.9999999 from float division still counts as 3
const wholePlaces = (places: number) => Math.floor(places + 1e-9)

/** Places per slot when every slot is rounded alone: ⌊slotPlaces⌋ + extraPerSlot (what a slot holds at the least). */
export function slotCapacity(
  counters: readonly ServingCounter[],
  serviceSeconds: number,
  settings: Pick<AppointmentSettings, 'slotMinutes' | 'walkInShare'>,
  extraPerSlot = 0,
): number {
  return wholePlaces(slotPlaces(counters, serviceSeconds, settings)) + Math.max(0, extraPerSlot)
}

/** The places of the day's `index`-th slot (from 0) when `places` a slot are carried through the day: ⌊(i+1)p⌋ − ⌊ip⌋. */
export function carriedPlaces(places: number, index: number): number {
  return wholePlaces((index + 1) * places) - wholePlaces(index * places)
}

export interface DaySlotsInput {
  calendar: CenterCalendar
  serviceId: number
  day: LocalDate
  timeZone: string
  settings: AppointmentSettings
  counters: readonly ServingCounter[]
  serviceSeconds: number
  /** The manager's change for this day, if any. */
  override: AppointmentDay | null
  now: number
}

export interface PlannedSlot {
  start: number
  end: number
  capacity: number
}

/**
 * Why a day of a service takes no booking whatever its capacity: a manager blocked it, the service
 * is closed, or it is open but no stretch holds one slot (`brief`: 09:00–09:20 with 30-minute
 * slots; said "no time left" before, of a day not yet begun).
 */
export type ShutReason = Extract<NoSlotsReason, 'blocked' | 'closed' | 'brief'>

/**
 * Whether `day` is shut for the service: `blocked` (the manager's day change, or a day open for
 * walk-ins only: bookable-hours.ts), `closed` (no open
 * stretch: the center's or the service's holiday, its weekly day off), `brief` (no open
 * stretch as long as one slot of `slotMinutes`), else null. planDay asks it, and the booking
 * pages' day lists are marked by it (Appointments.services), so a day the list marks is the day
 * whose slots say so.
 */
export function dayShut(input: Pick<DaySlotsInput, 'calendar' | 'serviceId' | 'day' | 'timeZone' | 'override'> & { slotMinutes: number }): {
  reason: ShutReason | null
  spans: Span[]
} {
  if (input.override?.blocked) return { reason: 'blocked', spans: [] }
  if (openSpansOn(input.calendar, input.serviceId, input.day, input.timeZone).length === 0) return { reason: 'closed', spans: [] }
  // open for walk-ins only (an exception's hours beyond the usual: bookable-hours.ts): «لا حجز» / "no bookings", not "closed"
  const spans = bookableSpansOn(input.calendar, input.serviceId, input.day, input.timeZone)
  if (spans.length === 0) return { reason: 'blocked', spans: [] }
  const length = input.slotMinutes * 60_000
  return spans.some((s) => s.end - s.start >= length) ? { reason: null, spans } : { reason: 'brief', spans: [] }
}

/**
 * Whether the check-in window of a slot starting at `start` (to `checkInAfterMinutes` after it)
 * closes before its business day ends, where the calendar closes each day (`dailyClose`): the
 * day's close cancels what still waits (`day_closed`), so a citizen who checked in at the end of
 * a window closing with the day (a 24-hour demo's 23:45 slot, check-in to 00:00) got a ticket
 * cancelled at once. Without a daily close the line goes on, and every slot is kept.
 */
function checkInEndsInItsDay(input: Pick<DaySlotsInput, 'calendar' | 'settings' | 'timeZone'>, start: number): boolean {
  if (!input.calendar.dailyClose) return true
  const dayEnds = nextBusinessDayStartMs(start, input.timeZone, input.calendar.businessDayStartsAt)
  return start + input.settings.checkInAfterMinutes * 60_000 < dayEnds
}

/**
 * The day's bookable slots (those starting after `now`), or none and why: `off`, `past` (a day
 * before today, or today once its last slot has begun), `too-far`, a shut day's reason (dayShut),
 * `no-capacity` (no slot of the day holds a place).
 */
export function planDay(input: DaySlotsInput): { slots: PlannedSlot[]; reason: NoSlotsReason | null } {
  const { settings, day, timeZone, now } = input
  if (!settings.enabled) return { slots: [], reason: 'off' }
  const today = localDay(now, timeZone)
  if (day < today) return { slots: [], reason: 'past' }
  if (day > addDays(today, settings.bookAheadDays)) return { slots: [], reason: 'too-far' }
  const { reason: shut, spans } = dayShut({ ...input, slotMinutes: settings.slotMinutes })
  if (shut !== null) return { slots: [], reason: shut }
  const places = slotPlaces(input.counters, input.serviceSeconds, settings)
  const extra = Math.max(0, input.override?.extraPerSlot ?? 0)
  const length = settings.slotMinutes * 60_000
  // every slot of the day is counted (begun ones too), so a slot's capacity does not change as the day goes on
  const ofDay: PlannedSlot[] = []
  for (const span of spans) {
    for (let start = span.start; start + length <= span.end; start += length) {
      if (!checkInEndsInItsDay(input, start)) continue
      ofDay.push({ start, end: start + length, capacity: carriedPlaces(places, ofDay.length) + extra })
    }
  }
  // open stretches long enough for a slot, but every one's check-in would outlast the business day
  if (ofDay.length === 0) return { slots: [], reason: 'brief' }
  const offered = ofDay.filter((s) => s.capacity > 0)
  if (offered.length === 0) return { slots: [], reason: 'no-capacity' }
  const slots = offered.filter((s) => s.start > now)
  // only today can end up here with nothing: every slot of a later day starts after now
  return { slots, reason: slots.length === 0 ? 'past' : null }
}
