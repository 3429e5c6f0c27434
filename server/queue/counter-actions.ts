import type { QueueContext, WriteScope } from './queue-context.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import type { TicketChanges, TicketRecord } from '../db/repositories/tickets-repo.ts'
import { actorIds, type Actor } from './actor.ts'
import type { TicketAction } from './types.ts'
import { assertTransition } from './lifecycle.ts'
import { chooseNext, nextPriorityStreak } from '../../protocol/call-policy.ts'
import { nextAppointmentStreak } from '../../protocol/appointment-blend.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { secondsBeforeNoShow } from './no-show-rules.ts'
import { noShowDueOf } from './no-show-due.ts'
import { waitFacts } from './wait-facts.ts'
import { nextCallIsAfterUndo, undoCountedAtItsCall } from './wait-ending-call.ts'
import { sendToNextStep } from './visit-steps.ts'
import { counterTimesSoFar } from './service-time.ts'
import { openOrCloseCounter } from './park-clock.ts'

export interface CounterActionResult {
  counter: CounterRecord
  ticket: TicketRecord | null
}

export type TransferTarget = { serviceId: number } | { counterId: number }

const STAFF_WHO_MAY_TAKE_OVER = new Set(['manager', 'admin'])

/**
 * What a clerk does at a counter: open, pause, close, call next, recall, start, finish,
 * no-show, transfer. Every action runs in one transaction that checks who is acting, the
 * counter's state and the ticket's lifecycle, so two clerks can never hold one ticket.
 */
export class CounterActions {
  constructor(private readonly ctx: QueueContext) {}

  open(actor: Actor, counterId: number, options: { takeover?: boolean } = {}): CounterActionResult {
    const user = this.requireUser(actor)
    return this.ctx.write((tx) => {
      const counter = this.getCounter(counterId)
      if (!counter.active) throw domainError(ErrorCodes.COUNTER_NOT_OPEN, `counter ${counter.number} is disabled`, 'disabled')
      const elsewhere = this.ctx.counters.findByClerk(user.id)
      if (elsewhere && elsewhere.id !== counter.id) {
        throw domainError(ErrorCodes.CLERK_AT_OTHER_COUNTER, `you are already at counter ${elsewhere.number}; close it first`)
      }
      const holder = counter.clerk
      if (holder && holder.id !== user.id) {
        if (!(options.takeover && STAFF_WHO_MAY_TAKE_OVER.has(user.role))) {
          throw domainError(ErrorCodes.COUNTER_TAKEN, `counter ${counter.number} is held by ${holder.username}`)
        }
        tx.log({ type: 'counter.taken_over', counterId: counter.id, ...actorIds(actor), data: { from: holder.id } })
      }
      if (counter.state === 'open' && holder?.id === user.id) return this.result(counter.id)
      const type = counter.state === 'paused' && holder?.id === user.id ? 'counter.resumed' : 'counter.opened'
      openOrCloseCounter(this.ctx, counter, 'open', user.id, tx.now)
      tx.log({ type, counterId: counter.id, ...actorIds(actor) })
      return this.changed(tx, counter.id, null, true)
    })
  }

  pause(actor: Actor, counterId: number, reason: string | null): CounterActionResult {
    return this.ctx.write((tx) => {
      const counter = this.ownCounterAtWork(tx, actor, counterId)
      this.requireIdle(counter, 'pause')
      this.ctx.counters.setPaused(counter.id, counter.clerk!.id, reason, tx.now)
      tx.log({ type: 'counter.paused', counterId: counter.id, ...actorIds(actor), data: { reason } })
      return this.changed(tx, counter.id, null, true)
    })
  }

  close(actor: Actor, counterId: number): CounterActionResult {
    return this.ctx.write((tx) => {
      const counter = this.ownCounterAtWork(tx, actor, counterId)
      this.requireIdle(counter, 'close')
      openOrCloseCounter(this.ctx, counter, 'closed', null, tx.now)
      this.ctx.counters.resetStreaks(counter.id)
      tx.log({ type: 'counter.closed', counterId: counter.id, ...actorIds(actor) })
      return this.changed(tx, counter.id, null, true)
    })
  }

