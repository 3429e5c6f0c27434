import type { QueueContext } from './queue-context.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { CancelReason } from '../../protocol/ticket-tools.ts'
import { actorIds, type Actor } from './actor.ts'
import { assertTransition } from './lifecycle.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { cancelledWaitFacts } from './wait-facts.ts'

/** Why staff cancel a ticket: a reason code, and a note (required for `other`). */
export interface CancelCause {
  reason: CancelReason
  note?: string
}

/**
 * Staff cancel a waiting ticket, or a place held from a phone (a citizen who left, a duplicate), with a reason the event log
 * keeps for the ticket's history. A called ticket belongs to its counter: the clerk there marks
 * it no-show instead, so the counter is freed the same way. A finished one (served, no-show,
 * cancelled) is ILLEGAL_TRANSITION (409) like any other move its state refuses.
 */
export function cancelTicket(ctx: QueueContext, actor: Actor, ticketId: string, cause: CancelCause): TicketRecord {
  const note = cause.note?.trim() ?? ''
  if (cause.reason === 'other' && note === '') throw domainError(ErrorCodes.VALIDATION, 'reason "other" needs a note')
  return ctx.write((tx) => {
    const t = ctx.tickets.get(ticketId)
    if (!t) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
    // a place held from a phone (status remote, remote-join.ts) is staff's to cancel too (a caller who will not come)
    if (t.status !== 'waiting' && t.status !== 'remote') {
      throw domainError(ErrorCodes.ILLEGAL_TRANSITION, `only a waiting ticket can be cancelled; ${t.label} is ${t.status}`)
    }
    const status = assertTransition(t.status, 'cancel')
    const wait = cancelledWaitFacts(ctx, t, tx.now)
    ctx.tickets.update(t.id, { status, finishedAt: tx.now })
    tx.log({
      type: 'ticket.cancelled',
      ticketId: t.id,
      serviceId: t.serviceId,
      ...actorIds(actor),
      data: { reason: cause.reason, ...(note ? { note } : {}), ...wait },
    })
    const updated = ctx.tickets.get(t.id)!
    tx.emit({ type: 'ticket:updated', ticket: updated })
    tx.emit({ type: 'queue:updated', serviceIds: [t.serviceId] })
    return updated
  })
}
