import type { PrinterTransport } from './transport.ts'
import type { PrinterStatus } from './printer-status.ts'
import { describeError, TransportError } from './transport-error.ts'
import { backoffDelay } from '../../protocol/backoff.ts'
import { printerProblemOf, stopsPrinting, type PrinterProblem } from '../../protocol/printer-problem.ts'

/** How a job ended. `failed` jobs were sent at most once unless the printer could not be reached at all. */
export type JobOutcome =
  | {
      outcome: 'printed'
      attempts: number
      ms: number
      /** The status read right after the job, when `checkStatus` is on: the job is only known to be on paper if it is clean. */
      statusAfter?: PrinterHealth
    }
  | {
      outcome: 'failed'
      reason: string
      attempts: number
      /** True when some bytes may have reached the printer: part of the ticket (or all of it) may be on paper. */
      maybePrinted: boolean
      /**
       * What stopped the job, from the job's own attempt: the problem its status check before the
       * job reported, or `not-answering` when the printer could not be reached (refused, no
       * connection in time, no such device). Absent when the printer was reached and the job
       * still failed (the link broke mid-job, it expired, it could not be built).
       */
      problem?: PrinterProblem
    }

/** A job's bytes, or a function that builds them when the job's turn comes (rendering then never delays the caller). */
export type PrintJob = Buffer | (() => Buffer | Promise<Buffer>)

/** A printer's condition as polling sees it: its status plus whether it could be asked at all. */
export interface PrinterHealth extends Required<PrinterStatus> {
  /** False when the printer could not be reached or did not answer. */
  reachable: boolean
  /** Why, when something is wrong with the link itself. */
  detail?: string
  /** True when the printer answered, but not with status bytes (wrong baud rate, not an ESC/POS printer). */
  badReply?: boolean
}

/** Tuning for `PrintQueue`; every field is optional. */
export interface PrintQueueOptions {
  /** Extra attempts for a job whose printer could not be reached (nothing sent). Default 3. */
  retries?: number
  /** Delay before the first retry; doubles after each. Default 250 ms. */
  backoffMs?: number
  /** Backstop on one write, over the transport's own timeouts. Default 120000 ms. */
  writeTimeoutMs?: number
  /** A job not started within this is failed unprinted: the citizen has likely left with the on-screen ticket. Default 60000 ms. */
  maxWaitMs?: number
  /** Where an exception thrown by a caller's callback goes. Default: a process warning. */
  onCallbackError?: (err: unknown) => void
  /**
   * Read the status (DLE EOT) around every job: before it (a printer that answers but cannot print,
   * out of paper, cover open, offline, in error or garbled, gets nothing: the job fails unsent, and
   * is not printed minutes later for a citizen who left) and after it (handed over as `statusAfter`).
   * Default false.
   */
  checkStatus?: boolean
}

interface Entry {
  job: PrintJob
  done: (outcome: JobOutcome) => void
  enqueuedAt: number
}

/**
 * One printer's job queue. Jobs run one at a time in order; `enqueue` returns at once and
 * never throws, so issuing a ticket never waits on paper. A job is retried (with backoff) only
 * when the transport says nothing was sent (the printer could not be reached); once any byte
 * may have been written it is reported failed and never resent, so no ticket prints twice.
 */
export class PrintQueue {
  private readonly entries: Entry[] = []
  private running: Promise<void> | null = null
  private printing = false
  private closed = false
  private readonly retries: number
  private readonly backoffMs: number
  private readonly writeTimeoutMs: number
  private readonly maxWaitMs: number
  private readonly onCallbackError: (err: unknown) => void
  private readonly checkStatus: boolean
  private wakeBackoff: (() => void) | null = null
  private poll: {
    intervalMs: number
    onChange: (health: PrinterHealth) => void
    onAnswer: (() => void) | undefined
    timer: NodeJS.Timeout | null
    last: string | null
    active: boolean
  } | null = null

