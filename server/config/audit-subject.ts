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

/** A service a counter serves, as the change log names it: its name in both languages and its weight. */
export interface ShownServiceWeight {
  name: string
  weight: number
}

/**
 * What an edit changed (ConfigChange.changes), with what it refers to by id named as it is named now,
 * as the change log shows it: a zone by the names the admin gave it (else its id), a counter's services
 * by name and weight, a printer and a device's counter by name, a kiosk's services by name. Null on a
 * row that has none (older than it, or another command): the change log says it as before.
 */
export function shownChanges(
  ctx: QueueContext,
  change: Partial<ConfigChange>,
  zoneNames: Record<string, { nameAr: string; nameEn: string }>,
): { field: string; from?: unknown; to?: unknown }[] | null {
  if (!Array.isArray(change.changes)) return null
  const service = (id: unknown) => {
    const s = typeof id === 'number' ? ctx.services.get(id) : undefined
    return s ? bothNames(s.nameAr, s.nameEn) : String(id)
  }
  const shown = (field: string, v: unknown): unknown => {
    if (v === null || v === undefined) return null
    if (field === 'zone' && typeof v === 'string') {
      const z = zoneNames[v]
      return (z && bothNames(z.nameAr.trim(), z.nameEn.trim())) || v
    }
    if (field === 'services' && Array.isArray(v))
      return v.map(
        (s: { serviceId: number; weight: number }) => ({ name: service(s.serviceId), weight: s.weight }) satisfies ShownServiceWeight,
      )
    if (field === 'config.serviceIds' && Array.isArray(v)) return v.map(service)
    if ((field === 'printerDeviceId' || field === 'config.printerDeviceId') && typeof v === 'number')
      return ctx.devices.get(v)?.name ?? String(v)
    if (field === 'config.counterId' && typeof v === 'number') {
      const c = ctx.counters.get(v)
      return c ? c.name || String(c.number) : String(v)
    }
    return v
  }
  return change.changes.map((c) =>
    'from' in c || 'to' in c ? { field: c.field, from: shown(c.field, c.from), to: shown(c.field, c.to) } : { field: c.field },
  )
}
