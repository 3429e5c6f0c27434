/**
 * Every configuration change is a domain command whose `config.changed` audit row is written in
 * the change's own transaction. The routes are collected as the app registers them (onRoute),
 * so a new mutating route fails here until it is either given a valid call below (and audited)
 * or named as not being configuration.
 */
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import type { RouteOptions } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { DEFAULT_CALENDAR } from '../../../protocol/calendar.ts'

/** Mutating routes that change the queue or a session, not the center's configuration (they have their own event-log rows). */
const NOT_CONFIGURATION = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/devices/me/status',
  // prints a sample ticket: nothing is stored
  'POST /api/v1/devices/:id/test-print',
  'POST /api/v1/tickets',
  'POST /api/v1/tickets/:id/cancel',
  'POST /api/v1/tickets/:id/cancel-mine',
  'POST /api/v1/tickets/:id/reinstate',
  'POST /api/v1/tickets/:id/reprint',
  // issue 19: joining the line from a phone and arriving are queue commands, not configuration
  'POST /api/v1/remote/join',
  'POST /api/v1/remote/tickets/:id/arrive',
  'POST /api/v1/remote/tickets/:id/check-in',
  // shows what an .ics import would change; stores nothing
  'POST /api/v1/calendar/ics/preview',
  // shows a message template with sample values; stores nothing
  'POST /api/v1/messages/preview',
  // the WhatsApp Cloud API's signed delivery statuses: receipts on the outbox, not configuration
  'POST /api/v1/messages/whatsapp/webhook',
  // a citizen's rating (issue 21): a queue fact with its own event-log row, not configuration
  'POST /api/v1/feedback',
  'POST /api/v1/feedback/tickets/:id',
  // parking a ticket (issue 21): queue moves with their own event-log rows
  'POST /api/v1/counters/:id/park',
  'POST /api/v1/counters/:id/resume-parked',
  // bookings and check-in are the queue's, not configuration (issue 19)
  'POST /api/v1/appointments',
  'POST /api/v1/appointments/:code/move',
  'POST /api/v1/appointments/:code/cancel',
  'POST /api/v1/appointments/staff',
  'POST /api/v1/check-in',
  ...['open', 'pause', 'close', 'call-next', 'call', 'recall', 'start', 'finish', 'no-show', 'transfer', 'close-away'].map(
    (a) => `POST /api/v1/counters/:id/${a}`,
  ),
])

/** AA, AB, … AZ, BA…: service prefixes are letters only (two, so more than 26 fixtures fit in a three-letter prefix). */
const letter = (n: number) => String.fromCharCode(65 + Math.floor((n - 1) / 26), 65 + ((n - 1) % 26))

interface Fixture {
  admin: string
  serviceId: number
  counterId: number
  userId: number
  deviceId: number
  pairingCode: string
  /** A stand-alone printer (it never pairs: reinstated, not given a code). */
  printerId: number
  /** A kiosk menu group (issue 21). */
  groupId: number
  webhookId: number
  /** A delivery of that webhook that is no longer pending (a redeliver queues it again). */
  deliveryId: number
  n: number
}

