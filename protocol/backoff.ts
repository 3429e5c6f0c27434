/** Retry delays for every side (screens, the upstream reporter, printers, serial lines): one rule, so they all back off alike. */
/** Options for `backoffDelay`. */
export interface BackoffOptions {
  /** First delay in ms; default 1000. */
  baseMs?: number
  /** Longest delay in ms; default 30000. */
  maxMs?: number
  /** Share of the delay that is random (0 to 1), so many kiosks do not retry in step; default 0.3. 0: no jitter; 0.5: "equal jitter" (half to all of the delay). */
  jitter?: number
}

/** Doubling stops here: 2^30 × any base is past every ceiling, and 0 × 2^1024 would be NaN. */
const MAX_EXPONENT = 30

/**
 * Exponential backoff with jitter: attempt 0 waits about `baseMs`, each next one twice as long,
 * never more than `maxMs` (Infinity: no ceiling). `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const { baseMs = 1000, maxMs = 30_000, jitter = 0.3 } = options
  const plain = Math.min(maxMs, baseMs * 2 ** Math.min(MAX_EXPONENT, Math.max(0, attempt)))
  return Math.round(plain * (1 - jitter + jitter * random()))
}
