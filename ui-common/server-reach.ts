/**
 * Whether a screen can reach its center, as the kiosk and the console judge it: over HTTP (the
 * last call got an answer, or the retry after it did) and over the socket (connected, or missing
 * for less than the feed's grace period). An HTTP call that found no server starts a retry loop
 * with backoff (RetryController) that runs until a task gets through.
 */
import type { ReactiveControllerHost } from 'lit'
import type { BackoffOptions } from '../protocol/backoff.ts'
import type { Timers } from './backoff-timer.ts'
import { RetryController } from './retry-controller.ts'

/** What a verdict of the feed changed. */
export type SocketChange = 'lost' | 'back' | null

export class ServerReach {
  private httpUp = true
  private socketUp = true
  private readonly retry: RetryController

  /** `backoff`: the retry loop's; RetryController's default (1 s doubling up to 15 s) when omitted. `timers`: the page's by default. */
  constructor(
    private readonly host: ReactiveControllerHost,
    backoff?: BackoffOptions,
    timers?: Timers,
  ) {
    this.retry = new RetryController(host, backoff, timers)
  }

  /** Both ways up: what the screen shows as "reachable". */
  get reachable(): boolean {
    return this.httpUp && this.socketUp
  }

  /** The socket's side alone (the display's banner). */
  get connected(): boolean {
    return this.socketUp
  }

  /**
   * An HTTP call found no server: down, and `task` is retried until it resolves true. False
   * (and nothing changes) when a retry is already running: it goes on with its own task and delays.
   */
  httpDown(task: () => Promise<boolean>): boolean {
    if (!this.httpUp && this.retry.running) return false
    this.httpUp = false
    this.host.requestUpdate()
    this.retry.start(task)
    return true
  }

  /** An HTTP call got an answer. */
  httpBack(): void {
    this.httpUp = true
  }

  /** The feed's verdict on the socket; says whether it was just lost or is back after an outage. */
  socket(up: boolean): SocketChange {
    const was = this.socketUp
    this.socketUp = up
    this.host.requestUpdate()
    return up === was ? null : up ? 'back' : 'lost'
  }

  /** The server was reached another way: no more retries. */
  stopRetry(): void {
    this.retry.stop()
  }

  /** Signed out or unpaired: no retries, and no outage remembered. */
  reset(): void {
    this.retry.stop()
    this.httpUp = this.socketUp = true
  }
}