  /** Calls the ticket the configured policy picks; `ticket: null` when nobody waits. */
  callNext(actor: Actor, counterId: number): CounterActionResult {
    return this.ctx.write((tx) => {
      const counter = this.ownOpenIdleCounter(tx, actor, counterId, 'call the next ticket')
      const q = this.ctx.config.queue
      const candidates = this.ctx.tickets.candidatesFor(counter.id)
      const chosen = chooseNext(candidates, {
        now: tx.now,
        policy: q.policy,
        params: {
          maxPriorityInARow: q.maxPriorityInARow,
          priorityAgingSeconds: q.priorityAgingSeconds,
          maxAppointmentsInARow: q.maxAppointmentsInARow,
        },
        priorityStreak: counter.priorityStreak,
        appointmentStreak: counter.appointmentStreak,
      })
      if (!chosen) return { counter, ticket: null }
      const priorityStreak = nextPriorityStreak(counter.priorityStreak, chosen)
      this.ctx.counters.setPriorityStreak(counter.id, priorityStreak)
      return this.call(tx, actor, { ...counter, priorityStreak }, this.ctx.tickets.get(chosen.ticketId)!, 'policy')
    })
  }

  /** Calls one waiting ticket by id, out of policy order (a citizen who stepped away); audited as such. */
  callTicket(actor: Actor, counterId: number, ticketId: string): CounterActionResult {
    return this.ctx.write((tx) => {
      const counter = this.ownOpenIdleCounter(tx, actor, counterId, 'call a ticket')
      const ticket = this.ctx.tickets.get(ticketId)
      if (!ticket) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
      if (ticket.targetCounterId !== null && ticket.targetCounterId !== counter.id) {
        throw domainError(ErrorCodes.SERVICE_NOT_AT_COUNTER, `ticket ${ticket.label} was transferred to another counter`)
      }
      // a clerk calls only what the counter serves; a manager may override, and the call's log row says so
      const override = ticket.targetCounterId !== counter.id && !counter.services.some((s) => s.serviceId === ticket.serviceId)
      if (override && !(actor.type === 'user' && STAFF_WHO_MAY_TAKE_OVER.has(actor.role))) {
        throw domainError(ErrorCodes.SERVICE_NOT_SERVED_HERE, `counter ${counter.number} does not serve the service of ${ticket.label}`)
      }
      return this.call(tx, actor, counter, ticket, override ? 'override' : 'specific')
    })
  }

  recall(actor: Actor, counterId: number): CounterActionResult {
    return this.onCurrent(actor, counterId, 'recall', (tx, _counter, t) => {
      tx.log({
        type: 'ticket.recalled',
        ticketId: t.id,
        counterId: t.counterId,
        serviceId: t.serviceId,
        ...actorIds(actor),
        data: { recallCount: t.recallCount + 1 },
      })
      return { recallCount: t.recallCount + 1 }
    })
  }

  start(actor: Actor, counterId: number): CounterActionResult {
    return this.onCurrent(actor, counterId, 'start', (tx, _counter, t) => {
      tx.log({ type: 'ticket.started', ticketId: t.id, counterId: t.counterId, serviceId: t.serviceId, ...actorIds(actor) })
      return { startedAt: tx.now }
    })
  }