/** A valid call of every configuration route; `n` makes each call's values new. */
const VALID_CALLS: Record<string, (f: Fixture) => { url: string; body?: unknown; token?: string }> = {
  'POST /api/v1/services': (f) => ({
    url: '/api/v1/services',
    body: { prefix: `Q${letter(f.n)}`, nameAr: 'خدمة', nameEn: 'S', targetWaitSeconds: 60 },
  }),
  'PATCH /api/v1/services/:id': (f) => ({ url: `/api/v1/services/${f.serviceId}`, body: { targetWaitSeconds: 100 + f.n } }),
  'PUT /api/v1/services/:id/steps': (f) => ({ url: `/api/v1/services/${f.serviceId}/steps`, body: { steps: [] } }),
  'POST /api/v1/counters': (f) => ({ url: '/api/v1/counters', body: { number: 100 + f.n, name: 'C', serviceIds: [f.serviceId] } }),
  'PATCH /api/v1/counters/:id': (f) => ({ url: `/api/v1/counters/${f.counterId}`, body: { name: `C${f.n}` } }),
  'POST /api/v1/users': (f) => ({ url: '/api/v1/users', body: { username: `u${f.n}`, password: 'a-long-password', role: 'clerk' } }),
  'PATCH /api/v1/users/:id': (f) => ({ url: `/api/v1/users/${f.userId}`, body: { displayName: `U${f.n}`, password: 'another-password' } }),
  'POST /api/v1/devices': (f) => ({ url: '/api/v1/devices', body: { kind: 'display', name: `D${f.n}`, zone: 'main' } }),
  'PATCH /api/v1/devices/:id': (f) => ({ url: `/api/v1/devices/${f.deviceId}`, body: { name: `D${f.n}` } }),
  'POST /api/v1/devices/:id/pairing-code': (f) => ({ url: `/api/v1/devices/${f.deviceId}/pairing-code` }),
  'POST /api/v1/devices/:id/revoke': (f) => ({ url: `/api/v1/devices/${f.deviceId}/revoke` }),
  'POST /api/v1/devices/:id/reinstate': (f) => ({ url: `/api/v1/devices/${f.printerId}/reinstate` }),
  'POST /api/v1/devices/pair': (f) => ({ url: '/api/v1/devices/pair', body: { pairingCode: f.pairingCode }, token: '' }),
  'PUT /api/v1/settings': (f) => ({ url: '/api/v1/settings', body: { maxPriorityInARow: 1 + (f.n % 5) } }),
  'PUT /api/v1/center/news': (f) => ({ url: '/api/v1/center/news', body: { ar: `خبر ${f.n}`, en: `news ${f.n}` } }),
  'PUT /api/v1/center/finish-outcomes': (f) => ({
    url: '/api/v1/center/finish-outcomes',
    body: { outcomes: [{ code: 'served', nameAr: `تمت الخدمة ${f.n}`, nameEn: `Served ${f.n}` }] },
  }),
  'PUT /api/v1/calendar': (f) => ({
    url: '/api/v1/calendar',
    body: {
      ...DEFAULT_CALENDAR,
      services: [{ serviceId: f.serviceId, weekly: null, lastTicketMinutes: f.n, stopWhenWaitPastClose: false }],
    },
  }),
  'PUT /api/v1/appointments/settings/:id': (f) => ({
    url: `/api/v1/appointments/settings/${f.serviceId}`,
    body: { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 10 + f.n },
  }),
  'PUT /api/v1/appointments/days/:id/:day': (f) => ({
    url: `/api/v1/appointments/days/${f.serviceId}/2030-01-0${1 + (f.n % 9)}`,
    body: { blocked: false, extraPerSlot: f.n },
  }),
  'POST /api/v1/calendar/ics': (f) => ({
    url: '/api/v1/calendar/ics',
    body: {
      ics: `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:h${f.n}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20300101\r\nSUMMARY:H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
    },
  }),
  'POST /api/v1/service-groups': (f) => ({
    url: '/api/v1/service-groups',
    body: { nameAr: `مجموعة ${f.n}`, nameEn: `G${f.n}`, icon: 'car' },
  }),
  'PATCH /api/v1/service-groups/:id': (f) => ({ url: `/api/v1/service-groups/${f.groupId}`, body: { sortOrder: f.n } }),
  'DELETE /api/v1/service-groups/:id': (f) => ({ url: `/api/v1/service-groups/${f.groupId}` }),
  'POST /api/v1/webhooks': (f) => ({
    url: '/api/v1/webhooks',
    body: { url: `https://${WEBHOOK_HOST}/new/${f.n}`, eventTypes: ['ticket.called'] },
  }),
  'PATCH /api/v1/webhooks/:id': (f) => ({ url: `/api/v1/webhooks/${f.webhookId}`, body: { description: `portal ${f.n}` } }),
  'DELETE /api/v1/webhooks/:id': (f) => ({ url: `/api/v1/webhooks/${f.webhookId}` }),
  'POST /api/v1/webhooks/:id/rotate-secret': (f) => ({ url: `/api/v1/webhooks/${f.webhookId}/rotate-secret` }),
  'POST /api/v1/webhooks/:id/pause': (f) => ({ url: `/api/v1/webhooks/${f.webhookId}/pause` }),
  'POST /api/v1/webhooks/:id/resume': (f) => ({ url: `/api/v1/webhooks/${f.webhookId}/resume` }),
  'POST /api/v1/webhooks/deliveries/:id/redeliver': (f) => ({ url: `/api/v1/webhooks/deliveries/${f.deliveryId}/redeliver` }),
  'PUT /api/v1/messages/templates/:kind/:lang': (f) => ({
    url: '/api/v1/messages/templates/ticket_called/en',
    body: { text: `Turn ${f.n}: {label} to counter {counter}` },
  }),
}

/** The one host the recording center lets webhooks name (never contacted: the fixture's deliveries are not pending). */
const WEBHOOK_HOST = 'hooks.example.test'

/** Starts a center that records every route it registers. */
async function startRecording(): Promise<{ center: TestCenter; routes: string[] }> {
  const center = new TestCenter({ config: { webhooks: { allowedHosts: [WEBHOOK_HOST] } } })
  const routes: string[] = []
  center.app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) routes.push(`${method} ${route.url}`)
    }
  })
  await center.app.ready()
  return { center, routes }
}

