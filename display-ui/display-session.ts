/**
 * The display's link to its center: the device token (pairing, revocation), the live feed of
 * its zone (calls, counters, queue figures, the news line) and what it loads over HTTP (its
 * settings, the center, the media list). It never needs a reload: the feed reconnects by itself
 * and every new connection starts from a snapshot; settings and media are reloaded after an
 * outage and every few minutes. Its host renders the state and announces the live calls.
 */
import type { ReactiveControllerHost } from 'lit'
import type { CenterNews, MediaItem } from '../protocol/center.ts'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { CalledTicket, QueueFigures } from '../protocol/events.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { DevicePairing } from '../ui-common/device-pairing.ts'
import { FeedController } from '../ui-common/feed-controller.ts'
import { fetchCenter, fetchMedia, fetchOwnDevice, type DisplayCenter } from './display-api.ts'
import { DEFAULT_DISPLAY_SETTINGS, displaySettings, type DisplaySettings } from './display-settings.ts'
import { fromSnapshot, withCall, withCounter } from './now-serving.ts'

/** How often settings and the media list are refreshed while connected. */
const RELOAD_MS = 5 * 60_000

/** What the session tells its host besides "render again". */
export interface DisplaySessionHooks {
  /** A call pushed live (never one replayed from a snapshot): flash and announce it. */
  onCall(call: CalledTicket): void
  /** Settings were (re)loaded. */
  onSettings(settings: DisplaySettings): void
}

export class DisplaySession {
  /** The token, the pairing screen's state, and whether the display is paired at all. */
  readonly pairing: DevicePairing
  center: DisplayCenter | null = null
  settings: DisplaySettings = DEFAULT_DISPLAY_SETTINGS
  /** The calls still at a counter, newest first. */
  calls: CalledTicket[] = []
  services: ServiceWithQueue[] = []
  /** Services served by this display's counters (all when it has none). */
  zoneServiceIds: Set<number> | null = null
  news: CenterNews = { ar: '', en: '', updatedAt: null }
  media: MediaItem[] = []
  /** The feed is connected (or has not been missing for longer than its grace period). */
  connected = true
  /** A snapshot arrived on the current connection: what is shown is the center's state. */
  synced = false

  private readonly feed: FeedController
  private reloadTimer: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly base: string,
    private readonly hooks: DisplaySessionHooks,
  ) {
    this.feed = new FeedController(host, {
      onSnapshot: (s) =>
        this.update(() => {
          this.synced = true
          this.calls = fromSnapshot(s.recentCalls, s.counters)
          this.services = s.services
          const ids = s.counters.flatMap((c) => c.services.map((x) => x.serviceId))
          this.zoneServiceIds = s.counters.length ? new Set(ids) : null
          if (s.news) this.news = s.news
        }),
      onReachable: (up) => this.onReachable(up),
      onRefused: () => void this.checkToken(),
    })
      .on('ticket:called', (e) => {
        const { seq: _seq, ...call } = e
        this.update(() => (this.calls = withCall(this.calls, call)))
        this.hooks.onCall(call)
      })
      .on('counter:updated', (e) => this.update(() => (this.calls = withCounter(this.calls, e.counter))))
      .on('queue:updated', (e) => this.applyFigures(e.services))
      .on('center:updated', (e) => this.update(() => (this.news = e.news)))
    host.addController({ hostDisconnected: () => clearInterval(this.reloadTimer) })
    this.pairing = new DevicePairing(host, 'display', base, {
      onPaired: (device) => this.applySettings(displaySettings(device.config, this.center)),
      onStart: () => this.start(),
    })
  }

  get phase(): DevicePairing['phase'] {
    return this.pairing.phase
  }

  get token(): string | null {
    return this.pairing.token
  }

  /** The token no longer works (revoked, or paired again elsewhere): back to the code screen. */
  unpair(): void {
    this.feed.stop()
    clearInterval(this.reloadTimer)
    this.calls = []
    this.center = null
    this.connected = true
    this.pairing.forget()
  }

  private start(): void {
    this.feed.start(this.base, this.token!)
    void this.load()
    clearInterval(this.reloadTimer)
    this.reloadTimer = setInterval(() => void this.load(), RELOAD_MS)
  }

  /** Settings, center and media over HTTP; a failure keeps what was there (the feed carries the calls). */
  private async load(): Promise<void> {
    const token = this.token
    if (token === null) return
    try {
      const [device, center] = await Promise.all([fetchOwnDevice(this.base, token), fetchCenter(this.base, token)])
      if (token !== this.token) return
      this.applySettings(displaySettings(device.config, center))
      const media = this.settings.media ? await fetchMedia(this.base, token) : []
      if (token !== this.token) return
      this.update(() => {
        this.center = center
        this.media = media
      })
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && token === this.token) this.unpair()
    }
  }

  /** The socket was refused: unpair when the token no longer works. */
  private async checkToken(): Promise<void> {
    if (await this.pairing.tokenRevoked()) this.unpair()
  }

  private onReachable(up: boolean): void {
    const was = this.connected
    this.update(() => {
      this.connected = up
      if (!up) this.synced = false
    })
    // back after an outage: the settings, the center or the media may have changed meanwhile
    if (up && !was) void this.load()
  }

  private applyFigures(figures: QueueFigures[]): void {
    const byId = new Map(figures.map((f) => [f.serviceId, f]))
    // a service this display has never seen needs its names: snapshot
    if (figures.some((f) => f.available && !this.services.some((s) => s.id === f.serviceId))) this.feed.refresh()
    this.update(() => {
      this.services = this.services.map((s) => {
        const f = byId.get(s.id)
        return f ? { ...s, waiting: f.waiting, estimatedWaitSeconds: f.estimatedWaitSeconds, available: f.available } : s
      })
    })
  }

  private applySettings(settings: DisplaySettings): void {
    this.settings = settings
    this.hooks.onSettings(settings)
    this.host.requestUpdate()
  }

  private update(change: () => unknown): void {
    change()
    this.host.requestUpdate()
  }
}
