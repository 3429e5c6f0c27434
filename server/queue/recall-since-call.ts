import type { EventRecord } from '../db/repositories/events-repo.ts'

/** The ticket's recalls since it last came to its counter (its call, or its resume from parking), in order, from its event log in order. */
function recallsAfterCall(events: readonly EventRecord[]): EventRecord[] {
  const cameAt = events.findLastIndex((e) => e.type === 'ticket.called' || e.type === 'ticket.resumed')
  return events.slice(cameAt + 1).filter((e) => e.type === 'ticket.recalled')
}

/**
 * The ticket's last recall since it last came to its counter; undefined when the clerk has not
 * recalled it since. A recall before it was parked belongs to the earlier stay: it neither excuses
 * the no-show wait after the resume (no-show-due.ts) nor marks the board's call a recall
 * (QueueView.boardCall).
 */
export function recallSinceCall(events: readonly EventRecord[]): EventRecord | undefined {
  return recallsAfterCall(events).at(-1)
}

/** How many times the clerk recalled the ticket since it last came to its counter (0: not since): its status page says "called again" and the phone vibrates at each. */
export function recallsSinceCall(events: readonly EventRecord[]): number {
  return recallsAfterCall(events).length
}
