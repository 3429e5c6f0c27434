import { afterEach, describe, expect, it, vi } from 'vitest'
import { ServerClock } from '../../ui-common/server-clock.ts'

describe('the center clock a staff screen counts from', () => {
  afterEach(() => vi.useRealTimers())

  it("is this browser's clock until a snapshot says the server's time, then moves with it, off by what the server said", () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-05T10:00:00Z') })
    const clock = new ServerClock()
    expect(clock.now()).toBe(Date.parse('2026-12-05T10:00:00Z'))
    // this PC runs 12 minutes fast: the server said 09:48 as the snapshot arrived
    clock.sync(Date.parse('2026-12-05T09:48:00Z'))
    expect(new Date(clock.now()).toISOString()).toBe('2026-12-05T09:48:00.000Z')
    vi.advanceTimersByTime(5 * 60_000)
    expect(new Date(clock.now()).toISOString()).toBe('2026-12-05T09:53:00.000Z')
  })

  it('keeps the last offset when a snapshot says no time (an older server) or a time that is no number', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const clock = new ServerClock()
    clock.sync(400_000)
    clock.sync(undefined)
    clock.sync(Number.NaN)
    expect(clock.now()).toBe(400_000)
  })
})
