/** What `within` rejects with when the promise is late: a hang, named, not a test's timeout. */
export class LateError extends Error {}

/**
 * `promise`, or a LateError naming `what` after `ms`: a step with no timeout of its own (an app's
 * close, a cleanup) that hangs fails by name instead of running into the test's timeout with
 * nothing said. A bound on a hang, not a measure of speed.
 */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LateError(`${what} took more than ${ms} ms`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}
