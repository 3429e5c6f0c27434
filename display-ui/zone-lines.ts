/**
 * Which lines a display lists under "waiting" (walk finding 20). A floor's TV that listed every
 * line some counter of its floor could serve told people waiting for C to watch a screen where C
 * was never called: C's one counter there was closed, and C was called upstairs. What is true for
 * a zone is the lines a counter of the zone is serving today: open, or paused for a moment.
 */
import type { Counter } from '../protocol/entities.ts'

type ZoneCounter = Pick<Counter, 'id' | 'state' | 'active' | 'services'>

/** The services some open or paused counter among `counters` serves; null (every line) when the display was given no counters. */
export function servedLines(counters: Iterable<ZoneCounter>): Set<number> | null {
  const all = [...counters]
  if (all.length === 0) return null
  return new Set(all.filter((c) => c.active && c.state !== 'closed').flatMap((c) => c.services.map((s) => s.serviceId)))
}

/** The display's counters after `counter` changed (its feed sends only its zone's counters, all when it has none). */
export function withZoneCounter<C extends ZoneCounter>(counters: ReadonlyMap<number, C>, counter: C): Map<number, C> {
  return new Map(counters).set(counter.id, counter)
}
