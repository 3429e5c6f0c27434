import type { EventsRepo } from '../db/repositories/events-repo.ts'
import type { ServicesRepo } from '../db/repositories/services-repo.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'

/**
 * How long a ticket has waited in its current stretch of the line, against its service's
 * target: what a call records, and what a cancellation records too, because a ticket that left
 * the line after its target passed is a miss of the target (reports' SLA, see
 * server/reports/figures.ts) even though nobody called it.
 */
export interface WaitFacts {
  waitedSeconds: number
  targetWaitSeconds: number
  withinTarget: boolean
}

/** Where the facts come from (the queue context has both). */
export interface WaitSources {
  events: Pick<EventsRepo, 'forTicket'>
  services: Pick<ServicesRepo, 'get'>
}

/** What of a ticket its wait needs. */
type WaitingTicket = Pick<TicketRecord, 'id' | 'serviceId' | 'issuedAt'>

/** When the ticket's current wait began: its issue, or the latest transfer, reinstatement or next step (visit-steps.ts) that put it back in line. */
export function waitingSince(ctx: WaitSources, ticket: WaitingTicket): number {
  // a check-in remote ticket (remote-arrival.ts) starts waiting in the center when its citizen arrives
  const rejoined = ctx.events
    .forTicket(ticket.id)
    .filter(
      (e) =>
        e.type === 'ticket.transferred' ||
        e.type === 'ticket.reinstated' ||
        e.type === 'ticket.next_step' ||
        (e.type === 'ticket.arrived' && e.data?.mode === 'check-in'),
    )
  return rejoined.at(-1)?.at ?? ticket.issuedAt
}

/** The ticket's wait so far (seconds, rounded) and whether it is still within its service's target at `now`. */
export function waitFacts(ctx: WaitSources, ticket: WaitingTicket, now: number): WaitFacts {
  const targetWaitSeconds = ctx.services.get(ticket.serviceId)?.targetWaitSeconds ?? Number.POSITIVE_INFINITY
  const waitedSeconds = Math.max(0, Math.round((now - waitingSince(ctx, ticket)) / 1000))
  return { waitedSeconds, targetWaitSeconds, withinTarget: waitedSeconds <= targetWaitSeconds }
}
