/**
 * The link of a paired screen (kiosk, display, later a feedback tablet) to its center: the
 * device token (pairing with a code or `?pair=`, the kind check, revocation, the token probe
 * after a refused socket: DevicePairing), the live feed (reconnects, `seq`, snapshots), the
 * services with their live figures, and whether the center can be reached: an HTTP load that
 * found no server is retried with backoff until it gets through, and a socket missing for
 * longer than its grace period counts as down. A screen's session extends it with only what is
 * its own (what it loads over HTTP, what it keeps from a snapshot, the events it shows). Owns
 * the feed, the retry loop and the reload timer, through controllers of its host.
 */
import type { ReactiveControllerHost } from 'lit'
import type { Device, ServiceWithQueue } from '../protocol/entities.ts'
import type { QueueFigures, Snapshot } from '../protocol/events.ts'
import { ApiError } from './api-client.ts'
import { DevicePairing, type PairedKind } from './device-pairing.ts'
import { FeedController } from './feed-controller.ts'
import { needsSnapshot, withFigures } from './queue-figures.ts'
import { ServerReach } from './server-reach.ts'
import { afterNextPaint } from './lazy-module.ts'
import { rememberForPage } from './start-data.ts'

/** How a screen's session is set up. */
export interface DeviceSessionOptions {
  kind: PairedKind
  /** The server's prefix (the screen's page is at `<base>/<kind>/`). */
  base: string
  /** Load again this often while paired (what is not pushed: config, media); default never. */
  reloadEveryMs?: number
  /** The center inlines this page's first-screen data for a paired device (ui-common/start-data.ts); default false. */
  startData?: boolean
  /** Connect the live feed only once the first load is on screen (a kiosk's first screen needs HTTP alone); default false: at once. */
  feedAfterLoad?: boolean
  /**
   * The screen shows the center's settings and its own config as loaded over HTTP (a kiosk's
   * priority question, a display's digits): a `config:changed` for the center or for this device
   * loads them again, and so does every snapshot the feed takes, since a snapshot means pushes
   * may have been missed (before the feed first connected, or while it was away) and a missed
   * `config:changed` is one a snapshot does not repair. Default false.
   */
  followsConfig?: boolean
}

export abstract class DeviceSession {
  /** The token, the pairing screen's state, and whether the screen is paired at all. */
  readonly pairing: DevicePairing
  readonly base: string
  /** The active services with their live figures (a snapshot, then `queue:updated`). */
  services: ServiceWithQueue[] = []
  /** A snapshot arrived on the current connection (or the feed joined at the one shown): what is shown is the center's state. */
  synced = false
  /** Where the snapshot on screen came from: over HTTP (a display's page carries one), the feed, or none yet. */
  snapshotFrom: 'none' | 'http' | 'feed' = 'none'
  /** This device's id, once a load or the pairing said it: the `config:changed` pushes for it are followed (`followsConfig`). */
  protected deviceId: number | null = null

  protected readonly feed: FeedController
  private readonly reach: ServerReach
  private reloadTimer: ReturnType<typeof setInterval> | undefined
  private readonly reloadEveryMs: number | undefined
  private readonly kind: PairedKind
  private readonly startData: boolean
  private readonly feedAfterLoad: boolean
  /** The seq of the snapshot shown from HTTP, handed to the feed so that it asks for none when nothing changed since. */
  private shownSeq: number | null = null

  constructor(
    protected readonly host: ReactiveControllerHost,
    options: DeviceSessionOptions,
  ) {
    this.base = options.base
    this.reloadEveryMs = options.reloadEveryMs
    this.kind = options.kind
    this.startData = options.startData ?? false
    this.feedAfterLoad = options.feedAfterLoad ?? false
    const followsConfig = options.followsConfig ?? false
    this.feed = new FeedController(host, {
      onSnapshot: (snapshot) => {
        this.update(() => {
          this.synced = true
          this.snapshotFrom = 'feed'
          this.services = snapshot.services
          this.applySnapshot(snapshot)
        })
        if (followsConfig) this.loadAgain()
      },
      onReachable: (up) => this.onSocketReachable(up),
      onRefused: () => void this.checkToken(),
      onCurrent: () => this.update(() => (this.synced = true)),
    }).on('queue:updated', (e) => this.applyFigures(e.services))
    // the center's settings or this device's own config changed: follow them now, not at the next reload (walk finding 10)
    if (followsConfig)
      this.feed.on('config:changed', (e) => {
        if (e.deviceId === null || e.deviceId === this.deviceId) this.loadAgain()
      })
    this.reach = new ServerReach(host)
    host.addController({ hostDisconnected: () => clearInterval(this.reloadTimer) })
    this.pairing = new DevicePairing(
      host,
      options.kind,
      options.base,
      { onPaired: (device) => this.paired(device), onStart: () => this.start() },
      this.startData,
    )
  }

