/**
 * Which lines a display lists under "waiting" (walk finding 20). A floor's TV that listed every
 * line some counter of its floor could serve told people waiting for C to watch a screen where C
 * was never called: C's one counter there was closed, and C was called upstairs. What is true for
 * a zone is the lines a counter of the zone is serving today: open, or paused for a moment.
 *
 * When no counter of the zone is open, that rule left the TV with no waiting section at all, as if
 * nobody waited. What is true then is that people wait for the zone's lines and no counter here
 * calls them now: the display lists the lines its counters serve when open, under that notice.
 */
import type { Counter } from '../protocol/entities.ts'

type ZoneCounter = Pick<Counter, 'id' | 'state' | 'active' | 'services'>

/** The lines a display lists, and whether any counter of its zone is open to call them. */
export interface ZoneLines {
  /** The services listed; null (every line) when the display was given no counters. */
  serviceIds: Set<number> | null
  /** No counter of the zone is open or paused: the lines are those its counters serve when open. */
  noneOpen: boolean
}

const linesOf = (counters: readonly ZoneCounter[]): Set<number> => new Set(counters.flatMap((c) => c.services.map((s) => s.serviceId)))

/** The lines an open or paused counter among `counters` serves; when none is, the lines of its active counters. */
export function zoneLines(counters: Iterable<ZoneCounter>): ZoneLines {
  const all = [...counters]
  if (all.length === 0) return { serviceIds: null, noneOpen: false }
  const active = all.filter((c) => c.active)
  const serving = active.filter((c) => c.state !== 'closed')
  if (serving.length > 0) return { serviceIds: linesOf(serving), noneOpen: false }
  return { serviceIds: linesOf(active), noneOpen: true }
}

/** The display's counters after `counter` changed (its feed sends only its zone's counters, all when it has none). */
export function withZoneCounter<C extends ZoneCounter>(counters: ReadonlyMap<number, C>, counter: C): Map<number, C> {
  return new Map(counters).set(counter.id, counter)
}
