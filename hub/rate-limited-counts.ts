/**
 * Requests the ingest's rate limit refused, counted in memory and written to hub_rejections in
 * batches (every few seconds, before close, and when the admin reads the counts): a flood must
 * not cost one database write per refused request.
 */
import { HubErrorCodes } from '../protocol/upstream.ts'
import type { HubStore } from './store/store.ts'

/** Distinct claimed center names kept between two flushes (more are counted without a center). */
const MAX_LIMITED_NAMES = 1000

export class RateLimitedCounts {
  /** Claimed center ('' = none, or too many names) → refusals since the last flush. */
  private readonly limited = new Map<string, number>()

  constructor(
    private readonly store: HubStore,
    private readonly clock: () => number,
  ) {}

  /** One refusal of a request that claimed `center` ('' for none). */
  count(center: string): void {
    const name = this.limited.has(center) || this.limited.size < MAX_LIMITED_NAMES ? center : ''
    this.limited.set(name, (this.limited.get(name) ?? 0) + 1)
  }

  /** Writes the counts since the last flush. */
  async flush(): Promise<void> {
    if (this.limited.size === 0) return
    const counts = [...this.limited]
    this.limited.clear()
    const at = this.clock()
    for (const [claimed, hits] of counts) {
      // under the claimed center only if it is registered: anyone can send any name, and the table must not grow with them
      const centerId = claimed && (await this.store.getCenter(claimed)) ? claimed : null
      await this.store.countRejection(HubErrorCodes.RATE_LIMITED, centerId, at, hits)
    }
  }
}
