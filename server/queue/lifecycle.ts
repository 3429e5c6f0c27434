/**
 * The ticket lifecycle as the server enforces it. The table itself lives in
 * protocol/ticket-lifecycle.ts so the console offers exactly the moves this file allows; every
 * state change goes through assertTransition so the database, the API and the UIs agree.
 */
import { domainError, ErrorCodes } from '../errors.ts'
import { nextStatus, type TicketAction, type TicketStatus } from '../../protocol/ticket-lifecycle.ts'

export { TICKET_ACTIONS, TICKET_STATUSES, nextStatus, legalActions, isActive, isTerminal } from '../../protocol/ticket-lifecycle.ts'

/** The status after `action` on a ticket in `from`; throws a DomainError TABOUR_ERR_ILLEGAL_TRANSITION when illegal (a 409 at the edge). */
export function assertTransition(from: TicketStatus, action: TicketAction): TicketStatus {
  const to = nextStatus(from, action)
  if (to === null) {
    throw domainError(ErrorCodes.ILLEGAL_TRANSITION, `cannot ${action} a ticket that is ${from}`)
  }
  return to
}
