import { atCounterSince } from '../../protocol/at-counter-since.ts'
import { type QueueContext, WriteScope } from './queue-context.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { ParkingRepo, type ParkingRecord } from '../db/repositories/parking-repo.ts'
import { actorIds, type Actor } from './actor.ts'
import { assertTransition } from './lifecycle.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { isParkOverdue, parkDeadline, parkSecondsLeft } from './parking-rules.ts'
import { parkDeadlineNow } from './park-clock.ts'

/** What a park asks for: a reason code of queue.parkReasons, a note, and minutes (at most queue.maxParkMinutes). */
export interface ParkRequest {
  reason: string
  note?: string | null
  minutes: number
}

/**
 * A parked ticket with its row (`deadlineAt` the deadline in force at the time of asking) and the
 * whole seconds left then; `clockStopped` while the counter that parked it is paused.
 */
export interface ParkedTicketView {
  ticket: TicketRecord
  parking: ParkingRecord
  secondsLeft: number
  clockStopped: boolean
}

const MAY_SEE_ALL = new Set(['manager', 'admin'])

/**
 * Parking (issue 21): a clerk sets the counter's current ticket (called or serving) aside while
 * the citizen fetches a document, for at most queue.maxParkMinutes, and the counter is free for
 * the next citizen. The deadline is stored (table parked_tickets), so nothing depends on a timer
 * surviving a restart: `sweep` abandons every ticket past its deadline, and it runs before every
 * change and read of the queue (QueueContext.beforeUse) and on the server's periodic tick.
 *
 * The park clock stops while the counter that parked the ticket is paused (parking-rules.ts): a
 * citizen who comes back while the clerk is on a break must not lose the place they were promised.
 *
 * Resuming: any clerk whose open, idle counter serves the ticket's service calls it to that
 * counter at once, ahead of the line (the call policy never sees parked tickets; see the header
 * of call-policy.ts). The resume is its own event, `ticket.resumed`, not a second
 * `ticket.called`: the citizen's wait in the line was counted once, at the first call.
 *
 * Events: `ticket.parked` (reason, note, minutes, deadline, serving seconds so far),
 * `ticket.resumed` (seconds parked), `ticket.abandoned` (the deadline, seconds parked); reports
 * count abandoned tickets on their own (server/reports/parking-figures.ts), never as no-shows.
 */
export class TicketParking {
  private readonly repo: ParkingRepo
  private sweeping = false

  constructor(private readonly ctx: QueueContext) {
    this.repo = new ParkingRepo(ctx.db)
  }

  /** Parks the current ticket of the actor's counter; returns the counter (now idle) and the parked ticket. */
  park(actor: Actor, counterId: number, request: ParkRequest): { counter: CounterRecord; ticket: TicketRecord } {
    return this.ctx.write((tx) => {
      const counter = this.ownCounter(actor, counterId)
      if (!counter.currentTicketId) throw domainError(ErrorCodes.COUNTER_IDLE, `counter ${counter.number} has no current ticket to park`)
      const t = this.ctx.tickets.get(counter.currentTicketId)!
      const status = assertTransition(t.status, 'park')
      const q = this.ctx.config.queue
      if (!Number.isInteger(request.minutes) || request.minutes < 1 || request.minutes > q.maxParkMinutes) {
        throw domainError(ErrorCodes.PARK_TOO_LONG, `a ticket can be parked for 1 to ${q.maxParkMinutes} minutes, not ${request.minutes}`)
      }
      if (!q.parkReasons.some((r) => r.code === request.reason)) {
        throw domainError(
          ErrorCodes.UNKNOWN_PARK_REASON,
          `park reason ${request.reason.slice(0, 32)} is not one of ${q.parkReasons.map((r) => r.code).join(', ')}`,
        )
      }
      const note = request.note?.trim() || null
      const deadlineAt = parkDeadline(tx.now, request.minutes)
      this.ctx.tickets.update(t.id, { status, counterId: null, clerkId: null, targetCounterId: null })
      this.ctx.counters.setCurrentTicket(counter.id, null)
      this.repo.insert({
        ticketId: t.id,
        counterId: counter.id,
        clerkId: actorIds(actor).userId,
        parkedAt: tx.now,
        deadlineAt,
        reason: request.reason,
        note,
      })
      tx.log({
        type: 'ticket.parked',
        ticketId: t.id,
        counterId: counter.id,
        serviceId: t.serviceId,
        ...actorIds(actor),
        data: {
          reason: request.reason,
          note,
          minutes: request.minutes,
          deadlineAt: new Date(deadlineAt).toISOString(),
          from: t.status,
          serviceSeconds: Math.max(0, Math.round((tx.now - (atCounterSince(t) ?? tx.now)) / 1000)),
        },
      })
      const ticket = this.ctx.tickets.get(t.id)!
      const idle = this.ctx.counters.get(counter.id)!
      tx.emit({ type: 'ticket:updated', ticket })
      tx.emit({ type: 'counter:updated', counter: idle })
      tx.emit({ type: 'queue:updated', serviceIds: [t.serviceId] })
      return { counter: idle, ticket }
    })
  }

