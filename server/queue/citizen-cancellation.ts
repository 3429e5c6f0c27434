import type { QueueContext } from './queue-context.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { assertTransition } from './lifecycle.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { cancelledWaitFacts } from './wait-facts.ts'

/**
 * A citizen cancels their own ticket from its status page. Holding the id (128 random bits) is
 * the permission, so only a waiting ticket (or a place held from a phone) may be cancelled this way: once called it belongs to
 * its counter, and a served or cancelled one is final (TICKET_NOT_WAITING). The event-log row
 * says `reason: by_citizen` so reports tell it from a staff cancel.
 */
export function cancelByCitizen(ctx: QueueContext, ticketId: string): TicketRecord {
  return ctx.write((tx) => {
    const t = ctx.tickets.get(ticketId)
    if (!t) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
    // a place held from a phone (remote-join.ts) is the citizen's to give up too
    if (t.status !== 'waiting' && t.status !== 'remote')
      throw domainError(ErrorCodes.TICKET_NOT_WAITING, `ticket ${t.label} is ${t.status}, not waiting`)
    const status = assertTransition(t.status, 'cancel')
    const wait = cancelledWaitFacts(ctx, t, tx.now)
    ctx.tickets.update(t.id, { status, finishedAt: tx.now })
    tx.log({
      type: 'ticket.cancelled',
      ticketId: t.id,
      serviceId: t.serviceId,
      userId: null,
      deviceId: null,
      data: { reason: 'by_citizen', ...wait },
    })
    const updated = ctx.tickets.get(t.id)!
    tx.emit({ type: 'ticket:updated', ticket: updated })
    tx.emit({ type: 'queue:updated', serviceIds: [t.serviceId] })
    return updated
  })
}
