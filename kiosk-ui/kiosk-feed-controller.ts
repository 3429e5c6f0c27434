/**
 * The kiosk's live feed: one socket.io connection with the device token, queue figures and
 * printer status in `seq` order, a snapshot after a gap or a reconnect that was not recovered,
 * and a verdict on whether the server is reachable (down only after `graceMs` without a
 * connection, so a blip does not flash the out-of-service screen). Owns the socket and its
 * timers; closes them when the host leaves the document.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { QueueFigures } from '../protocol/events.ts'
import { ErrorCodes } from '../protocol/error-codes.ts'
import { backoffDelay } from '../ui-common/backoff.ts'
import { openFeedSocket, requestSnapshot, SeqTracker, type ConnectError, type TabourSocket } from '../ui-common/feed.ts'

/** A `device:status` push. */
export interface DeviceStatusEvent {
  deviceId: number
  status: Record<string, unknown>
}

/** What the feed tells its host. */
export interface KioskFeedCallbacks {
  /** The whole list of services (a snapshot): replace what is shown. */
  onServices(services: ServiceWithQueue[]): void
  /** New figures for some services. */
  onFigures(figures: QueueFigures[]): void
  onDeviceStatus(event: DeviceStatusEvent): void
  /** Connected (true), or not connected for longer than the grace period (false). */
  onReachable(reachable: boolean): void
  /** The server refused the token at connect (revoked or unknown). */
  onRefused(): void
}

const AUTH_CODES = new Set<string>([ErrorCodes.UNAUTHENTICATED, ErrorCodes.TOKEN_EXPIRED, ErrorCodes.FORBIDDEN])

export class KioskFeedController implements ReactiveController {
  private socket: TabourSocket | null = null
  private readonly seq = new SeqTracker()
  private downTimer: ReturnType<typeof setTimeout> | undefined
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined
  private reconnectAttempt = 0
  private snapshotting = false
  private snapshotAgain = false

  /** `graceMs`: how long the connection may be missing before the kiosk counts as unreachable; default 4 s. */
  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: KioskFeedCallbacks,
    private readonly graceMs = 4000,
  ) {
    host.addController(this)
  }

  hostDisconnected(): void {
    this.stop()
  }

  /** Connects with the device token (replacing any earlier connection). */
  start(base: string, token: string): void {
    this.stop()
    const socket = openFeedSocket(base, token)
    this.socket = socket
    this.seq.reset()
    this.armDownTimer()

    socket.on('connect', () => {
      clearTimeout(this.downTimer)
      this.downTimer = undefined
      this.reconnectAttempt = 0
      this.callbacks.onReachable(true)
      // a recovered connection got the missed events replayed; anything else starts over
      if (!socket.recovered) {
        this.seq.reset()
        void this.resync()
      }
    })
    socket.on('disconnect', (reason) => {
      this.armDownTimer()
      // the server dropped us (shutting down, or the device was revoked): socket.io does not retry that by itself
      if (reason === 'io server disconnect') this.reconnectLater()
    })
    socket.on('connect_error', (err: ConnectError) => {
      this.armDownTimer()
      const code = err.data?.code
      if (code && AUTH_CODES.has(code)) {
        this.callbacks.onRefused()
        return
      }
      // a refusal by the server's middleware ends socket.io's own retries: keep trying ourselves
      if (!socket.active) this.reconnectLater()
    })
    socket.on('feed:joined', (e) => this.seq.baseline(e.seq))
    socket.on('queue:updated', (e) => {
      if (this.judge(e.seq)) this.callbacks.onFigures(e.services)
    })
    socket.on('device:status', (e) => {
      if (this.judge(e.seq)) this.callbacks.onDeviceStatus({ deviceId: e.deviceId, status: e.status })
    })
  }

  /** Closes the connection and every timer. */
  stop(): void {
    clearTimeout(this.downTimer)
    clearTimeout(this.reconnectTimer)
    this.downTimer = this.reconnectTimer = undefined
    if (this.socket) {
      this.socket.removeAllListeners()
      this.socket.disconnect()
      this.socket = null
    }
  }

  /** Asks for a fresh snapshot (the host learned that its list is out of date). */
  refresh(): void {
    void this.resync()
  }

  /** True when the event should be applied; a gap also triggers a snapshot (figures are absolute, so applying is safe). */
  private judge(seq: number): boolean {
    const verdict = this.seq.accept(seq)
    if (verdict === 'gap') void this.resync()
    return verdict !== 'stale'
  }

  private async resync(): Promise<void> {
    const socket = this.socket
    if (!socket?.connected) return
    if (this.snapshotting) {
      this.snapshotAgain = true
      return
    }
    this.snapshotting = true
    try {
      const snapshot = await requestSnapshot(socket)
      if (socket !== this.socket) return
      this.seq.advanceTo(snapshot.seq)
      this.callbacks.onServices(snapshot.services)
    } catch {
      // timed out or disconnected: the next connect asks again
    } finally {
      this.snapshotting = false
      if (this.snapshotAgain) {
        this.snapshotAgain = false
        void this.resync()
      }
    }
  }

  private armDownTimer(): void {
    if (this.downTimer !== undefined) return
    this.downTimer = setTimeout(() => {
      this.downTimer = undefined
      if (!this.socket?.connected) this.callbacks.onReachable(false)
    }, this.graceMs)
  }

  private reconnectLater(): void {
    clearTimeout(this.reconnectTimer)
    const socket = this.socket
    this.reconnectTimer = setTimeout(
      () => {
        if (socket && socket === this.socket && !socket.connected) socket.connect()
      },
      backoffDelay(this.reconnectAttempt++, { baseMs: 1000, maxMs: 10_000 }),
    )
  }
}
