/**
 * Runs async operations one at a time, in call order. A printer link carries one
 * conversation at a time: a status query sent mid-job would be taken as job bytes on
 * serial, and many network printers accept a single connection.
 */
export class Lane {
  private tail: Promise<unknown> = Promise.resolve()

  /** Runs `fn` after everything queued before it has settled; resolves or rejects as `fn` does. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn)
    this.tail = result.catch(() => {})
    return result
  }
}
