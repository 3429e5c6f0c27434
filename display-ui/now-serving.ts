/**
 * What the display shows as "now serving", as pure functions over the feed: the calls still
 * at a counter, newest first. A call drops out as soon as its counter no longer holds its
 * ticket (finished, no-show, transferred, or the counter closed), and a counter shows one
 * call at a time, so the board never shows a stale call.
 */
import type { Counter } from '../protocol/entities.ts'
import type { CallBoard, CalledTicket } from '../protocol/events.ts'
import { MAX_LISTED_CALLS } from '../protocol/listed-calls.ts'

/**
 * Calls kept at most. A counter holds one call, so this bounds only a zone of more counters: it
 * is not the number shown (`recentCalls` is) but what the voice may still have to say, so a
 * burst of calls from every counter of a large center stays on the board until it is spoken.
 */
export const MAX_CALLS = 100

/** A new call (or a recall): first in the list, replacing any earlier call of its ticket or its counter. */
export function withCall(calls: readonly CalledTicket[], call: CalledTicket): CalledTicket[] {
  return [call, ...calls.filter((c) => c.ticket.id !== call.ticket.id && c.counter.id !== call.counter.id)].slice(0, MAX_CALLS)
}

/**
 * A call as a display feed pushes it (issue 22): the call, then its counter as the call left it
 * (CallBoard), which is what `ticket:called` followed by `counter:updated` used to give.
 */
export function withCallPush(calls: readonly CalledTicket[], call: CalledTicket, board: CallBoard | undefined): CalledTicket[] {
  const next = withCall(calls, call)
  return board ? withCounter(next, board.counter) : next
}

/** A counter changed: its call stays only while the counter still holds that ticket. */
export function withCounter(
  calls: readonly CalledTicket[],
  counter: Pick<Counter, 'id' | 'currentTicketId' | 'number' | 'name'>,
): CalledTicket[] {
  return calls.flatMap((c) => {
    if (c.counter.id !== counter.id) return [c]
    if (c.ticket.id !== counter.currentTicketId) return []
    // renamed or renumbered while serving: show what is written over the counter now
    return [{ ...c, counter: { ...c.counter, number: counter.number, name: counter.name } }]
  })
}

/**
 * A recalled ticket's holder came (the clerk pressed Start): its call stays on the board, no
 * longer a recall, as a reload shows it (a snapshot's call is a recall only until it is started).
 */
export function withStarted(calls: readonly CalledTicket[], ticketId: string): CalledTicket[] {
  return calls.map((c) => (c.ticket.id === ticketId ? { ...c, recall: false } : c))
}

/** The snapshot's calls, kept only where the snapshot's own counters agree they are current. */
export function fromSnapshot(
  recentCalls: readonly CalledTicket[],
  counters: readonly Pick<Counter, 'id' | 'currentTicketId' | 'number' | 'name'>[],
): CalledTicket[] {
  let calls: CalledTicket[] = []
  // oldest first through withCall, so a counter keeps only its newest call
  for (const call of [...recentCalls].reverse()) calls = withCall(calls, call)
  for (const counter of counters) calls = withCounter(calls, counter)
  return calls
}

/** Past calls kept: as many as a display may list (settings.recentCalls is at most MAX_LISTED_CALLS). */
export const MAX_PAST = MAX_LISTED_CALLS

/**
 * The calls that have left the board, newest first (walk finding 19): when a counter moves from
 * whoever missed A-001 still finds it, with its counter, under "recent calls"
 * until newer calls push it off. `before` and `after` are the board's calls around one change;
 * a ticket back at a counter (a recall) is current again, so it is no longer past.
 */
export function withPast(past: readonly CalledTicket[], before: readonly CalledTicket[], after: readonly CalledTicket[]): CalledTicket[] {
  const current = new Set(after.map((c) => c.ticket.id))
  const left = before.filter((c) => !current.has(c.ticket.id))
  const seen = new Set<string>()
  return [...left, ...past].filter((c) => !current.has(c.ticket.id) && !seen.has(c.ticket.id) && seen.add(c.ticket.id)).slice(0, MAX_PAST)
}
