import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, STAFF_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { expectAuthRequired, expectError, expectMalformedBodiesRefused, rows } from './route-helpers.ts'

const LOGIN = '/api/v1/auth/login'

describe('POST /api/v1/auth/login', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('answers a token, its expiry and the user', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const res = await center.request('POST', LOGIN, { body: { username: 'admin', password: ADMIN_PASSWORD } })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token', 'user'])
    expect(body.token).toMatch(/^tbu_[A-Za-z0-9_-]{40,}$/)
    expect(body.user).toEqual({ id: 1, username: 'admin', role: 'admin' })
    expect(body.expiresAt).toBe(new Date(clock.now + center.config.auth.userTokenTtlSeconds * 1000).toISOString())
    expect(res.body).not.toContain(ADMIN_PASSWORD)
    expect(res.body).not.toContain('scrypt')
  })

  it('gives every login its own token, each usable', async () => {
    center = await TestCenter.start()
    const a = await center.login('admin', ADMIN_PASSWORD)
    const b = await center.login('admin', ADMIN_PASSWORD)
    expect(a).not.toBe(b)
    for (const token of [a, b]) expect((await center.request('GET', '/api/v1/auth/me', { token })).statusCode).toBe(200)
  })

  it('refuses a wrong password and an unknown user alike with 401 TABOUR_ERR_BAD_CREDENTIALS', async () => {
    center = await TestCenter.start()
    const wrong = await center.request('POST', LOGIN, { body: { username: 'admin', password: 'not-the-password' } })
    expectError(wrong, 401, 'TABOUR_ERR_BAD_CREDENTIALS')
    const unknown = await center.request('POST', LOGIN, { body: { username: 'nobody', password: 'whatever-password' } })
    expectError(unknown, 401, 'TABOUR_ERR_BAD_CREDENTIALS')
    // the message does not say which of the two was wrong
    expect(wrong.json().message).toBe(unknown.json().message)
  })

  it('refuses a disabled account with 401 TABOUR_ERR_BAD_CREDENTIALS', async () => {
    center = await TestCenter.start()
    const clerk = await center.createUser('clerk1')
    const res = await center.request('PATCH', `/api/v1/users/${clerk.id}`, { token: await center.admin(), body: { active: false } })
    expect(res.statusCode).toBe(200)
    expectError(
      await center.request('POST', LOGIN, { body: { username: 'clerk1', password: STAFF_PASSWORD } }),
      401,
      'TABOUR_ERR_BAD_CREDENTIALS',
    )
  })

  it('refuses bad bodies with 400 and a stable code', async () => {
    center = await TestCenter.start()
    const bad: unknown[] = [
      {},
      { username: 'admin' },
      { password: ADMIN_PASSWORD },
      { username: 5, password: ADMIN_PASSWORD },
      { username: 'admin', password: true },
      { username: '', password: ADMIN_PASSWORD },
      { username: 'admin', password: '' },
      { username: 'a'.repeat(65), password: ADMIN_PASSWORD },
      [],
      5,
    ]
    for (const body of bad) expectError(await center.request('POST', LOGIN, { body }), 400, 'TABOUR_ERR_VALIDATION')
    await expectMalformedBodiesRefused(center, 'unused', 'POST', LOGIN, { username: 'admin', password: ADMIN_PASSWORD })
  })

  it('stores passwords as salted scrypt hashes, never in clear', async () => {
    center = await TestCenter.start()
    await center.createUser('clerk1')
    await center.createUser('clerk2')
    const users = rows<{ username: string; password_hash: string }>(center, 'SELECT username, password_hash FROM users ORDER BY id')
    expect(users.map((u) => u.username)).toEqual(['admin', 'clerk1', 'clerk2'])
    for (const u of users) {
      expect(u.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/)
      expect(u.password_hash).not.toContain(ADMIN_PASSWORD)
      expect(u.password_hash).not.toContain(STAFF_PASSWORD)
    }
    // same password, different salt
    expect(users[1].password_hash).not.toBe(users[2].password_hash)
  })

  it('stores tokens only as hashes', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const stored = rows<{ token_hash: string }>(center, 'SELECT token_hash FROM tokens')
    expect(stored.length).toBeGreaterThan(0)
    for (const t of stored) {
      expect(t.token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(t.token_hash).not.toContain(token)
    }
  })
})

