import { parkDeadlineNow } from './park-clock.ts'
import { ParkingRepo } from '../db/repositories/parking-repo.ts'
import { RatingsRepo } from '../db/repositories/ratings-repo.ts'
import type { QueueContext } from './queue-context.ts'
import { visitProgressOf } from './visit-steps.ts'
import type { VisitProgress } from '../../protocol/visit-steps.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { PastCallRecord } from '../db/repositories/events-repo.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import type { CenterNews } from '../../protocol/center.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import type { Service, ServiceWithQueue } from '../../protocol/entities.ts'
import type { WaitingFigure } from '../../protocol/events.ts'
import { NO_PRIORITY, type Standing } from './types.ts'
import { rollingMeanServiceSeconds } from './wait-estimate.ts'
import { expectedSecondsLeft } from './service-time-left.ts'
import { earlierStaySeconds } from './service-time.ts'
import { isStaffed, kioskMaySell, type Staffing } from './staffing.ts'
import { cancelGrace, hoursNow, inCancelGrace } from '../../protocol/opening-hours.ts'
import type { HoursNow } from '../../protocol/calendar.ts'
import { type ForecastCall, type ForecastCounter, forecastCalls } from './line-forecast.ts'
import { counterFreeAt } from './counter-free-at.ts'
import { counterOfTicket } from './ticket-counter.ts'
import type { CallCandidate } from './types.ts'
import { heldPlacesWithin } from './appointment-hold.ts'
import { atCounterSince } from '../../protocol/at-counter-since.ts'
import { callsNow, servesNow } from '../../protocol/counter-serving.ts'
import { reinstatableUntil } from './ticket-reinstatement.ts'
import { noShowDueOf } from './no-show-due.ts'
import { earlierWaitEndingCall } from './wait-ending-call.ts'
import { recallSinceCall, recallsSinceCall } from './recall-since-call.ts'
import type { NoShowDue } from './no-show-rules.ts'
import { callAheadArriveBy } from './remote-arrival.ts'
import { placedAheadInLine, placedAheadOf } from './placed-ahead.ts'
import type { PlacedAhead } from '../../protocol/entities.ts'

/** The id of the ticket a kiosk would issue now, in the play that estimates it (no real id looks like it). */
const NEW_TICKET = '\u0000new'

/**
 * Read models of the live queue: how many are ahead of a ticket, how long it will take, and
 * what each service's line looks like now. People ahead and the wait come from the line
 * forecast (line-forecast.ts: the call policy played forward over the open counters), so they
 * count the other services' tickets the same counters will call first; a ticket no open counter
 * can call falls back to its service's line, in the policy's broad order, with an unknown wait.
 */
export class QueueView {
  constructor(private readonly ctx: QueueContext) {}

  // One play per state of the database and second: a change anywhere (a call, a counter opening)
  // bumps total_changes(), and ageing and SLA shares move with the clock. Every reading of one
  // play counts from the play's own `now`: a wait read 0.6 s after the play was made would
  // otherwise round to 299 s where the kiosk was told 300 s for the same line (CI stop 37).
  private played: {
    key: string
    now: number
    whole: Map<string, ForecastCall> | null
    withNew: Map<number, ForecastCall | null>
    asIf: Map<string, ForecastCall | undefined>
    resumed: Map<string, ForecastCall> | null
    /** People ahead of a new ticket of a service no open counter can call, in the paused counters' play. */
    resumedNew: Map<number, number | null>
  } | null = null

