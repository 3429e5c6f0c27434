import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { RenderTicker } from '../../ui-common/render-ticker.ts'

/** A host that counts the renders asked of it and plays being put in and taken out of the page. */
class FakeHost implements ReactiveControllerHost {
  renders = 0
  private readonly controllers: ReactiveController[] = []
  readonly updateComplete = Promise.resolve(true)
  addController(c: ReactiveController): void {
    this.controllers.push(c)
  }
  removeController(): void {}
  requestUpdate(): void {
    this.renders++
  }
  connect(): void {
    for (const c of this.controllers) c.hostConnected?.()
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.()
  }
}

describe('the render ticker of a screen whose minutes count on', () => {
  afterEach(() => vi.useRealTimers())

  it('renders its host every period while it is in the page, never after it left, and once a period after it came back', () => {
    vi.useFakeTimers()
    const host = new FakeHost()
    new RenderTicker(host, 15_000)
    vi.advanceTimersByTime(60_000)
    expect(host.renders, 'not in the page yet').toBe(0)
    host.connect()
    vi.advanceTimersByTime(45_000)
    expect(host.renders).toBe(3)
    host.disconnect()
    vi.advanceTimersByTime(60_000)
    expect(host.renders).toBe(3)
    host.connect()
    host.connect() // connected twice (moved in the page): still one timer
    vi.advanceTimersByTime(15_000)
    expect(host.renders).toBe(4)
  })
})
