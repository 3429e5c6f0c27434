/**
 * The console's link to its center: the clerk's session (sessionStorage), what the console
 * shows (counters, live tickets, services, the clerk's day), whether the server can be reached,
 * and every request the clerk makes. Nothing is shown before the server confirms it: a request's
 * answer (or a push) changes the state, never the click itself; one request at a time.
 * Owns the feed and its retry timer; its host renders the state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { Counter, Ticket } from '../protocol/entities.ts'
import type { ClerkStatsToday } from '../protocol/stats.ts'
import type { Role } from '../protocol/common.ts'
import { isActive } from '../protocol/ticket-lifecycle.ts'
import { NetworkError } from '../ui-common/api-client.ts'
import { backoffDelay } from '../protocol/backoff.ts'
import { FeedController } from '../ui-common/feed-controller.ts'
import { randomUuid } from '../ui-common/random-id.ts'
import type { Lang } from '../ui-common/i18n.ts'
import * as api from './console-api.ts'
import type { ConsoleAction } from './console-actions.ts'
import { counterLost, messageForError, needsLogin } from './error-messages.ts'
import { LiveState } from './live-state.ts'
import type { ConsoleMessageKey } from '../protocol/messages/console.ts'
import { clearSession, loadSession, saveSession } from './token-store.ts'

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
}

export class ConsoleSession implements ReactiveController {
  phase: Phase = 'starting'
  user: { id: number; username: string; role: Role } | null = null
  center: api.CenterInfo | null = null
  /** Services, counters and live tickets, as the feed and the answers say. */
  readonly live = new LiveState()
  counterId: number | null = null
  stats: ClerkStatsToday | null = null
  /** The token was refused: a login dialog over the unchanged screen. */
  reloginNeeded = false
  /** The request in flight ('login', 'open:3', or a console action); every button waits for it. */
  busy: string | null = null
  notice: Notice | null = null
  loginError: ConsoleMessageKey | null = null

  private token: string | null = null
  private httpUp = true
  private socketUp = true
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private retryAttempt = 0
  private readonly feed: FeedController

  /** `base`: the server's prefix (the console is at `<base>/counter/`). */
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly base: string,
  ) {
    host.addController(this)
    this.feed = new FeedController(host, {
      onSnapshot: (snapshot) =>
        this.set(() => {
          this.live.applySnapshot(snapshot)
          this.checkMyCounter()
        }),
      onReachable: (up) => this.onSocketReachable(up),
      onRefused: () => void this.checkToken(),
    })
      .on('ticket:issued', (e) => this.set(() => this.live.upsertTicket(e.ticket)))
      .on('ticket:updated', (e) => this.set(() => this.live.upsertTicket(e.ticket)))
      .on('ticket:called', (e) => this.set(() => this.live.applyCall(e)))
      .on('counter:updated', (e) => this.set(() => this.upsertCounter(e.counter)))
      .on('queue:updated', (e) => this.set(() => this.live.applyFigures(e.services)))
  }

  hostDisconnected(): void {
    clearTimeout(this.retryTimer)
  }

  /** Whether the center answers (buttons are disabled and a banner shows when not). */
  get reachable(): boolean {
    return this.httpUp && this.socketUp
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

  /** The user name to prefill in the login dialog. */
  get username(): string {
    return this.user?.username ?? loadSession(this.base)?.username ?? ''
  }

  /** Starts from the stored session, or asks to log in. */
  async boot(): Promise<void> {
    const stored = loadSession(this.base)
    if (!stored) return this.set(() => (this.phase = 'login'))
    this.token = stored.token
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
      const reply = await api.login(this.base, username, password)
      const sameUser = this.user?.id === reply.user.id
      this.token = reply.token
      saveSession(this.base, { token: reply.token, username: reply.user.username })
      if (!sameUser) {
        this.counterId = null
        this.phase = 'starting'
      }
      this.reloginNeeded = false
      this.notice = null
      await this.enter()
    } catch (err) {
      this.set(() => (this.loginError = messageForError(err)))
    } finally {
      this.set(() => (this.busy = null))
    }
  }

  async logout(): Promise<void> {
    const token = this.token
    this.feed.stop()
    clearSession(this.base)
    this.token = null
    this.set(() => {
      this.phase = 'login'
      this.user = null
      this.counterId = null
      this.notice = null
    })
    if (token) await api.logout(this.base, token).catch(() => {})
  }

  /** Opens (or takes over, for a manager) a counter; the console then works it. */
  async open(counterId: number, takeover = false): Promise<void> {
    await this.request(`open:${counterId}`, async (token) => {
      const result = await api.counterAction(this.base, token, counterId, 'open', takeover ? { takeover: true } : {})
      this.counterId = counterId
      this.apply(result)
      this.phase = 'console'
      this.notice = null
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
          return this.apply(await run('call', { ticketId: input.ticketId }))
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
          return
        }
      }
    })
  }

  dismissNotice(): void {
    this.set(() => (this.notice = null))
  }

  /** One request at a time: the busy flag disables every button until the answer is in. */
  private async request(name: string, run: (token: string) => Promise<void>): Promise<boolean> {
    const token = this.token
    if (this.busy || token === null || !this.reachable || this.reloginNeeded) return false
    this.set(() => (this.busy = name))
    try {
      await run(token)
      return true
    } catch (err) {
      if (needsLogin(err)) this.reloginNeeded = true
      else if (err instanceof NetworkError) this.serverDown()
      else {
        this.notice = { key: messageForError(err), tone: 'error' }
        if (counterLost(err)) void this.reloadCounters()
      }
      return false
    } finally {
      this.set(() => (this.busy = null))
    }
  }

  /** Who am I, the center, the counters; then the feed, and the screen for where the clerk is. */
  private async enter(): Promise<void> {
    const token = this.token
    if (token === null) return
    try {
      const [me, center, counters] = await Promise.all([
        api.fetchMe(this.base, token),
        api.fetchCenter(this.base, token),
        api.fetchCounters(this.base, token),
      ])
      if (token !== this.token) return
      this.user = { id: me.id, username: me.username, role: me.role }
      this.center = center
      this.live.counters = counters
      this.httpUp = true
      // a counter this clerk holds is where they work: after a reload or a new login the same screen comes back
      const mine = counters.find((c) => c.clerk?.id === me.id && c.state !== 'closed')
      this.counterId = mine?.id ?? null
      this.phase = mine ? 'console' : 'choose'
      this.feed.start(this.base, token)
      this.host.requestUpdate()
      void this.refreshStats()
    } catch (err) {
      if (needsLogin(err)) {
        if (this.phase === 'starting') {
          clearSession(this.base)
          this.set(() => (this.phase = 'login'))
        } else this.set(() => (this.reloginNeeded = true))
      } else this.serverDown(() => this.enter())
    }
  }

  private async refreshStats(): Promise<void> {
    const token = this.token
    if (token === null) return
    try {
      const stats = await api.fetchMyDay(this.base, token)
      if (token === this.token) this.set(() => (this.stats = stats))
    } catch {
      // figures wait for the next action or reconnect
    }
  }

  private async reloadCounters(): Promise<boolean> {
    const token = this.token
    if (token === null) return false
    try {
      const counters = await api.fetchCounters(this.base, token)
      if (token !== this.token) return false
      this.set(() => {
        this.live.counters = counters
        this.httpUp = true
        this.checkMyCounter()
      })
      return true
    } catch (err) {
      if (needsLogin(err)) this.set(() => (this.reloginNeeded = true))
      return false
    }
  }

  /** An HTTP call found no server: the banner shows until a retry gets through. */
  private serverDown(retry: () => Promise<unknown> = () => this.recover()): void {
    this.set(() => (this.httpUp = false))
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => void retry(), backoffDelay(this.retryAttempt++, { baseMs: 1000, maxMs: 10_000 }))
  }

  private async recover(): Promise<void> {
    if (await this.reloadCounters()) {
      this.retryAttempt = 0
      this.feed.refresh()
      void this.refreshStats()
    } else if (!this.reloginNeeded) this.serverDown()
  }

  /** The socket was refused: ask over HTTP whether the session still holds. */
  private async checkToken(): Promise<void> {
    const token = this.token
    if (token === null) return
    try {
      await api.fetchMe(this.base, token)
    } catch (err) {
      if (needsLogin(err) && token === this.token) this.set(() => (this.reloginNeeded = true))
    }
  }

  private onSocketReachable(up: boolean): void {
    const was = this.socketUp
    this.set(() => (this.socketUp = up))
    // back after a real outage: the HTTP side may be marked down, and the day's figures moved on
    if (up && !was) void this.recover()
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
