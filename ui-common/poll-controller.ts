/**
 * Runs a task every `intervalMs` while the page is visible, and at once when it becomes visible
 * again (a phone taken out of a pocket). With `backOff`, a task that throws waits twice as long
 * before the next run, up to MAX_BACKOFF times the interval, with jitter (protocol/backoff.ts, the
 * rule of every other retry: a center that is down is not asked by every phone every few seconds,
 * nor by all of them in step when it comes back); a run that succeeds returns to the interval.
 * Owns its timer and its visibility listener; stops when the host leaves the document or `stop()` is called.
 * Used by the phone pages and the kiosk, the dashboard's cards that have no push (messages), and the
 * hub's pages that follow the heartbeats (bundles, open data).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { backoffDelay } from '../protocol/backoff.ts'

/** The longest wait after failures, as a multiple of the interval. */
export const MAX_BACKOFF = 8

export class PollController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined
  private running = false
  private inFlight = false
  private failures = 0

  /**
   * `intervalMs`: time between runs, default 10 s; a page may change it (the server says how
   * often to ask), from the next run on. `backOff`: wait longer after each failed run.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly task: () => Promise<void>,
    public intervalMs = 10_000,
    private readonly backOff = false,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility)
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility)
    this.stop()
  }

  /** Runs the task now (or, with `firstAfterInterval`, one interval from now) and then every interval. */
  start(firstAfterInterval = false): void {
    this.running = true
    if (!firstAfterInterval) void this.run()
    else {
      clearTimeout(this.timer)
      this.timer = setTimeout(() => void this.run(), this.intervalMs)
    }
  }

  /** No more runs (a ticket that is done will not change again). */
  stop(): void {
    this.running = false
    clearTimeout(this.timer)
    this.timer = undefined
  }

  private async run(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    if (!this.running || this.inFlight) return
    this.inFlight = true
    try {
      await this.task()
      this.failures = 0
    } catch {
      // the task reports its own failures; polling goes on, less often
      if (this.backOff) this.failures++
    } finally {
      this.inFlight = false
    }
    const delay =
      this.failures === 0 ? this.intervalMs : backoffDelay(this.failures, { baseMs: this.intervalMs, maxMs: this.intervalMs * MAX_BACKOFF })
    if (this.running && document.visibilityState === 'visible') this.timer = setTimeout(() => void this.run(), delay)
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') void this.run()
    else {
      clearTimeout(this.timer)
      this.timer = undefined
    }
  }
}
