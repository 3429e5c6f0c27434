import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectAuthRequired, expectError, expectForbidden, expectMalformedBodiesRefused, makeCallers } from './route-helpers.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'

const SERVICES = '/api/v1/services'
const valid = { prefix: 'A', nameAr: 'السجل المدني', nameEn: 'Civil registry', targetWaitSeconds: 900 }

describe('POST /api/v1/services', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('creates a service (201) with defaults for the optional fields', async () => {
    center = await TestCenter.start()
    const res = await center.request('POST', SERVICES, { token: await center.admin(), body: valid })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ id: 1, ...valid, dailyCap: null, active: true, sortOrder: 0, whenUnstaffed: 'not-offered' })
    const got = await center.request('GET', `${SERVICES}/1`, { token: await center.admin() })
    expect(got.json()).toEqual(res.json())
  })

  it('takes the optional fields and drops unknown ones', async () => {
    center = await TestCenter.start()
    const res = await center.request('POST', SERVICES, {
      token: await center.admin(),
      body: { ...valid, prefix: 'PAS', dailyCap: 50, active: false, sortOrder: 3, colour: 'red' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ id: 1, ...valid, prefix: 'PAS', dailyCap: 50, active: false, sortOrder: 3, whenUnstaffed: 'not-offered' })
  })

  it('refuses a prefix already in use with 409 TABOUR_ERR_DUPLICATE_PREFIX', async () => {
    center = await TestCenter.start()
    await center.createService({ prefix: 'A' })
    const res = await center.request('POST', SERVICES, { token: await center.admin(), body: { ...valid, nameEn: 'Other' } })
    expectError(res, 409, 'TABOUR_ERR_DUPLICATE_PREFIX')
    const list = await center.request('GET', `${SERVICES}?all=true`, { token: await center.admin() })
    expect(list.json()).toHaveLength(1)
  })

  it('refuses bad bodies with 400 TABOUR_ERR_VALIDATION', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const bad: Record<string, unknown>[] = [
      { ...valid, prefix: 'a' },
      { ...valid, prefix: 'ABCD' },
      { ...valid, prefix: 'A1' },
      { ...valid, prefix: '' },
      { ...valid, prefix: 'ج' },
      { ...valid, prefix: 1 },
      { ...valid, targetWaitSeconds: '900' },
      { ...valid, targetWaitSeconds: 0 },
      { ...valid, targetWaitSeconds: 86_401 },
      { ...valid, targetWaitSeconds: 1.5 },
      { ...valid, targetWaitSeconds: true },
      { ...valid, nameAr: '' },
      { ...valid, nameEn: 'x'.repeat(121) },
      { ...valid, dailyCap: 0 },
      { ...valid, dailyCap: '10' },
      { ...valid, active: 'yes' },
      { ...valid, sortOrder: -1 },
      { prefix: 'A', nameAr: 'أ', nameEn: 'A' },
      { nameAr: 'أ', nameEn: 'A', targetWaitSeconds: 60 },
      {},
    ]
    for (const body of bad) {
      const res = await center.request('POST', SERVICES, { token, body })
      expect({ body, status: res.statusCode }).toMatchObject({ status: 400 })
      expectError(res, 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, token, 'POST', SERVICES, valid)
    // nothing was created along the way
    expect((await center.request('GET', `${SERVICES}?all=true`, { token })).json()).toEqual([])
  })

  it('is admin-only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    await expectAuthRequired(center, { method: 'POST', url: SERVICES, body: valid })
    await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], {
      method: 'POST',
      url: SERVICES,
      body: valid,
    })
  })
})

