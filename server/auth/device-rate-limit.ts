import { RetryLaterError } from '../errors.ts'

/** One limit: a sustained rate and the burst allowed above it. */
export interface RateLimit {
  perMinute: number
  burst: number
}

/**
 * A token bucket per device: `burst` requests at once, refilled at `perMinute`. A kiosk's token
 * sits on an unattended machine; whoever copies it must not be able to flood the queue with
 * tickets or the center with snapshot requests. The keys are device ids (a bounded set: the
 * devices the center has), so memory cannot grow without end.
 */
export class DeviceRateLimit {
  private readonly buckets = new Map<number, { tokens: number; at: number }>()

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number,
  ) {}

  /** Seconds until `deviceId` may try again (at least 1), or 0 after taking one request from its bucket. */
  take(deviceId: number): number {
    const now = this.clock()
    const perMs = this.limit.perMinute / 60_000
    const bucket = this.buckets.get(deviceId) ?? { tokens: this.limit.burst, at: now }
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs)
    bucket.at = now
    this.buckets.set(deviceId, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000))
  }

  /** Takes one request, or throws RetryLaterError (429 TABOUR_ERR_RATE_LIMITED with Retry-After) saying `what`. */
  takeOrThrow(deviceId: number, what: string): void {
    const wait = this.take(deviceId)
    if (wait > 0) throw new RetryLaterError(`this device ${what} too often; try again in ${wait} s`, wait)
  }
}
