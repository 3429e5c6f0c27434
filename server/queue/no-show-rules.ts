/**
 * The two time rules around a no-show, pure so they can be tested without a database:
 * - a no-show cannot be marked sooner than `minSecondsBeforeNoShow` after the (last) call, unless
 *   the clerk recalled the ticket since (they tried again, so the wait was given); the console is
 *   told when (`noShowDue`, carried on the called ticket) so it never offers what would be refused;
 * - a no-show can be undone (reinstated) for `noShowGraceMinutes` after it was marked.
 */

/** When a no-show of a called ticket is accepted, and whether a recall would end the wait. */
export interface NoShowDue {
  /** Epoch ms from which the no-show is accepted (at or before the judging moment: accepted now). */
  allowedAt: number
  /** True when only the call's own minimum holds it: a recall now makes it accepted at once. */
  recallLifts: boolean
}

/**
 * The one rule both the no-show command and the clerk's console follow: accepted from
 * `minSeconds` after the ticket came to the counter (its last call or its resume), at once when
 * the clerk recalled it since; and never before a call-ahead citizen's time to arrive
 * (`arriveBy`, remote-arrival.ts), which a recall does not shorten (their page promised it).
 */
export function noShowDue(input: {
  atCounterSince: number
  minSeconds: number
  recalledSinceCall: boolean
  arriveBy: number | null
}): NoShowDue {
  const afterCall = input.recalledSinceCall ? input.atCounterSince : input.atCounterSince + input.minSeconds * 1000
  return {
    allowedAt: Math.max(afterCall, input.arriveBy ?? afterCall),
    recallLifts: !input.recalledSinceCall && input.arriveBy === null && input.minSeconds > 0,
  }
}

/** Whole seconds from `now` to `allowedAt`, rounded up (a part second is a second still to wait); 0 when accepted now. */
export function secondsBeforeNoShow(due: NoShowDue, now: number): number {
  return Math.max(0, Math.ceil((due.allowedAt - now) / 1000))
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
