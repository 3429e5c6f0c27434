import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReactiveController } from 'lit'
import { DeadlineRefresh, type DeadlineHost } from '../../counter-ui/deadline-refresh.ts'

/** A host as lit drives it: `now` set (by the console or the controller) renders it again, and each render ends with hostUpdated. */
function host(now: number) {
  const controllers: ReactiveController[] = []
  const renders: number[] = []
  let at = now
  const h: DeadlineHost = {
    addController: (c) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
    get now() {
      return at
    },
    set now(t: number) {
      at = t
      render()
    },
  }
  const render = () => {
    renders.push(at)
    for (const c of controllers) c.hostUpdated?.()
  }
  return { h, renders, render, controllers }
}

describe('DeadlineRefresh: a console list drawn again when one of its deadlines passes (walk s54)', () => {
  afterEach(() => vi.useRealTimers())

  it('draws the list just past the earliest deadline ahead, then the next, and nothing once none is ahead', () => {
    vi.useFakeTimers({ now: 0 })
    const t0 = 1_000_000
    const { h, renders, render } = host(t0)
    const deadlines = [t0 + 8_000, t0 - 5_000, t0 + 61_000]
    new DeadlineRefresh(h, () => deadlines)
    render()
    vi.advanceTimersByTime(7_999)
    expect(renders).toEqual([t0])
    vi.advanceTimersByTime(100)
    // drawn once the first deadline is behind the list's time, not at the console's next tick half a minute on
    expect(renders).toHaveLength(2)
    expect(renders[1]).toBeGreaterThan(t0 + 8_000)
    vi.advanceTimersByTime(53_100)
    expect(renders).toHaveLength(3)
    expect(renders[2]).toBeGreaterThan(t0 + 61_000)
    vi.advanceTimersByTime(600_000)
    expect(renders).toHaveLength(3)
  })

  it('forgets its timer when the list leaves the page', () => {
    vi.useFakeTimers({ now: 0 })
    const { h, renders, render, controllers } = host(0)
    new DeadlineRefresh(h, () => [5_000])
    render()
    controllers[0]!.hostDisconnected?.()
    vi.advanceTimersByTime(10_000)
    expect(renders).toEqual([0])
  })
})
