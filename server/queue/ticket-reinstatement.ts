import type { QueueContext } from './queue-context.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { actorIds, type Actor } from './actor.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { reinstatedStatus } from '../../protocol/ticket-lifecycle.ts'
import { graceEndsAt, secondsLeft, withinGrace } from './no-show-rules.ts'

const MAY_REINSTATE_ANY = new Set(['manager', 'admin'])

/**
 * Undoes a no-show (a citizen who came back late) within queue.noShowGraceMinutes: the ticket
 * waits again. Its position, by the call policy: it keeps its original issue time (`queuedAt`
 * is untouched), so under fifo it goes back to the place it had, ahead of everyone issued after
 * it; priority and sla order it by the same time. Its next call counts as a call again (`recallCount`
 * + 1, the ticket log's "recalls", counter-actions.ts), not the reinstatement, which calls nobody: a
 * ticket recalled once read 2 the moment it was put back (walk s54). That call is a new `ticket.called` event, but the figures
 * count neither the no-show nor that call (server/reports/no-show-undo.ts): the citizen's wait
 * ended at the first call. Who may: a clerk whose open (or paused) counter
 * serves the ticket's service, or a manager / admin.
 */
export function reinstateTicket(ctx: QueueContext, actor: Actor, ticketId: string): TicketRecord {
  return ctx.write((tx) => {
    const t = ctx.tickets.get(ticketId)
    if (!t) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
    requireServesService(ctx, actor, t)
    const status = reinstatedStatus(t.status)
    if (!status) throw domainError(ErrorCodes.ILLEGAL_TRANSITION, `only a no-show can be reinstated; ${t.label} is ${t.status}`)
    if (reinstatableUntil(ctx, t, tx.now) === null) {
      throw domainError(
        ErrorCodes.GRACE_EXPIRED,
        `${t.label} was marked no-show more than ${ctx.config.queue.noShowGraceMinutes} minutes ago (or on another day); issue a new ticket`,
      )
    }
    ctx.tickets.update(t.id, {
      status,
      counterId: null,
      clerkId: null,
      targetCounterId: null,
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      rejoinedAt: tx.now,
    })
    tx.log({
      type: 'ticket.reinstated',
      ticketId: t.id,
      serviceId: t.serviceId,
      ...actorIds(actor),
      data: { noShowAt: t.finishedAt },
    })
    const updated = ctx.tickets.get(t.id)!
    tx.emit({ type: 'ticket:updated', ticket: updated })
    tx.emit({ type: 'queue:updated', serviceIds: [t.serviceId] })
    return updated
  })
}

/**
 * Until when (epoch ms) the no-show `t` can be reinstated at `now`, or null when it cannot: not a
 * no-show, marked on another business day, or its window over. The one rule the undo itself, the
 * console's list and the citizen's status page (server/public-ticket.ts) share, so the page never
 * promises an undo the counter would refuse.
 */
export function reinstatableUntil(ctx: Pick<QueueContext, 'config' | 'dayOf'>, t: TicketRecord, now: number): number | null {
  if (t.status !== 'no_show' || t.finishedAt === null || t.day !== ctx.dayOf(now)) return null
  const graceMinutes = ctx.config.queue.noShowGraceMinutes
  return withinGrace(t.finishedAt, now, graceMinutes) ? graceEndsAt(t.finishedAt, graceMinutes) : null
}

/** A no-show that can still be reinstated, when its window ends (epoch ms) and the whole seconds left now. */
export interface ReinstatableNoShow {
  ticket: TicketRecord
  graceEndsAt: number
  graceSecondsLeft: number
}

/** Today's no-shows of `actor`'s services that can still be reinstated, newest first. */
export function reinstatableNoShows(ctx: QueueContext, actor: Actor): ReinstatableNoShow[] {
  const now = ctx.clock()
  const services = servicesOf(ctx, actor)
  return ctx.tickets
    .listByDay(ctx.dayOf(now))
    .filter((t) => services === 'all' || services.has(t.serviceId))
    .flatMap((ticket) => {
      const endsAt = reinstatableUntil(ctx, ticket, now)
      return endsAt === null ? [] : [{ ticket, graceEndsAt: endsAt, graceSecondsLeft: secondsLeft(endsAt, now) }]
    })
    .sort((a, b) => b.ticket.finishedAt! - a.ticket.finishedAt!)
}

/** The services the actor may reinstate: all for a manager or admin, else those of the counter the clerk holds. */
function servicesOf(ctx: QueueContext, actor: Actor): Set<number> | 'all' {
  if (actor.type !== 'user') return new Set()
  if (MAY_REINSTATE_ANY.has(actor.role)) return 'all'
  const counter = ctx.counters.findByClerk(actor.id)
  if (!counter || counter.state === 'closed') return new Set()
  return new Set(counter.services.map((s) => s.serviceId))
}

function requireServesService(ctx: QueueContext, actor: Actor, t: TicketRecord): void {
  const services = servicesOf(ctx, actor)
  if (services !== 'all' && !services.has(t.serviceId)) {
    throw domainError(ErrorCodes.FORBIDDEN, `only a clerk whose open counter serves ${t.label}'s service (or a manager) can reinstate it`)
  }
}
