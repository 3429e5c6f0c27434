/**
 * The kiosk's link to its center: the device token (pairing, revocation), what the kiosk
 * shows (its settings, the center, the services with live figures), and whether the server
 * can be reached. Owns the feed, the retry loop and their timers (through its controllers);
 * its host only renders the state and tells it when an HTTP call of its own found no server.
 */
import type { ReactiveControllerHost } from 'lit'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { QueueFigures } from '../protocol/events.ts'
import type { PrinterStatusReport } from '../protocol/device-config.ts'
import { ApiError } from '../ui-common/api-client.ts'
import type { CenterInfo } from '../protocol/center.ts'
import { fetchCenter, fetchOwnDevice, fetchServices } from './kiosk-api.ts'
import { DEFAULT_SETTINGS, kioskSettings, type KioskSettings } from './kiosk-settings.ts'
import { FeedController } from '../ui-common/feed-controller.ts'
import { RetryController } from './retry-controller.ts'
import { DevicePairing } from '../ui-common/device-pairing.ts'
import { printerReportOf } from './printer-state.ts'

/** What the session tells its host besides "render again". */
export interface KioskSessionHooks {
  /** The kiosk's own printer reported (`device:status` for this device). */
  onPrinterReport(report: PrinterStatusReport): void
  /** The server just became unreachable, or the kiosk was unpaired: drop any half-done step. */
  onInterrupted(): void
  /** Settings were (re)loaded: `idleSeconds` may have changed. */
  onSettings(settings: KioskSettings): void
}

export class KioskSession {
  /** The token, the pairing screen's state, and whether the kiosk is paired at all. */
  readonly pairing: DevicePairing
  center: CenterInfo | null = null
  services: ServiceWithQueue[] = []
  settings: KioskSettings = DEFAULT_SETTINGS
  /** The last HTTP call (or the retry after it) reached the server. */
  private httpUp = true
  /** The socket is connected, or has not been missing for long. */
  private socketUp = true
  private deviceId: number | null = null

  private readonly feed: FeedController
  private readonly retry: RetryController

  /** `base`: the server's prefix (the kiosk page is at `<base>/kiosk/`). */
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly base: string,
    private readonly hooks: KioskSessionHooks,
  ) {
    this.feed = new FeedController(host, {
      onSnapshot: (snapshot) => this.update(() => (this.services = snapshot.services)),
      onReachable: (up) => this.onSocketReachable(up),
      onRefused: () => void this.checkToken(),
    })
      .on('queue:updated', (e) => this.applyFigures(e.services))
      .on('device:status', (e) => this.onDeviceStatus(e))
    this.retry = new RetryController(host)
    this.pairing = new DevicePairing(host, 'kiosk', base, {
      onPaired: (device) => {
        this.deviceId = device.id
        this.applySettings(kioskSettings(device.config, this.center))
      },
      onStart: () => this.start(),
    })
  }

  get phase(): DevicePairing['phase'] {
    return this.pairing.phase
  }

  get token(): string | null {
    return this.pairing.token
  }

  /** Whether the center can be reached (the kiosk shows "out of service" when not). */
  get reachable(): boolean {
    return this.httpUp && this.socketUp
  }

  /** An HTTP call found no server: out of service until a retry gets through. */
  serverDown(): void {
    if (this.phase !== 'ready' || (!this.httpUp && this.retry.running)) return
    this.update(() => (this.httpUp = false))
    this.hooks.onInterrupted()
    this.retry.start(() => this.load())
  }

  /** The token no longer works (revoked, or the kiosk was paired again elsewhere). */
  unpair(): void {
    this.deviceId = null
    this.feed.stop()
    this.retry.stop()
    this.httpUp = this.socketUp = true
    this.center = null
    this.services = []
    this.hooks.onInterrupted()
    this.pairing.forget()
  }

  /** The service list may be out of date (a service refused a ticket): ask for a snapshot. */
  refreshServices(): void {
    this.feed.refresh()
  }

  private async start(): Promise<void> {
    this.feed.start(this.base, this.token!)
    if (!(await this.load())) this.serverDown()
  }

  /** Loads the kiosk's config, the center and the services; false when that failed. */
  private async load(): Promise<boolean> {
    const token = this.token
    if (token === null) return false
    try {
      const [device, center, services] = await Promise.all([
        fetchOwnDevice(this.base, token),
        fetchCenter(this.base, token),
        fetchServices(this.base, token),
      ])
      if (token !== this.token) return false
      if (device) this.deviceId = device.id
      this.applySettings(kioskSettings(device?.config, center))
      this.update(() => {
        this.center = center
        this.services = services
        this.httpUp = true
      })
      return true
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && token === this.token) this.unpair()
      return false
    }
  }

  /** The socket was refused: unpair when the token no longer works. */
  private async checkToken(): Promise<void> {
    if (await this.pairing.tokenRevoked()) this.unpair()
  }

  private onSocketReachable(up: boolean): void {
    const was = this.socketUp
    this.update(() => (this.socketUp = up))
    if (!up && was) this.hooks.onInterrupted()
    // back after a real outage: the config or the center may have changed meanwhile
    if (up && !was) void this.load().then((ok) => ok || this.serverDown())
  }

  private applyFigures(figures: QueueFigures[]): void {
    const byId = new Map(figures.map((f) => [f.serviceId, f]))
    // a service this kiosk has never seen (just created or re-activated) needs its names: snapshot
    if (figures.some((f) => f.available && !this.services.some((s) => s.id === f.serviceId))) this.feed.refresh()
    this.update(() => {
      this.services = this.services.map((s) => {
        const f = byId.get(s.id)
        return f ? { ...s, waiting: f.waiting, estimatedWaitSeconds: f.estimatedWaitSeconds, available: f.available } : s
      })
    })
  }

  private onDeviceStatus(event: { deviceId: number; status: Record<string, unknown> }): void {
    if (event.deviceId !== this.deviceId) return
    const report = printerReportOf(event.status)
    if (report) this.hooks.onPrinterReport(report)
  }

  private applySettings(settings: KioskSettings): void {
    this.settings = settings
    this.hooks.onSettings(settings)
    this.host.requestUpdate()
  }

  private update(change: () => unknown): void {
    change()
    this.host.requestUpdate()
  }
}
