import { atCounterSince } from '../../protocol/at-counter-since.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'

/**
 * When an open counter can call its next ticket, as the line forecast plays it (line-forecast.ts),
 * epoch ms; the forecast never plays it before now.
 *
 * - Idle: now.
 * - Serving (the citizen is at the counter): the ticket's time at the counter plus the mean
 *   service time (call → finish) of its service.
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
 *   on their way does in it: a few seconds long just after a call, never short.
 */
export function counterFreeAt(
  current: Pick<TicketRecord, 'status' | 'calledAt' | 'resumedAt'> | undefined,
  meanSeconds: number,
  now: number,
): number {
  if (current === undefined) return now
  const since = atCounterSince(current)
  if (since === null) return now
  const mean = meanSeconds * 1000
  return current.status === 'called' ? now + mean : since + mean
}