describe('login throttling', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('answers 429 TABOUR_ERR_RATE_LIMITED on the attempt after loginMaxAttempts, even with the right password', async () => {
    center = await TestCenter.start({ config: { auth: { loginMaxAttempts: 3 } } })
    for (let i = 0; i < 3; i++) {
      expectError(
        await center.request('POST', LOGIN, { body: { username: 'admin', password: `wrong-${i}` } }),
        401,
        'TABOUR_ERR_BAD_CREDENTIALS',
      )
    }
    const fourth = await center.request('POST', LOGIN, { body: { username: 'admin', password: ADMIN_PASSWORD } })
    expectError(fourth, 429, 'TABOUR_ERR_RATE_LIMITED')
    expect(fourth.json().token).toBeUndefined()
  })

  it('counts per name tried: one mistyped account does not lock the others out', async () => {
    center = await TestCenter.start({ config: { auth: { loginMaxAttempts: 3 } } })
    for (let i = 0; i < 3; i++) await center.request('POST', LOGIN, { body: { username: 'someone', password: `wrong-${i}` } })
    expectError(await center.request('POST', LOGIN, { body: { username: 'someone', password: 'wrong-4' } }), 429, 'TABOUR_ERR_RATE_LIMITED')
    // the name is compared case-insensitively, as logins are
    expectError(await center.request('POST', LOGIN, { body: { username: 'SOMEONE', password: 'wrong-5' } }), 429, 'TABOUR_ERR_RATE_LIMITED')
    const admin = await center.request('POST', LOGIN, { body: { username: 'admin', password: ADMIN_PASSWORD } })
    expect(admin.statusCode).toBe(200)
  })
})

describe('tokens', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('GET /auth/me answers the logged-in user; devices and anonymous callers are refused', async () => {
    center = await TestCenter.start()
    const clerk = await center.createUser('clerk1')
    const me = await center.request('GET', '/api/v1/auth/me', { token: clerk.token })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toEqual({ id: clerk.id, username: 'clerk1', role: 'clerk', displayName: 'clerk1', active: true })
    await expectAuthRequired(center, { method: 'GET', url: '/api/v1/auth/me' })
    const kiosk = await center.createDevice('kiosk')
    expectError(await center.request('GET', '/api/v1/auth/me', { token: kiosk.token }), 403, 'TABOUR_ERR_FORBIDDEN')
  })

  it('a user token expires after auth.userTokenTtlSeconds: 401 TABOUR_ERR_TOKEN_EXPIRED', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const token = await center.admin()
    const ttl = center.config.auth.userTokenTtlSeconds
    clock.advance(ttl - 1)
    expect((await center.request('GET', '/api/v1/auth/me', { token })).statusCode).toBe(200)
    clock.advance(1)
    expectError(await center.request('GET', '/api/v1/auth/me', { token }), 401, 'TABOUR_ERR_TOKEN_EXPIRED')
    expectError(await center.request('GET', '/api/v1/users', { token }), 401, 'TABOUR_ERR_TOKEN_EXPIRED')
    expectError(
      await center.request('POST', '/api/v1/services', { token, body: { prefix: 'A', nameAr: 'أ', nameEn: 'A', targetWaitSeconds: 60 } }),
      401,
      'TABOUR_ERR_TOKEN_EXPIRED',
    )
    // logging in again gives a fresh one
    const fresh = await center.login('admin', ADMIN_PASSWORD)
    expect((await center.request('GET', '/api/v1/auth/me', { token: fresh })).statusCode).toBe(200)
  })

  it('honours a configured TTL', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock, config: { auth: { userTokenTtlSeconds: 120 } } })
    const token = await center.admin()
    clock.advance(121)
    expectError(await center.request('GET', '/api/v1/auth/me', { token }), 401, 'TABOUR_ERR_TOKEN_EXPIRED')
  })

  it('device tokens do not expire', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const kiosk = await center.createDevice('kiosk')
    clock.advance(365 * 24 * 3600)
    expect((await center.request('GET', '/api/v1/services', { token: kiosk.token })).statusCode).toBe(200)
  })
})

