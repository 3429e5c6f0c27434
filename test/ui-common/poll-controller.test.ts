import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_BACKOFF, PollController } from '../../ui-common/poll-controller.ts'

const INTERVAL = 10_000
const globals = globalThis as { document?: unknown }

/** A lit host that only collects its controllers. */
const host = () => ({ addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) })

/** The delays between the task's runs, with the task failing on the runs `failing` says. */
async function delaysOf(failing: (run: number) => boolean, runs: number): Promise<number[]> {
  const at: number[] = []
  const poll = new PollController(
    host(),
    async () => {
      at.push(Date.now())
      if (failing(at.length)) throw new Error('center down')
    },
    INTERVAL,
    true,
  )
  poll.start()
  while (at.length < runs) await vi.advanceTimersToNextTimerAsync()
  poll.stop()
  return at.slice(1).map((t, i) => t - at[i]!)
}

describe('PollController back-off (ui-common/poll-controller.ts)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    // the page is visible: polling goes on
    globals.document = { visibilityState: 'visible', addEventListener() {}, removeEventListener() {} }
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    delete globals.document
  })

  it('waits twice as long after each failure, up to MAX_BACKOFF intervals, and the interval again after a success', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1) // the top of the jitter: the plain doubling
    const delays = await delaysOf((run) => run >= 2 && run <= 6, 8)
    expect(delays).toEqual([1, 2, 4, 8, MAX_BACKOFF, MAX_BACKOFF, 1].map((n) => n * INTERVAL))
  })

  it('takes up to 30 % off a wait after a failure (jitter), so phones that saw the same outage do not ask in step; never off the interval', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const delays = await delaysOf((run) => run === 2 || run === 3, 5)
    expect(delays).toEqual([INTERVAL, 0.7 * 2 * INTERVAL, 0.7 * 4 * INTERVAL, INTERVAL])
  })

  it('does not back off without `backOff`', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const at: number[] = []
    const poll = new PollController(
      host(),
      async () => {
        at.push(Date.now())
        throw new Error('down')
      },
      INTERVAL,
    )
    poll.start()
    while (at.length < 3) await vi.advanceTimersToNextTimerAsync()
    poll.stop()
    expect([at[1]! - at[0]!, at[2]! - at[1]!]).toEqual([INTERVAL, INTERVAL])
  })
})
