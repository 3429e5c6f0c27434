/**
 * The console's link to its center: the clerk's StaffSession (the token in sessionStorage with
 * the user name, the re-login dialog when the server refuses it, the staff feed), what the
 * console shows (counters, live tickets, services, the clerk's day), whether the server can be
 * reached (a RetryController finds it again), and every request the clerk makes. Nothing is
 * shown before the server confirms it: a request's answer (or a push) changes the state, never
 * the click itself; one request at a time. Its host renders the state.
 */
import type { ReactiveControllerHost } from 'lit'
import type { Counter, IssuedTicket, Service, Ticket } from '../protocol/entities.ts'
import type { ClerkStatsToday } from '../protocol/stats.ts'

/** A no-show the clerk may still undo, and when (the center's clock as the console tells it, from the server's seconds left). */
export interface LocalNoShow {
  ticket: Ticket
  endsAt: number
}
import type { Role } from '../protocol/common.ts'
import { isActive, isTerminal } from '../protocol/ticket-lifecycle.ts'
import { ApiError, NetworkError } from '../ui-common/api-client.ts'
import { ErrorCodes } from '../protocol/error-codes.ts'
import { randomUuid } from '../ui-common/random-id.ts'
import { FeedController } from '../ui-common/feed-controller.ts'
import { ServerClock } from '../ui-common/server-clock.ts'
import { ServerReach } from '../ui-common/server-reach.ts'
import { fetchMe, login, logout, meUrl } from '../ui-common/staff-api.ts'
import { sessionEnded, StaffSession } from '../ui-common/staff-session.ts'
import { TokenStore, tokenKey } from '../ui-common/token-store.ts'
import type { Lang } from '../ui-common/i18n.ts'
import * as api from './console-api.ts'
import type { ConsoleAction } from './console-actions.ts'
import { counterLost, messageForError } from './error-messages.ts'
import { LiveState } from './live-state.ts'
import { PrinterAlerts } from '../ui-common/printer-alerts.ts'
import type { ConsoleMessageKey } from '../protocol/messages/console.ts'
import { ParkingState } from './parking-state.ts'
import { parkCurrent, resumeParked } from './parking-api.ts'
import { needsSnapshot } from '../ui-common/queue-figures.ts'

export type Phase = 'starting' | 'login' | 'choose' | 'console'

/** A message under the header: an error the clerk must read, or news (a ticket issued). */
export interface Notice {
  key: ConsoleMessageKey
  values?: Record<string, string | number>
  tone: 'error' | 'info'
}

/** What some actions need from their dialog. */
export interface ActionInput {
  outcome?: string
  note?: string
  reason?: string
  serviceId?: number
  counterId?: number
  ticketId?: string
  priority?: string
  lang?: Lang
  idempotencyKey?: string
  /** How long to park the ticket (park). */
  minutes?: number
}

/** A refusal the console words itself, with values the stable code alone does not carry. */
class NoticeError extends Error {
  constructor(readonly notice: Notice) {
    super(notice.key)
  }
}

export class ConsoleSession {
  phase: Phase = 'starting'
  user: { id: number; username: string; displayName: string; role: Role } | null = null
  center: api.CenterInfo | null = null
  /** Services, counters and live tickets, as the feed and the answers say. */
  readonly live = new LiveState()
  /** The kiosk printers' alerts (every console shows them). */
  readonly printers = new PrinterAlerts()
  counterId: number | null = null
  stats: ClerkStatsToday | null = null
  /** Today's no-shows of this counter's services that can still be reinstated (refreshed with the figures), with their end in this browser's clock. */
  noShows: LocalNoShow[] = []
  /** The parked tickets of this counter's services and the park settings (refreshed with the figures and on pushes). */
  readonly parking = new ParkingState(() => this.clock.now())
  /** The request in flight ('login', 'open:3', or a console action); every button waits for it. */
  busy: string | null = null
  notice: Notice | null = null
  loginError: ConsoleMessageKey | null = null
  /** The walk-in ticket just issued here, shown whole (with its QR) until the clerk closes it; null when none. */
  walkIn: IssuedTicket | null = null
  /**
   * The services as GET /services answered at login: the chooser names each counter's services with
   * them until the feed's snapshot. It showed bare cards for a second, then grew chips under the
   * clerk's pointer (walk s55). Not the queue panel's: without the snapshot's tickets it would say
   * "nobody waits".
   */
  private servicesAtLogin: Service[] = []
  /** Told the id of each ticket a push says has changed (the ticket tools read the one they show again). */
  onTicketChanged: ((ticketId: string) => void) | null = null

