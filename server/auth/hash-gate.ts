import { RetryLaterError } from '../errors.ts'

/**
 * At most `concurrency` password hashes at once, at most `queueMax` more waiting; a caller
 * beyond that is refused at once with RetryLaterError. scrypt runs on libuv's thread pool
 * (4 threads by default), which also reads every static file: a flood of logins that each took a
 * thread starved the pages (10–14 s for /dashboard/). With the ceiling below the pool size the
 * other threads stay free for files, and the wait for a hash is bounded instead of endless.
 */
export class HashGate {
  private running = 0
  private readonly waiting: Array<() => void> = []
  /** A running estimate of one hash's duration, for Retry-After. */
  private meanMs = 100

  constructor(
    /** Hashes run at once. */
    private concurrency: number,
    /** Hashes allowed to wait for a slot. */
    private queueMax: number,
  ) {}

  /** New limits; those already running or waiting keep their place. */
  configure(concurrency: number, queueMax: number): void {
    this.concurrency = concurrency
    this.queueMax = queueMax
    this.drain()
  }

  /** How many hashes run and wait now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length }
  }

  /** Runs `work` when a slot is free; RetryLaterError at once when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueMax) {
        const seconds = Math.max(1, Math.ceil(((this.waiting.length + 1) * this.meanMs) / this.concurrency / 1000))
        throw new RetryLaterError(`the server is busy checking passwords; try again in ${seconds} s`, seconds)
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running++
    }
    const started = performance.now()
    try {
      return await work()
    } finally {
      this.meanMs = this.meanMs * 0.8 + (performance.now() - started) * 0.2
      this.running--
      this.drain()
    }
  }

  private drain(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      this.running++
      this.waiting.shift()!()
    }
  }
}
