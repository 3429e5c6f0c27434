import { describe, expect, it } from 'vitest'
import { PollController, type PollTimers } from '../../ui-common/poll-controller.ts'

/** Intervals the test fires by hand. */
class HandTimers implements PollTimers {
  readonly live = new Map<number, () => void>()
  private next = 1
  setInterval(run: () => void): unknown {
    this.live.set(this.next, run)
    return this.next++
  }
  clearInterval(handle: unknown): void {
    this.live.delete(handle as number)
  }
  tick(): void {
    for (const run of this.live.values()) run()
  }
}

const host = () => ({ addController() {} })
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('PollController', () => {
  it('asks once the host is connected (after its own connectedCallback) and at every tick', async () => {
    const timers = new HandTimers()
    const asked: string[] = []
    let param = 'unset'
    const poll = new PollController(host(), () => void asked.push(param), 30_000, timers)
    poll.hostConnected()
    // the host reads its URL after super.connectedCallback(): the first ask sees it
    param = 'from-url'
    await settle()
    expect(asked).toEqual(['from-url'])
    timers.tick()
    timers.tick()
    expect(asked).toHaveLength(3)
  })

  it('stops when the host leaves and starts again when it comes back, with one timer', async () => {
    const timers = new HandTimers()
    let asks = 0
    const poll = new PollController(host(), () => void asks++, 30_000, timers)
    poll.hostConnected()
    poll.hostDisconnected()
    await settle()
    // left before its first ask: nothing asked, no timer left running
    expect(asks).toBe(0)
    expect(timers.live.size).toBe(0)
    poll.hostConnected()
    poll.hostConnected()
    await settle()
    expect(timers.live.size).toBe(1)
    expect(asks).toBe(2)
  })
})
