import type { AuditEntry } from '../../../protocol/settings.ts'
import type { ConfigChange, ConfigCommand } from '../../config/config-audit.ts'

/**
 * How the API shows each configuration command in the audit log: the route that runs it and
 * the status it answers. The domain logs command names (it knows no HTTP); this table keeps the
 * audit log's wire shape (`method`, `route`, `status`) as it was when a hook logged routes.
 */
export const AUDIT_ROUTES: Record<ConfigCommand, { method: string; route: string; status: number }> = {
  'service.create': { method: 'POST', route: '/services', status: 201 },
  'service.update': { method: 'PATCH', route: '/services/:id', status: 200 },
  'service.deactivate': { method: 'PATCH', route: '/services/:id', status: 200 },
  'service.activate': { method: 'PATCH', route: '/services/:id', status: 200 },
  'counter.create': { method: 'POST', route: '/counters', status: 201 },
  'counter.update': { method: 'PATCH', route: '/counters/:id', status: 200 },
  'user.create': { method: 'POST', route: '/users', status: 201 },
  'user.update': { method: 'PATCH', route: '/users/:id', status: 200 },
  'device.create': { method: 'POST', route: '/devices', status: 201 },
  'device.update': { method: 'PATCH', route: '/devices/:id', status: 200 },
  'device.pairing-code': { method: 'POST', route: '/devices/:id/pairing-code', status: 200 },
  'device.revoke': { method: 'POST', route: '/devices/:id/revoke', status: 200 },
  'device.reinstate': { method: 'POST', route: '/devices/:id/reinstate', status: 200 },
  'device.pair': { method: 'POST', route: '/devices/pair', status: 200 },
  'settings.update': { method: 'PUT', route: '/settings', status: 200 },
  'news.set': { method: 'PUT', route: '/center/news', status: 200 },
  'calendar.update': { method: 'PUT', route: '/calendar', status: 200 },
  'calendar.import': { method: 'POST', route: '/calendar/ics', status: 200 },
  'service-group.create': { method: 'POST', route: '/service-groups', status: 201 },
  'service-group.update': { method: 'PATCH', route: '/service-groups/:id', status: 200 },
  'service-group.delete': { method: 'DELETE', route: '/service-groups/:id', status: 204 },
  'webhook.create': { method: 'POST', route: '/webhooks', status: 201 },
  'webhook.update': { method: 'PATCH', route: '/webhooks/:id', status: 200 },
  'webhook.delete': { method: 'DELETE', route: '/webhooks/:id', status: 204 },
  'webhook.rotate-secret': { method: 'POST', route: '/webhooks/:id/rotate-secret', status: 200 },
  'webhook.pause': { method: 'POST', route: '/webhooks/:id/pause', status: 200 },
  'webhook.resume': { method: 'POST', route: '/webhooks/:id/resume', status: 200 },
  'webhook.redeliver': { method: 'POST', route: '/webhooks/deliveries/:id/redeliver', status: 201 },
  'message-template.update': { method: 'PUT', route: '/messages/templates/:kind/:lang', status: 200 },
  'appointments.settings': { method: 'PUT', route: '/appointments/settings/:id', status: 200 },
  'appointments.day': { method: 'PUT', route: '/appointments/days/:id/:day', status: 200 },
  'service.steps': { method: 'PUT', route: '/services/:id/steps', status: 200 },
  // no route of the center: the hub's signed bundle, fetched on a heartbeat (server/config/config-bundle-commands.ts)
  'config-bundle.apply': { method: 'HUB', route: '/config-bundle', status: 200 },
  // a bundle the center refused whole (its stable code and reason in the body): nothing of it applied, so not a success;
  // 422 as the API answers what it cannot honour (it read 200 beside the refusal's code: walk s52)
  'config-bundle.refuse': { method: 'HUB', route: '/config-bundle', status: 422 },
  // the national codes a bundle's mapping set and locked, inside that bundle's transaction
  'service.national-mapping': { method: 'HUB', route: '/config-bundle/service-mapping', status: 200 },
  'finish-outcomes.replace': { method: 'PUT', route: '/center/finish-outcomes', status: 200 },
}

/** How a change the hub's bundle made is shown, whatever command made it (as 'config-bundle.apply' is). */
const HUB_ROUTE = AUDIT_ROUTES['config-bundle.apply']

/** Rows written before commands were audited in their own transaction carry method, route and status themselves. */
type LegacyChange = { method: string; route: string; params?: Record<string, unknown>; body?: unknown; status: number }

/** One audit-log row as the API shows it. */
export function auditEntry(row: {
  id: number
  at: number
  userId: number | null
  username: string | null
  deviceName: string | null
  subject: string | null
  /** What an edit changed, its ids named (audit-subject.ts shownChanges); null on rows that do not say. */
  changes?: AuditEntry['changes']
  data: Record<string, unknown>
  /** Written in a bundle's transaction (ConfigChangeRow.inBundle): how rows from before `by: "hub"` are known. */
  inBundle?: boolean
}): AuditEntry {
  const change = row.data as Partial<ConfigChange> & Partial<LegacyChange>
  // a change the hub's bundle made through a command: no request of that route arrived (walk s51 read «PUT /calendar»);
  // one written before its rows said so (`by`) is known by the bundle row beside it (an upgraded center's log read both ways)
  const own = change.command ? AUDIT_ROUTES[change.command] : undefined
  // a refused bundle's row keeps its refusal's status (it read 200, a success)
  const hub = change.command === 'config-bundle.refuse' ? AUDIT_ROUTES['config-bundle.refuse'] : HUB_ROUTE
  const shown =
    ((change.by === 'hub' || row.inBundle === true) && hub) ||
    (own ?? {
      method: change.method ?? '',
      route: change.route ?? change.command ?? '',
      status: change.status ?? 0,
    })
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    userId: row.userId,
    username: row.username,
    deviceName: row.deviceName,
    command: change.command ?? null,
    subject: row.subject,
    method: shown.method,
    route: shown.route,
    params: change.params ?? {},
    body: change.body ?? null,
    changes: row.changes ?? null,
    status: shown.status,
  }
}
