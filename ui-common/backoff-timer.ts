/**
 * One pending retry whose delay grows: the first waits about `baseMs`, each next one twice as
 * long up to `maxMs`, with jitter (protocol/backoff.ts, the rule the server and drivers use too).
 * The retry loop of the kiosk and the console and the feed's reconnects are built on it. The
 * timers are injectable, so a test can step through the delays without waiting.
 */
import { backoffDelay, type BackoffOptions } from '../protocol/backoff.ts'

/** The clock a BackoffTimer schedules on; the page's setTimeout by default. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  /** A number in [0, 1) for the jitter; Math.random by default. */
  random?(): number
}

const PAGE_TIMERS: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export class BackoffTimer {
  private handle: unknown
  private scheduled = false
  private attempt = 0

  /** `options`: the backoff (protocol/backoff.ts defaults: 1 s doubling up to 30 s, 30 % jitter). */
  constructor(
    private readonly options: BackoffOptions = {},
    private readonly timers: Timers = PAGE_TIMERS,
  ) {}

  /** Whether a run is waiting for its delay. */
  get pending(): boolean {
    return this.scheduled
  }

  /** Runs `run` after the next delay (each call waits longer); replaces a run still waiting. */
  schedule(run: () => void): number {
    this.cancel()
    const delay = backoffDelay(this.attempt++, this.options, this.timers.random ?? Math.random)
    this.scheduled = true
    this.handle = this.timers.setTimeout(() => {
      this.scheduled = false
      run()
    }, delay)
    return delay
  }

  /** Drops the waiting run, if any; the next delay keeps growing. */
  cancel(): void {
    if (this.scheduled) this.timers.clearTimeout(this.handle)
    this.scheduled = false
    this.handle = undefined
  }

  /** It worked: drops the waiting run and starts again from the shortest delay. */
  reset(): void {
    this.cancel()
    this.attempt = 0
  }
}
