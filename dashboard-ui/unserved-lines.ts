/**
 * Tickets that wait while nobody can call them, for the manager's live view: a service no open or
 * paused counter serves (the server's `staffed`, server/queue/staffing.ts; the status page says
 * "no open counter" to its citizens), and a counter that tickets were transferred to (only it
 * calls them, call-policy.ts) while it is closed or its clerk is away (the console warns when it
 * transfers so). A service whose counters are open but their clerks away says so, naming them
 * (the counters table reads «مفتوح · غائب»). Pure, so the rule is tested apart from the view.
 */
import type { Counter, ServiceWithQueue } from '../protocol/entities.ts'
import type { StatsToday } from '../protocol/stats.ts'
import { dashboardText } from '../protocol/messages/dashboard.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { counterText } from './counter-name.ts'
import { listComma } from '../protocol/messages/list-comma.ts'

/** One line of the warning: a service, or a counter, and how many tickets wait for it. */
export type UnservedLine =
  | {
      kind: 'service'
      serviceId: number
      prefix: string
      nameAr: string
      nameEn: string
      waiting: number
      /** False when the service is deactivated: it issues no tickets, and the line says so beside its reason. */
      active: boolean
      /** Open or paused counters serving it whose clerk is away (by number): the reason, when there are any. */
      away: { number: number; name: string }[]
    }
  | { kind: 'counter'; counterId: number; number: number; name: string; waiting: number; why: 'closed' | 'away' }

/** Services first (by prefix), then counters (by number); empty when every waiting ticket has someone to call it. */
export function unservedLines(services: readonly ServiceWithQueue[], counters: readonly Counter[], stats: StatsToday): UnservedLine[] {
  const awayServing = (serviceId: number) =>
    counters
      .filter((c) => c.active && c.state !== 'closed' && c.awaySince !== null && c.services.some((cs) => cs.serviceId === serviceId))
      .sort((a, b) => a.number - b.number)
      .map((c) => ({ number: c.number, name: c.name }))
  const lines: UnservedLine[] = services
    .filter((s) => s.waiting > 0 && !s.staffed)
    .sort((a, b) => a.prefix.localeCompare(b.prefix))
    .map((s) => ({
      kind: 'service',
      serviceId: s.id,
      prefix: s.prefix,
      nameAr: s.nameAr,
      nameEn: s.nameEn,
      waiting: s.waiting,
      active: s.active,
      away: awayServing(s.id),
    }))
  const byId = new Map(counters.map((c) => [c.id, c]))
  for (const f of [...stats.counters].sort((a, b) => a.number - b.number)) {
    const c = byId.get(f.counterId)
    if (!c || !f.waitingForIt) continue
    const why = c.state === 'closed' || !c.active ? 'closed' : c.awaySince !== null ? 'away' : null
    if (why) lines.push({ kind: 'counter', counterId: c.id, number: c.number, name: c.name, waiting: f.waitingForIt, why })
  }
  return lines
}

/**
 * Why a service's tickets wait with nobody to call them, as the counters table says it: its
 * counters' clerks are away (each counter named), or no counter serving it is open.
 */
export function unservedServiceText(line: Extract<UnservedLine, { kind: 'service' }>, lang: Lang, digits: DigitStyle): string {
  if (line.away.length === 0) return dashboardText('live.unservedService', lang, { n: line.waiting }, digits)
  const counters = line.away.map((c) => counterText(c, lang, digits)).join(listComma(lang))
  return dashboardText('live.unservedServiceAway', lang, { n: line.waiting, count: line.away.length, counters }, digits)
}