describe('GET /api/v1/services', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('lists active services with waiting, estimatedWaitSeconds, ahead, issuedToday and available', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const kiosk = await center.createDevice('kiosk')
    // one open counter serves both (issue 14: with none open the estimate is unknown, see staffing.test.ts)
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    await center.openCounterAs('clerk1', counter.id)
    for (let i = 0; i < 3; i++) await center.issue(kiosk.token, { serviceId: a.id })
    const res = await center.request('GET', SERVICES, { token: kiosk.token })
    expect(res.statusCode).toBe(200)
    const [sa, sb] = res.json()
    // no history: 300 s per person; no calendar configured: always open (issue 18), its line closing at the day's start
    const hours = {
      at: expect.any(String),
      open: true,
      closedReason: null,
      opensAt: null,
      closesAt: expect.any(String),
      dayClose: true,
      lastTicketAt: expect.any(String),
    }
    expect(sa).toEqual({
      ...a,
      waiting: 3,
      sentToCounters: [],
      estimatedWaitSeconds: 900,
      ahead: 3,
      issuedToday: 3,
      staffed: true,
      available: true,
      hours,
      checkIn: false,
      takesBookings: false,
    })
    // nobody waits for B, but the only counter calls the three older A tickets first (line forecast):
    // a B ticket taken now has them ahead, and the kiosk's tile says so
    expect(sb).toEqual({
      ...b,
      waiting: 0,
      sentToCounters: [],
      estimatedWaitSeconds: 900,
      ahead: 3,
      issuedToday: 0,
      staffed: true,
      available: true,
      hours,
      checkIn: false,
      takesBookings: false,
    })
  })

  it('shares the line among the counters open for the service', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    // a backup (weight 0) counter: it calls from this line only when nothing else waits for it
    const c3 = await center.createCounter({ number: 3, services: [{ serviceId: a.id, weight: 0 }] })
    const kiosk = await center.createDevice('kiosk')
    for (let i = 0; i < 4; i++) await center.issue(kiosk.token, { serviceId: a.id })
    const estimate = async () => (await center.request('GET', SERVICES, { token: kiosk.token })).json()[0].estimatedWaitSeconds
    // issue 14: no counter open → unknown, not "as if one were open"
    expect(await estimate()).toBeNull()
    await center.openCounterAs('clerk1', c1.id)
    expect(await estimate()).toBe(1200)
    // two idle counters: the 1st and 2nd now, the 3rd and 4th after 300 s, a new 5th after 600 s
    await center.openCounterAs('clerk2', c2.id)
    expect(await estimate()).toBe(600)
    // the backup counter has nothing else to call, so it takes the 3rd now (call policy rule b): the new ticket is called after 300 s
    await center.openCounterAs('clerk3', c3.id)
    expect(await estimate()).toBe(300)
  })

  it('orders by sortOrder, then id', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    await center.request('POST', SERVICES, { token, body: { ...valid, prefix: 'A', sortOrder: 2 } })
    await center.request('POST', SERVICES, { token, body: { ...valid, prefix: 'B', sortOrder: 1 } })
    await center.request('POST', SERVICES, { token, body: { ...valid, prefix: 'C', sortOrder: 2 } })
    const list = (await center.request('GET', SERVICES, { token })).json()
    expect(list.map((s: { prefix: string }) => s.prefix)).toEqual(['B', 'A', 'C'])
  })

  it('puts a service created without sortOrder after the others (walk 2026-12-06: it landed second on the kiosk)', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    await center.request('POST', SERVICES, { token, body: { ...valid, prefix: 'A', sortOrder: 0 } })
    await center.request('POST', SERVICES, { token, body: { ...valid, prefix: 'B', sortOrder: 1 } })
    const added = await center.request('POST', SERVICES, { token, body: { ...valid, prefix: 'G' } })
    expect(added.json().sortOrder).toBe(2)
    const list = (await center.request('GET', SERVICES, { token })).json()
    expect(list.map((s: { prefix: string }) => s.prefix)).toEqual(['A', 'B', 'G'])
  })

  it('hides inactive services from kiosks; managers see them with ?all=true', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const off = await center.request('PATCH', `${SERVICES}/${b.id}`, { token: callers.admin, body: { active: false } })
    expect(off.statusCode).toBe(200)
    const prefixes = async (token: string, query = '') =>
      (await center.request('GET', `${SERVICES}${query}`, { token }))
        .json()
        .map((s: { prefix: string; available: boolean }) => `${s.prefix}:${s.available}`)
    expect(await prefixes(callers.kiosk)).toEqual(['A:true'])
    expect(await prefixes(callers.kiosk, '?all=true')).toEqual(['A:true'])
    expect(await prefixes(callers.display, '?all=true')).toEqual(['A:true'])
    expect(await prefixes(callers.clerk, '?all=true')).toEqual(['A:true'])
    expect(await prefixes(callers.manager)).toEqual(['A:true'])
    expect(await prefixes(callers.manager, '?all=true')).toEqual(['A:true', 'B:false'])
    expect(await prefixes(callers.admin, '?all=true')).toEqual(['A:true', 'B:false'])
    expect(await prefixes(callers.admin, '?all=false')).toEqual(['A:true'])
    expectError(await center.request('GET', `${SERVICES}?all=maybe`, { token: callers.admin }), 400, 'TABOUR_ERR_VALIDATION')
  })

  it('is readable by staff, kiosks and displays, not by printers, boards or keypads', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const a = await center.createService({ prefix: 'A' })
    for (const who of ['admin', 'manager', 'clerk', 'kiosk', 'display'] as const) {
      expect((await center.request('GET', SERVICES, { token: callers[who] })).statusCode).toBe(200)
      expect((await center.request('GET', `${SERVICES}/${a.id}`, { token: callers[who] })).statusCode).toBe(200)
    }
    await expectAuthRequired(center, { method: 'GET', url: SERVICES })
    await expectAuthRequired(center, { method: 'GET', url: `${SERVICES}/${a.id}` })
    await expectForbidden(center, callers, ['printer', 'board', 'keypad'], { method: 'GET', url: SERVICES })
    await expectForbidden(center, callers, ['printer', 'board', 'keypad'], { method: 'GET', url: `${SERVICES}/${a.id}` })
  })

  it('GET /services/:id: 404 TABOUR_ERR_SERVICE_NOT_FOUND, 400 for a bad id', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    expectError(await center.request('GET', `${SERVICES}/99`, { token }), 404, 'TABOUR_ERR_SERVICE_NOT_FOUND')
    expectError(await center.request('GET', `${SERVICES}/abc`, { token }), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await center.request('GET', `${SERVICES}/0`, { token }), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await center.request('GET', `${SERVICES}/1.5`, { token }), 400, 'TABOUR_ERR_VALIDATION')
  })
})

