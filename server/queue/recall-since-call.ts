import type { EventRecord } from '../db/repositories/events-repo.ts'

/**
 * The ticket's last recall since it last came to its counter (its call, or its resume from
 * parking), from its event log in order; undefined when the clerk has not recalled it since.
 * A recall before it was parked belongs to the earlier stay: it neither excuses the no-show
 * wait after the resume (no-show-due.ts) nor marks the board's call a recall (QueueView.boardCall).
 */
export function recallSinceCall(events: readonly EventRecord[]): EventRecord | undefined {
  const cameAt = events.findLastIndex((e) => e.type === 'ticket.called' || e.type === 'ticket.resumed')
  return events.slice(cameAt + 1).findLast((e) => e.type === 'ticket.recalled')
}

/** How many times the clerk recalled the ticket since it last came to its counter (0: not since): its status page says "called again" and the phone vibrates at each. */
export function recallsSinceCall(events: readonly EventRecord[]): number {
  const cameAt = events.findLastIndex((e) => e.type === 'ticket.called' || e.type === 'ticket.resumed')
  return events.slice(cameAt + 1).filter((e) => e.type === 'ticket.recalled').length
}
