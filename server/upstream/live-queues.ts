/**
 * Open data (issue 23, protocol/open-data.ts): the center's lines now, per national service code,
 * for the heartbeat. Counts and the wait a ticket taken now would be told; nothing about a ticket,
 * a citizen or a clerk.
 */
import { Value } from '@sinclair/typebox/value'
import type { ServiceWithQueue } from '../../protocol/entities.ts'
import { LiveQueue, LocalLiveQueue } from '../../protocol/open-data.ts'

/**
 * One entry per national code among the active services. Several local services mapped to one
 * code add their waiting, and the longest of their estimates stands (never a shorter wait than
 * some of those citizens are told); the code is open when any of them issues now. A service
 * without a national code is left out: the hub could not name it to the public.
 */
export function liveQueuesOf(services: readonly ServiceWithQueue[]): LiveQueue[] {
  const byCode = new Map<string, LiveQueue>()
  for (const s of services) {
    if (!s.active || !s.nationalCode) continue
    const wait = s.estimatedWaitSeconds === null ? undefined : Math.round(s.estimatedWaitSeconds)
    const seen = byCode.get(s.nationalCode)
    const waitSeconds = seen ? longest(seen.waitSeconds, wait) : wait
    byCode.set(s.nationalCode, {
      nationalCode: s.nationalCode,
      waiting: (seen?.waiting ?? 0) + s.waiting,
      ...(waitSeconds === undefined ? {} : { waitSeconds }),
      open: (seen?.open ?? false) || s.available,
    })
  }
  // an entry outside the schema (a code from before the catalogue's pattern, an absurd count) would
  // make the hub refuse the whole heartbeat, health included: it is left out instead
  return [...byCode.values()].filter((q) => Value.Check(LiveQueue, q))
}

/**
 * One entry per active service without a national code: the public cannot know it by the
 * catalogue's names, so it goes by the center's (prefix and names), and the hub shows it on this
 * center's card only, marked as its own (the page said such services were missing and listed none).
 */
export function localLiveQueuesOf(services: readonly ServiceWithQueue[]): LocalLiveQueue[] {
  return services
    .filter((s) => s.active && !s.nationalCode)
    .map(
      (s): LocalLiveQueue => ({
        serviceCode: s.prefix,
        nameAr: s.nameAr,
        nameEn: s.nameEn,
        waiting: s.waiting,
        ...(s.estimatedWaitSeconds === null ? {} : { waitSeconds: Math.round(s.estimatedWaitSeconds) }),
        open: s.available,
      }),
    )
    .filter((q) => Value.Check(LocalLiveQueue, q))
    .slice(0, 200)
}

/** What a heartbeat says of the center's lines: its national services' and its own. */
export interface LiveLines {
  live: LiveQueue[]
  local: LocalLiveQueue[]
}

/** Both, from one reading of the services. */
export const liveLinesOf = (services: readonly ServiceWithQueue[]): LiveLines => ({
  live: liveQueuesOf(services),
  local: localLiveQueuesOf(services),
})

const longest = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b))

/** How long computed lines serve the heartbeat while nothing happens at the center: estimates and hours move with the clock too. */
export const LIVE_QUEUES_MAX_AGE_MS = 30_000

/**
 * The lines for the heartbeat, computed again only after a domain event (a ticket, a counter, a
 * setting changed) or once they are LIVE_QUEUES_MAX_AGE_MS old: the line forecast of every service
 * is not free, and a center beating often (or retrying an unreachable hub) must not replay it each time.
 */
export function cachedLiveQueues<T>(
  compute: () => T,
  events: { on(listener: () => void): () => void },
  now: () => number = Date.now,
): () => T {
  let held: { at: number; queues: T } | null = null
  events.on(() => {
    held = null
  })
  return () => {
    const at = now()
    if (!held || at - held.at >= LIVE_QUEUES_MAX_AGE_MS || at < held.at) held = { at, queues: compute() }
    return held.queues
  }
}