async function fixture(center: TestCenter, n: number): Promise<Fixture> {
  const admin = await center.admin()
  const service = await center.createService({ prefix: `F${letter(n)}` })
  const counter = await center.createCounter({ number: n, serviceIds: [service.id] })
  // the user's id is all a fixture needs: created through the API without logging it in (a login is one more scrypt per route)
  const user = (
    await center.request('POST', '/api/v1/users', {
      token: admin,
      body: { username: `fixture${n}`, password: 'fixture-password', role: 'clerk' },
    })
  ).json()
  const device = (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'kiosk', name: `K${n}` } })).json()
  const printer = (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'printer', name: `P${n}` } })).json()
  const group = (await center.request('POST', '/api/v1/service-groups', { token: admin, body: { nameAr: 'م', nameEn: `F${n}` } })).json()
  // the fixture's service is in the group, so deleting the group changes the service too (in the same transaction)
  await center.request('PATCH', `/api/v1/services/${service.id}`, { token: admin, body: { groupId: group.id } })
  const webhook = (
    await center.request('POST', '/api/v1/webhooks', {
      token: admin,
      body: { url: `https://${WEBHOOK_HOST}/f/${n}`, eventTypes: ['ticket.issued'] },
    })
  ).json()
  const deliveryId = center.app.tabour.configuration.webhooks.repo.insertDelivery({
    subscriptionId: webhook.id,
    eventId: 1,
    eventType: 'ticket.issued',
    deliveryId: `whd_${webhook.id}_1`,
    body: '{}',
    nextAttemptAt: 0,
    createdAt: 0,
  })
  center.app.tabour.db.prepare(`UPDATE webhook_deliveries SET status = 'delivered' WHERE id = ?`).run(deliveryId)
  return {
    admin,
    serviceId: service.id,
    counterId: counter.id,
    userId: user.id,
    deviceId: device.id,
    pairingCode: device.pairingCode,
    printerId: printer.id,
    groupId: group.id,
    webhookId: webhook.id,
    deliveryId,
    n,
  }
}

const auditCount = (center: TestCenter) =>
  (center.app.tabour.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'config.changed'").get() as { n: number }).n

/** Everything configuration writes, table by table (the event log aside), and the settings now applied. */
async function configurationState(center: TestCenter, admin: string): Promise<unknown> {
  const { db } = center.app.tabour
  const tables = [
    'services',
    'service_steps',
    'service_groups',
    'counters',
    'counter_services',
    'users',
    'devices',
    'tokens',
    'center_settings',
    'webhook_subscriptions',
    'webhook_deliveries',
    'message_templates',
  ]
  return {
    ...Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()])),
    applied: structuredClone(center.app.tabour.config.queue),
    settings: (await center.request('GET', '/api/v1/settings', { token: admin })).json(),
  }
}

function configRoutes(routes: string[]): string[] {
  const config = routes.filter((r) => r.startsWith('/api/v1', r.indexOf(' ') + 1) && !NOT_CONFIGURATION.has(r))
  // a new mutating route must be named here: given a valid call (it is configuration) or listed as not configuration
  expect(
    config.filter((r) => !VALID_CALLS[r]),
    'mutating routes with no valid call and not listed as not configuration',
  ).toEqual([])
  expect(
    Object.keys(VALID_CALLS).filter((r) => !config.includes(r)),
    'valid calls of routes the app does not register',
  ).toEqual([])
  return config
}

describe('configuration changes are audited in their own transaction', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('every configuration route the app registers leaves exactly one audit row, shown as that route', async () => {
    const started = await startRecording()
    center = started.center
    const routes = configRoutes(started.routes)
    expect(routes.length).toBe(31)
    let n = 1
    for (const route of routes) {
      const f = await fixture(center, n++)
      const call = VALID_CALLS[route]!(f)
      const before = auditCount(center)
      const method = route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE'
      const res = await center.request(method, call.url, { token: call.token ?? f.admin, body: call.body })
      expect(res.statusCode, `${route}: ${res.body}`).toBeLessThan(300)
      expect(auditCount(center) - before, route).toBe(1)
      const [latest] = (await center.request('GET', '/api/v1/settings/audit?limit=1', { token: f.admin })).json()
      expect(`${latest.method} /api/v1${latest.route}`, route).toBe(route)
      expect(latest.status).toBe(res.statusCode)
      // secrets are redacted
      expect(JSON.stringify(latest.body)).not.toMatch(/a-long-password|another-password|"pairingCode":"[^*]/)
    }
  })

  it('a change whose audit row cannot be written is not made (same transaction)', async () => {
    const started = await startRecording()
    center = started.center
    const routes = configRoutes(started.routes)
    const fixtures = new Map<string, Fixture>()
    let n = 1
    for (const route of routes) fixtures.set(route, await fixture(center, n++))
    center.app.tabour.db.exec(`CREATE TRIGGER refuse_audit BEFORE INSERT ON events WHEN NEW.type = 'config.changed'
      BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END`)
    for (const route of routes) {
      const f = fixtures.get(route)!
      const call = VALID_CALLS[route]!(f)
      const before = await configurationState(center, f.admin)
      const method = route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE'
      const res = await center.request(method, call.url, { token: call.token ?? f.admin, body: call.body })
      expect(res.statusCode, `${route}: ${res.body}`).toBe(500)
      expect(await configurationState(center, f.admin), route).toEqual(before)
    }
  })
})
