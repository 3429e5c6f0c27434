import { once } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TicketJobWorker } from '../../../drivers/printer/job-worker.ts'
import { SAMPLE } from './fixtures.ts'

const OPTIONS = { type: 'epson', widthMm: 80 } as const
const TIMEOUT_MS = 60_000

describe('the ticket renderer thread (TicketJobWorker)', () => {
  let worker: TicketJobWorker | null = null
  afterEach(async () => {
    vi.useRealTimers()
    await worker?.close()
    worker = null
  })

  it('a hung job fails alone: the job queued behind it is built on the next thread, and its replacement is no crash against it', {
    timeout: 30_000,
  }, async () => {
    // only the main thread's timers are fake: the job timers fire when told, the thread runs for real
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const w = new TicketJobWorker({ timeoutMs: TIMEOUT_MS })
    worker = w
    // both sent synchronously to a thread still starting, so neither is built before the hang
    const stuck = w.build(SAMPLE, OPTIONS)
    vi.advanceTimersByTime(1_000)
    const behind = w.build(SAMPLE, OPTIONS)
    const first = w.current!
    const firstExit = once(first, 'exit')
    vi.advanceTimersByTime(TIMEOUT_MS - 1_000) // the first job's deadline, not the second's
    await expect(stuck).rejects.toThrow(`not rendered within ${TIMEOUT_MS} ms`)
    await firstExit
    expect(w.restarts).toBe(1)
    expect(w.inFlight).toBe(1)

    // a real crash of the next thread while it holds the second job: its first crash, so it is sent
    // once more (counting the hang's replacement as a crash failed it here as "twice")
    const second = w.current!
    expect(second).not.toBe(first)
    await second.terminate()
    const bytes = await behind
    expect(bytes.length).toBeGreaterThan(1_000)
    expect(w.restarts).toBe(2)
    expect(w.built).toBe(1)
  })
})