  private playKey(now: number): string {
    const { n } = this.ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }
    return `${n}:${Math.floor(now / 1000)}`
  }

  private memo(): NonNullable<QueueView['played']> {
    const now = this.ctx.clock()
    const key = this.playKey(now)
    if (this.played?.key !== key)
      this.played = { key, now, whole: null, withNew: new Map(), asIf: new Map(), resumed: null, resumedNew: new Map() }
    return this.played
  }

  /**
   * Open counters (clerk present) as the play sees them, each with its own candidates; `extra` adds
   * a ticket not yet taken to those that may call it. `resumed` plays the paused counters too as
   * though they were back now: the order they will call in, not when. Never an away counter
   * (protocol/counter-serving.ts): its clerk has no console and may not come back, and it serves
   * nobody on any other screen; played, its own lines came first, so a line it served as a backup
   * read «أمامك: ٥» with nobody in it (demo of 2026-12-07).
   */
  private forecastCounters(now: number, extra: CallCandidate | null, resumed = false): ForecastCounter[] {
    return this.ctx.counters
      .list()
      .filter((c) => (resumed ? servesNow(c) : callsNow(c)))
      .map((c) => {
        const current = c.currentTicketId === null ? undefined : this.ctx.tickets.get(c.currentTicketId)
        const freeAt = current
          ? counterFreeAt(
              current,
              earlierStaySeconds(this.ctx.db, current),
              (served) => this.serviceSecondsLeft(current.serviceId, served),
              now,
            )
          : now
        const candidates = this.ctx.tickets.candidatesFor(c.id)
        const serves = extra && c.services.find((s) => s.serviceId === extra.serviceId)
        if (extra && serves) candidates.push({ ...extra, weight: serves.weight })
        return { id: c.id, freeAt, priorityStreak: c.priorityStreak, candidates }
      })
  }

  private play(now: number, extra: CallCandidate | null, until?: string, resumed = false): Map<string, ForecastCall> {
    const q = this.ctx.config.queue
    const serviceSeconds = new Map<number, number>()
    return forecastCalls({
      now,
      policy: q.policy,
      params: { maxPriorityInARow: q.maxPriorityInARow, priorityAgingSeconds: q.priorityAgingSeconds },
      counters: this.forecastCounters(now, extra, resumed),
      serviceSeconds: (id) => serviceSeconds.get(id) ?? serviceSeconds.set(id, this.meanServiceSeconds(id)).get(id)!,
      until,
    })
  }

  /**
   * Where the play calls a waiting ticket; undefined when no open counter can call it. A remote
   * ticket (a held place, not callable until it arrives: remote-join.ts) is played as though it
   * had arrived, keeping its join time; the other tickets' plays leave it out.
   */
  private forecastOf(t: TicketRecord, memo = this.memo()): ForecastCall | undefined {
    if (t.status === 'remote') {
      if (!memo.asIf.has(t.id)) {
        const service = this.ctx.services.get(t.serviceId)
        memo.asIf.set(t.id, service ? this.play(memo.now, this.candidateOf(t, service.targetWaitSeconds), t.id).get(t.id) : undefined)
      }
      return memo.asIf.get(t.id)
    }
    memo.whole ??= this.play(memo.now, null)
    return memo.whole.get(t.id)
  }

  /** A ticket not yet in the counters' candidates, as the call policy would see it (its weight set per counter). */
  private candidateOf(
    t: Pick<TicketRecord, 'id' | 'serviceId' | 'priority' | 'queuedAt' | 'number'>,
    targetWaitSeconds: number,
  ): CallCandidate {
    return {
      ticketId: t.id,
      serviceId: t.serviceId,
      priority: t.priority,
      queuedAt: t.queuedAt,
      targetWaitSeconds,
      weight: 1,
      targetedHere: false,
      number: t.number,
    }
  }

  /** A ticket of the service taken at `now`, last in its line; null for an unknown service. */
  private newCandidate(serviceId: number, now: number): CallCandidate | null {
    const service = this.ctx.services.get(serviceId)
    return service
      ? this.candidateOf(
          { id: NEW_TICKET, serviceId, priority: NO_PRIORITY, queuedAt: now, number: Number.MAX_SAFE_INTEGER },
          service.targetWaitSeconds,
        )
      : null
  }

  /** Where the play calls a ticket of the service taken now; null when no open counter can call it. */
  private forecastOfNew(serviceId: number, memo = this.memo()): ForecastCall | null {
    if (!memo.withNew.has(serviceId)) {
      const extra = this.newCandidate(serviceId, memo.now)
      memo.withNew.set(serviceId, extra ? (this.play(memo.now, extra, NEW_TICKET).get(NEW_TICKET) ?? null) : null)
    }
    return memo.withNew.get(serviceId)!
  }

  /** People ahead of a waiting ticket or of a remote one's held place (see the class comment); 0 for a ticket no longer in line. */
  peopleAhead(t: TicketRecord): number {
    if (!inLine(t)) return 0
    return this.forecastOf(t)?.ahead ?? this.aheadWhenNoneCalls(t)
  }

  /**
   * The people placed ahead of a waiting ticket after it joined its line, by why (placed-ahead.ts),
   * where its people ahead come from: the open counters' play, else the paused ones' as though
   * resumed, else its own service's line; null when nobody was.
   */
  placedAhead(t: TicketRecord): PlacedAhead | null {
    if (t.status !== 'waiting') return null
    const later = this.ctx.tickets.waitingJoinedAfter(t.rejoinedAt ?? t.issuedAt)
    if (later.length === 0) return null
    const memo = this.memo()
    memo.whole ??= this.play(memo.now, null)
    let calls = memo.whole
    if (!calls.has(t.id)) {
      memo.resumed ??= this.play(memo.now, null, undefined, true)
      calls = memo.resumed
    }
    if (calls.has(t.id)) return placedAheadOf(t, calls, new Map(later.map((l) => [l.id, l])))
    return placedAheadInLine(t, later, this.ctx.config.queue.policy === 'priority')
  }

  /**
   * People ahead of a ticket no open counter can call now: in the play of the paused counters as
   * though resumed (a paused counter calls a priority ticket or a due appointment of another of its
   * services first: walk 2026-12-05, finding 1), else, when nobody serves it (closed or away), in
   * its own service's line.
   */
  private aheadWhenNoneCalls(t: TicketRecord): number {
    if (t.status === 'waiting') {
      const memo = this.memo()
      memo.resumed ??= this.play(memo.now, null, undefined, true)
      const call = memo.resumed.get(t.id)
      if (call) return call.ahead
    }
    return this.aheadInItsLine(t)
  }

  /** People ahead in the ticket's own service's line, in the policy's broad order (priority tickets first under `priority`). */
  private aheadInItsLine(t: TicketRecord): number {
    const { tickets } = this.ctx
    if (this.ctx.config.queue.policy !== 'priority') return tickets.waitingAhead(t, false)
    if (t.priority !== NO_PRIORITY) return tickets.waitingAhead(t, true)
    // an ordinary ticket also has every waiting priority ticket ahead of it, even later ones
    const priorityAhead = tickets.waitingAhead(t, true)
    return tickets.waitingAhead(t, false) + (tickets.waitingPriorityCount(t.serviceId) - priorityAhead)
  }

  /**
   * The services whose lines a change in `serviceIds` may move: those a counter serves alongside
   * one of them, and so on, since a counter that calls one service's ticket calls another's later.
   */
  linkedServices(serviceIds: readonly number[]): Set<number> {
    const linked = new Set(serviceIds)
    const served = this.ctx.counters.list().map((c) => c.services.map((s) => s.serviceId))
    for (let grew = true; grew; ) {
      grew = false
      for (const ids of served) {
        if (!ids.some((id) => linked.has(id)) || ids.every((id) => linked.has(id))) continue
        for (const id of ids) linked.add(id)
        grew = true
      }
    }
    return linked
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

  /**
   * Expected seconds still to go of a service of `serviceId` that has lasted `servedSeconds`
   * (service-time-left.ts), from the same recent times and default as meanServiceSeconds.
   */
  serviceSecondsLeft(serviceId: number, servedSeconds: number): number {
    const q = this.ctx.config.queue
    return expectedSecondsLeft(
      this.ctx.tickets.recentServiceSeconds(serviceId, q.serviceTimeWindow),
      q.defaultServiceSeconds,
      servedSeconds,
    )
  }

  /** Counters that can serve the service now (see staffing.ts): away clerks' counters are left out. */
  staffing(serviceId: number): Staffing {
    return this.ctx.counters.servingCounts(serviceId)
  }

  /**
   * Seconds until the play calls a ticket of the service, never negative, plus the turns of the
   * bookings not yet checked in that fall due before then (appointment-hold.ts): the play does not
   * know them yet, but rule f will call them first, each taking a mean service time from one of
   * the counters open for the service.
   */
  private secondsUntil(call: ForecastCall, serviceId: number, now: number): number {
    const seconds = Math.max(0, Math.round((call.at - now) / 1000))
    const held = heldPlacesWithin(this.ctx.bookings, serviceId, now, seconds)
    if (held === 0) return seconds
    return seconds + Math.round((held * this.meanServiceSeconds(serviceId)) / Math.max(1, this.staffing(serviceId).open))
  }

  /** The wait of a ticket of the service taken now (line-forecast.ts); null when no open counter can call it. */
  newTicketEstimate(serviceId: number): number | null {
    const memo = this.memo()
    const call = this.forecastOfNew(serviceId, memo)
    return call ? this.secondsUntil(call, serviceId, memo.now) : null
  }

  /**
   * People ahead of a ticket of the service taken now: what that ticket will print (standing()),
   * counting the other lines' tickets its counters will call first. When no open counter can call
   * it, the paused counters' play as though resumed, else its own line (every waiting ticket of it).
   */
  newTicketAhead(serviceId: number): number {
    const memo = this.memo()
    const call = this.forecastOfNew(serviceId, memo)
    if (call) return call.ahead
    if (!memo.resumedNew.has(serviceId)) {
      const extra = this.newCandidate(serviceId, memo.now)
      memo.resumedNew.set(serviceId, (extra && this.play(memo.now, extra, NEW_TICKET, true).get(NEW_TICKET)?.ahead) ?? null)
    }
    return memo.resumedNew.get(serviceId) ?? this.waitingCount(serviceId)
  }

  /** The service's hours now given the wait of a ticket taken now (protocol/opening-hours.ts): whether a kiosk may issue, when it opens next. */
  hoursOf(serviceId: number, estimatedWaitSeconds: number | null): HoursNow {
    return hoursNow(this.ctx.calendar(), serviceId, this.ctx.clock(), this.ctx.config.timeZone, estimatedWaitSeconds)
  }

  /** Position and estimate of one ticket (estimate 0 once it no longer waits; null when no open counter can call it). */
  standing(t: TicketRecord): Standing {
    if (!inLine(t)) return { position: 0, estimatedWaitSeconds: 0 }
    const memo = this.memo()
    const call = this.forecastOf(t, memo)
    return call
      ? { position: call.ahead, estimatedWaitSeconds: this.secondsUntil(call, t.serviceId, memo.now) }
      : { position: this.aheadWhenNoneCalls(t), estimatedWaitSeconds: null }
  }

  /** Every service (or only active ones) with its live queue figures. */
  serviceQueues(options: { activeOnly?: boolean } = {}): ServiceWithQueue[] {
    this.ctx.closePastDays()
    const day = this.ctx.dayOf(this.ctx.clock())
    return this.ctx.services.list(options).map((s) => this.withQueue(s, day))
  }

  /**
   * The lines the staff and the boards show: the active services, and a deactivated one while its
   * line still holds tickets. Deactivating a service stops new tickets only: those already in its
   * line are still called by the counters that serve it (README "Deactivating a service"), so the
   * console lists them and the TV counts them until the last is called. The snapshots listed active
   * services only, and a reload dropped that line from the TV and the console while three citizens
   * still waited in it (walk s53); the kiosk's feed keeps active ones only, as it sells nothing else.
   */
  lineQueues(): ServiceWithQueue[] {
    return this.serviceQueues().filter((s) => s.active || s.waiting > 0)
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
    return { ticket, service: this.ctx.services.get(ticket.serviceId)!, counter: counterOfTicket(this.ctx, ticket) }
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
    let arriveBy: number | null = null
    if (join.arrivedAt === null && join.mode === 'check-in' && t.status === 'remote') {
      arriveBy = this.ctx.remoteJoins.arriveByAfterTurn(join)
    } else {
      arriveBy = callAheadArriveBy(t, join)
    }
    return { mode: join.mode, arriveMinutes: join.arriveMinutes, arrivedAt: join.arrivedAt, arriveBy }
  }

  /** Where a ticket is in a visit of several steps (visit-steps.ts); null for a visit of one step. */
  visitProgress(t: TicketRecord): VisitProgress | null {
    return visitProgressOf(this.ctx, t)
  }

  /**
   * A parked ticket's park: until when its turn is kept (epoch ms, the deadline in force now: later
   * while the parking counter is paused, parking-rules.ts), the reason code and the counter that
   * parked it; null for any ticket not parked.
   */
  parkedFacts(t: TicketRecord): { until: number; reason: string; counterId: number | null; clockStopped: boolean } | null {
    const p = t.status === 'parked' ? new ParkingRepo(this.ctx.db).get(t.id) : undefined
    if (!p) return null
    const until = parkDeadlineNow(this.ctx, p, this.now())
    return { until, reason: p.reason, counterId: p.counterId, clockStopped: p.counterPausedAt !== null }
  }

  /**
   * The reason logged with a cancelled ticket's cancellation (`center_closed`, `day_closed`,
   * `by_citizen`, a staff code…) or an abandoned one's end (`day_closed`, `turn_passed`, …); null for any other ticket.
   */
  cancelReason(t: TicketRecord): string | null {
    if (t.status !== 'cancelled' && t.status !== 'abandoned') return null
    const type = t.status === 'cancelled' ? 'ticket.cancelled' : 'ticket.abandoned'
    const reason = this.ctx.events
      .forTicket(t.id)
      .filter((e) => e.type === type)
      .at(-1)?.data?.reason
    return typeof reason === 'string' ? reason : null
  }

  /** The slot's start (epoch ms) of the booking a ticket was checked in from; null for any other ticket. */
  appointmentSlot(t: TicketRecord): number | null {
    return t.origin === 'appointment' ? this.ctx.bookings.slotOfTicket(t.id) : null
  }

  /**
   * The recalls of a called ticket since its call (recallsSinceCall); 0 for any other ticket. Every
   * watched ticket's page is answered at each push of its line, so a ticket never recalled
   * (recallCount 0, most of them) reads no events.
   */
  /** Whether a finished ticket has its rating (its status page stops offering the faces); false for any other. */
  isRated(t: TicketRecord): boolean {
    return t.status === 'done' && new RatingsRepo(this.ctx.db).get(t.id) !== undefined
  }

  recallsNow(t: TicketRecord): number {
    return t.status === 'called' && t.recallCount > 0 ? recallsSinceCall(this.ctx.events.forTicket(t.id)) : 0
  }

  /**
   * The service a waiting ticket was moved out of, when a clerk's latest transfer of it changed its
   * service (not a transfer to a counter of the same service, which waitsFor says); undefined otherwise.
   */
  movedFromService(t: TicketRecord): Service | undefined {
    // answered at each push of its line (as recallsNow): a ticket never transferred reads no events
    if (t.status !== 'waiting' || t.transferCount === 0) return undefined
    const moved = this.ctx.events
      .forTicket(t.id)
      .findLast((e) => e.type === 'ticket.transferred' || e.type === 'ticket.next_step' || e.type === 'ticket.reinstated')
    if (moved?.type !== 'ticket.transferred') return undefined
    const from = moved.data?.fromServiceId
    return typeof from === 'number' && from !== t.serviceId ? this.ctx.services.get(from) : undefined
  }

  /** Until when a no-show can still be undone (ticket-reinstatement.ts), or null. */
  reinstatableUntil(t: TicketRecord): number | null {
    return reinstatableUntil(this.ctx, t, this.ctx.clock())
  }

  /** When a called ticket may be marked a no-show (no-show-due.ts); null for any other. */
  noShowDue(t: TicketRecord): NoShowDue | null {
    return noShowDueOf(this.ctx, t)
  }

  /**
   * For a called or serving ticket whose latest call came after an undone no-show: the earlier call
   * that ended its wait in the line and the wait it recorded (wait-ending-call.ts); undefined otherwise.
   */
  waitEndedEarlier(t: TicketRecord): { calledAt: number; waitedSeconds: number } | undefined {
    // only a ticket that rejoined a line can have been reinstated: the others read no events
    if ((t.status !== 'called' && t.status !== 'serving') || t.rejoinedAt === null) return undefined
    const ending = earlierWaitEndingCall(this.ctx.events.forTicket(t.id))
    const waited = ending?.data?.waitedSeconds
    return ending && typeof waited === 'number' ? { calledAt: ending.at, waitedSeconds: waited } : undefined
  }

  /** The center's clock now (epoch ms): what a read model's "still within…" is judged against. */
  now(): number {
    return this.ctx.clock()
  }

  /** Every counter, or those of one zone. */
  counters(zone: string | null = null): CounterRecord[] {
    return this.ctx.counters.list().filter((c) => zone === null || c.zone === zone)
  }

  /** Open or paused counters that have a clerk: the ones whose clerk may be away. */
  heldCounters(): CounterRecord[] {
    return this.ctx.counters.listHeld()
  }

  /** The tickets at a counter now, the latest call first (TicketsRepo.currentCalls). */
  currentCalls(): TicketRecord[] {
    return this.ctx.tickets.currentCalls()
  }

  /**
   * How a display's board shows a ticket at its counter now, as its live pushes left it: a recall
   * since the ticket came to the counter is the board's call (its time), and keeps the "Recall"
   * mark until the clerk presses Start (the push `ticket:started` drops it). So a display that
   * connects after the recall shows what one that saw it does.
   */
  boardCall(t: TicketRecord): { recall: boolean; at: number } {
    const recall = recallSinceCall(this.ctx.events.forTicket(t.id))
    return { recall: recall !== undefined && t.status === 'called', at: recall?.at ?? atCounterSince(t)! }
  }

  /** Today's calls gone from one of `counterIds`, the last to leave first (EventsRepo.pastCalls). */
  pastCalls(counterIds: readonly number[], limit: number): PastCallRecord[] {
    return this.ctx.events.pastCalls(this.ctx.dayOf(this.ctx.clock()), counterIds, limit)
  }

  /** The displays' news line. */
  news(): CenterNews {
    return this.ctx.centerSettings.news()
  }

  /**
   * Whether tickets still waiting after the closing will be served: the calendar serves the line
   * out (`atClosing: serve-until-empty`). The day's close cancels them all the same; until then
   * they are called.
   */
  servesLineOut(): boolean {
    return this.ctx.calendar().atClosing === 'serve-until-empty'
  }

  /**
   * With `atClosing: 'cancel-after'`, in the grace after the center's last closing: that closing and
   * when the tickets taken before it and still waiting are cancelled (queue-context.ts
   * cancelAfterClosing); null otherwise.
   */
  cancelGraceNow(): { closedAt: number; cancelAt: number } | null {
    return cancelGrace(this.ctx.calendar(), this.ctx.clock(), this.ctx.config.timeZone)
  }

  /**
   * Whether the line is being served out after the closing now: someone still waits, and the
   * calendar serves the line out or (cancel-after) its grace minutes have not run out yet, during
   * which the waiting tickets are still called.
   */
  servesAfterClosing(): boolean {
    const during = this.servesLineOut() || inCancelGrace(this.ctx.calendar(), this.ctx.clock(), this.ctx.config.timeZone)
    return during && this.liveTickets().some((t) => t.status === 'waiting')
  }

  /** How many tickets of the service wait now (ServiceWithQueue.waiting): one indexed count, no play of the line. */
  waitingCount(serviceId: number): number {
    return this.ctx.tickets.waitingCount(serviceId)
  }

  /** A service's line length as a board shows it: how many wait, and how many of them were sent to one counter (WaitingFigure). */
  waitingFigure(serviceId: number): WaitingFigure {
    return { serviceId, waiting: this.waitingCount(serviceId), sentToCounters: this.ctx.tickets.waitingByTargetCounter(serviceId) }
  }

  /** One service's live figures (what `queue:updated` carries), or null for an unknown id. */
  serviceQueue(serviceId: number): ServiceWithQueue | null {
    const service = this.ctx.services.get(serviceId)
    return service ? this.withQueue(service, this.ctx.dayOf(this.ctx.clock())) : null
  }

  /** Waiting count, estimate for a new ticket, today's issue count, whether it is staffed, its hours and whether a kiosk may issue now. */
  private withQueue(s: Service, day: string): ServiceWithQueue {
    const waiting = this.waitingCount(s.id)
    const issuedToday = this.ctx.tickets.issuedOn(s.id, day)
    const capReached = s.dailyCap !== null && issuedToday >= s.dailyCap
    const staffed = isStaffed(this.staffing(s.id))
    const estimatedWaitSeconds = this.newTicketEstimate(s.id)
    const hours = this.hoursOf(s.id, estimatedWaitSeconds)
    return {
      ...s,
      waiting,
      sentToCounters: this.ctx.tickets.waitingByTargetCounter(s.id),
      issuedToday,
      estimatedWaitSeconds,
      ahead: this.newTicketAhead(s.id),
      staffed,
      available: s.active && !capReached && kioskMaySell(s, staffed) && hours.closedReason === null,
      hours,
      checkIn: this.takesCheckIn(s),
      takesBookings: this.ctx.bookings.settings(s.id).enabled,
    }
  }

  /** Whether a code can be checked in for the service: it takes bookings, or joins from a phone (config remoteJoin). */
  private takesCheckIn(s: Service): boolean {
    if (this.ctx.config.remoteJoin?.services.some((r) => r.prefix === s.prefix)) return true
    return this.ctx.bookings.settings(s.id).enabled
  }
}

/** Waiting, or holding a place from a phone (remote-join.ts): the tickets whose people ahead and wait mean something. */
function inLine(t: TicketRecord): boolean {
  return t.status === 'waiting' || t.status === 'remote'
}