  /** The clerk's token (sessionStorage: closing the browser logs out, a reload does not) and the staff feed. */
  private readonly auth: StaffSession
  private readonly feed: FeedController
  /** Whether the center answers, and the retry loop that finds it again. */
  private readonly reach: ServerReach
  /** The center's clock: what "waited", "at the counter" and "paused since" count from (this PC's may be off). */
  readonly clock = new ServerClock()

  /** `base`: the server's prefix (the console is at `<base>/counter/`). */
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly base: string,
  ) {
    this.auth = new StaffSession(host, { store: new TokenStore(tokenKey('counter-session', base), 'session') })
    this.feed = this.auth.attachFeed(
      new FeedController(host, {
        onSnapshot: (snapshot) =>
          this.set(() => {
            this.clock.sync(snapshot.serverTime)
            this.live.applySnapshot(snapshot)
            this.printers.applySnapshot(snapshot.printers)
            this.checkMyCounter()
            // a snapshot means pushes may have been missed, a config:changed among them: the center again
            if (this.center) void this.refreshCenter()
          }),
        onReachable: (up) => this.onSocketReachable(up),
        onRefused: () => void this.auth.probe(meUrl(base)),
      }),
      base,
    )
    this.reach = new ServerReach(host, { baseMs: 1000, maxMs: 10_000 })
    this.feed
      .on('ticket:issued', (e) => this.set(() => this.live.upsertTicket(e.ticket)))
      .on('ticket:updated', (e) => {
        // a parked ticket whose time ran out is given up by the server's sweep: it leaves the Parked
        // list, and the banner that said "parked; the counter is free" must not stand (walk s54)
        const givenUp = e.ticket.status === 'abandoned' && this.parking.parked.some((p) => p.ticket.id === e.ticket.id)
        this.set(() => {
          this.live.upsertTicket(e.ticket)
          if (givenUp) this.notice = { key: 'parked.givenUp', values: { label: e.ticket.label }, tone: 'info' }
        })
        // "my day" follows the same pushes as the rest: a ticket of this counter finished or marked
        // elsewhere (the hardware keypad, the same clerk on another device) changes its figures
        if (e.ticket.counterId === this.counterId && this.counterId !== null && isTerminal(e.ticket.status)) void this.refreshStats()
        else if (e.ticket.status === 'no_show' || this.noShows.some((n) => n.ticket.id === e.ticket.id)) void this.refreshNoShows()
        if (this.parking.concerns(e.ticket)) void this.refreshParked()
        this.onTicketChanged?.(e.ticket.id)
      })
      .on('ticket:called', (e) => {
        this.set(() => this.live.applyCall(e))
        this.onTicketChanged?.(e.ticket.id)
      })
      .on('counter:updated', (e) => {
        const before = this.live.counters.find((c) => c.id === e.counter.id)?.state
        this.set(() => this.upsertCounter(e.counter))
        // a counter that paused or came back stops or restarts the clock of the tickets it parked
        if (before !== e.counter.state && this.parking.parked.length > 0) void this.refreshParked()
      })
      .on('queue:updated', (e) => {
        // a service activated again (or created) after this console's snapshot: its names come only
        // with a snapshot; without one the transfer dialog left it out until a reload (walk s53)
        if (needsSnapshot(this.live.services, e.services)) this.feed.refresh()
        this.set(() => this.live.applyFigures(e.services))
      })
      .on('device:status', (e) => this.set(() => this.printers.apply(e.deviceId, e.status)))
      // a manager changed the finish outcomes (or the hub's bundle, the categories, the digits): the next finish offers the new ones
      .on('config:changed', (e) => {
        if (e.deviceId === null) void this.refreshCenter()
      })
  }

  /** The clerk's signed-in session, for the shared staff components (ticket tools). */
  get staff(): StaffSession {
    return this.auth
  }

  /** The token was refused: a login dialog over the unchanged screen. */
  get reloginNeeded(): boolean {
    return this.auth.expired
  }

  /** Whether the center answers (buttons are disabled and a banner shows when not). */
  get reachable(): boolean {
    return this.reach.reachable
  }

  get myCounter(): Counter | null {
    return this.live.counter(this.counterId)
  }

  /** The counter's current ticket, as the server last confirmed it. */
  get currentTicket(): Ticket | null {
    const id = this.myCounter?.currentTicketId
    const t = id ? this.live.tickets.get(id) : undefined
    return t && isActive(t.status) ? t : null
  }

  /**
   * While the server would still refuse a no-show of the current ticket: from when it accepts it
   * (this browser's clock) and whether a recall ends the wait; null when it may be marked now.
   */
  noShowWait(now = Date.now()): { until: number; recallLifts: boolean } | null {
    const t = this.currentTicket
    const until = t?.status === 'called' ? this.live.noShowAcceptedFrom(t.id) : null
    return t && until !== null && until > now ? { until, recallLifts: t.noShowAllowed?.recallLifts ?? false } : null
  }

  /** The user name to prefill in the login dialog. */
  get username(): string {
    return this.user?.username ?? this.auth.username
  }

  /** Starts from the stored session, or asks to log in. */
  async boot(): Promise<void> {
    if (this.auth.restore() === null) return this.set(() => (this.phase = 'login'))
    await this.enter()
  }

  /** Logs in (the login screen, or the dialog after the session ended). */
  async login(username: string, password: string): Promise<void> {
    if (this.busy) return
    this.set(() => {
      this.busy = 'login'
      this.loginError = null
    })
    try {
      const reply = await login(this.base, username, password)
      const sameUser = this.user?.id === reply.user.id
      this.auth.signIn(reply.token, reply.user.username)
      if (!sameUser) {
        this.counterId = null
        this.phase = 'starting'
      }
      this.notice = null
      await this.enter()
    } catch (err) {
      this.set(() => (this.loginError = messageForError(err)))
    } finally {
      this.set(() => (this.busy = null))
    }
  }

  async logout(): Promise<void> {
    const token = this.auth.token
    this.auth.signOut()
    this.reach.reset()
    this.set(() => {
      this.phase = 'login'
      this.user = null
      this.counterId = null
      this.notice = null
    })
    if (token) await logout(this.base, token).catch(() => {})
  }

  /** Opens (or takes over, for a manager) a counter; the console then works it. */
  async open(counterId: number, takeover = false): Promise<void> {
    await this.request(`open:${counterId}`, async (token) => {
      const result = await api.counterAction(this.base, token, counterId, 'open', takeover ? { takeover: true } : {})
      this.counterId = counterId
      this.apply(result)
      this.phase = 'console'
      void this.refreshStats()
    })
  }

  /** Runs a console action on the counter; true when the server did it. */
  async act(action: ConsoleAction, input: ActionInput = {}): Promise<boolean> {
    const counterId = this.counterId
    if (counterId === null) return false
    return this.request(action, async (token) => {
      const run = (path: api.CounterActionPath, body: Record<string, unknown> = {}) =>
        api.counterAction(this.base, token, counterId, path, body)
      switch (action) {
        case 'call_next': {
          const result = await run('call-next')
          this.apply(result)
          this.notice = result.ticket ? null : { key: 'nobody.waiting', tone: 'info' }
          return
        }
        case 'call_ticket':
          try {
            return this.apply(await run('call', { ticketId: input.ticketId }))
          } catch (err) {
            throw (await this.calledElsewhere(err, input.ticketId)) ?? err
          }
        case 'recall':
          return this.apply(await run('recall'))
        case 'start':
          return this.apply(await run('start'))
        case 'finish':
          this.apply(
            await run('finish', { ...(input.outcome ? { outcome: input.outcome } : {}), ...(input.note ? { note: input.note } : {}) }),
          )
          return void this.refreshStats()
        case 'no_show':
          this.apply(await run('no-show'))
          return void this.refreshStats()
        case 'transfer':
          this.apply(await run('transfer', input.counterId ? { counterId: input.counterId } : { serviceId: input.serviceId }))
          return void this.refreshStats()
        case 'park': {
          const body = { reason: input.reason ?? '', minutes: input.minutes ?? 0, ...(input.note ? { note: input.note } : {}) }
          const result = await parkCurrent(this.base, token, counterId, body)
          this.apply(result)
          this.notice = { key: 'park.done', values: { label: result.ticket?.label ?? '' }, tone: 'info' }
          return void this.refreshParked()
        }
        case 'pause':
          return this.apply(await run('pause', input.reason ? { reason: input.reason } : {}))
        case 'resume':
          return this.apply(await run('open'))
        case 'close': {
          const result = await run('close')
          // leave the counter before applying its new state, so the console does not read "closed by someone else"
          this.counterId = null
          this.phase = 'choose'
          return this.apply(result)
        }
        case 'issue': {
          const body = {
            serviceId: input.serviceId!,
            lang: input.lang ?? 'ar',
            ...(input.priority && input.priority !== 'none' ? { priority: input.priority } : {}),
          }
          const issued = await api.issueTicket(this.base, token, body, input.idempotencyKey ?? randomUuid())
          this.notice = { key: 'issue.done', values: { label: issued.label }, tone: 'info' }
          this.walkIn = issued
          return
        }
      }
    })
  }

  /** Undoes a no-show (a late citizen came back); the ticket waits again. */
  async reinstate(ticketId: string): Promise<boolean> {
    return this.request(`reinstate:${ticketId}`, async (token) => {
      const ticket = await api.reinstateTicket(this.base, token, ticketId)
      this.notice = { key: 'noShows.done', values: { label: ticket.label }, tone: 'info' }
      void this.refreshStats()
    })
  }

  /** Calls a parked ticket (the citizen came back) to this counter now, ahead of the line. */
  async resumeParked(ticketId: string): Promise<boolean> {
    const counterId = this.counterId
    if (counterId === null) return false
    return this.request(`resume-parked:${ticketId}`, async (token) => {
      const result = await resumeParked(this.base, token, counterId, ticketId)
      this.apply(result)
      this.notice = { key: 'parked.resumed', values: { label: result.ticket?.label ?? '' }, tone: 'info' }
      void this.refreshParked()
    })
  }

  dismissNotice(): void {
    this.set(() => (this.notice = null))
  }

  /** One request at a time: the busy flag disables every button until the answer is in. */
  private async request(name: string, run: (token: string) => Promise<void>): Promise<boolean> {
    const token = this.auth.token
    if (this.busy || token === null || !this.reachable || this.reloginNeeded) return false
    // a notice answers the last action: the next one replaces it (a "too early for no-show" stayed
    // up after the no-show was recorded, "C-004 resumed" minutes after)
    this.set(() => {
      this.busy = name
      this.notice = null
    })
    try {
      await run(token)
      return true
    } catch (err) {
      if (sessionEnded(err)) this.auth.refused(token)
      else if (err instanceof NetworkError) this.serverDown()
      else if (err instanceof NoticeError) this.notice = err.notice
      else {
        this.notice = { key: messageForError(err), tone: 'error' }
        if (counterLost(err)) void this.reloadCounters()
      }
      return false
    } finally {
      this.set(() => (this.busy = null))
    }
  }

  /**
   * A call of a chosen ticket refused because another counter called it first (two clerks picked
   * the same returning citizen): says which counter has it. The loser read "This cannot be done
   * to the ticket now" (walk s55). The ticket is read again: the winner's push may not be in yet.
   */
  private async calledElsewhere(err: unknown, ticketId: string | undefined): Promise<NoticeError | null> {
    if (!(err instanceof ApiError) || err.code !== ErrorCodes.ILLEGAL_TRANSITION || !ticketId) return null
    const now = await api.fetchTicketStatus(this.base, ticketId).catch(() => null)
    if (!now || !isActive(now.status) || now.counter === null || now.counter.number === this.myCounter?.number) return null
    return new NoticeError({ key: 'err.calledElsewhere', values: { label: now.label, counter: now.counter.number }, tone: 'error' })
  }

  /** The services the counter chooser names: the feed's, or until its snapshot the ones read at login. */
  get chooserServices(): Service[] {
    return this.live.services.length > 0 ? this.live.services : this.servicesAtLogin
  }

  /** Who am I, the center, the counters; then the feed, and the screen for where the clerk is. False when no server answered. */
  private async enter(): Promise<boolean> {
    const token = this.auth.token
    if (token === null) return true
    try {
      const [me, center, counters, services] = await Promise.all([
        fetchMe(this.base, token),
        api.fetchCenter(this.base, token),
        api.fetchCounters(this.base, token),
        api.fetchServices(this.base, token),
      ])
      if (token !== this.auth.token) return true
      this.user = { id: me.id, username: me.username, displayName: me.displayName, role: me.role }
      this.center = center
      this.live.counters = counters
      this.servicesAtLogin = services
      this.reach.httpBack()
      // a counter this clerk holds is where they work: after a reload or a new login the same screen comes back
      const mine = counters.find((c) => c.clerk?.id === me.id && c.state !== 'closed')
      this.counterId = mine?.id ?? null
      this.phase = mine ? 'console' : 'choose'
      this.auth.startFeed()
      this.host.requestUpdate()
      void this.refreshStats()
      return true
    } catch (err) {
      if (!sessionEnded(err)) {
        this.serverDown(() => this.enter())
        return false
      }
      // a stored session that no longer works: the login page; one that ended mid-work: the dialog over the screen
      if (this.phase === 'starting') {
        this.auth.signOut()
        this.set(() => (this.phase = 'login'))
      } else this.auth.refused(token)
      return true
    }
  }

  /** The center's settings the console shows (finish outcomes, categories, digits), loaded again; a failure waits for the next push or reconnect. */
  private async refreshCenter(): Promise<void> {
    const token = this.auth.token
    if (token === null) return
    try {
      const center = await api.fetchCenter(this.base, token)
      if (token === this.auth.token) this.set(() => (this.center = center))
    } catch {
      // the list already shown stays until the next push or reconnect
    }
  }

  private async refreshStats(): Promise<void> {
    const token = this.auth.token
    if (token === null) return
    void this.refreshNoShows()
    void this.refreshParked()
    try {
      const stats = await api.fetchMyDay(this.base, token)
      if (token === this.auth.token) this.set(() => (this.stats = stats))
    } catch {
      // figures wait for the next action or reconnect
    }
  }

  /** The recent no-shows this clerk may undo; also after a push says a ticket became (or stopped being) a no-show at another counter. */
  private async refreshNoShows(): Promise<void> {
    const token = this.auth.token
    if (token === null) return
    try {
      const noShows = await api.fetchNoShows(this.base, token)
      // on the center's clock, as the console's `now` is (a no-show's grace left, counted from its answer)
      const received = this.clock.now()
      const local = noShows.map((n) => ({ ticket: n.ticket, endsAt: received + n.graceSecondsLeft * 1000 }))
      if (token === this.auth.token) this.set(() => (this.noShows = local))
    } catch {
      // the list waits for the next action or reconnect (an older server has no such route)
    }
  }

  /** The parked tickets this clerk may resume; also after a push says one was parked, resumed or abandoned elsewhere. */
  private async refreshParked(): Promise<void> {
    const token = this.auth.token
    if (token === null) return
    if ((await this.parking.refresh(this.base, token)) && token === this.auth.token) this.set(() => {})
  }

  private async reloadCounters(): Promise<boolean> {
    const token = this.auth.token
    if (token === null) return false
    try {
      const counters = await api.fetchCounters(this.base, token)
      if (token !== this.auth.token) return false
      this.set(() => {
        this.live.counters = counters
        this.reach.httpBack()
        this.checkMyCounter()
      })
      return true
    } catch (err) {
      if (sessionEnded(err)) this.auth.refused(token)
      return false
    }
  }

  /**
   * An HTTP call found no server: the banner shows until `task` (by default reloading the
   * counters) gets through; a retry already running goes on with its own task and delays.
   */
  private serverDown(task: () => Promise<boolean> = () => this.recover()): void {
    this.reach.httpDown(task)
  }

  /** The counters again, then a snapshot and the day's figures; true when done (reached, or the session ended). */
  private async recover(): Promise<boolean> {
    if (!(await this.reloadCounters())) return this.reloginNeeded
    this.reach.stopRetry()
    this.feed.refresh()
    void this.refreshStats()
    return true
  }

  private onSocketReachable(up: boolean): void {
    // back after a real outage: the HTTP side may be marked down, and the day's figures moved on
    if (this.reach.socket(up) === 'back') void this.recover().then((done) => done || this.serverDown())
  }

  private apply(result: { counter: Counter; ticket: Ticket | null }): void {
    this.upsertCounter(result.counter)
    if (result.ticket) this.live.upsertTicket(result.ticket)
    this.host.requestUpdate()
  }

  private upsertCounter(counter: Counter): void {
    this.live.upsertCounter(counter)
    if (counter.id === this.counterId) this.checkMyCounter()
  }

  /** Someone else took the counter, or it was closed: back to choosing, saying why. */
  private checkMyCounter(): void {
    // our own close may be pushed before its answer arrives: that is not news
    if (this.phase !== 'console' || this.counterId === null || !this.user || this.busy === 'close') return
    const counter = this.myCounter
    if (!counter) return
    if (counter.clerk && counter.clerk.id !== this.user.id) {
      this.notice = { key: 'counter.lost', values: { name: counter.clerk.displayName || counter.clerk.username }, tone: 'error' }
    } else if (counter.state === 'closed') {
      this.notice = { key: 'counter.closedElsewhere', tone: 'error' }
    } else return
    this.counterId = null
    this.phase = 'choose'
  }

  private set(change: () => unknown): void {
    change()
    this.host.requestUpdate()
  }
}
