/**
 * Which transfer targets nobody can call from now: a closed counter, an open one whose clerk is
 * away (no live console: the server counts it as serving nobody), and a service no open (or
 * paused, so soon open) counter with its clerk present serves. A transfer there is still allowed (a counter may be
 * about to open), but the dialog says so plainly and warns before the clerk confirms: a ticket
 * sent there used to wait with no word, its status page saying "you are next".
 */
import type { Counter, ServiceWithQueue } from '../protocol/entities.ts'

/**
 * Why nobody can call a ticket sent to `target` ('service:<id>' or 'counter:<id>'), or null when
 * someone can. A service's `staffed` is the server's word (server/queue/staffing.ts: an open or
 * paused counter whose clerk is not away), kept current by the live pushes.
 */
export function unstaffedTarget(
  target: string,
  counters: readonly Counter[],
  services: readonly ServiceWithQueue[],
): 'counter-closed' | 'counter-away' | 'service-unstaffed' | null {
  const [kind, raw] = target.split(':')
  const id = Number(raw)
  if (kind === 'counter') return counterMark(counters.find((c) => c.id === id))
  if (kind === 'service') return services.find((s) => s.id === id)?.staffed === false ? 'service-unstaffed' : null
  return null
}

/** What the counter list says beside a counter nobody can call from now: closed, or its clerk away; null otherwise. */
export function counterMark(counter: Counter | undefined): 'counter-closed' | 'counter-away' | null {
  if (counter?.state === 'closed') return 'counter-closed'
  return counter?.awaySince ? 'counter-away' : null
}

/**
 * The services the transfer dialog offers: the active ones but the ticket's own line. `active`
 * follows the pushes (queue:updated carries it), so a service deactivated while the console is up
 * leaves the list; the server refuses it anyway (TABOUR_ERR_SERVICE_INACTIVE).
 */
export function transferServices<S extends Pick<ServiceWithQueue, 'id' | 'active'>>(services: readonly S[], from: number | undefined): S[] {
  return services.filter((s) => s.active && s.id !== from)
}

/** The counters it offers, by number: the active ones but this one (a disabled one cannot be opened: TABOUR_ERR_TRANSFER_COUNTER_INACTIVE). */
export function transferCounters<C extends Pick<Counter, 'id' | 'active' | 'number'>>(counters: readonly C[], own: number): C[] {
  return counters.filter((c) => c.active && c.id !== own).sort((a, b) => a.number - b.number)
}
