/**
 * Runs a task every `intervalMs` while the page is visible, and at once when it becomes visible
 * again (a phone taken out of a pocket). Owns its timer and its visibility listener; stops when
 * the host leaves the document or `stop()` is called.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class PollController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined
  private running = false
  private inFlight = false

  /** `intervalMs`: time between runs; default 10 s. */
  constructor(
    host: ReactiveControllerHost,
    private readonly task: () => Promise<void>,
    private readonly intervalMs = 10_000,
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
    } catch {
      // the task reports its own failures; polling goes on
    } finally {
      this.inFlight = false
    }
    if (this.running && document.visibilityState === 'visible') this.timer = setTimeout(() => void this.run(), this.intervalMs)
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') void this.run()
    else {
      clearTimeout(this.timer)
      this.timer = undefined
    }
  }
}
