import type { QueueContext } from './queue-context.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import type { CenterNews } from '../../protocol/center.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import type { Service, ServiceWithQueue } from '../../protocol/entities.ts'
import { NO_PRIORITY, type Standing } from './types.ts'
import { estimateWaitSeconds, rollingMeanServiceSeconds } from './wait-estimate.ts'
import { isStaffed, kioskMaySell, type Staffing } from './staffing.ts'
import { hoursNow } from '../../protocol/opening-hours.ts'
import type { HoursNow } from '../../protocol/calendar.ts'

/**
 * Read models of the live queue: how many are ahead of a ticket, how long it will take, and
 * what each service's line looks like now. Positions follow the configured policy's broad
 * order (priority tickets first under `priority`), not every tie-break: an estimate, not a promise.
 */
export class QueueView {
  constructor(private readonly ctx: QueueContext) {}

  /** People ahead of a waiting ticket in its service's line, or of a remote one's held place (remote-join.ts); 0 for a ticket no longer waiting. */
  peopleAhead(t: TicketRecord): number {
    if (t.status !== 'waiting' && t.status !== 'remote') return 0
    const { tickets } = this.ctx
    if (this.ctx.config.queue.policy !== 'priority') return tickets.waitingAhead(t, false)
    if (t.priority !== NO_PRIORITY) return tickets.waitingAhead(t, true)
    // an ordinary ticket also has every waiting priority ticket ahead of it, even later ones
    const priorityAhead = tickets.waitingAhead(t, true)
    return tickets.waitingAhead(t, false) + (tickets.waitingPriorityCount(t.serviceId) - priorityAhead)
  }

  /** Every zone a display may be listening to: counters' zones and zoned displays'. */
  knownZones(): string[] {
    return [...new Set([...this.ctx.counters.zones(), ...this.ctx.devices.displayZones()])]
  }

  /** Rolling mean of the service's recent service times (call → finish), or the configured default. */
  meanServiceSeconds(serviceId: number): number {
    const q = this.ctx.config.queue
    return rollingMeanServiceSeconds(this.ctx.tickets.recentServiceSeconds(serviceId, q.serviceTimeWindow), q.defaultServiceSeconds)
  }

  /** Counters that can serve the service now (see staffing.ts): away clerks' counters are left out. */
  staffing(serviceId: number): Staffing {
    return this.ctx.counters.servingCounts(serviceId)
  }

  /** The wait of the `peopleAhead + 1`th ticket; null when no open counter serves the service. */
  estimateFor(serviceId: number, peopleAhead: number): number | null {
    return estimateWaitSeconds({
      peopleAhead,
      openCounters: this.staffing(serviceId).open,
      meanServiceSeconds: this.meanServiceSeconds(serviceId),
    })
  }

  /** The service's hours now given the wait of a ticket taken now (protocol/opening-hours.ts): whether a kiosk may issue, when it opens next. */
  hoursOf(serviceId: number, estimatedWaitSeconds: number | null): HoursNow {
    return hoursNow(this.ctx.calendar(), serviceId, this.ctx.clock(), this.ctx.config.timeZone, estimatedWaitSeconds)
  }

  /** Position and estimate of one ticket (estimate 0 once it no longer waits). */
  standing(t: TicketRecord): Standing {
    const position = this.peopleAhead(t)
    const inLine = t.status === 'waiting' || t.status === 'remote'
    return { position, estimatedWaitSeconds: inLine ? this.estimateFor(t.serviceId, position) : 0 }
  }

  /** Every service (or only active ones) with its live queue figures. */
  serviceQueues(options: { activeOnly?: boolean } = {}): ServiceWithQueue[] {
    this.ctx.closePastDays()
    const day = this.ctx.dayOf(this.ctx.clock())
    return this.ctx.services.list(options).map((s) => this.withQueue(s, day))
  }

