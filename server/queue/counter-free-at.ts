import { atCounterSince } from '../../protocol/at-counter-since.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'

/**
 * When an open counter can call its next ticket, as the line forecast plays it (line-forecast.ts),
 * epoch ms; the forecast never plays it before now.
 *
 * - Idle: now.
 * - Serving (the citizen is at the counter): now plus the time its service is still expected to
 *   take, having lasted so far (service-time-left.ts: the mean residual life from the same recent
 *   durations as the mean). Counted as its time at the counter plus the mean, a service longer
 *   than the mean freed its counter "now", and the ticket behind read "1 ahead, less than a
 *   minute" while the clerk was still busy with it (s52). While it is shorter than every recent
 *   one, this is the same moment: time at the counter plus the mean.
 * - Called, not started: the clerk is waiting for the citizen, and the service has not begun.
 *   When they come the service starts then and takes about the mean, so the counter is busy
 *   until at least now + the mean, however long ago the call was. Counted from the call, a
 *   ticket called five minutes earlier and never started freed its counter "now", and the ticket
 *   behind it read "1 ahead, less than a minute" while the counter still waited (s51).
 *   The no-show does not shorten it: `minSecondsBeforeNoShow` is the earliest a clerk may mark
 *   one, not when they do (in that case it had passed four minutes before and the clerk still
 *   waited), so counted as the end it frees the counter at once, the same untrue "less than a
 *   minute"; and `noShowGraceMinutes` is the time to undo a no-show, after the counter is free.
 *   When the clerk does mark the no-show, the counter is idle and every estimate behind it is
 *   played again at that change. The mean counts the walk to the counter, which a citizen still
 *   on their way does in it: a few seconds long just after a call, never short. A ticket called
 *   back from parking has served its earlier stays already: what is left is counted from them.
 *
 * Time at the counter is the mean's own measure (service-time.ts): every stay since the call,
 * from its call or resume, not the time parked.
 */
export function counterFreeAt(
  current: Pick<TicketRecord, 'status' | 'calledAt' | 'resumedAt'> | undefined,
  /** Seconds its stays at a counter before the current one served (earlierStaySeconds; 0 for a ticket not parked since its call). */
  earlierSeconds: number,
  /** Expected seconds still to go of its service having lasted the given seconds (expectedSecondsLeft over its service's sample). */
  secondsLeft: (servedSeconds: number) => number,
  now: number,
): number {
  if (current === undefined) return now
  const since = atCounterSince(current)
  if (since === null) return now
  // called: this stay's service has not begun, whatever the time since the call
  const served = earlierSeconds + (current.status === 'called' ? 0 : Math.max(0, now - since) / 1000)
  return now + secondsLeft(served) * 1000
}
