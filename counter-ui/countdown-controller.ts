/**
 * Re-renders its host while a wait runs (the console's "no-show possible in 0:42"): at each
 * second the count changes and exactly at the instant the wait ends, so what the wait holds back
 * (the no-show button) enables itself then, not up to a ticker's period later. The instant is
 * read from `until` (this browser's epoch ms, or null: no wait) after every update of the host;
 * the timer stops when the wait is over or the host leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class CountdownController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined
  /** The instant the pending timer counts towards (a new one re-arms it). */
  private armedFor: number | null = null

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly until: () => number | null,
  ) {
    host.addController(this)
  }

  /** Whole seconds still to wait at `now`, a part second counting as one; 0 when there is no wait. */
  secondsLeft(now = Date.now()): number {
    const until = this.until()
    return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000))
  }

  hostUpdated(): void {
    const until = this.until()
    const now = Date.now()
    if (until === null || until <= now) return this.stop()
    if (this.timer !== undefined && this.armedFor === until) return
    this.stop()
    this.armedFor = until
    // to the next change of the whole seconds left: the last one lands on `until` itself
    const delay = (until - now) % 1000 || 1000
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.host.requestUpdate()
    }, delay)
  }

  hostDisconnected(): void {
    this.stop()
  }

  private stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.armedFor = null
  }
}
