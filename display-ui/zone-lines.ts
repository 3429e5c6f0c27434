/**
 * Which lines a display lists under "waiting" (walk finding 20). A floor's TV that listed every
 * line some counter of its floor could serve told people waiting for C to watch a screen where C
 * was never called: C's one counter there was closed, and C was called upstairs. What is true for
 * a zone is the lines a counter of the zone is serving today: open, or paused for a moment.
 *
 * When no counter of the zone is open, that rule left the TV with no waiting section at all, as if
 * nobody waited. What is true then is that people wait for the zone's lines and no counter here
 * calls them now: the display lists the lines its counters serve when open, under that notice.
 *
 * A ticket sent to one counter (a transfer to a counter) is called there only: it counts on that
 * counter's floor, in its line, even when no other counter there serves the line, and not on the
 * other floors that serve the line (walk 2026-12-05: A-001 sent upstairs still counted downstairs).
 */
import type { Counter, ServiceWithQueue } from '../protocol/entities.ts'
import { servesNow } from '../protocol/counter-serving.ts'

type ZoneCounter = Pick<Counter, 'id' | 'state' | 'active' | 'services' | 'awaySince'>

/** The lines a display lists, and whether any counter of its zone is open to call them. */
export interface ZoneLines {
  /** The services listed; null (every line) when the display was given no counters. */
  serviceIds: Set<number> | null
  /** No counter of the zone is open or paused with its clerk there (servesNow): the lines are those its counters serve when open. */
  noneOpen: boolean
  /** The counters this display shows (its zone's); null when it was given none. */
  counterIds: Set<number> | null
}

const linesOf = (counters: readonly ZoneCounter[]): Set<number> => new Set(counters.flatMap((c) => c.services.map((s) => s.serviceId)))

/**
 * The lines a counter among `counters` serving now (open or paused, its clerk not away: protocol/counter-serving.ts)
 * serves; when none is, the lines of its active counters. An away clerk's counter calls nobody: counted, the TV
 * kept its lines as served (no "no counter is open here") while the kiosk sold them as unstaffed (s49).
 */
export function zoneLines(counters: Iterable<ZoneCounter>): ZoneLines {
  const all = [...counters]
  if (all.length === 0) return { serviceIds: null, noneOpen: false, counterIds: null }
  const counterIds = new Set(all.map((c) => c.id))
  const active = all.filter((c) => c.active)
  const serving = active.filter(servesNow)
  if (serving.length > 0) return { serviceIds: linesOf(serving), noneOpen: false, counterIds }
  return { serviceIds: linesOf(active), noneOpen: true, counterIds }
}

type Line = Pick<ServiceWithQueue, 'id' | 'waiting' | 'sentToCounters' | 'active'>

/**
 * The lines a display lists with how many wait in each for its zone: its zone's lines less the
 * tickets sent to counters elsewhere, and any line with tickets sent to one of its counters.
 */
export function zoneWaiting<S extends Line>(services: readonly S[], lines: ZoneLines): { service: S; waiting: number }[] {
  const { serviceIds, counterIds } = lines
  return services.flatMap((service) => {
    // a deactivated service is listed while its line still holds tickets, still called (server lineQueues); emptied, it goes
    if (!service.active && service.waiting === 0) return []
    const sent = service.sentToCounters ?? []
    const here = counterIds ? sent.filter((s) => counterIds.has(s.counterId)).reduce((n, s) => n + s.waiting, 0) : 0
    const elsewhere = counterIds ? sent.filter((s) => !counterIds.has(s.counterId)).reduce((n, s) => n + s.waiting, 0) : 0
    if (!serviceIds || serviceIds.has(service.id)) return [{ service, waiting: service.waiting - elsewhere }]
    return here > 0 ? [{ service, waiting: here }] : []
  })
}

/** The display's counters after `counter` changed (its feed sends only its zone's counters, all when it has none). */
export function withZoneCounter<C extends ZoneCounter>(counters: ReadonlyMap<number, C>, counter: C): Map<number, C> {
  return new Map(counters).set(counter.id, counter)
}
