import type { Db } from '../db/connection.ts'
import type { Config } from '../config.ts'
import { ServicesRepo } from '../db/repositories/services-repo.ts'
import { CountersRepo } from '../db/repositories/counters-repo.ts'
import { TicketsRepo, type StaleWaiting } from '../db/repositories/tickets-repo.ts'
import { EventsRepo, type EventRecord } from '../db/repositories/events-repo.ts'
import { UsersRepo } from '../db/repositories/users-repo.ts'
import { TokensRepo } from '../db/repositories/tokens-repo.ts'
import { DevicesRepo } from '../db/repositories/devices-repo.ts'
import { CenterSettingsRepo } from '../db/repositories/center-settings-repo.ts'
import { CalendarRepo } from '../db/repositories/calendar-repo.ts'
import { BookingsRepo } from '../db/repositories/bookings-repo.ts'
import { RemoteJoinsRepo } from '../db/repositories/remote-joins-repo.ts'
import type { CenterCalendar } from '../../protocol/calendar.ts'
import type { DomainEvents, DomainEvent } from './domain-events.ts'
import { addDays, businessDay, businessDayStartMs } from '../../protocol/center-clock.ts'
import { closingDueForCancel } from '../../protocol/opening-hours.ts'
import { waitFacts } from './wait-facts.ts'

export type Clock = () => number

/** What every part of the queue domain works with: the repositories, the settings, the clock. */
export class QueueContext {
  readonly services: ServicesRepo
  readonly counters: CountersRepo
  readonly tickets: TicketsRepo
  readonly events: EventsRepo
  readonly users: UsersRepo
  readonly tokens: TokensRepo
  readonly devices: DevicesRepo
  readonly centerSettings: CenterSettingsRepo
  readonly calendars: CalendarRepo
  /** Appointment settings, day overrides and bookings (issue 19). */
  readonly bookings: BookingsRepo
  /** Tickets joined from a phone (remote-join.ts). */
  readonly remoteJoins: RemoteJoinsRepo
  private currentCalendar: CenterCalendar

  constructor(
    readonly db: Db,
    readonly config: Pick<Config, 'timeZone' | 'queue'> & Partial<Pick<Config, 'messages' | 'remoteJoin'>>,
    readonly clock: Clock,
    readonly domainEvents: DomainEvents,
  ) {
    this.services = new ServicesRepo(db)
    this.counters = new CountersRepo(db)
    this.tickets = new TicketsRepo(db)
    this.events = new EventsRepo(db)
    this.users = new UsersRepo(db)
    this.tokens = new TokensRepo(db)
    this.devices = new DevicesRepo(db)
    this.centerSettings = new CenterSettingsRepo(db)
    this.calendars = new CalendarRepo(db)
    this.bookings = new BookingsRepo(db)
    this.remoteJoins = new RemoteJoinsRepo(db)
    this.currentCalendar = this.calendars.load()
  }

  /** The center's calendar (opening hours, business day) as stored; read on every issue, so it is kept in memory. */
  calendar(): CenterCalendar {
    return this.currentCalendar
  }

  /** Makes a stored calendar the current one (call after the commit that stored it). */
  useCalendar(cal: CenterCalendar): void {
    this.currentCalendar = cal
  }

  /** Checks run before every change and read of the queue, like closing the day (the parking sweep registers one). */
  readonly beforeUse: ((now: number) => void)[] = []

  private lastDayClosed: string | null = null
  private lastClosingHandled: number | null = null

  /**
   * Tickets still waiting from an earlier local day are expired (cancelled, reason `day_closed`)
   * the first time anything happens on a new day: a center closes at night, and yesterday's
   * A-087 must not be called before today's A-001. Called and serving tickets are left to their
   * counters, and so is one a clerk transferred back to waiting today (see waitingBefore). Runs at
   * most once per day per process; cheap when there is nothing to expire.
   */
  closePastDays(): void {
    const now = this.clock()
    for (const check of this.beforeUse) check(now)
    this.cancelAfterClosing(now)
    // a center with no daily close (24 hours) keeps its line across the day's start (issue 18)
    if (!this.currentCalendar.dailyClose) return
    const today = this.dayOf(now)
    if (this.lastDayClosed === today) return
    // closedAt: the end of the ticket's own day, whose figures count the cancellation (server/reports/rollup.ts)
    const { timeZone } = this.config
    const startsAt = this.currentCalendar.businessDayStartsAt
    this.cancelWaiting(this.tickets.waitingBefore(today), now, (t) => ({
      reason: 'day_closed',
      day: t.day,
      closedAt: businessDayStartMs(addDays(t.day, 1), timeZone, startsAt),
    }))
    this.lastDayClosed = today
  }

  /**
   * With the calendar's `atClosing: 'cancel-after'`: tickets issued before the center's last
   * closing and still waiting `cancelAfterMinutes` after it are cancelled (reason
   * `center_closed`), once per closing. The default, `serve-until-empty`, cancels nothing.
   */
  private cancelAfterClosing(now: number): void {
    const closing = closingDueForCancel(this.currentCalendar, now, this.config.timeZone)
    if (closing === null || closing === this.lastClosingHandled) return
    this.cancelWaiting(this.tickets.waitingIssuedBefore(closing), now, (t) => ({ reason: 'center_closed', day: t.day, closedAt: closing }))
    this.lastClosingHandled = closing
  }

  /** Cancels waiting tickets in one transaction, each with its log row; publishes after the commit. */
  private cancelWaiting(stale: StaleWaiting[], now: number, why: (t: { day: string }) => Record<string, unknown>): void {
    if (stale.length > 0) {
      const scope = new WriteScope(this)
      this.db
        .transaction(() => {
          for (const t of stale) {
            const wait = waitFacts(this, t, now)
            this.tickets.update(t.id, { status: 'cancelled', finishedAt: now })
            scope.log({
              type: 'ticket.cancelled',
              ticketId: t.id,
              serviceId: t.serviceId,
              data: { ...why(t), ...wait },
            })
          }
        })
        .immediate()
      scope.emit({ type: 'queue:updated', serviceIds: [...new Set(stale.map((t) => t.serviceId))] })
      this.domainEvents.emit(scope.pending)
    }
  }

  /** The center's business day of an instant (the calendar's day start, default local midnight: the local day). */
  dayOf(at: number): string {
    return businessDay(at, this.config.timeZone, this.currentCalendar.businessDayStartsAt)
  }

  /** Publishes events of a change that writes nothing (a device's runtime health); everything stored goes through `write`. */
  publish(events: DomainEvent[]): void {
    this.domainEvents.emit(events)
  }

  /**
   * Runs `work` in one IMMEDIATE transaction (so a concurrent CLI process cannot make it fail
   * half-way) and emits the domain events it collected only after the commit.
   */
  write<T>(work: (tx: WriteScope) => T): T {
    this.closePastDays()
    const scope = new WriteScope(this)
    const result = this.db.transaction(() => work(scope)).immediate()
    this.domainEvents.emit(scope.pending)
    return result
  }
}

/** A transaction in progress: appends to the event log and queues the domain events. */
export class WriteScope {
  readonly pending: DomainEvent[] = []
  readonly now: number
  readonly day: string

  constructor(private readonly ctx: QueueContext) {
    this.now = ctx.clock()
    this.day = ctx.dayOf(this.now)
  }

  log(event: Omit<EventRecord, 'at' | 'day'>): void {
    this.ctx.events.append({ ...event, at: this.now, day: this.day })
  }

  emit(event: DomainEvent): void {
    this.pending.push(event)
  }
}