describe('PATCH /api/v1/services/:id', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('changes only the given fields', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600 })
    const token = await center.admin()
    const res = await center.request('PATCH', `${SERVICES}/${a.id}`, {
      token,
      body: { nameEn: 'Passports', targetWaitSeconds: 1200, dailyCap: 40 },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ...a, nameEn: 'Passports', targetWaitSeconds: 1200, dailyCap: 40 })
    const uncapped = await center.request('PATCH', `${SERVICES}/${a.id}`, { token, body: { dailyCap: null } })
    expect(uncapped.json().dailyCap).toBeNull()
    // keeping its own prefix is not a conflict; a new free one is fine
    expect((await center.request('PATCH', `${SERVICES}/${a.id}`, { token, body: { prefix: 'A' } })).statusCode).toBe(200)
    expect((await center.request('PATCH', `${SERVICES}/${a.id}`, { token, body: { prefix: 'P' } })).json().prefix).toBe('P')
  })

  it('refuses another service prefix (409), an unknown id (404) and bad bodies (400)', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    await center.createService({ prefix: 'B' })
    const token = await center.admin()
    expectError(await center.request('PATCH', `${SERVICES}/${a.id}`, { token, body: { prefix: 'B' } }), 409, 'TABOUR_ERR_DUPLICATE_PREFIX')
    expectError(await center.request('PATCH', `${SERVICES}/99`, { token, body: { nameEn: 'x' } }), 404, 'TABOUR_ERR_SERVICE_NOT_FOUND')
    for (const body of [{}, { prefix: 'b' }, { targetWaitSeconds: '5' }, { active: 1 }, { dailyCap: -3 }]) {
      expectError(await center.request('PATCH', `${SERVICES}/${a.id}`, { token, body }), 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, token, 'PATCH', `${SERVICES}/${a.id}`, { nameEn: 'x' })
    expect((await center.request('GET', `${SERVICES}/${a.id}`, { token })).json()).toEqual(a)
  })

  it('is admin-only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const a = await center.createService({ prefix: 'A' })
    const call = { method: 'PATCH' as const, url: `${SERVICES}/${a.id}`, body: { nameEn: 'x' } }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], call)
  })
})

