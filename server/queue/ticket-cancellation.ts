import type { QueueContext } from './queue-context.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { actorIds, type Actor } from './actor.ts'
import { assertTransition } from './lifecycle.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { waitFacts } from './wait-facts.ts'

/**
 * Staff cancel a waiting ticket (a citizen who left, a duplicate). A called ticket belongs to
 * its counter: the clerk there marks it no-show instead, so the counter is freed the same way.
 */
export function cancelTicket(ctx: QueueContext, actor: Actor, ticketId: string): TicketRecord {
  return ctx.write((tx) => {
    const t = ctx.tickets.get(ticketId)
    if (!t) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
    if (t.status !== 'waiting') {
      throw domainError(ErrorCodes.ILLEGAL_TRANSITION, `only a waiting ticket can be cancelled; ${t.label} is ${t.status}`)
    }
    const status = assertTransition(t.status, 'cancel')
    const wait = waitFacts(ctx, t, tx.now)
    ctx.tickets.update(t.id, { status, finishedAt: tx.now })
    tx.log({ type: 'ticket.cancelled', ticketId: t.id, serviceId: t.serviceId, ...actorIds(actor), data: { ...wait } })
    const updated = ctx.tickets.get(t.id)!
    tx.emit({ type: 'ticket:updated', ticket: updated })
    tx.emit({ type: 'queue:updated', serviceIds: [t.serviceId] })
    return updated
  })
}