  /** The live queue: waiting, called and serving tickets. An old day's leftovers are closed first, so they are not in the morning's line. */
  liveTickets(): TicketRecord[] {
    this.ctx.closePastDays()
    return this.ctx.tickets.listLive()
  }

  /**
   * A ticket as its public status page shows it, or TICKET_NOT_FOUND. Reads close the old day
   * too: yesterday's leftover read the next morning, before any ticket was issued or called,
   * would otherwise still say "waiting, N ahead".
   */
  publicTicket(ticketId: string): { ticket: TicketRecord; service: Service; counter: CounterRecord | undefined } {
    this.ctx.closePastDays()
    const ticket = this.ctx.tickets.get(ticketId)
    if (!ticket) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
    const atCounter = ticket.counterId !== null && (ticket.status === 'called' || ticket.status === 'serving')
    return {
      ticket,
      service: this.ctx.services.get(ticket.serviceId)!,
      counter: atCounter ? this.ctx.counters.get(ticket.counterId!) : undefined,
    }
  }

  /**
   * What the status page of a ticket joined from a phone adds (remote-arrival.ts): its mode, its
   * minutes to arrive, when it arrived, and the deadline in force; undefined for any other ticket.
   */
  remoteFacts(
    t: TicketRecord,
  ): { mode: 'check-in' | 'call-ahead'; arriveMinutes: number; arrivedAt: number | null; arriveBy: number | null } | undefined {
    const join = this.ctx.remoteJoins.get(t.id)
    if (!join) return undefined
    const minutes = join.arriveMinutes * 60_000
    let arriveBy: number | null = null
    if (join.arrivedAt === null && join.mode === 'check-in' && t.status === 'remote') {
      const turn = this.ctx.remoteJoins.turnCameAt(t.id)
      arriveBy = turn === null ? null : turn + minutes
    } else if (join.arrivedAt === null && join.mode === 'call-ahead' && t.status === 'called' && t.calledAt !== null) {
      arriveBy = t.calledAt + minutes
    }
    return { mode: join.mode, arriveMinutes: join.arriveMinutes, arrivedAt: join.arrivedAt, arriveBy }
  }

  /** Every counter, or those of one zone. */
  counters(zone: string | null = null): CounterRecord[] {
    return this.ctx.counters.list().filter((c) => zone === null || c.zone === zone)
  }

  /** Open or paused counters that have a clerk: the ones whose clerk may be away. */
  heldCounters(): CounterRecord[] {
    return this.ctx.counters.listHeld()
  }

  /** The latest calls, newest first (`limit` of them), whatever counter they were at. */
  recentCalls(limit: number): TicketRecord[] {
    return this.ctx.tickets.recentCalls(limit)
  }

  /** The displays' news line. */
  news(): CenterNews {
    return this.ctx.centerSettings.news()
  }

  /** One service's live figures (what `queue:updated` carries), or null for an unknown id. */
  serviceQueue(serviceId: number): ServiceWithQueue | null {
    const service = this.ctx.services.get(serviceId)
    return service ? this.withQueue(service, this.ctx.dayOf(this.ctx.clock())) : null
  }

  /** Waiting count, estimate for a new ticket, today's issue count, whether it is staffed, its hours and whether a kiosk may issue now. */
  private withQueue(s: Service, day: string): ServiceWithQueue {
    const waiting = this.ctx.tickets.waitingCount(s.id)
    const issuedToday = this.ctx.tickets.issuedOn(s.id, day)
    const capReached = s.dailyCap !== null && issuedToday >= s.dailyCap
    const staffed = isStaffed(this.staffing(s.id))
    const estimatedWaitSeconds = this.estimateFor(s.id, waiting)
    const hours = this.hoursOf(s.id, estimatedWaitSeconds)
    return {
      ...s,
      waiting,
      issuedToday,
      estimatedWaitSeconds,
      staffed,
      available: s.active && !capReached && kioskMaySell(s, staffed) && hours.closedReason === null,
      hours,
    }
  }
}