  constructor(
    private readonly transport: PrinterTransport,
    options: PrintQueueOptions = {},
  ) {
    this.retries = options.retries ?? 3
    this.backoffMs = options.backoffMs ?? 250
    this.writeTimeoutMs = options.writeTimeoutMs ?? 120_000
    this.maxWaitMs = options.maxWaitMs ?? 60_000
    this.onCallbackError = options.onCallbackError ?? ((err) => process.emitWarning(`print queue callback threw: ${describeError(err)}`))
    this.checkStatus = options.checkStatus ?? false
  }

  /** Jobs waiting or printing. */
  get pending(): number {
    return this.entries.length + (this.printing ? 1 : 0)
  }

  /** Queues a job; returns at once. `done` is called exactly once with the outcome. */
  enqueue(job: PrintJob, done: (outcome: JobOutcome) => void = () => {}): void {
    const entry = { job, done, enqueuedAt: Date.now() }
    if (this.closed) return this.report(entry, { outcome: 'failed', reason: 'printer closed', attempts: 0, maybePrinted: false })
    this.entries.push(entry)
    this.running ??= this.drain()
  }

  /** Resolves when no job is waiting or printing. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  /**
   * Asks the printer for its status now and every `intervalMs` (default 5000), skipping while
   * a job prints, and after each job; `onChange` gets the first result and every change
   * (offline, cover open, paper near end / out, error, unreachable). `onAnswer` is told of every
   * poll the printer answered, changed or not: when it was last heard is worth knowing without a
   * change to tell. Replaces an earlier poll.
   */
  pollStatus(intervalMs = 5000, onChange: (health: PrinterHealth) => void, onAnswer?: () => void): void {
    if (this.closed) return
    if (this.poll?.timer) clearTimeout(this.poll.timer)
    this.poll = { intervalMs, onChange, onAnswer, timer: null, last: null, active: false }
    this.schedulePoll(0)
  }