  finish(actor: Actor, counterId: number, outcome: string | null, note: string | null): CounterActionResult {
    return this.onCurrent(actor, counterId, 'finish', (tx, _counter, t) => {
      // an outcome is one of the configured list (queue.finishOutcomes), never free text: reports group by it
      const outcomes = this.ctx.config.queue.finishOutcomes.map((o) => o.code)
      if (outcome !== null && !outcomes.includes(outcome)) {
        throw domainError(ErrorCodes.UNKNOWN_OUTCOME, `outcome ${outcome.slice(0, 64)} is not one of ${outcomes.join(', ')}`)
      }
      // a visit of several steps goes on to its next step's line instead of ending (visit-steps.ts)
      const onward = sendToNextStep(this.ctx, tx, actor, _counter, t, outcome)
      if (onward) return onward
      tx.log({
        type: 'ticket.finished',
        ticketId: t.id,
        counterId: t.counterId,
        serviceId: t.serviceId,
        ...actorIds(actor),
        data: {
          outcome,
          note,
          ...counterTimesSoFar(this.ctx.db, t, tx.now),
        },
      })
      // the row holds what the event holds: a finish naming no outcome records none (it stored
      // 'served', so its citizen's page said "served" while the reports said "No outcome recorded")
      return { finishedAt: tx.now, outcome }
    })
  }

  noShow(actor: Actor, counterId: number): CounterActionResult {
    return this.onCurrent(actor, counterId, 'no_show', (tx, _counter, t) => {
      this.requireNoShowDue(tx.now, t)
      tx.log({
        type: 'ticket.no_show',
        ticketId: t.id,
        counterId: t.counterId,
        serviceId: t.serviceId,
        ...actorIds(actor),
        data: { recallCount: t.recallCount },
      })
      return { finishedAt: tx.now }
    })
  }

