/**
 * The dashboard's link to its center: the manager's StaffSession (the token in sessionStorage,
 * like the console; a refused token, from any view, back to the login page), the live figures
 * and what keeps them live. The staff feed (socket.io) tells us something
 * changed; we then refetch today's KPIs (debounced, so a burst of calls is one request), apply
 * counters as they are pushed, and keep each device's last pushed status. Owns the feed and
 * its timers; its host renders the state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { Counter, ServiceWithQueue } from '../protocol/entities.ts'
import type { DeviceHealth, HourlySeries, StatsToday } from '../protocol/stats.ts'
import type { SettingsReply } from '../protocol/settings.ts'
import type { Role } from '../protocol/common.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { FeedController } from '../ui-common/feed-controller.ts'
import { login, meUrl } from '../ui-common/staff-api.ts'
import { StaffSession } from '../ui-common/staff-session.ts'
import { TokenStore, tokenKey } from '../ui-common/token-store.ts'
import { TicketToolsApi } from '../ui-common/ticket-tools-api.ts'
import { DashboardApi, type BackupStatus } from './dashboard-api.ts'
import type { DashboardMessageKey } from '../protocol/messages/dashboard.ts'
import { PrinterAlerts } from '../ui-common/printer-alerts.ts'
import { ServerClock } from '../ui-common/server-clock.ts'
import { AnswerOrder } from './answer-order.ts'
import { PushedStatuses } from './pushed-statuses.ts'

export type Phase = 'starting' | 'login' | 'ready'

const REFRESH_MS = 300
/**
 * Waits grow and targets pass with no event at all (a line nobody calls sends no push), so the
 * live figures are fetched again this often even when nothing is pushed: the longest wait and
 * "within target" never show a stalled line as better than it is for longer than this.
 */
export const CLOCK_REFRESH_MS = 20_000

export class DashboardSession implements ReactiveController {
  phase: Phase = 'starting'
  user: { id: number; username: string; role: Role } | null = null
  loginError: DashboardMessageKey | null = null
  reachable = true
  stats: StatsToday | null = null
  /** When `stats` arrived, by this PC's clock (Date.now()): the live view ages the longest waits from it between reads. */
  statsAt = 0
  hourly: HourlySeries | null = null
  devices: DeviceHealth[] = []
  /** The kiosk printers' alerts, live from the staff feed. */
  readonly printers = new PrinterAlerts()
  backups: BackupStatus | null = null
  settings: SettingsReply | null = null
  counters: Counter[] = []
  services: ServiceWithQueue[] = []
  /** Bumped on every live change: views that fetch on their own (reports) may use it. */
  revision = 0
  /** The last device that paired (a new object each time): the devices table, which lists devices on its own, reads them again. */
  lastPaired: { deviceId: number } | null = null
  /** Every device's last pushed status (a new value each push): the devices table, which reads its list on its own, lays them over it. */
  pushed = PushedStatuses.NONE

  readonly api: DashboardApi
  /** The staff ticket tools' calls (find, history, reprint, cancel), through the same session. */
  readonly ticketTools: TicketToolsApi
  /** Told the id of each ticket a push says has changed (the ticket tools read the one they show again, as the console's do). */
  onTicketChanged: ((ticketId: string) => void) | null = null
  /** The manager's token and the staff feed. */
  private readonly auth: StaffSession
  private refreshTimer: ReturnType<typeof setTimeout> | undefined
  private slowTimer: ReturnType<typeof setInterval> | undefined
  private clockTimer: ReturnType<typeof setInterval> | undefined
  /** The center's clock: the header's time and every "N min" count from it (this PC's may be off). */
  readonly clock = new ServerClock()
  /** refresh() and refreshSlow() overlap (start, pushes, timers, a configuration change): an older answer must not replace a newer one. */
  private readonly liveOrder = new AnswerOrder()
  private readonly slowOrder = new AnswerOrder()
  /** Snapshots applied since the page started: the first comes with the sign-in's own reads. */
  private snapshotsSeen = 0

  constructor(
    private readonly host: ReactiveControllerHost,
    base: string,
  ) {
    host.addController(this)
    this.auth = new StaffSession(host, {
      store: new TokenStore(tokenKey('dashboard-session', base), 'session'),
      onExpired: () => this.toLogin(),
    })
    this.api = new DashboardApi(base, this.auth, this.clock)
    this.ticketTools = new TicketToolsApi(base, this.auth)
    this.auth
      .attachFeed(
        new FeedController(host, {
          onSnapshot: (s) => {
            this.clock.sync(s.serverTime)
            this.counters = s.counters
            this.services = s.services
            this.printers.applySnapshot(s.printers)
            // a snapshot after the first one means pushes were missed (a reconnect, a center restart): the
            // device list is not pushed whole, so read it again, or a printer probed at the restart stayed
            // "OK" there beside its own alert until the minute's refresh (walk s46, finding 3)
            if (this.snapshotsSeen++ > 0) void this.refreshSlow()
            this.scheduleRefresh()
          },
          onReachable: (up) => {
            this.reachable = up
            this.host.requestUpdate()
          },
          onRefused: () => void this.auth.probe(meUrl(base)),
        }),
        base,
      )
      .on('ticket:issued', () => this.scheduleRefresh())
      .on('ticket:called', (e) => {
        this.scheduleRefresh()
        this.onTicketChanged?.(e.ticket.id)
      })
      .on('ticket:updated', (e) => {
        this.scheduleRefresh()
        this.onTicketChanged?.(e.ticket.id)
      })
      .on('queue:updated', () => this.scheduleRefresh())
      .on('feedback:rated', () => this.scheduleRefresh())
      .on('counter:updated', (e) => {
        const i = this.counters.findIndex((c) => c.id === e.counter.id)
        this.counters = i < 0 ? [...this.counters, e.counter] : this.counters.map((c) => (c.id === e.counter.id ? e.counter : c))
        this.scheduleRefresh()
      })
      .on('device:status', (e) => {
        // a printer's report is pushed on a change only (its last-heard time moves in the list the minute's refresh
        // reads); a list asked before this push and answered after it gets it laid over (refreshSlow), so it
        // cannot put the old health back beside the new alert (CI saw "OK" beside "out of paper")
        this.pushed = this.pushed.with(e.deviceId, e.status)
        this.devices = this.pushed.over(this.devices, this.pushed.count - 1)
        this.printers.apply(e.deviceId, e.status)
        this.host.requestUpdate()
      })
      .on('config:changed', (e) => {
        // a device was revoked, added, edited or given a code: the health card says so now, not at the next minute
        if (e.deviceId !== null) void this.refreshSlow()
      })
      .on('device:paired', (e) => {
        // a kiosk or display used its code: "not paired yet" is no longer true anywhere it is shown
        this.lastPaired = { deviceId: e.deviceId }
        this.host.requestUpdate()
        void this.refreshSlow()
      })
  }

