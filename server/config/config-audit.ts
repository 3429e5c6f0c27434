import { actorIds, type Actor } from '../queue/actor.ts'
import type { WriteScope } from '../queue/queue-context.ts'

/**
 * Every configuration command by name. The audit log stores the name, not an HTTP route: the
 * domain knows no HTTP; the edge (routes/settings/audit-routes.ts) shows each as its route.
 */
export const CONFIG_COMMANDS = [
  'service.create',
  'service.update',
  'service.deactivate',
  'service.activate',
  'counter.create',
  'counter.update',
  'user.create',
  'user.update',
  'device.create',
  'device.update',
  'device.pairing-code',
  'device.revoke',
  'device.reinstate',
  'device.pair',
  'settings.update',
  'news.set',
  'calendar.update',
  'calendar.import',
  'service-group.create',
  'service-group.update',
  'service-group.delete',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.rotate-secret',
  'webhook.pause',
  'webhook.resume',
  'webhook.redeliver',
  'message-template.update',
  'appointments.settings',
  'appointments.day',
  'service.steps',
  'config-bundle.apply',
  'config-bundle.refuse',
  'service.national-mapping',
  'finish-outcomes.replace',
] as const
export type ConfigCommand = (typeof CONFIG_COMMANDS)[number]

/** What a `config.changed` event-log row holds in `data`. */
export interface ConfigChange {
  command: ConfigCommand
  /** The changed entity's id (`{id}`), empty for creations and center-wide settings. */
  params: Record<string, unknown>
  /** The change as asked, secrets replaced by `***`. */
  body: unknown
  /** 'hub': the hub's configuration bundle made it (no request of the center's API did). */
  by?: 'hub'
  /** What an edit changed, field by field (fields sent unchanged are not in it); absent on rows older than it and on other commands. */
  changes?: FieldChange[]
}

/**
 * One field an edit changed: its value before and after as stored (ids, not names: the change log
 * names them as they are named now). A secret (a password) is only said to have changed: no value.
 */
export interface FieldChange {
  field: string
  from?: unknown
  to?: unknown
}

const SECRET = new Set(['password', 'token', 'pairingCode', 'secret'])

/** The change with passwords, tokens and pairing codes replaced by `***` (the audit log is read by admins, not a key store). */
export function redact(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body ?? null
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, SECRET.has(k) ? '***' : v]))
}

/** A value compared as JSON (a list of services or a device's settings are equal when their JSON is). */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The fields whose values differ between `before` and `after` (walk s55: the change log said "Counter …
 * edited" for a counter moved between zones, not what moved), and each secret the edit set, without its value.
 */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, secretsSet: string[] = []): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const changed = fields
    .filter((f) => !same(before[f], after[f]))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }))
  return [...changed, ...secretsSet.map((field) => ({ field }))]
}

/**
 * Appends the `config.changed` row of a configuration command inside the command's own
 * transaction: if the row cannot be written the change is rolled back, and a change that is
 * rolled back leaves no row.
 */
export function auditChange(
  tx: WriteScope,
  actor: Actor,
  command: ConfigCommand,
  params: Record<string, unknown>,
  body: unknown,
  changes?: FieldChange[],
): void {
  const data: ConfigChange = {
    command,
    params,
    body: redact(body),
    ...(changes ? { changes } : {}),
    ...(actor.type === 'system' && actor.hub ? { by: 'hub' as const } : {}),
  }
  tx.log({ type: 'config.changed', ...actorIds(actor), data: data as unknown as Record<string, unknown> })
}