  /** Calls a parked ticket to the actor's open, idle counter now (it must serve the ticket's service). */
  resume(actor: Actor, counterId: number, ticketId: string): { counter: CounterRecord; ticket: TicketRecord } {
    return this.ctx.write((tx) => {
      const counter = this.ownCounter(actor, counterId)
      if (counter.state !== 'open')
        throw domainError(ErrorCodes.COUNTER_NOT_OPEN, `counter ${counter.number} is ${counter.state}; open it to resume a ticket`)
      const t = this.ctx.tickets.get(ticketId)
      if (!t) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
      // the sweep ran before this transaction: a ticket past its deadline is abandoned already
      if (t.status === 'abandoned') {
        throw domainError(ErrorCodes.PARK_EXPIRED, `${t.label} was parked too long and was abandoned; issue a new ticket`)
      }
      if (t.status !== 'parked') throw domainError(ErrorCodes.TICKET_NOT_PARKED, `${t.label} is ${t.status}, not parked`)
      if (!counter.services.some((s) => s.serviceId === t.serviceId)) {
        throw domainError(ErrorCodes.SERVICE_NOT_SERVED_HERE, `counter ${counter.number} does not serve the service of ${t.label}`)
      }
      if (counter.currentTicketId) {
        const current = this.ctx.tickets.get(counter.currentTicketId)
        throw domainError(
          ErrorCodes.COUNTER_BUSY,
          `finish, transfer or park ${current?.label ?? 'the current ticket'} before you resume another`,
        )
      }
      const status = assertTransition(t.status, 'resume')
      const parking = this.repo.get(t.id)
      // calledAt stays the first call (the wait in the line); the return is its own time (at-counter-since.ts)
      this.ctx.tickets.update(t.id, { status, resumedAt: tx.now, startedAt: null, counterId: counter.id, clerkId: actorIds(actor).userId })
      this.ctx.counters.setCurrentTicket(counter.id, t.id)
      this.repo.remove(t.id)
      tx.log({
        type: 'ticket.resumed',
        ticketId: t.id,
        counterId: counter.id,
        serviceId: t.serviceId,
        ...actorIds(actor),
        data: { parkedSeconds: parking ? Math.round((tx.now - parking.parkedAt) / 1000) : null, reason: parking?.reason ?? null },
      })
      const ticket = this.ctx.tickets.get(t.id)!
      const called = this.ctx.counters.get(counter.id)!
      tx.emit({ type: 'ticket:called', ticket, counter: called, recall: false, at: tx.now })
      // the full ticket too: screens that never held it (it was parked, not waiting) learn it left the parked list
      tx.emit({ type: 'ticket:updated', ticket })
      tx.emit({ type: 'counter:updated', counter: called })
      tx.emit({ type: 'queue:updated', serviceIds: [t.serviceId] })
      return { counter: called, ticket }
    })
  }

