import type { QueueContext } from '../queue/queue-context.ts'
import type { ConfigChange } from './config-audit.ts'

/** What a name typed in both languages looks like when stored as one («تراخيص · Permits»; protocol/name-in-language.ts namePart). */
const bothNames = (ar: string, en: string) => (ar && en ? `${ar} · ${en}` : ar || en)

/**
 * The name of what a configuration change was about, for the audit log's sentence ("service
 * «Permits» edited"): the service, counter, user or device it names by id, as it is named now, or
 * the name a creation gave; null for center-wide changes and for what is gone. A device that paired
 * is its own subject (the pairing is logged with the device as actor and no id).
 */
export function auditSubject(ctx: QueueContext, change: Partial<ConfigChange>, deviceName: string | null): string | null {
  const command = change.command
  if (!command) return null
  if (command === 'device.pair') return deviceName
  const id = typeof change.params?.id === 'number' ? change.params.id : null
  const body = (change.body ?? {}) as { name?: unknown; nameAr?: unknown; nameEn?: unknown; username?: unknown }
  const typed = (v: unknown) => (typeof v === 'string' ? v : '')
  const created = bothNames(typed(body.nameAr), typed(body.nameEn)) || typed(body.name) || typed(body.username)
  if (id === null) return command.endsWith('.create') && created ? created : null
  const kind = command.split('.')[0]
  if (kind === 'service' || kind === 'appointments') {
    const s = ctx.services.get(id)
    return s ? bothNames(s.nameAr, s.nameEn) : null
  }
  if (kind === 'counter') {
    const c = ctx.counters.get(id)
    return c ? c.name || String(c.number) : null
  }
  if (kind === 'user') return ctx.users.get(id)?.username ?? null
  if (kind === 'device') return ctx.devices.get(id)?.name ?? null
  return null
}
