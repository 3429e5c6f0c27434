/**
 * The ticket lifecycle: waiting → called → serving → done | no_show | cancelled, plus recall,
 * transfer back to waiting and cancel. Every state change goes through assertTransition so the
 * database, the API and the UIs agree on one table.
 */
import { conflict, ErrorCodes } from '../errors.ts'
import type { TicketAction, TicketStatus } from './types.ts'

/** Every ticket action, in the order UIs show their buttons. */
export const TICKET_ACTIONS: readonly TicketAction[] = Object.freeze([
  'call',
  'recall',
  'start',
  'finish',
  'no_show',
  'transfer',
  'cancel',
])

/** Every ticket status, in lifecycle order. */
export const TICKET_STATUSES: readonly TicketStatus[] = Object.freeze([
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
])

// Absent entries are illegal. Notes on the less obvious ones:
// - recall keeps the ticket called (it only re-announces it);
// - a serving ticket cannot be no_show (the person showed up) nor cancelled (finish or transfer it);
// - transfer puts the ticket back in a queue, so it is waiting again.
const TRANSITIONS: Readonly<Record<TicketStatus, Readonly<Partial<Record<TicketAction, TicketStatus>>>>> = {
  waiting: { call: 'called', cancel: 'cancelled' },
  called: { recall: 'called', start: 'serving', no_show: 'no_show', transfer: 'waiting', cancel: 'cancelled' },
  serving: { finish: 'done', transfer: 'waiting' },
  done: {},
  no_show: {},
  cancelled: {},
}

/** The status after `action` on a ticket in `from`, or null when the move is illegal. */
export function nextStatus(from: TicketStatus, action: TicketAction): TicketStatus | null {
  // Own-property lookup so an unexpected string (e.g. 'toString') from a caller is never "legal".
  const row = Object.hasOwn(TRANSITIONS, from) ? TRANSITIONS[from] : undefined
  return row && Object.hasOwn(row, action) ? (row[action] ?? null) : null
}

/** The status after `action` on a ticket in `from`; throws a 409 TABOUR_ERR_ILLEGAL_TRANSITION TabourError when illegal. */
export function assertTransition(from: TicketStatus, action: TicketAction): TicketStatus {
  const to = nextStatus(from, action)
  if (to === null) {
    throw conflict(ErrorCodes.ILLEGAL_TRANSITION, `cannot ${action} a ticket that is ${from}`)
  }
  return to
}

/** The actions legal from `from`, in TICKET_ACTIONS order (empty for terminal states). */
export function legalActions(from: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => nextStatus(from, a) !== null)
}

/** True for called and serving: the ticket occupies a counter. */
export function isActive(status: TicketStatus): boolean {
  return status === 'called' || status === 'serving'
}

/** True for done, no_show and cancelled: nothing more can happen to the ticket. */
export function isTerminal(status: TicketStatus): boolean {
  return status === 'done' || status === 'no_show' || status === 'cancelled'
}
