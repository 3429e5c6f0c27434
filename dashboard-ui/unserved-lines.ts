/**
 * Tickets that wait while nobody can call them, for the manager's live view: a service no open or
 * paused counter serves (the server's `staffed`, server/queue/staffing.ts; the status page says
 * "no open counter" to its citizens), and a counter that tickets were transferred to (only it
 * calls them, call-policy.ts) while it is closed or its clerk is away (the console warns when it
 * transfers so). Pure, so the rule is tested apart from the view.
 */
import type { Counter, ServiceWithQueue } from '../protocol/entities.ts'
import type { StatsToday } from '../protocol/stats.ts'

/** One line of the warning: a service, or a counter, and how many tickets wait for it. */
export type UnservedLine =
  | { kind: 'service'; serviceId: number; prefix: string; nameAr: string; nameEn: string; waiting: number }
  | { kind: 'counter'; counterId: number; number: number; name: string; waiting: number; why: 'closed' | 'away' }

/** Services first (by prefix), then counters (by number); empty when every waiting ticket has someone to call it. */
export function unservedLines(services: readonly ServiceWithQueue[], counters: readonly Counter[], stats: StatsToday): UnservedLine[] {
  const lines: UnservedLine[] = services
    .filter((s) => s.waiting > 0 && !s.staffed)
    .sort((a, b) => a.prefix.localeCompare(b.prefix))
    .map((s) => ({ kind: 'service', serviceId: s.id, prefix: s.prefix, nameAr: s.nameAr, nameEn: s.nameEn, waiting: s.waiting }))
  const byId = new Map(counters.map((c) => [c.id, c]))
  for (const f of [...stats.counters].sort((a, b) => a.number - b.number)) {
    const c = byId.get(f.counterId)
    if (!c || !f.waitingForIt) continue
    const why = c.state === 'closed' || !c.active ? 'closed' : c.awaySince !== null ? 'away' : null
    if (why) lines.push({ kind: 'counter', counterId: c.id, number: c.number, name: c.name, waiting: f.waitingForIt, why })
  }
  return lines
}