  /**
   * Stops polling, fails queued jobs unprinted, gives the job in progress up to `waitMs`
   * (default 2000) to finish, then closes the transport (which aborts it).
   */
  async close(waitMs = 2000): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.poll?.timer) clearTimeout(this.poll.timer)
    this.poll = null
    for (const entry of this.entries.splice(0))
      this.report(entry, { outcome: 'failed', reason: 'printer closed before the job started', attempts: 0, maybePrinted: false })
    this.wakeBackoff?.()
    if (this.running) {
      let timer: NodeJS.Timeout | undefined
      await Promise.race([this.running, new Promise((r) => (timer = setTimeout(r, waitMs)))])
      clearTimeout(timer)
    }
    await this.transport.close().catch(() => {})
  }

  private async drain(): Promise<void> {
    // Start on the next turn of the event loop: building a job renders the ticket (tens of ms
    // of CPU), which must not run inside the caller's request handler.
    await new Promise((resolve) => setImmediate(resolve))
    try {
      for (let entry = this.entries.shift(); entry; entry = this.entries.shift()) {
        this.printing = true
        let outcome: JobOutcome
        try {
          outcome = await this.run(entry)
        } finally {
          this.printing = false
        }
        this.report(entry, outcome)
        if (this.poll && !this.poll.active) this.schedulePoll(0)
      }
    } finally {
      this.running = null
    }
  }

  private async run(entry: Entry): Promise<JobOutcome> {
    const waited = Date.now() - entry.enqueuedAt
    if (waited > this.maxWaitMs)
      return {
        outcome: 'failed',
        reason: `expired: waited ${Math.round(waited / 1000)} s for the printer`,
        attempts: 0,
        maybePrinted: false,
      }
    let bytes: Buffer
    try {
      bytes = typeof entry.job === 'function' ? await entry.job() : entry.job
    } catch (err) {
      return { outcome: 'failed', reason: `could not build the job: ${describeError(err)}`, attempts: 0, maybePrinted: false }
    }
    if (this.checkStatus) {
      // an unreachable printer goes on to the write, whose retries handle it
      const before = await this.readHealth()
      const problem = before?.reachable ? printerProblemOf(before) : null
      if (stopsPrinting(problem))
        return {
          outcome: 'failed',
          reason: `not sent: the printer reported ${problem}`,
          attempts: 0,
          maybePrinted: false,
          problem: problem!,
        }
    }
    const started = Date.now()
    for (let attempt = 1; ; attempt++) {
      try {
        await this.withTimeout(this.transport.write(bytes))
        const ms = Date.now() - started
        if (!this.checkStatus) return { outcome: 'printed', attempts: attempt, ms }
        // still inside the job, so no poll shares the link; a closed transport reads as unreachable
        const statusAfter = (await this.readHealth()) ?? { ...UNKNOWN, reachable: false, detail: 'printer closed' }
        return { outcome: 'printed', attempts: attempt, ms, statusAfter }
      } catch (err) {
        // Only "could not reach the printer" proves nothing was sent; everything else may have printed.
        const unsent = err instanceof TransportError && err.code === 'unreachable'
        if (unsent && attempt <= this.retries && !this.closed) {
          await this.backoff(backoffDelay(attempt - 1, { baseMs: this.backoffMs, maxMs: Number.POSITIVE_INFINITY, jitter: 0 }))
          if (!this.closed) continue
        }
        return {
          outcome: 'failed',
          reason: describeError(err),
          attempts: attempt,
          maybePrinted: !unsent && !(err instanceof TransportError && err.nothingWritten),
          // refused or no connection in time: the printer is not answering, whatever its last poll said
          ...(unsent ? { problem: 'not-answering' as const } : {}),
        }
      }
    }
  }

  private withTimeout(write: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TransportError('write-failed', `job not sent within ${this.writeTimeoutMs} ms`)),
        this.writeTimeoutMs,
      )
    })
    return Promise.race([write, timeout]).finally(() => clearTimeout(timer))
  }

  private backoff(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeBackoff = null
        resolve()
      }, ms)
      this.wakeBackoff = () => {
        clearTimeout(timer)
        this.wakeBackoff = null
        resolve()
      }
    })
  }

  private report(entry: Entry, outcome: JobOutcome): void {
    try {
      entry.done(outcome)
    } catch (err) {
      this.onCallbackError(err)
    }
  }

  private schedulePoll(delayMs: number): void {
    const poll = this.poll
    if (!poll) return
    if (poll.timer) clearTimeout(poll.timer)
    poll.timer = setTimeout(() => void this.pollOnce(poll), delayMs)
  }

  private async pollOnce(poll: NonNullable<PrintQueue['poll']>): Promise<void> {
    poll.timer = null
    // A status query would wait behind the job on the same link; the job's end triggers a poll.
    if (poll !== this.poll) return
    if (this.running) return this.schedulePoll(poll.intervalMs)
    poll.active = true
    const health = await this.readHealth()
    poll.active = false
    if (poll !== this.poll || !health) return
    if (health.reachable) this.tell(poll.onAnswer)
    const key = JSON.stringify({ ...health, detail: undefined })
    if (key !== poll.last) {
      poll.last = key
      try {
        poll.onChange(health)
      } catch (err) {
        this.onCallbackError(err)
      }
    }
    this.schedulePoll(poll.intervalMs)
  }

  /** Calls a listener, sending what it throws to `onCallbackError`. */
  private tell(listener: (() => void) | undefined): void {
    try {
      listener?.()
    } catch (err) {
      this.onCallbackError(err)
    }
  }

  /** One status query as health; null when the transport is closed. */
  private readHealth(): Promise<PrinterHealth | null> {
    return this.transport.queryStatus().then(
      (status) => ({ statusAvailable: true, ...status, reachable: true }),
      (err: unknown) => healthFromError(err),
    )
  }
}

const UNKNOWN = { online: false, coverOpen: false, paperNearEnd: false, paperOut: false, error: false, statusAvailable: false }

/** A failed status query as health: unreachable or silent → not reachable; garbage (wrong baud rate?) → reachable but in error. */
function healthFromError(err: unknown): PrinterHealth | null {
  if (err instanceof TransportError && err.code === 'closed') return null
  if (err instanceof TransportError && err.code === 'bad-reply')
    return { ...UNKNOWN, error: true, reachable: true, badReply: true, detail: err.message }
  return { ...UNKNOWN, reachable: false, detail: describeError(err) }
}
