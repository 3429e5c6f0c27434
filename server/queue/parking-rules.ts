/**
 * The parking deadline, as pure functions of times (epoch ms), so the rule is tested on its own:
 * a ticket parked at `parkedAt` for `minutes` is abandoned once the clock reaches the deadline
 * (at the deadline itself, not a millisecond later), and the consoles count down to it.
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
