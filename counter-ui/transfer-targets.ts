/**
 * Which transfer targets nobody can call from now: a closed counter, and a service no open (or
 * paused, so soon open) counter serves. A transfer there is still allowed (a counter may be
 * about to open), but the dialog says so plainly and warns before the clerk confirms: a ticket
 * sent there used to wait with no word, its status page saying "you are next".
 */
import type { Counter } from '../protocol/entities.ts'

/** The ids of the services some staffed counter serves (any weight: a backup counter calls too). */
export function staffedServiceIds(counters: readonly Counter[]): Set<number> {
  const staffed = counters.filter((c) => c.active && c.state !== 'closed')
  return new Set(staffed.flatMap((c) => c.services.map((s) => s.serviceId)))
}

/** Why nobody can call a ticket sent to `target` ('service:<id>' or 'counter:<id>'), or null when someone can. */
export function unstaffedTarget(
  target: string,
  counters: readonly Counter[],
  staffed: ReadonlySet<number>,
): 'counter-closed' | 'service-unstaffed' | null {
  const [kind, raw] = target.split(':')
  const id = Number(raw)
  if (kind === 'counter') return counters.find((c) => c.id === id)?.state === 'closed' ? 'counter-closed' : null
  if (kind === 'service') return staffed.has(id) ? null : 'service-unstaffed'
  return null
}