  get phase(): DevicePairing['phase'] {
    return this.pairing.phase
  }

  get token(): string | null {
    return this.pairing.token
  }

  /** Whether the center can be reached, over HTTP and over the socket (a kiosk is out of service when not). */
  get reachable(): boolean {
    return this.reach.reachable
  }

  /** Whether the feed is connected (or has not been missing for longer than its grace period). */
  get connected(): boolean {
    return this.reach.connected
  }

  /** An HTTP call found no server: down until a retry of the load gets through. */
  serverDown(): void {
    if (this.phase !== 'ready') return
    if (this.reach.httpDown(() => this.reload())) this.interrupted()
  }

  /** The token no longer works (revoked, or paired again elsewhere): forget everything, back to the code screen. */
  unpair(): void {
    this.feed.stop()
    this.reach.reset()
    clearInterval(this.reloadTimer)
    this.synced = false
    this.snapshotFrom = 'none'
    this.shownSeq = null
    this.services = []
    this.interrupted()
    this.reset()
    this.pairing.forget()
  }

  /** The service list may be out of date (a service refused a ticket): ask for a snapshot. */
  refreshServices(): void {
    this.feed.refresh()
  }

  /**
   * Fetches what the screen shows over HTTP with `token` and returns how to apply it; the
   * session applies it only if the token is still the current one. Rejects with ApiError or NetworkError.
   */
  protected abstract load(token: string): Promise<() => void>

  /** A snapshot arrived (the services are already taken): keep what else it carries. */
  protected applySnapshot(_snapshot: Snapshot): void {}

  /**
   * Shows a snapshot that came over HTTP (a display's board, carried by its page), as the feed's
   * would be shown; call it from `load`'s apply step. The feed, connected after it, then asks for
   * a snapshot of its own only if something was pushed since. Ignored once the feed has synced:
   * its state is newer.
   */
  protected showSnapshot(snapshot: Snapshot): void {
    if (this.synced) return
    this.shownSeq = snapshot.seq
    this.snapshotFrom = 'http'
    this.services = snapshot.services
    this.applySnapshot(snapshot)
  }

  /** A code was just traded for a token of this kind: apply the device's config before the first load. */
  protected paired(_device: Device): void {}

  /** The center just became unreachable, or the screen was unpaired: drop any half-done step. */
  protected interrupted(): void {}

  /** The screen was unpaired: forget what it showed. */
  protected reset(): void {}

  /** Applies a change of state and renders again. */
  protected update(change: () => unknown): void {
    change()
    this.host.requestUpdate()
  }

  private async start(): Promise<void> {
    const token = this.token!
    if (!this.feedAfterLoad) this.feed.start(this.base, token)
    clearInterval(this.reloadTimer)
    if (this.reloadEveryMs) this.reloadTimer = setInterval(() => void this.reloadOrDown(), this.reloadEveryMs)
    await this.reloadOrDown()
    // the screen drawn from HTTP first; the feed's snapshot then brings whatever changed meanwhile
    if (this.feedAfterLoad) afterNextPaint(() => token === this.token && this.feed.start(this.base, token, this.shownSeq))
  }

  /** Loads the screen's state again now (a setting it follows changed); a failure counts as the center being down. */
  protected loadAgain(): void {
    void this.reloadOrDown()
  }

  private async reloadOrDown(): Promise<void> {
    if (!(await this.reload())) this.serverDown()
  }

  /** Loads the screen's state; false when that failed (a 401 to the current token unpairs). */
  private async reload(): Promise<boolean> {
    const token = this.token
    if (token === null) return false
    try {
      const apply = await this.load(token)
      if (token !== this.token) return false
      this.update(() => {
        apply()
        this.reach.httpBack()
      })
      // the token works: the page's next load gets its first screen with the HTML
      if (this.startData) rememberForPage(this.base, this.kind, token)
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
    if (!up) this.synced = false
    const change = this.reach.socket(up)
    if (change === 'lost') this.interrupted()
    // back after a real outage: the config, the center or the media may have changed meanwhile
    if (change === 'back') void this.reloadOrDown()
  }

  /** Merges pushed figures into the services (from `queue:updated`, or a display's call: CallBoard). */
  protected applyFigures(figures: readonly QueueFigures[]): void {
    // a service this screen has never seen (just created or re-activated) needs its names: snapshot
    if (needsSnapshot(this.services, figures)) this.feed.refresh()
    this.update(() => (this.services = withFigures(this.services, figures)))
  }
}
