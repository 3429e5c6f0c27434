import { defaultOutcomeCode } from '../../protocol/finish-outcomes.ts'
import type { QueueContext, WriteScope } from './queue-context.ts'
import type { Db } from '../db/connection.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import type { TicketChanges, TicketRecord } from '../db/repositories/tickets-repo.ts'
import { ServiceStepsRepo } from '../db/repositories/service-steps-repo.ts'
import { actorIds, type Actor } from './actor.ts'
import { assertTransition } from './lifecycle.ts'
import type { VisitProgress } from '../../protocol/visit-steps.ts'
import { counterTimesSoFar } from './service-time.ts'

/**
 * Visits with several steps (issue 21). A service's route (table service_steps) lists the
 * services a ticket issued for it passes after the first; `tickets.step` says where it is (0:
 * the service it was issued for). The route followed is always the one of the service that
 * issued the ticket, read when a step is finished: a transfer mid-visit moves the ticket's line
 * but not its route, and a route edited during the day applies to the steps still ahead. What the
 * API says of a visit (`visit.route`) is the route it really takes: the services its steps were
 * taken at so far (a step transferred to another line is named by that line), the one it is in
 * now, then the plan's steps ahead (walk s53: a step transferred off the plan was still reported
 * as planned).
 *
 * Finishing a step with no outcome or the default one (the first of queue.finishOutcomes) while
 * a step is left sends the ticket on (a last step finished with none records none: its page says
 * the visit ended, not "served"): it goes back to waiting in the next step's line,
 * keeping its label, by the same move as a transfer (lifecycle action `transfer`, serving →
 * waiting; the counter is freed), and its place in that line follows queue.stepPlacement:
 * `issue-time` (default) orders it by when it was first issued, so a citizen already in the
 * building is not sent to the back; `end-of-line` queues it behind everyone waiting in that line
 * now. The place is only `queuedAt`: the call policy then orders the ticket like any of its line,
 * a counter's weights included, on purpose (docs/visit-steps.md): at a counter weighing another
 * line 2 to 1, a later ticket of that line goes first once it has waited more than half as long as
 * the step ticket has since its issue (walk s52). Any other outcome (referred, incomplete
 * papers…), a no-show or a cancellation ends the visit.
 *
 * The step is its own event, `ticket.next_step` (fromServiceId, toServiceId, step, of,
 * serviceSeconds, handlingSeconds, outcome, placement), not `ticket.finished`: the visit is
 * served once, when its last step is finished. The next step's wait starts at this event
 * (wait-facts.ts), so each step's call records its own wait against its own service's target.
 */

const repos = new WeakMap<Db, ServiceStepsRepo>()

/** The routes repository of a database (one per connection, so its statements are prepared once). */
export function stepsRepo(db: Db): ServiceStepsRepo {
  let repo = repos.get(db)
  if (!repo) {
    repo = new ServiceStepsRepo(db)
    repos.set(db, repo)
  }
  return repo
}

/**
 * The route a ticket at `step` still walks: the steps behind it as they were, the ones ahead up to
 * the first whose service is not active now. A finish cannot send a ticket there (nobody serves that
 * line), so the visit ends at the step before, and everything that says where the ticket goes next
 * (the finish dialog, the status page, the kiosk's screen and paper) reads this route, not the
 * stored one: the finish dialog said «تنتقل A-003 إلى طابور …» for a step deactivated since, and
 * the finish then ended the visit.
 */
function walkedRoute(ctx: QueueContext, route: readonly number[], step: number): readonly number[] {
  const stop = route.findIndex((id, i) => i >= step && ctx.services.get(id)?.active !== true)
  return stop === -1 ? route : route.slice(0, stop)
}

/** The ticket's route as it will be walked (walkedRoute) and the step it is at (0: the issuing service). */
function routeOf(ctx: QueueContext, ticket: Pick<TicketRecord, 'id' | 'issuedServiceId'>) {
  const repo = stepsRepo(ctx.db)
  const step = repo.stepOf(ticket.id)
  return { route: walkedRoute(ctx, repo.route(ticket.issuedServiceId), step), step }
}

