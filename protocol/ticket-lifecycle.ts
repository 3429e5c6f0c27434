/**
 * The ticket lifecycle table, shared by the server (which enforces it) and the UIs (which offer
 * only the legal actions): waiting → called → serving → done | no_show | cancelled, plus recall,
 * transfer back to waiting and cancel. Pure data and functions, no server imports.
 */

/** Every state a ticket can be in. */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'remote' | 'parked' | 'abandoned'

/** What a clerk (or the system) does to a ticket; each maps to one transition below. */
export type TicketAction = 'call' | 'recall' | 'start' | 'finish' | 'no_show' | 'transfer' | 'cancel' | 'park' | 'resume' | 'abandon'

/** Every ticket action, in the order UIs show their buttons. */
export const TICKET_ACTIONS: readonly TicketAction[] = Object.freeze([
  'call',
  'recall',
  'start',
  'finish',
  'no_show',
  'transfer',
  'cancel',
  'park',
  'resume',
  'abandon',
] as const)

/** Every ticket status, in lifecycle order. */
export const TICKET_STATUSES: readonly TicketStatus[] = Object.freeze([
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'remote',
  'parked',
  'abandoned',
] as const)

// Absent entries are illegal. Notes on the less obvious ones:
// - recall keeps the ticket called (it only re-announces it);
// - a serving ticket cannot be no_show (the person showed up) nor cancelled (finish or transfer it);
// - transfer puts the ticket back in a queue, so it is waiting again;
// - park sets a called or serving ticket aside (the citizen fetches a document) and frees the
//   counter; resume calls it again at the resuming clerk's counter; abandon is the sweep's move
//   when the parking time ran out (server/queue/ticket-parking.ts).
const TRANSITIONS: Readonly<Record<TicketStatus, Readonly<Partial<Record<TicketAction, TicketStatus>>>>> = {
  waiting: { call: 'called', cancel: 'cancelled' },
  called: { recall: 'called', start: 'serving', no_show: 'no_show', transfer: 'waiting', cancel: 'cancelled', park: 'parked' },
  serving: { finish: 'done', transfer: 'waiting', park: 'parked' },
  done: {},
  no_show: {},
  cancelled: {},
  // joined from a phone, not arrived yet: holds a place, never called (the remote-join slice adds arrival)
  remote: { cancel: 'cancelled' },
  // set aside by a clerk for at most queue.maxParkMinutes: resumed at a counter of its service, or abandoned
  parked: { cancel: 'cancelled', resume: 'called', abandon: 'abandoned' },
  abandoned: {},
}

/** The status after `action` on a ticket in `from`, or null when the move is illegal. */
export function nextStatus(from: TicketStatus, action: TicketAction): TicketStatus | null {
  // Own-property lookup so an unexpected string (e.g. 'toString') from a caller is never "legal".
  const row = Object.hasOwn(TRANSITIONS, from) ? TRANSITIONS[from] : undefined
  return row && Object.hasOwn(row, action) ? (row[action] ?? null) : null
}

/** The actions legal from `from`, in TICKET_ACTIONS order (empty for terminal states). */
export function legalActions(from: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => nextStatus(from, a) !== null)
}

/**
 * The one way back from a terminal state: staff reinstate a no-show (a late citizen) within the
 * grace window (config queue.noShowGraceMinutes), and the ticket waits again. It is not a
 * TicketAction because it is not offered on the counter's current ticket: no_show stays
 * terminal for the counter, and the window is checked by the server (server/queue/ticket-reinstatement.ts).
 */
export function reinstatedStatus(from: TicketStatus): TicketStatus | null {
  return from === 'no_show' ? 'waiting' : null
}

/** True for called and serving: the ticket occupies a counter. */
export function isActive(status: TicketStatus): boolean {
  return status === 'called' || status === 'serving'
}

/** True for done, no_show, cancelled and abandoned: nothing more can happen to the ticket. */
export function isTerminal(status: TicketStatus): boolean {
  return status === 'done' || status === 'no_show' || status === 'cancelled' || status === 'abandoned'
}