describe('issuing against a service', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('an inactive service refuses tickets with 422 TABOUR_ERR_SERVICE_INACTIVE', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    await center.request('PATCH', `${SERVICES}/${a.id}`, { token: await center.admin(), body: { active: false } })
    expectError(
      await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } }),
      422,
      'TABOUR_ERR_SERVICE_INACTIVE',
    )
    await center.request('PATCH', `${SERVICES}/${a.id}`, { token: await center.admin(), body: { active: true } })
    expect((await center.issue(kiosk.token, { serviceId: a.id })).label).toBe('A-001')
  })

  it('a daily cap refuses the ticket past it (422 TABOUR_ERR_SERVICE_DAILY_CAP), shows available: false, and lifts the next local day', async () => {
    const clock = new TestClock(Date.parse('2026-01-15T12:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A', dailyCap: 2 })
    const b = await center.createService({ prefix: 'B' })
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: a.id })
    await center.issue(kiosk.token, { serviceId: a.id })
    const over = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } })
    expectError(over, 422, 'TABOUR_ERR_SERVICE_DAILY_CAP')
    // the other service is unaffected
    expect((await center.issue(kiosk.token, { serviceId: b.id })).label).toBe('B-001')
    const list = (await center.request('GET', SERVICES, { token: kiosk.token })).json()
    expect(list[0]).toMatchObject({ prefix: 'A', issuedToday: 2, waiting: 2, available: false })
    expect(list[1]).toMatchObject({ prefix: 'B', available: true })

    // cancelling does not give the number back, so the cap still holds
    const clerk = await center.createUser('clerk1')
    const live = (await center.request('GET', '/api/v1/tickets', { token: clerk.token })).json()
    await center.request('POST', `/api/v1/tickets/${live[0].id}/cancel`, { token: clerk.token, body: { reason: 'duplicate' } })
    expectError(
      await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } }),
      422,
      'TABOUR_ERR_SERVICE_DAILY_CAP',
    )

    // Cairo midnight is 22:00Z in winter
    clock.set('2026-01-15T22:00:00Z')
    expect((await center.request('GET', SERVICES, { token: kiosk.token })).json()[0]).toMatchObject({ issuedToday: 0, available: true })
    expect((await center.issue(kiosk.token, { serviceId: a.id })).label).toBe('A-001')
  })

  it('raising the cap makes the service available again the same day', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A', dailyCap: 1 })
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: a.id })
    expectError(
      await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } }),
      422,
      'TABOUR_ERR_SERVICE_DAILY_CAP',
    )
    await center.request('PATCH', `${SERVICES}/${a.id}`, { token: await center.admin(), body: { dailyCap: 2 } })
    expect((await center.request('GET', SERVICES, { token: kiosk.token })).json()[0].available).toBe(true)
    expect((await center.issue(kiosk.token, { serviceId: a.id })).label).toBe('A-002')
  })
})

describe('a service’s checkIn (whether a code can be checked in for it)', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('is true for a service that takes joins from a phone or bookings, false otherwise, and follows the bookings switch', async () => {
    center = await TestCenter.start({
      config: { remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', dailyCap: 50, arriveMinutes: 20 }] } },
    })
    const admin = await center.admin()
    await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    await center.createService({ prefix: 'C' })
    const kiosk = (await center.createDevice('kiosk')).token
    const checkIn = async () =>
      ((await center!.request('GET', SERVICES, { token: kiosk })).json() as { prefix: string; checkIn: boolean }[]).map((s) => [
        s.prefix,
        s.checkIn,
      ])
    expect(await checkIn()).toEqual([
      ['A', true],
      ['B', false],
      ['C', false],
    ])
    const put = (enabled: boolean) =>
      center!.request('PUT', `/api/v1/appointments/settings/${b.id}`, { token: admin, body: { ...APPOINTMENT_DEFAULTS, enabled } })
    expect((await put(true)).statusCode).toBe(200)
    expect(await checkIn()).toEqual([
      ['A', true],
      ['B', true],
      ['C', false],
    ])
    expect((await put(false)).statusCode).toBe(200)
    expect((await checkIn())[1]).toEqual(['B', false])
  })
})