describe('POST /api/v1/auth/logout', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('revokes the token it was called with, and only that one', async () => {
    center = await TestCenter.start()
    const first = await center.login('admin', ADMIN_PASSWORD)
    const second = await center.login('admin', ADMIN_PASSWORD)
    const res = await center.request('POST', '/api/v1/auth/logout', { token: first })
    expect(res.statusCode).toBe(204)
    expect(res.body).toBe('')
    expectError(await center.request('GET', '/api/v1/auth/me', { token: first }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    expectError(await center.request('POST', '/api/v1/auth/logout', { token: first }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    expect((await center.request('GET', '/api/v1/auth/me', { token: second })).statusCode).toBe(200)
  })

  it('logs the login and the logout in the event log', async () => {
    center = await TestCenter.start()
    const clerk = await center.createUser('clerk1')
    await center.request('POST', '/api/v1/auth/logout', { token: clerk.token })
    const events = rows<{ type: string; user_id: number }>(
      center,
      'SELECT type, user_id FROM events WHERE user_id = ? ORDER BY id',
      clerk.id,
    )
    expect(events.map((e) => e.type)).toEqual(['clerk.logged_in', 'clerk.logged_out'])
  })

  it('needs a user token', async () => {
    center = await TestCenter.start()
    await expectAuthRequired(center, { method: 'POST', url: '/api/v1/auth/logout' })
    const kiosk = await center.createDevice('kiosk')
    expectError(await center.request('POST', '/api/v1/auth/logout', { token: kiosk.token }), 403, 'TABOUR_ERR_FORBIDDEN')
  })
})

/** A valid body for every route that needs a token, so that only the token decides the answer. */
const AUTHENTICATED_ROUTES: Record<string, unknown> = {
  'POST /api/v1/auth/logout': undefined,
  'GET /api/v1/auth/me': undefined,
  'GET /api/v1/services': undefined,
  'POST /api/v1/services': { prefix: 'Q', nameAr: 'ق', nameEn: 'Q', targetWaitSeconds: 60 },
  'GET /api/v1/services/national-codes': undefined,
  'GET /api/v1/services/{id}': undefined,
  'PATCH /api/v1/services/{id}': { nameEn: 'renamed' },
  'GET /api/v1/services/{id}/steps': undefined,
  'PUT /api/v1/services/{id}/steps': { steps: [] },
  'GET /api/v1/stats/steps': undefined,
  'GET /api/v1/service-groups': undefined,
  'POST /api/v1/service-groups': { nameAr: 'م', nameEn: 'G' },
  'PATCH /api/v1/service-groups/{id}': { nameEn: 'renamed' },
  'DELETE /api/v1/service-groups/{id}': undefined,
  'GET /api/v1/counters': undefined,
  'POST /api/v1/counters': { number: 50, name: 'Fifty' },
  'GET /api/v1/counters/{id}': undefined,
  'PATCH /api/v1/counters/{id}': { name: 'renamed' },
  'POST /api/v1/counters/{id}/open': {},
  'POST /api/v1/counters/{id}/pause': { reason: 'break' },
  'POST /api/v1/counters/{id}/close': undefined,
  'POST /api/v1/counters/{id}/call-next': undefined,
  'POST /api/v1/counters/{id}/call': { ticketId: 'abc' },
  'POST /api/v1/counters/{id}/recall': undefined,
  'POST /api/v1/counters/{id}/start': undefined,
  'POST /api/v1/counters/{id}/finish': { outcome: 'done' },
  'POST /api/v1/counters/{id}/no-show': undefined,
  'POST /api/v1/counters/{id}/transfer': { serviceId: 1 },
  'POST /api/v1/counters/{id}/close-away': undefined,
  'GET /api/v1/users': undefined,
  'POST /api/v1/users': { username: 'intruder', password: 'long-enough-pw', role: 'admin' },
  'PATCH /api/v1/users/{id}': { displayName: 'x' },
  'GET /api/v1/devices': undefined,
  'GET /api/v1/devices/me': undefined,
  'GET /api/v1/devices/me/snapshot': undefined,
  'POST /api/v1/devices/me/status': { sound: 'blocked' },
  'POST /api/v1/devices': { kind: 'kiosk', name: 'k' },
  'PATCH /api/v1/devices/{id}': { name: 'x' },
  'POST /api/v1/devices/{id}/pairing-code': undefined,
  'POST /api/v1/devices/{id}/revoke': undefined,
  'POST /api/v1/devices/{id}/reinstate': undefined,
  'POST /api/v1/devices/{id}/test-print': undefined,
  'POST /api/v1/tickets': { serviceId: 1 },
  'GET /api/v1/tickets': undefined,
  'POST /api/v1/tickets/{id}/cancel': { reason: 'duplicate' },
  'GET /api/v1/tickets/search': undefined,
  'GET /api/v1/tickets/{id}/history': undefined,
  'GET /api/v1/printers': undefined,
  'POST /api/v1/tickets/{id}/reprint': undefined,
  'GET /api/v1/tickets/no-shows': undefined,
  'POST /api/v1/tickets/{id}/reinstate': undefined,
  'GET /api/v1/stats/today': undefined,
  'GET /api/v1/health/backups': undefined,
  'GET /api/v1/stats/me': undefined,
  'GET /api/v1/center': undefined,
  'GET /api/v1/center/news': undefined,
  'PUT /api/v1/center/news': { ar: 'خبر', en: 'News' },
  'GET /api/v1/center/finish-outcomes': undefined,
  'PUT /api/v1/center/finish-outcomes': { outcomes: [{ code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }] },
  'GET /api/v1/media': undefined,
  'GET /api/v1/stats/report': undefined,
  'GET /api/v1/stats/report.csv': undefined,
  'GET /api/v1/stats/tickets.csv': undefined,
  'GET /api/v1/stats/hourly': undefined,
  'GET /api/v1/stats/shift': undefined,
  'GET /api/v1/stats/devices': undefined,
  'GET /api/v1/settings': undefined,
  'PUT /api/v1/settings': { callPolicy: 'sla' },
  'GET /api/v1/settings/audit': undefined,
  'GET /api/v1/calendar': undefined,
  'GET /api/v1/center/config-bundle': undefined,
  'PUT /api/v1/calendar': {
    weekly: null,
    exceptions: [],
    services: [],
    businessDayStartsAt: '00:00',
    dailyClose: true,
    atClosing: 'serve-until-empty',
    cancelAfterMinutes: 30,
  },
  'GET /api/v1/calendar/now': undefined,
  'POST /api/v1/calendar/ics/preview': { ics: 'BEGIN:VCALENDAR' },
  'POST /api/v1/calendar/ics': { ics: 'BEGIN:VCALENDAR' },
  'GET /api/v1/calendar/ics': undefined,
  'GET /api/v1/webhooks': undefined,
  'POST /api/v1/webhooks': { url: 'https://hooks.example.test/in', eventTypes: ['ticket.called'] },
  'GET /api/v1/webhooks/alerts': undefined,
  'PATCH /api/v1/webhooks/{id}': { description: 'portal' },
  'DELETE /api/v1/webhooks/{id}': undefined,
  'POST /api/v1/webhooks/{id}/rotate-secret': undefined,
  'POST /api/v1/webhooks/{id}/pause': undefined,
  'POST /api/v1/webhooks/{id}/resume': undefined,
  'GET /api/v1/webhooks/{id}/deliveries': undefined,
  'POST /api/v1/webhooks/deliveries/{id}/redeliver': undefined,
  'GET /api/v1/messages/templates': undefined,
  'PUT /api/v1/messages/templates/{kind}/{lang}': { text: '{label}' },
  'POST /api/v1/messages/preview': { kind: 'ticket_called', lang: 'en', text: '{label}' },
  'GET /api/v1/messages/today': undefined,
  'GET /api/v1/messages': undefined,
  'GET /api/v1/feedback/tablet': undefined,
  'POST /api/v1/feedback': { ticketId: 'x', score: 3 },
  'GET /api/v1/feedback/report': undefined,
  'GET /api/v1/feedback/live': undefined,
  'POST /api/v1/counters/{id}/park': { reason: 'payment', minutes: 5 },
  'POST /api/v1/counters/{id}/resume-parked': { ticketId: 'abc' },
  'GET /api/v1/tickets/parked': undefined,
  'GET /api/v1/stats/parking': undefined,
  'GET /api/v1/appointments/settings/{id}': undefined,
  'PUT /api/v1/appointments/settings/{id}': { ...APPOINTMENT_DEFAULTS, enabled: true },
  'GET /api/v1/appointments/days/{id}/{day}': undefined,
  'PUT /api/v1/appointments/days/{id}/{day}': { blocked: true, extraPerSlot: 0 },
  'POST /api/v1/check-in': { text: '0000-0000-0000-0000' },
  // issue 19: reception books for a caller on the phone, and lists the day's bookings
  'POST /api/v1/appointments/staff': { serviceId: 1, slotStart: '2030-01-01T08:00:00Z', name: 'Caller', phone: '01000000001' },
  'GET /api/v1/appointments/staff/bookings': undefined,
  // issue 19: a clerk checks a remote ticket in (joining and "I am here" are public)
  'POST /api/v1/remote/tickets/{id}/check-in': undefined,
  'GET /api/v1/remote/figures': undefined,
  'GET /api/v1/stats/appointments': undefined,
  'GET /api/v1/stats/appointments.csv': undefined,
}

describe('every authenticated route', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('refuses no token, a garbage token, an expired user token and a revoked device token with 401', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const display = await center.createDevice('display')
    const admin = await center.admin()
    const clerk = await center.createUser('clerk1')
    await center.request('POST', `/api/v1/devices/${kiosk.id}/revoke`, { token: admin })
    await center.request('POST', `/api/v1/devices/${display.id}/revoke`, { token: admin })

    // the table covers exactly the operations the OpenAPI document says need a token
    const doc = (await center.request('GET', '/api/v1/openapi.json')).json()
    const secured = Object.entries<Record<string, { security?: unknown[] }>>(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security === undefined || op.security.length > 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(secured.sort()).toEqual(Object.keys(AUTHENTICATED_ROUTES).sort())

    clock.advance(center.config.auth.userTokenTtlSeconds + 1)
    for (const [route, body] of Object.entries(AUTHENTICATED_ROUTES)) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string]
      const url = path.replace('{id}', '1')
      const call = { method, url, body }
      await expectAuthRequired(center, call)
      for (const token of [admin, clerk.token]) {
        const res = await center.request(method, url, { token, body })
        expect(res.statusCode, `${route} expired: ${res.body}`).toBe(401)
        expectError(res, 401, 'TABOUR_ERR_TOKEN_EXPIRED')
      }
      for (const token of [kiosk.token, display.token]) {
        const res = await center.request(method, url, { token, body })
        expect(res.statusCode, `${route} revoked: ${res.body}`).toBe(401)
        expectError(res, 401, 'TABOUR_ERR_UNAUTHENTICATED')
      }
    }
    // nothing was changed by any of it
    const fresh = await center.login('admin', ADMIN_PASSWORD)
    expect((await center.request('GET', '/api/v1/services/1', { token: fresh })).json().nameEn).toBe('Service A')
    expect((await center.request('GET', '/api/v1/users', { token: fresh })).json()).toHaveLength(2)
    expect((await center.request('GET', '/api/v1/tickets', { token: fresh })).json()).toEqual([])
  })
})

describe('authentication comes before validation', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('a caller without a token learns nothing about a body schema: 401, not 400', async () => {
    center = await TestCenter.start()
    for (const [route, badBody] of [
      ['/api/v1/services', { prefix: 'lowercase', targetWaitSeconds: 'soon' }],
      ['/api/v1/tickets', { serviceId: true }],
      ['/api/v1/users', { role: 'king' }],
    ] as const) {
      expectError(await center.request('POST', route, { body: badBody }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    }
    const display = await center.createDevice('display')
    expectError(
      await center.request('POST', '/api/v1/tickets', { token: display.token, body: { serviceId: true } }),
      403,
      'TABOUR_ERR_FORBIDDEN',
    )
  })
})