  /** Sends the current ticket back to waiting, in another service's line or for a named counter. */
  transfer(actor: Actor, counterId: number, target: TransferTarget): CounterActionResult {
    return this.onCurrent(actor, counterId, 'transfer', (tx, counter, t) => {
      const changes: TicketChanges = {
        counterId: null,
        clerkId: null,
        targetCounterId: null,
        transferCount: t.transferCount + 1,
        queuedAt: this.ctx.config.queue.transferKeepsIssueTime ? t.queuedAt : tx.now,
        rejoinedAt: tx.now,
      }
      if ('serviceId' in target) {
        const service = this.ctx.services.get(target.serviceId)
        if (!service) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${target.serviceId} does not exist`)
        if (!service.active) throw domainError(ErrorCodes.SERVICE_INACTIVE, `service ${service.prefix} is not taking tickets now`)
        changes.serviceId = service.id
      } else {
        const to = this.ctx.counters.get(target.counterId)
        if (!to) throw domainError(ErrorCodes.COUNTER_NOT_FOUND, `counter ${target.counterId} does not exist`)
        if (to.id === counter.id) throw domainError(ErrorCodes.TRANSFER_TARGET, 'a ticket cannot be transferred to its own counter')
        // a disabled counter cannot be opened (open() refuses it): a ticket sent there would wait for nobody
        if (!to.active)
          throw domainError(ErrorCodes.TRANSFER_COUNTER_INACTIVE, `counter ${to.number} is disabled: nobody can open it to call the ticket`)
        changes.targetCounterId = to.id
      }
      tx.log({
        type: 'ticket.transferred',
        ticketId: t.id,
        counterId: counter.id,
        serviceId: t.serviceId,
        ...actorIds(actor),
        data: {
          fromServiceId: t.serviceId,
          toServiceId: changes.serviceId ?? t.serviceId,
          toCounterId: changes.targetCounterId ?? null,
          serviceSeconds: counterTimesSoFar(this.ctx.db, t, tx.now).serviceSeconds,
        },
      })
      tx.emit({ type: 'queue:updated', serviceIds: [...new Set([t.serviceId, changes.serviceId ?? t.serviceId])] })
      return changes
    })
  }

  // --- the shared steps -------------------------------------------------------------------

  /** @param counter as it stands in this transaction before the call (its streak already moved by callNext). */
  private call(
    tx: WriteScope,
    actor: Actor,
    counter: CounterRecord,
    ticket: TicketRecord,
    /** policy: call-next; specific: one ticket by id; override: a ticket of a service the counter does not serve (a manager). */
    how: 'policy' | 'specific' | 'override',
  ): CounterActionResult {
    assertTransition(ticket.status, 'call')
    // the call after an undone no-show ends no wait (the first call did: wait-ending-call.ts), so its
    // row and its webhook carry no wait a reader would count as a hit or a miss (walk s54: it stored
    // the time since the undo, "within target"); only a ticket that rejoined a line can be one
    const events = ticket.rejoinedAt !== null ? this.ctx.events.forTicket(ticket.id) : []
    const again = nextCallIsAfterUndo(events)
    const wait = again ? undefined : waitFacts(this.ctx, ticket, tx.now)
    const changes = {
      status: 'called',
      calledAt: tx.now,
      startedAt: null,
      counterId: counter.id,
      clerkId: actorIds(actor).userId,
      recallCount: ticket.recallCount + (again && undoCountedAtItsCall(events) ? 1 : 0),
    } as const
    this.ctx.tickets.update(ticket.id, changes)
    // counted here, at every call and in the order the calls commit: what the ticket does next (a transfer,
    // a park, a no-show and its reinstatement, a next step) unmakes no call, and two calls in one
    // millisecond keep their order (it was read back from the tickets' counter and call time, which lost both)
    const appointmentStreak = nextAppointmentStreak(counter.appointmentStreak, ticket.origin)
    this.ctx.counters.setCalled(counter.id, ticket.id, appointmentStreak)
    tx.log({
      type: 'ticket.called',
      ticketId: ticket.id,
      counterId: counter.id,
      serviceId: ticket.serviceId,
      ...actorIds(actor),
      data: {
        how,
        ...(wait ?? { afterUndo: true }),
        priority: ticket.priority,
        policy: this.ctx.config.queue.policy,
        // its place in this line when called: the row's queued_at moves with a transfer or a next step,
        // and a place held from a phone reads its turn from the calls of its line (remote-joins-repo.ts)
        queuedAt: ticket.queuedAt,
      },
    })
    // what the two updates above made of them, without reading back what this transaction just wrote
    const result = { counter: { ...counter, currentTicketId: ticket.id, appointmentStreak }, ticket: { ...ticket, ...changes } }
    tx.emit({
      type: 'ticket:called',
      ticket: result.ticket,
      counter: result.counter,
      recall: false,
      at: tx.now,
      waitedSeconds: wait?.waitedSeconds,
    })
    tx.emit({ type: 'counter:updated', counter: result.counter })
    tx.emit({ type: 'queue:updated', serviceIds: [ticket.serviceId] })
    return result
  }

  /** Refuses a no-show before the rule allows it (no-show-due.ts: the time the console is told too). */
  private requireNoShowDue(now: number, ticket: TicketRecord): void {
    const due = noShowDueOf(this.ctx, ticket)
    const remaining = due ? secondsBeforeNoShow(due, now) : 0
    if (remaining > 0) {
      // "or recall it" only when a recall would help: a call-ahead citizen's time to arrive stands
      const orRecall = due?.recallLifts ? ', or recall it,' : ''
      throw domainError(
        ErrorCodes.NO_SHOW_TOO_SOON,
        `${ticket.label} was called moments ago: wait ${remaining} more seconds${orRecall} before marking a no-show`,
      )
    }
  }

  /** Applies a lifecycle action to the counter's current ticket. */
  private onCurrent(
    actor: Actor,
    counterId: number,
    action: TicketAction,
    apply: (tx: WriteScope, counter: CounterRecord, ticket: TicketRecord) => TicketChanges,
  ): CounterActionResult {
    return this.ctx.write((tx) => {
      const counter = this.ownCounterAtWork(tx, actor, counterId)
      if (!counter.currentTicketId) throw domainError(ErrorCodes.COUNTER_IDLE, `counter ${counter.number} has no current ticket`)
      const ticket = this.ctx.tickets.get(counter.currentTicketId)!
      const status = assertTransition(ticket.status, action)
      // the action's own changes may name another status (a finish that sends the ticket to its next step)
      const changes = { status, ...apply(tx, counter, ticket) }
      this.ctx.tickets.update(ticket.id, changes)
      const leavesCounter = status !== 'called' && status !== 'serving'
      if (leavesCounter) this.ctx.counters.setCurrentTicket(counter.id, null)
      const result = this.changed(tx, counter.id, ticket.id, leavesCounter)
      if (action === 'recall') tx.emit({ type: 'ticket:called', ticket: result.ticket!, counter: result.counter, recall: true, at: tx.now })
      return leavesCounter ? { counter: result.counter, ticket: result.ticket } : result
    })
  }

  /** Re-reads the counter (and ticket), queues the update events and returns them. */
  private changed(tx: WriteScope, counterId: number, ticketId: string | null, counterChanged: boolean): CounterActionResult {
    const result = this.result(counterId, ticketId)
    if (result.ticket) tx.emit({ type: 'ticket:updated', ticket: result.ticket })
    if (counterChanged) {
      tx.emit({ type: 'counter:updated', counter: result.counter })
      // opening, pausing or closing changes how many counters serve a line, hence the estimates
      tx.emit({ type: 'queue:updated', serviceIds: result.counter.services.map((s) => s.serviceId) })
    }
    return result
  }

  private result(counterId: number, ticketId: string | null = null): CounterActionResult {
    return { counter: this.ctx.counters.get(counterId)!, ticket: ticketId ? this.ctx.tickets.get(ticketId)! : null }
  }

  private getCounter(counterId: number): CounterRecord {
    const counter = this.ctx.counters.get(counterId)
    if (!counter) throw domainError(ErrorCodes.COUNTER_NOT_FOUND, `counter ${counterId} does not exist`)
    return counter
  }

  private requireUser(actor: Actor): Extract<Actor, { type: 'user' }> {
    if (actor.type !== 'user') throw domainError(ErrorCodes.FORBIDDEN, 'only staff can work a counter')
    return actor
  }

  /**
   * The counter, if the actor is the clerk who opened it; present again if it was away: a clerk acting on it (over the API, a
   * keypad, a console that has not reconnected its socket yet) is at the counter, as the README's
   * "Away" says, so the counter is back in staffing and the estimates from this action on
   * (`counter.back`, by the action). Before, only opening, pausing or closing ended an away spell,
   * and a clerk working over REST stayed away for the rest of the sitting.
   */
  private ownCounterAtWork(tx: WriteScope, actor: Actor, counterId: number): CounterRecord {
    const user = this.requireUser(actor)
    const counter = this.getCounter(counterId)
    if (counter.state === 'closed' || !counter.clerk) throw domainError(ErrorCodes.COUNTER_NOT_OPEN, `counter ${counter.number} is closed`)
    if (counter.clerk.id !== user.id)
      throw domainError(ErrorCodes.NOT_YOUR_COUNTER, `counter ${counter.number} is held by ${counter.clerk.username}`)
    if (counter.awaySince === null) return counter
    this.ctx.counters.setAwaySince(counter.id, null)
    tx.log({ type: 'counter.back', counterId: counter.id, userId: user.id, data: { by: 'action' } })
    this.changed(tx, counter.id, null, true)
    return this.getCounter(counterId)
  }

  private ownOpenIdleCounter(tx: WriteScope, actor: Actor, counterId: number, what: string): CounterRecord {
    const counter = this.ownCounterAtWork(tx, actor, counterId)
    if (counter.state !== 'open')
      throw domainError(ErrorCodes.COUNTER_NOT_OPEN, `counter ${counter.number} is ${counter.state}; open it to ${what}`)
    this.requireIdle(counter, what)
    return counter
  }

  private requireIdle(counter: CounterRecord, what: string): void {
    if (counter.currentTicketId) {
      const t = this.ctx.tickets.get(counter.currentTicketId)
      throw domainError(
        ErrorCodes.COUNTER_BUSY,
        `finish, transfer or mark ${t?.label ?? 'the current ticket'} as no-show before you ${what}`,
      )
    }
  }
}