/** The step after the ticket's current one: its number (1 = the route's first step after the issuing service), service and the visit's step count; null at the last step, or before a step whose service is not active. */
export function nextStepOf(ctx: QueueContext, ticket: Pick<TicketRecord, 'id' | 'issuedServiceId'>) {
  const { route, step } = routeOf(ctx, ticket)
  if (step >= route.length) return null
  return { step: step + 1, serviceId: route[step]!, of: route.length + 1 }
}

/**
 * The services a visit's steps were taken at, in order: each `ticket.next_step` names the service
 * that finished its step (fromServiceId), and the ticket's service is the step it is at now (for a
 * done visit, the one its last step was finished in).
 */
function servedStepIds(ctx: QueueContext, ticket: Pick<TicketRecord, 'id' | 'serviceId'>): number[] {
  const steps = ctx.events
    .forTicket(ticket.id)
    .filter((e) => e.type === 'ticket.next_step')
    .map((e) => Number(e.data?.fromServiceId))
  return [...steps, ticket.serviceId]
}

/** Where a ticket is in a visit of several steps, for its status page; null for a visit of one step (or one whose next step's service is not active: it ends at this one). */
export function visitProgressOf(
  ctx: QueueContext,
  ticket: Pick<TicketRecord, 'id' | 'issuedServiceId' | 'status' | 'serviceId'>,
): VisitProgress | null {
  const { route, step: at } = routeOf(ctx, ticket)
  if (route.length === 0) return null
  const step = Math.min(at, route.length)
  const named = (id: number | undefined) => {
    const s = id === undefined ? undefined : ctx.services.get(id)
    return s ? { serviceId: s.id, nameAr: s.nameAr, nameEn: s.nameEn } : null
  }
  // the services of the steps behind and of this one as they were taken (a transfer within a step moved it to
  // another line), read from the log only when one may differ from the plan: a step done, or this one moved
  const moved = at > 0 || ticket.serviceId !== ticket.issuedServiceId
  const taken = moved ? servedStepIds(ctx, ticket) : [ticket.issuedServiceId]
  return {
    step: step + 1,
    of: route.length + 1,
    next: named(route[step]),
    route: [...taken, ...route.slice(step)].flatMap((id) => named(id) ?? []),
    ...(ticket.status === 'done' ? { served: taken.flatMap((id) => named(id) ?? []) } : {}),
  }
}

/**
 * Called by a finish, inside its transaction: when the visit goes on, logs `ticket.next_step`,
 * moves the ticket to its next step and returns the changes that put it back in line (status
 * waiting); null when the finish ends the visit (last step, no route, or another outcome).
 */
export function sendToNextStep(
  ctx: QueueContext,
  tx: WriteScope,
  actor: Actor,
  counter: CounterRecord,
  ticket: TicketRecord,
  outcome: string | null,
): TicketChanges | null {
  if (outcome !== null && outcome !== defaultOutcomeCode(ctx.config.queue.finishOutcomes)) return null
  const next = nextStepOf(ctx, ticket)
  if (!next) return null
  // nextStepOf stops before a step whose service was since deactivated: the visit ends here, as a finish
  const to = ctx.services.get(next.serviceId)
  if (!to) return null
  const status = assertTransition(ticket.status, 'transfer')
  const placement = ctx.config.queue.stepPlacement
  stepsRepo(ctx.db).setStep(ticket.id, next.step)
  tx.log({
    type: 'ticket.next_step',
    ticketId: ticket.id,
    counterId: counter.id,
    serviceId: ticket.serviceId,
    ...actorIds(actor),
    data: {
      fromServiceId: ticket.serviceId,
      toServiceId: to.id,
      step: next.step + 1,
      of: next.of,
      outcome,
      placement,
      ...counterTimesSoFar(ctx.db, ticket, tx.now),
    },
  })
  tx.emit({ type: 'queue:updated', serviceIds: [...new Set([ticket.serviceId, to.id])] })
  return {
    status,
    serviceId: to.id,
    counterId: null,
    clerkId: null,
    targetCounterId: null,
    queuedAt: placement === 'issue-time' ? ticket.issuedAt : tx.now,
    rejoinedAt: tx.now,
  }
}
