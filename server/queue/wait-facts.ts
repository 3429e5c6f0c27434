import type { ServicesRepo } from '../db/repositories/services-repo.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { waitedSecondsAt } from '../../protocol/waiting-since.ts'

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

/** Where the facts come from (the queue context has it). */
export interface WaitSources {
  services: Pick<ServicesRepo, 'get'>
}

/** What of a ticket its wait needs. */
type WaitingTicket = Pick<TicketRecord, 'serviceId' | 'issuedAt' | 'rejoinedAt'>

/** protocol/waiting-since.ts for the tickets row `alias`, in SQL (the live misses, the live view's longest wait). */
export const waitingSinceSql = (alias: string): string => `COALESCE(${alias}.rejoined_at, ${alias}.issued_at)`

/** The ticket's wait so far (seconds, rounded) and whether it is still within its service's target at `now`. */
export function waitFacts(ctx: WaitSources, ticket: WaitingTicket, now: number): WaitFacts {
  const targetWaitSeconds = ctx.services.get(ticket.serviceId)?.targetWaitSeconds ?? Number.POSITIVE_INFINITY
  const waitedSeconds = waitedSecondsAt(ticket, now)
  return { waitedSeconds, targetWaitSeconds, withinTarget: waitedSeconds <= targetWaitSeconds }
}

/**
 * What a cancellation records of the ticket's wait (reports count a cancelled ticket whose wait
 * passed its target as a miss nobody called, rollup.ts): nothing for a place held from a phone
 * whose citizen never arrived (status `remote`), who waited wherever they were, not in the line.
 */
export function cancelledWaitFacts(
  ctx: WaitSources,
  ticket: WaitingTicket & Pick<TicketRecord, 'status'>,
  now: number,
): WaitFacts | undefined {
  return ticket.status === 'remote' ? undefined : waitFacts(ctx, ticket, now)
}
