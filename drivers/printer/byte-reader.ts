/**
 * Hands out received bytes one at a time to an awaiting reader, for request/reply exchanges
 * (a status query and its one-byte answer) over a stream that delivers arbitrary chunks.
 */
export class ByteReader {
  private readonly bytes: number[] = []
  private waiter: { resolve: (byte: number) => void; reject: (err: Error) => void; timer: NodeJS.Timeout } | null = null
  private failure: Error | null = null

  /** Adds received bytes. */
  push(chunk: Buffer): void {
    for (const byte of chunk) this.bytes.push(byte)
    this.wake()
  }

  /** Makes the pending and every later `next()` reject (the link broke). */
  fail(err: Error): void {
    this.failure ??= err
    this.wake()
  }

  /** Drops bytes that arrived unasked, so the next reply is not mistaken for an older one. */
  discard(): void {
    this.bytes.length = 0
  }

  /** The next byte, or a rejection with `onTimeout()` after `timeoutMs`. One caller at a time. */
  next(timeoutMs: number, onTimeout: () => Error): Promise<number> {
    if (this.waiter) return Promise.reject(new Error('ByteReader: next() is already waiting'))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null
        reject(onTimeout())
      }, timeoutMs)
      this.waiter = { resolve, reject, timer }
      this.wake()
    })
  }

  private wake(): void {
    const waiter = this.waiter
    if (!waiter) return
    if (this.bytes.length) {
      this.waiter = null
      clearTimeout(waiter.timer)
      waiter.resolve(this.bytes.shift()!)
    } else if (this.failure) {
      this.waiter = null
      clearTimeout(waiter.timer)
      waiter.reject(this.failure)
    }
  }
}
