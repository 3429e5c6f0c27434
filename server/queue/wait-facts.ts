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

/** Where the facts come from (the queue context has it). */
export interface WaitSources {
  services: Pick<ServicesRepo, 'get'>
}

/** What of a ticket its wait needs. */
type WaitingTicket = Pick<TicketRecord, 'serviceId' | 'issuedAt' | 'rejoinedAt'>

/**
 * When the ticket's current wait began: its issue, or the latest transfer, reinstatement, next
 * step (visit-steps.ts) or check-in arrival (remote-arrival.ts: a place joined from a phone starts
 * waiting in the center when its citizen arrives) that put it back in line. Those write
 * `rejoinedAt` in their own transaction (migration 32); the SQL readers use `waitingSinceSql`.
 */
export function waitingSince(ticket: Pick<TicketRecord, 'issuedAt' | 'rejoinedAt'>): number {
  return ticket.rejoinedAt ?? ticket.issuedAt
}

/** `waitingSince` for the tickets row `alias`, in SQL. */
export const waitingSinceSql = (alias: string): string => `COALESCE(${alias}.rejoined_at, ${alias}.issued_at)`

/** The ticket's wait so far (seconds, rounded) and whether it is still within its service's target at `now`. */
export function waitFacts(ctx: WaitSources, ticket: WaitingTicket, now: number): WaitFacts {
  const targetWaitSeconds = ctx.services.get(ticket.serviceId)?.targetWaitSeconds ?? Number.POSITIVE_INFINITY
  const waitedSeconds = Math.max(0, Math.round((now - waitingSince(ticket)) / 1000))
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
