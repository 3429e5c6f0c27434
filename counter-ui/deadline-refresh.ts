/**
 * Re-renders a list of the console at the next of its deadlines (a no-show's grace, a parked
 * ticket's time), not at the console's next tick: the list kept "1 min left" and its undo button,
 * which the server then refuses, for up to half a minute after the grace had ended (walk s54).
 * After each update of its host it sets a timer for the earliest deadline still ahead of the
 * host's `now`; when it fires, `now` moves on by the time that passed, which renders the list again
 * (the console's own tick sets `now` afresh from the center's clock, as before).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

/** A host with the time it renders for: epoch ms on the center's clock, as the console gives it. */
export type DeadlineHost = ReactiveControllerHost & { now: number }

/** A timer's slack past the deadline: the list is drawn once the deadline is behind it, never a moment before. */
const PAST_DEADLINE_MS = 20

export class DeadlineRefresh implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly host: DeadlineHost,
    private readonly deadlines: () => readonly number[],
  ) {
    host.addController(this)
  }

  hostUpdated(): void {
    clearTimeout(this.timer)
    const now = this.host.now
    const next = Math.min(...this.deadlines().filter((d) => d > now))
    if (!Number.isFinite(next)) return
    const setAt = Date.now()
    this.timer = setTimeout(
      () => {
        this.host.now = now + (Date.now() - setAt)
      },
      next - now + PAST_DEADLINE_MS,
    )
  }

  hostDisconnected(): void {
    clearTimeout(this.timer)
  }
}
