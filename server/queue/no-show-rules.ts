/**
 * The two time rules around a no-show, pure so they can be tested without a database:
 * - a no-show cannot be marked sooner than `minSecondsBeforeNoShow` after the (last) call, unless
 *   the clerk recalled the ticket since (they tried again, so the wait was given);
 * - a no-show can be undone (reinstated) for `noShowGraceMinutes` after it was marked.
 */

/** Seconds the clerk must still wait before marking a no-show; 0 when it may be marked now. */
export function secondsBeforeNoShow(input: { calledAt: number; now: number; minSeconds: number; recalledSinceCall: boolean }): number {
  if (input.recalledSinceCall) return 0
  const elapsedMs = input.now - input.calledAt
  return Math.max(0, Math.ceil((input.minSeconds * 1000 - elapsedMs) / 1000))
}

/** Epoch ms until which a no-show marked at `markedAt` can still be reinstated (inclusive). */
export function graceEndsAt(markedAt: number, graceMinutes: number): number {
  return markedAt + graceMinutes * 60_000
}

/** True while a no-show marked at `markedAt` can be reinstated at `now`. */
export function withinGrace(markedAt: number, now: number, graceMinutes: number): boolean {
  return now <= graceEndsAt(markedAt, graceMinutes)
}

/** Whole seconds from `now` to `endsAt` (a window's end), as screens count them down. */
export function secondsLeft(endsAt: number, now: number): number {
  return Math.floor((endsAt - now) / 1000)
}
