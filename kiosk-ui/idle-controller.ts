/**
 * Calls back after a stretch without any touch, key or click anywhere on the page; every
 * touch starts the count again. Owns its timer and its window listeners, and drops both when
 * the host leaves the document.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const

export class IdleController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined
  private ms = 0

  constructor(
    host: ReactiveControllerHost,
    private readonly onIdle: () => void,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    for (const type of ACTIVITY) window.addEventListener(type, this.touched, { capture: true, passive: true })
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) window.removeEventListener(type, this.touched, { capture: true })
    this.disarm()
  }

  /** Starts (or restarts) the count: `onIdle` runs after `seconds` without activity. */
  arm(seconds: number): void {
    this.ms = seconds * 1000
    this.restart()
  }

  /** Stops counting until `arm` is called again. */
  disarm(): void {
    this.ms = 0
    clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Counts from now again (a screen changed without a touch). */
  restart(): void {
    clearTimeout(this.timer)
    this.timer = this.ms > 0 ? setTimeout(this.fire, this.ms) : undefined
  }

  private readonly touched = (): void => {
    if (this.ms > 0) this.restart()
  }

  private readonly fire = (): void => {
    this.timer = undefined
    this.onIdle()
  }
}
