/**
 * Runs a task again and again, with exponential backoff and jitter, until it succeeds: how the
 * kiosk finds its way back when the server was unreachable. Owns its timer; stops when the host
 * leaves the document.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { backoffDelay, type BackoffOptions } from '../protocol/backoff.ts'

export class RetryController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined
  private generation = 0
  private attempt = 0

  /** `options`: the backoff; default 1 s doubling up to 15 s. */
  constructor(
    host: ReactiveControllerHost,
    private readonly options: BackoffOptions = { baseMs: 1000, maxMs: 15_000 },
  ) {
    host.addController(this)
  }

  /** Whether a task is being retried. */
  get running(): boolean {
    return this.timer !== undefined
  }

  hostDisconnected(): void {
    this.stop()
  }

  /** Starts retrying `task` (after a first delay) until it resolves true; replaces any earlier task. */
  start(task: () => Promise<boolean>): void {
    this.stop()
    const generation = this.generation
    const tick = async (): Promise<void> => {
      let ok = false
      try {
        ok = await task()
      } catch {
        ok = false
      }
      if (generation !== this.generation) return // stopped (or replaced) while the task ran
      if (ok) {
        this.timer = undefined
        this.attempt = 0
        return
      }
      this.timer = setTimeout(() => void tick(), backoffDelay(this.attempt++, this.options))
    }
    this.timer = setTimeout(() => void tick(), backoffDelay(this.attempt++, this.options))
  }

  /** Stops retrying; the next `start` begins with the shortest delay again. */
  stop(): void {
    this.generation++
    clearTimeout(this.timer)
    this.timer = undefined
    this.attempt = 0
  }
}
