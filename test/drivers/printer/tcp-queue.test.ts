import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildTicketJob, openPrinterTransport, PrintQueue, type JobOutcome, type PrinterHealth } from '../../../drivers/printer/index.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { FakePrinter, refusedPort } from './fake-printer.ts'
import { SAMPLE } from './fixtures.ts'

/** The outcome of a job, as a promise. */
function enqueue(queue: PrintQueue, job: Buffer | (() => Promise<Buffer>)): Promise<JobOutcome> {
  return new Promise((resolve) => queue.enqueue(job, resolve))
}

describe('print queue over TCP (a fake network printer on 127.0.0.1)', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })

  async function printer(port?: number): Promise<FakePrinter> {
    const p = await FakePrinter.start(port)
    cleanup.push(() => p.close())
    return p
  }

  function queue(url: string, options = {}): PrintQueue {
    const q = new PrintQueue(openPrinterTransport(url, { closeGraceMs: 1000 }), options)
    cleanup.push(() => q.close())
    return q
  }

  it('one connection and exactly the built bytes per job, in order', async () => {
    const fake = await printer()
    const q = queue(fake.url)
    const jobs = await Promise.all(
      ['A-001', 'A-002', 'B-001'].map((label) => buildTicketJob({ ...SAMPLE, label }, { type: 'epson', widthMm: 80 })),
    )
    const outcomes = await Promise.all(jobs.map((job) => enqueue(q, job)))
    expect(outcomes.map((o) => o.outcome)).toEqual(['printed', 'printed', 'printed'])
    expect(fake.jobConnections).toBe(3)
    expect(fake.jobs).toHaveLength(3)
    fake.jobs.forEach((received, i) => expect(received.equals(jobs[i])).toBe(true))
    expect(decodeJob(fake.jobs[0]).qrPayloads).toEqual([SAMPLE.statusUrl])
  })

  it('a job given as a builder is built when its turn comes', async () => {
    const fake = await printer()
    const q = queue(fake.url)
    const outcome = await enqueue(q, () => buildTicketJob(SAMPLE, { type: 'epson', widthMm: 58 }))
    expect(outcome).toMatchObject({ outcome: 'printed', attempts: 1 })
    expect(decodeJob(fake.jobs[0]).images[0].width).toBe(384)
  })

  it('a refused port: failed after the bounded retries, nothing thrown, and the next job prints once the printer is back', async () => {
    const port = await refusedPort()
    const q = queue(`tcp://127.0.0.1:${port}`, { retries: 2, backoffMs: 20 })
    const job = await buildTicketJob(SAMPLE, { type: 'epson', widthMm: 80 })
    let fake: Promise<FakePrinter> | null = null
    const first = new Promise<JobOutcome>((resolve) =>
      q.enqueue(job, (outcome) => {
        // the printer comes back while the second job waits for its turn (or its retries)
        fake = printer(port)
        resolve(outcome)
      }),
    )
    const second = enqueue(q, job)
    expect(await first).toMatchObject({ outcome: 'failed', attempts: 3, maybePrinted: false })
    expect(((await first) as { reason: string }).reason).toMatch(/unreachable.*ECONNREFUSED/)
    expect(await second).toMatchObject({ outcome: 'printed' })
    const back = await fake!
    expect(back.jobs).toHaveLength(1)
    expect(back.jobs[0].equals(job)).toBe(true)
  })

  it('a printer that resets mid-job: failed, maybe printed, never sent again', async () => {
    const fake = await printer()
    fake.behaviour = 'reset-mid-job'
    const q = queue(fake.url, { retries: 3, backoffMs: 1 })
    const job = await buildTicketJob(SAMPLE, { type: 'epson', widthMm: 80 })
    const outcome = await enqueue(q, job)
    expect(outcome).toMatchObject({ outcome: 'failed', attempts: 1, maybePrinted: true })
    expect((outcome as { reason: string }).reason).toMatch(/may have printed/)
    expect(fake.connections).toBe(1)
    expect(fake.jobConnections).toBe(1)
    // the queue carries on with the next job
    fake.behaviour = 'print'
    expect(await enqueue(q, job)).toMatchObject({ outcome: 'printed' })
    expect(fake.connections).toBe(2)
  })

  it('polls status and reports each change: healthy → paper out → unreachable', async () => {
    const fake = await printer()
    const q = queue(fake.url)
    const reports: PrinterHealth[] = []
    q.pollStatus(10, (health) => reports.push(health))
    await vi.waitFor(() => expect(reports).toHaveLength(1))
    expect(reports[0]).toEqual({
      reachable: true,
      online: true,
      coverOpen: false,
      paperNearEnd: false,
      paperOut: false,
      error: false,
      statusAvailable: true,
    })
    // a poll may straddle the change (one byte old, two new): wait for the settled report
    fake.status = { printer: 0x1a, offline: 0x32, paper: 0x72 }
    await vi.waitFor(() => expect(reports.at(-1)).toMatchObject({ reachable: true, online: false, paperOut: true }))
    await fake.close()
    await vi.waitFor(() => expect(reports.at(-1)).toMatchObject({ reachable: false, online: false }))
    // only changes are reported
    for (let i = 1; i < reports.length; i++)
      expect({ ...reports[i], detail: undefined }).not.toEqual({ ...reports[i - 1], detail: undefined })
    expect(reports.length).toBeLessThanOrEqual(4)
    // refused, or reset while the fake printer was closing
    expect(reports.at(-1)!.detail).toMatch(/unreachable|connection/)
  })
})
