/** Retry delays for every side (screens, the upstream reporter, printers, serial lines): one rule, so they all back off alike. */
/** Options for `backoffDelay`. */
export interface BackoffOptions {
  /** First delay in ms; default 1000. */
  baseMs?: number
  /** Longest delay in ms; default 30000. */
  maxMs?: number
  /** Share of the delay that is random (0 to 1), so many kiosks do not retry in step; default 0.3. */
  jitter?: number
}

/**
 * Exponential backoff with jitter: attempt 0 waits about `baseMs`, each next one twice as long,
 * never more than `maxMs`. `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const { baseMs = 1000, maxMs = 30_000, jitter = 0.3 } = options
  const plain = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt))
  return Math.round(plain * (1 - jitter + jitter * random()))
}
