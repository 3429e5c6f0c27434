/**
 * Renders its host again every `everyMs` while it is in the page: a screen whose minutes count
 * on ("waited 7 min", the header's clock) reads the time in its render, and this moves it on.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class RenderTicker implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly everyMs: number,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    clearInterval(this.timer)
    this.timer = setInterval(() => this.host.requestUpdate(), this.everyMs)
  }

  hostDisconnected(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }
}
