import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  HEALTHY,
  MemoryTransport,
  openTicketPrinter,
  PrintQueue,
  TransportError,
  type JobOutcome,
  type PrinterHealth,
  type PrinterTransport,
  type PrintQueueOptions,
  type TicketJobOutcome,
  type TicketPrinterStatus,
  type TicketPrinter,
} from '../../../drivers/printer/index.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { SAMPLE } from './fixtures.ts'

/** A transport whose writes finish only when the test says so, to watch the queue's order and overlap. */
class GatedTransport implements PrinterTransport {
  readonly started: Buffer[] = []
  inFlight = 0
  maxInFlight = 0
  private gates: (() => void)[] = []
  closed = false

  write(data: Buffer): Promise<void> {
    this.started.push(data)
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    return new Promise((resolve) =>
      this.gates.push(() => {
        this.inFlight--
        resolve()
      }),
    )
  }

  /** Lets the oldest write finish. */
  release(): void {
    this.gates.shift()?.()
  }

  async queryStatus() {
    return { ...HEALTHY }
  }

  async close() {
    this.closed = true
  }
}

const outcomeOf = (q: PrintQueue, job: Parameters<PrintQueue['enqueue']>[0]) =>
  new Promise<JobOutcome>((resolve) => q.enqueue(job, resolve))

// a job's start is a few ms away; under a loaded CI box vi.waitFor's default second was not enough once
const STARTED = { timeout: 10_000 }

describe('PrintQueue', () => {
  const queues: PrintQueue[] = []
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.close()
  })
  const make = (transport: PrinterTransport, options: PrintQueueOptions = {}) => {
    const q = new PrintQueue(transport, options)
    queues.push(q)
    return q
  }

  it('runs jobs one at a time, in order; enqueue returns before anything is written', async () => {
    const t = new GatedTransport()
    const q = make(t)
    const outcomes: string[] = []
    for (const n of [1, 2, 3]) q.enqueue(Buffer.from([n]), (o) => outcomes.push(`${n}:${o.outcome}`))
    expect(t.started).toHaveLength(0)
    expect(q.pending).toBe(3)
    await vi.waitFor(() => expect(t.started).toHaveLength(1), STARTED)
    t.release()
    await vi.waitFor(() => expect(t.started).toHaveLength(2))
    t.release()
    await vi.waitFor(() => expect(t.started).toHaveLength(3))
    t.release()
    await q.idle()
    expect(t.started.map((b) => b[0])).toEqual([1, 2, 3])
    expect(t.maxInFlight).toBe(1)
    expect(outcomes).toEqual(['1:printed', '2:printed', '3:printed'])
  })

  it('retries only while the printer is unreachable, with backoff, then prints once', async () => {
    const memory = new MemoryTransport()
    memory.reachable = false
    const q = make(memory, { retries: 5, backoffMs: 5 })
    let attempts = 0
    const query = memory.write.bind(memory)
    memory.write = async (data) => {
      if (++attempts === 3) memory.reachable = true
      return query(data)
    }
    expect(await outcomeOf(q, Buffer.from('ticket'))).toMatchObject({ outcome: 'printed', attempts: 3 })
    expect(memory.writes).toEqual([Buffer.from('ticket')])
  })

  it('gives up after the bounded retries', async () => {
    const memory = new MemoryTransport()
    memory.reachable = false
    const q = make(memory, { retries: 2, backoffMs: 1 })
    expect(await outcomeOf(q, Buffer.from('x'))).toEqual({
      outcome: 'failed',
      reason: 'memory printer unreachable',
      attempts: 3,
      maybePrinted: false,
      // it could not be reached: the printer is not answering (not "the job failed")
      problem: 'not-answering',
    })
  })

  it.each([
    ['a write that broke off', new TransportError('write-failed', 'reset mid-job; part of the job may have printed')],
    ['an unknown error', new Error('EIO')],
  ])('%s is never retried', async (_name, error) => {
    const memory = new MemoryTransport()
    memory.failNextWrite(error)
    const q = make(memory, { retries: 3, backoffMs: 1 })
    expect(await outcomeOf(q, Buffer.from('x'))).toEqual({ outcome: 'failed', reason: error.message, attempts: 1, maybePrinted: true })
    expect(memory.writes).toHaveLength(0)
    expect(await outcomeOf(q, Buffer.from('y'))).toMatchObject({ outcome: 'printed' })
  })

  it('a write that never ends times out; the next job still runs', async () => {
    const t = new GatedTransport()
    const q = make(t, { writeTimeoutMs: 30 })
    const first = outcomeOf(q, Buffer.from('1'))
    const second = outcomeOf(q, Buffer.from('2'))
    expect(await first).toMatchObject({ outcome: 'failed', reason: 'job not sent within 30 ms', attempts: 1, maybePrinted: true })
    await vi.waitFor(() => expect(t.started).toHaveLength(2))
    t.release()
    t.release()
    expect(await second).toMatchObject({ outcome: 'printed' })
  })

  it('a job that cannot be built fails without throwing; a throwing callback is reported, not thrown', async () => {
    const memory = new MemoryTransport()
    const errors: unknown[] = []
    const q = make(memory, { onCallbackError: (err) => errors.push(err) })
    expect(() =>
      q.enqueue(
        () => {
          throw new Error('no fonts')
        },
        () => {
          throw new Error('listener bug')
        },
      ),
    ).not.toThrow()
    expect(await outcomeOf(q, Buffer.from('next'))).toMatchObject({ outcome: 'printed' })
    expect(errors).toEqual([new Error('listener bug')])
    expect(memory.writes).toEqual([Buffer.from('next')])
  })

  it('a job that waited too long is dropped unprinted', async () => {
    const t = new GatedTransport()
    const q = make(t, { maxWaitMs: 20 })
    const first = outcomeOf(q, Buffer.from('1'))
    const stale = outcomeOf(q, Buffer.from('2'))
    await vi.waitFor(() => expect(t.started).toHaveLength(1), STARTED)
    await new Promise((r) => setTimeout(r, 40)) // the second job ages past maxWaitMs behind the first
    t.release()
    expect(await first).toMatchObject({ outcome: 'printed' })
    expect(await stale).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/^expired/), maybePrinted: false })
    expect(t.started).toHaveLength(1)
  })

  it('close fails waiting jobs, refuses new ones and closes the transport', async () => {
    const t = new GatedTransport()
    const q = make(t)
    const running = outcomeOf(q, Buffer.from('1'))
    const waiting = outcomeOf(q, Buffer.from('2'))
    await vi.waitFor(() => expect(t.started).toHaveLength(1), STARTED)
    const closing = q.close(1000)
    expect(await waiting).toMatchObject({ outcome: 'failed', reason: 'printer closed before the job started' })
    t.release()
    await closing
    expect(await running).toMatchObject({ outcome: 'printed' })
    expect(t.closed).toBe(true)
    expect(await outcomeOf(q, Buffer.from('3'))).toMatchObject({ outcome: 'failed', reason: 'printer closed' })
  })

  it('status polling reports the first status and each change, once', async () => {
    const memory = new MemoryTransport()
    let queries = 0
    const query = memory.queryStatus.bind(memory)
    memory.queryStatus = () => (queries++, query())
    const q = make(memory)
    const reports: PrinterHealth[] = []
    q.pollStatus(5, (h) => reports.push(h))
    await vi.waitFor(() => expect(reports).toHaveLength(1))
    const seen = queries
    await vi.waitFor(() => expect(queries).toBeGreaterThan(seen + 3))
    expect(reports).toHaveLength(1) // unchanged status is not reported again
    memory.status = { ...HEALTHY, paperNearEnd: true }
    await vi.waitFor(() => expect(reports).toHaveLength(2))
    memory.status = { ...HEALTHY, coverOpen: true, online: false }
    await vi.waitFor(() => expect(reports).toHaveLength(3))
    memory.reachable = false
    await vi.waitFor(() => expect(reports).toHaveLength(4))
    expect(reports.map((r) => [r.reachable, r.online, r.paperNearEnd, r.coverOpen])).toEqual([
      [true, true, false, false],
      [true, true, true, false],
      [true, false, false, true],
      [false, false, false, false],
    ])
    expect(reports[3].detail).toBe('memory printer unreachable')
    await q.close()
    const after = queries
    await new Promise((r) => setTimeout(r, 30)) // nothing to await: proving polling stopped takes a quiet interval
    expect(queries).toBe(after)
  })
})