  /** The parked tickets the actor may resume (a clerk: those of their open counter's services; a manager: all), earliest deadline first. */
  parkedFor(actor: Actor): ParkedTicketView[] {
    this.ctx.closePastDays()
    const now = this.ctx.clock()
    const services = this.servicesOf(actor)
    return this.repo
      .list()
      .map((parking) => ({ parking, ticket: this.ctx.tickets.get(parking.ticketId)! }))
      .filter(({ ticket }) => ticket && ticket.status === 'parked' && (services === 'all' || services.has(ticket.serviceId)))
      .map(({ parking, ticket }) => {
        const deadlineAt = parkDeadlineNow(this.ctx, parking, now)
        return {
          ticket,
          parking: { ...parking, deadlineAt },
          secondsLeft: parkSecondsLeft(deadlineAt, now),
          clockStopped: parking.counterPausedAt !== null,
        }
      })
  }

  /**
   * Abandons every parked ticket whose deadline in force is at or before `now` (never one whose
   * parking counter is paused now, parking-rules.ts), in one transaction with a
   * `ticket.abandoned` row each; publishes after the commit. Cheap when nothing is parked.
   */
  sweep(now: number = this.ctx.clock()): number {
    if (this.sweeping || !this.repo.any()) return 0
    const overdue = this.repo.overdue(now).filter((p) => isParkOverdue(parkDeadlineNow(this.ctx, p, now), now))
    if (overdue.length === 0) return 0
    this.sweeping = true
    try {
      const scope = new WriteScope(this.ctx)
      const serviceIds = new Set<number>()
      this.ctx.db
        .transaction(() => {
          for (const p of overdue) {
            const t = this.ctx.tickets.get(p.ticketId)
            this.repo.remove(p.ticketId)
            if (t?.status !== 'parked') continue
            this.ctx.tickets.update(t.id, { status: assertTransition(t.status, 'abandon'), finishedAt: now })
            scope.log({
              type: 'ticket.abandoned',
              ticketId: t.id,
              serviceId: t.serviceId,
              data: {
                reason: p.reason,
                deadlineAt: new Date(p.deadlineAt).toISOString(),
                parkedSeconds: Math.round((p.deadlineAt - p.parkedAt) / 1000),
              },
            })
            scope.emit({ type: 'ticket:updated', ticket: this.ctx.tickets.get(t.id)! })
            serviceIds.add(t.serviceId)
          }
        })
        .immediate()
      if (serviceIds.size > 0) scope.emit({ type: 'queue:updated', serviceIds: [...serviceIds] })
      this.ctx.domainEvents.emit(scope.pending)
      return serviceIds.size
    } finally {
      this.sweeping = false
    }
  }

  private ownCounter(actor: Actor, counterId: number): CounterRecord {
    if (actor.type !== 'user') throw domainError(ErrorCodes.FORBIDDEN, 'only staff can park or resume a ticket')
    const counter = this.ctx.counters.get(counterId)
    if (!counter) throw domainError(ErrorCodes.COUNTER_NOT_FOUND, `counter ${counterId} does not exist`)
    if (counter.state === 'closed' || !counter.clerk) throw domainError(ErrorCodes.COUNTER_NOT_OPEN, `counter ${counter.number} is closed`)
    if (counter.clerk.id !== actor.id)
      throw domainError(ErrorCodes.NOT_YOUR_COUNTER, `counter ${counter.number} is held by ${counter.clerk.username}`)
    return counter
  }

  private servicesOf(actor: Actor): Set<number> | 'all' {
    if (actor.type !== 'user') return new Set()
    if (MAY_SEE_ALL.has(actor.role)) return 'all'
    const counter = this.ctx.counters.findByClerk(actor.id)
    if (!counter || counter.state === 'closed') return new Set()
    return new Set(counter.services.map((s) => s.serviceId))
  }
}
