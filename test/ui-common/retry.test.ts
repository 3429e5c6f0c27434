import { describe, expect, it } from 'vitest'
import { BackoffTimer, type Timers } from '../../ui-common/backoff-timer.ts'
import { RetryController } from '../../ui-common/retry-controller.ts'
import { ServerReach } from '../../ui-common/server-reach.ts'

/** A clock the test moves by hand: timers fire only in `advance`, in order of their due time. */
class ManualClock implements Timers {
  now = 0
  private next = 1
  private readonly due = new Map<number, { at: number; run: () => void }>()

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++
    this.due.set(id, { at: this.now + ms, run })
    return id
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number)
  }
  /** No jitter: every delay is the plain backoff times (1 - jitter). */
  random(): number {
    return 1
  }
  get pending(): number[] {
    return [...this.due.values()].map((d) => d.at - this.now).sort((a, b) => a - b)
  }
  /** Moves time on by `ms`, firing what falls due (and letting the tasks they start settle). */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms
    for (;;) {
      const first = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0]
      if (!first || first[1].at > until) break
      this.due.delete(first[0])
      this.now = first[1].at
      first[1].run()
      for (let i = 0; i < 5; i++) await Promise.resolve()
    }
    this.now = until
  }
}

const host = () => {
  const controllers: { hostDisconnected?(): void }[] = []
  return {
    controllers,
    addController: (c: { hostDisconnected?(): void }) => void controllers.push(c),
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  }
}

describe('BackoffTimer', () => {
  it('waits twice as long each time up to the cap, and from the start again after reset', () => {
    const clock = new ManualClock()
    const timer = new BackoffTimer({ baseMs: 1000, maxMs: 10_000, jitter: 0 }, clock)
    const delays = Array.from({ length: 6 }, () => timer.schedule(() => {}))
    expect(delays).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000])
    // each schedule replaced the one before: one timer waits
    expect(clock.pending).toEqual([10_000])
    timer.reset()
    expect(timer.pending).toBe(false)
    expect(clock.pending).toEqual([])
    expect(timer.schedule(() => {})).toBe(1000)
  })

  it('spreads the delays with jitter from the injected random', () => {
    const timer = (r: number) =>
      new BackoffTimer({ baseMs: 1000, jitter: 0.3 }, { setTimeout: () => 0, clearTimeout() {}, random: () => r })
    expect(timer(0).schedule(() => {})).toBe(700)
    expect(timer(0.5).schedule(() => {})).toBe(850)
  })

  it('runs once when due; cancel keeps the next delay growing', async () => {
    const clock = new ManualClock()
    const timer = new BackoffTimer({ baseMs: 100, maxMs: 1000, jitter: 0 }, clock)
    let runs = 0
    timer.schedule(() => runs++)
    await clock.advance(99)
    expect(runs).toBe(0)
    await clock.advance(1)
    expect(runs).toBe(1)
    expect(timer.pending).toBe(false)
    timer.schedule(() => runs++)
    timer.cancel()
    await clock.advance(10_000)
    expect(runs).toBe(1)
    expect(timer.schedule(() => {})).toBe(400)
  })
})

describe('RetryController', () => {
  it('retries with growing delays until the task says done, then starts over from the shortest', async () => {
    const clock = new ManualClock()
    const h = host()
    const retry = new RetryController(h, { baseMs: 1000, maxMs: 4000, jitter: 0 }, clock)
    const tries: number[] = []
    let failuresLeft = 4
    retry.start(async () => {
      tries.push(clock.now)
      return failuresLeft-- <= 0
    })
    expect(retry.running).toBe(true)
    await clock.advance(60_000)
    // 1 s, 2 s, 4 s, 4 s (capped), 4 s after one another
    expect(tries).toEqual([1000, 3000, 7000, 11_000, 15_000])
    expect(retry.running).toBe(false)
    expect(clock.pending).toEqual([])

    const again: number[] = []
    clock.now = 0
    retry.start(async () => {
      again.push(clock.now)
      return true
    })
    await clock.advance(10_000)
    expect(again).toEqual([1000])
  })

  it('counts a throw as a failure', async () => {
    const clock = new ManualClock()
    const retry = new RetryController(host(), { baseMs: 10, jitter: 0 }, clock)
    let calls = 0
    retry.start(async () => {
      if (++calls < 3) throw new Error('no server')
      return true
    })
    await clock.advance(1000)
    expect(calls).toBe(3)
    expect(retry.running).toBe(false)
  })

  it('stops for good on stop(), on a new start, and when the host leaves the page', async () => {
    const clock = new ManualClock()
    const h = host()
    const retry = new RetryController(h, { baseMs: 10, jitter: 0 }, clock)
    let first = 0
    let second = 0
    retry.start(async () => (first++, false))
    await clock.advance(10)
    retry.start(async () => (second++, false))
    await clock.advance(15)
    expect(first).toBe(1)
    expect(second).toBe(1)
    retry.stop()
    await clock.advance(10_000)
    expect(second).toBe(1)
    expect(retry.running).toBe(false)

    // a task still running when stop() comes does not schedule another try
    let release: (done: boolean) => void = () => {}
    let third = 0
    retry.start(() => (third++, new Promise<boolean>((r) => (release = r))))
    await clock.advance(10)
    expect(third).toBe(1)
    for (const c of h.controllers) c.hostDisconnected?.()
    release(false)
    await clock.advance(10_000)
    expect(third).toBe(1)
    expect(clock.pending).toEqual([])
  })
})

describe('ServerReach', () => {
  it('is down while HTTP or the socket is, retries the HTTP side until it gets through, and says when the socket comes back', async () => {
    const clock = new ManualClock()
    const reach = new ServerReach(host(), { baseMs: 1000, maxMs: 10_000, jitter: 0 }, clock)
    expect(reach.reachable).toBe(true)

    let serverBack = false
    const tries: number[] = []
    const task = async () => {
      tries.push(clock.now)
      if (serverBack) reach.httpBack()
      return serverBack
    }
    expect(reach.httpDown(task)).toBe(true)
    expect(reach.reachable).toBe(false)
    // a second failure while the loop runs does not restart it from the shortest delay
    await clock.advance(1000)
    expect(reach.httpDown(task)).toBe(false)
    await clock.advance(2000)
    serverBack = true
    await clock.advance(4000)
    expect(tries).toEqual([1000, 3000, 7000])
    expect(reach.reachable).toBe(true)
    expect(clock.pending).toEqual([])

    expect(reach.socket(false)).toBe('lost')
    expect(reach.socket(false)).toBeNull()
    expect([reach.reachable, reach.connected]).toEqual([false, false])
    expect(reach.socket(true)).toBe('back')
    expect(reach.socket(true)).toBeNull()

    // unpaired or signed out mid-outage: no retries left, no outage remembered
    reach.httpDown(task)
    reach.socket(false)
    reach.reset()
    expect(reach.reachable).toBe(true)
    expect(clock.pending).toEqual([])
  })
})
