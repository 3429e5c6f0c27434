/**
 * One live feed for a lit screen: a socket.io connection with a user or device token, events
 * applied in `seq` order, a snapshot after a gap or a reconnect that was not recovered, and a
 * verdict on whether the server is reachable (down only after `graceMs` without a connection, so
 * a blip does not flash an error). Owns the socket and its timers and closes them when the host
 * leaves the document. Each screen subscribes to the events it shows with `on()`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { ServerToClientEvents, Snapshot } from '../protocol/events.ts'
import { ErrorCodes } from '../protocol/error-codes.ts'
import { BackoffTimer } from './backoff-timer.ts'
import { openFeedSocket, requestSnapshot, SeqTracker, type ConnectError, type TabourSocket } from './feed.ts'

/** What the feed tells its host besides the events it subscribed to. */
export interface FeedCallbacks {
  /** The whole state the socket may see (first connect, a gap, a reconnect): replace what is shown. */
  onSnapshot(snapshot: Snapshot): void
  /** Connected (true), or not connected for longer than the grace period (false). */
  onReachable(reachable: boolean): void
  /** The server refused the token at connect (revoked, logged out, expired). */
  onRefused(code: string): void
  /** The feed joined at the seq of the snapshot already shown (`start`'s `shownSeq`): nothing was missed, none is asked for. */
  onCurrent?(): void
}

/** The events that carry `seq` (all but `feed:joined`). */
export type FeedEvent = Exclude<keyof ServerToClientEvents, 'feed:joined'>
type Payload<E extends FeedEvent> = Parameters<ServerToClientEvents[E]>[0]

const AUTH_CODES = new Set<string>([ErrorCodes.UNAUTHENTICATED, ErrorCodes.TOKEN_EXPIRED, ErrorCodes.FORBIDDEN])

export class FeedController implements ReactiveController {
  private socket: TabourSocket | null = null
  private readonly seq = new SeqTracker()
  private readonly handlers = new Map<FeedEvent, (payload: never) => void>()
  private downTimer: ReturnType<typeof setTimeout> | undefined
  /** Our own reconnects, where socket.io gave up: 1 s doubling up to 10 s. */
  private readonly reconnect = new BackoffTimer({ baseMs: 1000, maxMs: 10_000 })
  private snapshotting = false
  private snapshotAgain = false
  /** Counts the calls of `start` and `stop`: a socket whose module arrives after a newer call is dropped. */
  private opening = 0
  /** The seq of a snapshot the screen shows that came over HTTP, until a connection has compared it with its `feed:joined`. */
  private shownSeq: number | null = null

  /** `graceMs`: how long the connection may be missing before the screen counts it unreachable; default 4 s. */
  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: FeedCallbacks,
    private readonly graceMs = 4000,
  ) {
    host.addController(this)
  }

  hostDisconnected(): void {
    this.stop()
  }

  /**
   * Handles `event` (in `seq` order; a replay is dropped). Subscribe before `start`. A gap also
   * triggers a snapshot, and the event is still handed over: every event carries absolute
   * values, so applying it is safe and the snapshot then settles the rest.
   */
  on<E extends FeedEvent>(event: E, handler: (payload: Payload<E>) => void): this {
    this.handlers.set(event, handler as (payload: never) => void)
    return this
  }

  /** Whether the socket is connected right now. */
  get connected(): boolean {
    return this.socket?.connected ?? false
  }

  /**
   * Connects with the token (replacing any earlier connection). The socket's module is loaded
   * first (ui-common/feed.ts); a failure to load it is an outage, tried again with backoff.
   * `shownSeq`: the seq of a snapshot the screen already shows (a display's page carries one):
   * the first connection asks for no snapshot of its own when its `feed:joined` says nothing was
   * pushed since, and for one when anything was (a call made between the page and the socket).
   */
  start(base: string, token: string, shownSeq: number | null = null): void {
    this.stop()
    this.shownSeq = shownSeq
    const opening = ++this.opening
    this.seq.reset()
    this.armDownTimer()
    openFeedSocket(base, token).then(
      (socket) => {
        if (opening === this.opening) this.attach(socket)
        else socket.disconnect()
      },
      () => {
        if (opening === this.opening) this.reconnect.schedule(() => this.opening === opening && this.start(base, token, shownSeq))
      },
    )
  }

  private attach(socket: TabourSocket): void {
    this.socket = socket
    socket.on('connect', () => {
      clearTimeout(this.downTimer)
      this.downTimer = undefined
      this.reconnect.reset()
      this.callbacks.onReachable(true)
      // a recovered connection got the missed events replayed; anything else starts over
      if (!socket.recovered) {
        this.seq.reset()
        // with a snapshot on screen already, `feed:joined` (the server's first push) says whether it is still current
        if (this.shownSeq === null) void this.resync()
      }
    })
    socket.on('disconnect', (reason) => {
      this.armDownTimer()
      // the server dropped us (shutting down, or the token was revoked): socket.io does not retry that by itself
      if (reason === 'io server disconnect') this.reconnectLater()
    })
    socket.on('connect_error', (err: ConnectError) => {
      this.armDownTimer()
      const code = err.data?.code
      if (code && AUTH_CODES.has(code)) {
        this.callbacks.onRefused(code)
        return
      }
      // a refusal by the server's middleware ends socket.io's own retries: keep trying ourselves
      if (!socket.active) this.reconnectLater()
    })
    socket.on('feed:joined', (e) => {
      this.seq.baseline(e.seq)
      const shown = this.shownSeq
      if (shown === null) return
      this.shownSeq = null
      if (e.seq === shown) this.callbacks.onCurrent?.()
      else void this.resync()
    })
    for (const [event, handler] of this.handlers) {
      socket.on(event, ((payload: { seq: number }) => {
        if (this.judge(payload.seq)) (handler as (p: unknown) => void)(payload)
      }) as never)
    }
  }

  /** Closes the connection and every timer. */
  stop(): void {
    this.opening++
    clearTimeout(this.downTimer)
    this.downTimer = undefined
    this.reconnect.cancel()
    if (this.socket) {
      this.socket.removeAllListeners()
      this.socket.disconnect()
      this.socket = null
    }
  }

  /** Asks for a fresh snapshot (the host learned that what it shows is out of date). */
  refresh(): void {
    void this.resync()
  }

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
      this.callbacks.onSnapshot(snapshot)
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
    const socket = this.socket
    this.reconnect.schedule(() => {
      if (socket && socket === this.socket && !socket.connected) socket.connect()
    })
  }
}