  hostDisconnected(): void {
    clearTimeout(this.refreshTimer)
    clearInterval(this.slowTimer)
    clearInterval(this.clockTimer)
  }

  get isAdmin(): boolean {
    return this.user?.role === 'admin'
  }

  async boot(): Promise<void> {
    if (this.auth.restore() === null) return this.toLogin()
    try {
      const me = await this.api.me()
      await this.start({ id: me.id, username: me.username, role: me.role })
    } catch {
      this.toLogin()
    }
  }

  async login(username: string, password: string): Promise<void> {
    this.loginError = null
    try {
      const reply = await login(this.api.base, username, password)
      if (reply.user.role === 'clerk') {
        this.loginError = 'login.notManager'
        this.host.requestUpdate()
        return
      }
      this.auth.signIn(reply.token)
      await this.start(reply.user)
    } catch (err) {
      this.loginError = err instanceof ApiError ? (err.status === 429 ? 'login.rateLimited' : 'login.bad') : 'login.network'
      this.host.requestUpdate()
    }
  }

  async logout(): Promise<void> {
    await this.api.logout().catch(() => undefined)
    this.toLogin()
  }

  /** Everything the live view shows, fetched now (also after a configuration change). */
  async refresh(): Promise<void> {
    clearTimeout(this.refreshTimer)
    this.refreshTimer = undefined
    const ticket = this.liveOrder.ask()
    try {
      // the services too: their lines and whether anyone serves them (the live view's unserved warning) move with every push
      const [stats, hourly, services] = await Promise.all([
        this.api.today(),
        this.api.hourly(),
        this.api.services().catch(() => this.services),
      ])
      if (!this.liveOrder.show(ticket)) return
      this.stats = stats
      this.statsAt = Date.now()
      this.hourly = hourly
      this.services = services
      this.revision++
      this.host.requestUpdate()
    } catch {
      // a refused token already went back to the login page; anything else waits for the next push
    }
  }

  /**
   * What changes rarely: devices, backups, settings, the catalogue. `settingsJustRead` spares
   * the settings' second request at sign-in, where start() has just read them.
   */
  async refreshSlow(settingsJustRead?: SettingsReply | null): Promise<void> {
    const ticket = this.slowOrder.ask()
    const askedAt = this.pushed.count
    const [listed, backups, settings, services, counters] = await Promise.all([
      this.api.devices().catch(() => this.devices),
      this.api.backups().catch(() => null),
      settingsJustRead ?? this.api.settings().catch(() => this.settings),
      this.api.services().catch(() => this.services),
      this.api.counters().catch(() => this.counters),
    ])
    if (!this.slowOrder.show(ticket)) return
    // every device status pushed while the list was on its way is newer than the list
    const devices = this.pushed.over(listed, askedAt)
    Object.assign(this, { devices, backups, settings, services, counters })
    this.host.requestUpdate()
  }

  private scheduleRefresh(): void {
    this.host.requestUpdate()
    if (this.refreshTimer !== undefined) return
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_MS)
  }

  private async start(user: { id: number; username: string; role: Role }): Promise<void> {
    this.user = user
    this.auth.startFeed()
    // the center's settings (its digits, its time zone) before the first figure, as the console
    // takes its center before its first screen: drawn in Western digits and then switched, the
    // figures were untrue to the center's setting for their first moment (walk 2026-12-05)
    this.settings = await this.api.settings().catch(() => this.settings)
    this.phase = 'ready'
    this.host.requestUpdate()
    await Promise.all([this.refresh(), this.refreshSlow(this.settings)])
    clearInterval(this.slowTimer)
    // last-seen times and backups are not pushed: look again every minute
    this.slowTimer = setInterval(() => void this.refreshSlow(), 60_000)
    clearInterval(this.clockTimer)
    this.clockTimer = setInterval(() => void this.refresh(), CLOCK_REFRESH_MS)
  }

  private toLogin(): void {
    this.auth.signOut()
    clearInterval(this.slowTimer)
    clearInterval(this.clockTimer)
    this.user = null
    this.phase = 'login'
    this.host.requestUpdate()
  }
}
