/**
 * The parking deadline, as pure functions of times (epoch ms), so the rule is tested on its own:
 * a ticket parked at `parkedAt` for `minutes` is abandoned once the clock reaches the deadline
 * (at the deadline itself, not a millisecond later), and the consoles count down to it.
 *
 * The park clock stops while the counter that parked the ticket is paused (walk s40: a clerk's
 * break abandoned a citizen who came back in time to a counter with nobody at it). The stored
 * deadline is the one of a clock that never stopped so far; while the counter is paused the
 * deadline in force is later by the time paused since the park, and when the pause ends the
 * stored deadline moves by that time for good (server/queue/park-clock.ts). A pause stops the
 * clock only until the park's business day ends (`stopsUntil`): a counter left paused overnight
 * does not keep yesterday's parked ticket alive.
 */

/** The instant a ticket parked at `parkedAt` for `minutes` runs out (epoch ms). */
export function parkDeadline(parkedAt: number, minutes: number): number {
  return parkedAt + minutes * 60_000
}

/** True once `now` has reached the deadline: the sweep abandons the ticket. */
export function isParkOverdue(deadlineAt: number, now: number): boolean {
  return now >= deadlineAt
}

/** Whole seconds left before the deadline at `now`, never negative (0 once overdue). */
export function parkSecondsLeft(deadlineAt: number, now: number): number {
  return Math.max(0, Math.floor((deadlineAt - now) / 1000))
}

/**
 * The deadline in force at `now` (epoch ms): the stored one, later by the time the parking counter
 * has been paused since the park when it is paused now (`pausedAt` null when it is not), counted
 * until `stopsUntil` at the latest (the end of the park's business day).
 */
export function parkDeadlineInForce(
  deadlineAt: number,
  parkedAt: number,
  pausedAt: number | null,
  now: number,
  stopsUntil = Infinity,
): number {
  return deadlineAt + pausedParkMs(parkedAt, pausedAt, Math.min(now, stopsUntil))
}

/** The time (ms) a ticket parked at `parkedAt` has spent under a pause that began at `pausedAt` and lasts until `until`. */
export function pausedParkMs(parkedAt: number, pausedAt: number | null, until: number): number {
  return pausedAt === null ? 0 : Math.max(0, until - Math.max(pausedAt, parkedAt))
}
