/**
 * Runs a task again and again, with exponential backoff and jitter, until it says it is done:
 * how the kiosk and the console find their way back after an HTTP call found no server. Owns
 * its timer; stops when the host leaves the document.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { BackoffOptions } from '../protocol/backoff.ts'
import { BackoffTimer, type Timers } from './backoff-timer.ts'

export class RetryController implements ReactiveController {
  private readonly timer: BackoffTimer
  private generation = 0
  private active = false

  /** `options`: the backoff; default 1 s doubling up to 15 s. `timers`: the page's by default. */
  constructor(
    host: Pick<ReactiveControllerHost, 'addController'>,
    options: BackoffOptions = { baseMs: 1000, maxMs: 15_000 },
    timers?: Timers,
  ) {
    this.timer = new BackoffTimer(options, timers)
    host.addController(this)
  }

  /** Whether a task is being retried (waiting, or running). */
  get running(): boolean {
    return this.active
  }

  hostDisconnected(): void {
    this.stop()
  }

  /**
   * Retries `task` (after a first delay) until it resolves true; a throw counts as false.
   * Replaces any earlier task, and starts again from the shortest delay.
   */
  start(task: () => Promise<boolean>): void {
    this.stop()
    const generation = this.generation
    this.active = true
    const tick = async (): Promise<void> => {
      let done = false
      try {
        done = await task()
      } catch {
        done = false
      }
      if (generation !== this.generation) return // stopped (or replaced) while the task ran
      if (done) {
        this.active = false
        this.timer.reset()
      } else this.timer.schedule(() => void tick())
    }
    this.timer.schedule(() => void tick())
  }

  /** Stops retrying; the next `start` begins with the shortest delay again. */
  stop(): void {
    this.generation++
    this.active = false
    this.timer.reset()
  }
}