describe('openTicketPrinter (what the server binds to a kiosk)', () => {
  const printers: TicketPrinter[] = []
  afterEach(async () => {
    for (const p of printers.splice(0)) await p.close()
  })
  it('prints a ticket and reports the status the server shows', async () => {
    const memory = new MemoryTransport()
    const printer = openTicketPrinter({ type: 'epson', interface: 'memory', widthMm: 80 }, { transportOverride: memory, pollIntervalMs: 5 })
    printers.push(printer)
    const statuses: TicketPrinterStatus[] = []
    printer.watch((s) => statuses.push(s))
    const outcome = await new Promise<TicketJobOutcome>((resolve) => printer.print(SAMPLE, resolve))
    expect(outcome).toEqual({ outcome: 'printed' })
    const job = decodeJob(memory.writes[0])
    expect(job.images[0].width).toBe(576)
    expect(job.qrPayloads).toEqual([SAMPLE.statusUrl])
    await vi.waitFor(() => expect(statuses.length).toBeGreaterThan(0))
    expect(statuses[0]).toEqual({ reachable: true, online: true, coverOpen: false, paperNearEnd: false, paperOut: false, error: false })
    memory.status = { ...HEALTHY, paperOut: true, online: false }
    await vi.waitFor(() => expect(statuses.at(-1)).toMatchObject({ paperOut: true, online: false }))
  })

  it('Star printers are not polled by default (Star Line Mode does not answer DLE EOT)', async () => {
    const memory = new MemoryTransport()
    let queries = 0
    memory.queryStatus = async () => (queries++, { ...HEALTHY })
    const printer = openTicketPrinter({ type: 'star', interface: 'memory', widthMm: 58 }, { transportOverride: memory })
    printers.push(printer)
    printer.watch(() => {})
    const outcome = await new Promise<TicketJobOutcome>((resolve) => printer.print(SAMPLE, resolve))
    expect(outcome).toEqual({ outcome: 'printed' })
    expect(decodeJob(memory.writes[0], 'star').images[0].width).toBe(384)
    expect(queries).toBe(0)
  })
})
