import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import {
  expectAuthRequired,
  expectError,
  expectFieldError,
  expectForbidden,
  expectMalformedBodiesRefused,
  makeCallers,
} from './route-helpers.ts'

const COUNTERS = '/api/v1/counters'

describe('POST /api/v1/counters', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('creates a closed counter serving the given serviceIds with weight 1', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const res = await center.request('POST', COUNTERS, {
      token: await center.admin(),
      body: { number: 3, name: 'شباك ٣', serviceIds: [b.id, a.id] },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({
      id: 1,
      number: 3,
      name: 'شباك ٣',
      zone: 'main',
      state: 'closed',
      clerk: null,
      currentTicketId: null,
      pauseReason: null,
      awaySince: null,
      services: [
        { serviceId: a.id, weight: 1 },
        { serviceId: b.id, weight: 1 },
      ],
      active: true,
      // to staff, the policy's streaks: the console lists each line's next tickets by them (protocol/call-policy.ts)
      priorityStreak: 0,
      appointmentStreak: 0,
    })
  })

  it('creates a counter with weighted services, a zone and no services at all', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const token = await center.admin()
    const weighted = await center.request('POST', COUNTERS, {
      token,
      body: {
        number: 1,
        name: 'One',
        zone: 'upstairs',
        services: [
          { serviceId: a.id, weight: 2.5 },
          { serviceId: b.id, weight: 0 },
        ],
      },
    })
    expect(weighted.statusCode).toBe(201)
    expect(weighted.json()).toMatchObject({
      zone: 'upstairs',
      services: [
        { serviceId: a.id, weight: 2.5 },
        { serviceId: b.id, weight: 0 },
      ],
    })
    const bare = await center.request('POST', COUNTERS, { token, body: { number: 2, name: 'Two', active: false } })
    expect(bare.statusCode).toBe(201)
    expect(bare.json()).toMatchObject({ services: [], active: false })
  })

  it('refuses an active counter that serves no service (400 VALIDATION, the list it gave, required); an inactive one may wait for its services', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const token = await center.admin()
    const none = [
      [{ number: 1, name: 'One' }, 'services'],
      [{ number: 1, name: 'One', active: true, services: [] }, 'services'],
      [{ number: 1, name: 'One', serviceIds: [] }, 'serviceIds'],
    ] as const
    for (const [body, field] of none)
      expectFieldError(await center.request('POST', COUNTERS, { token, body }), 400, 'TABOUR_ERR_VALIDATION', { field, reason: 'required' })
    expect((await center.request('GET', COUNTERS, { token })).json()).toEqual([])
    // a backup service (weight 0) is a service
    const backup = await center.request('POST', COUNTERS, {
      token,
      body: { number: 1, name: 'One', services: [{ serviceId: a.id, weight: 0 }] },
    })
    expect(backup.statusCode).toBe(201)
    // emptying an active counter's list, or activating one with none, is refused and changes nothing
    const emptied = await center.request('PATCH', `${COUNTERS}/${backup.json().id}`, { token, body: { serviceIds: [] } })
    expectFieldError(emptied, 400, 'TABOUR_ERR_VALIDATION', { field: 'serviceIds', reason: 'required' })
    const later = (await center.request('POST', COUNTERS, { token, body: { number: 2, name: 'Two', active: false } })).json()
    const woken = await center.request('PATCH', `${COUNTERS}/${later.id}`, { token, body: { active: true } })
    expectFieldError(woken, 400, 'TABOUR_ERR_VALIDATION', { field: 'services', reason: 'required' })
    expect((await center.request('GET', COUNTERS, { token })).json()).toMatchObject([
      { number: 1, active: true, services: [{ serviceId: a.id, weight: 0 }] },
      { number: 2, active: false, services: [] },
    ])
    const ready = await center.request('PATCH', `${COUNTERS}/${later.id}`, { token, body: { active: true, serviceIds: [a.id] } })
    expect(ready.json()).toMatchObject({ active: true, services: [{ serviceId: a.id, weight: 1 }] })
  })

  it('refuses an unknown service with 404 TABOUR_ERR_SERVICE_NOT_FOUND and creates nothing', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const token = await center.admin()
    expectError(
      await center.request('POST', COUNTERS, { token, body: { number: 1, name: 'One', serviceIds: [a.id, 99] } }),
      404,
      'TABOUR_ERR_SERVICE_NOT_FOUND',
    )
    expectError(
      await center.request('POST', COUNTERS, { token, body: { number: 1, name: 'One', services: [{ serviceId: 42, weight: 1 }] } }),
      404,
      'TABOUR_ERR_SERVICE_NOT_FOUND',
    )
    expect((await center.request('GET', COUNTERS, { token })).json()).toEqual([])
    // the number is still free
    expect((await center.request('POST', COUNTERS, { token, body: { number: 1, name: 'One', serviceIds: [a.id] } })).statusCode).toBe(201)
  })

  it('refuses a number already in use with 409 TABOUR_ERR_DUPLICATE_COUNTER_NUMBER', async () => {
    center = await TestCenter.start()
    await center.createCounter({ number: 7, active: false })
    expectError(
      await center.request('POST', COUNTERS, { token: await center.admin(), body: { number: 7, name: 'Again' } }),
      409,
      'TABOUR_ERR_DUPLICATE_COUNTER_NUMBER',
    )
  })

  it('refuses bad bodies with 400 TABOUR_ERR_VALIDATION', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const token = await center.admin()
    const valid = { number: 1, name: 'One', serviceIds: [a.id] }
    const bad: Record<string, unknown>[] = [
      { ...valid, number: 0 },
      { ...valid, number: 10_000 },
      { ...valid, number: '1' },
      { ...valid, number: 1.5 },
      { ...valid, name: '' },
      { ...valid, name: 7 },
      { ...valid, zone: 'has space' },
      { ...valid, zone: '' },
      { ...valid, serviceIds: [a.id, a.id] },
      { ...valid, serviceIds: [true] },
      { ...valid, serviceIds: ['1'] },
      { ...valid, serviceIds: [0] },
      { ...valid, serviceIds: a.id },
      { number: 1, name: 'One', services: [{ serviceId: a.id, weight: -1 }] },
      { number: 1, name: 'One', services: [{ serviceId: a.id, weight: 101 }] },
      { number: 1, name: 'One', services: [{ serviceId: a.id }] },
      { number: 1, name: 'One', services: [{ serviceId: a.id, weight: '1' }] },
      {
        number: 1,
        name: 'One',
        services: [
          { serviceId: a.id, weight: 1 },
          { serviceId: a.id, weight: 2 },
        ],
      },
      { number: 1, name: 'One', serviceIds: [a.id], services: [{ serviceId: a.id, weight: 1 }] },
      { name: 'One' },
      { number: 1 },
    ]
    for (const body of bad) {
      const res = await center.request('POST', COUNTERS, { token, body })
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(400)
      expectError(res, 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, token, 'POST', COUNTERS, valid)
    expect((await center.request('GET', COUNTERS, { token })).json()).toEqual([])
  })

  it('is admin-only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const call = { method: 'POST' as const, url: COUNTERS, body: { number: 1, name: 'One' } }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], call)
  })
})

describe('GET /api/v1/counters', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('lists counters by number, with the clerk who opened each', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', c2.id)
    const list = (await center.request('GET', COUNTERS, { token: await center.admin() })).json()
    expect(list.map((c: { id: number }) => c.id)).toEqual([c1.id, c2.id])
    expect(list[1]).toMatchObject({ state: 'open', clerk: { username: 'clerk1', displayName: 'clerk1' } })
    expect(list[0]).toMatchObject({ state: 'closed', clerk: null })
  })

  it('list and one counter: staff and displays (kiosks never need them, issue 16)', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const c = await center.createCounter({ number: 1, active: false })
    for (const who of ['admin', 'manager', 'clerk', 'display'] as const) {
      expect((await center.request('GET', COUNTERS, { token: callers[who] })).statusCode).toBe(200)
    }
    // a display gets no policy bookkeeping (publicCounterDto)
    const { priorityStreak: _staffOnly, appointmentStreak: _staffToo, ...shown } = c
    for (const who of ['admin', 'manager', 'clerk', 'display'] as const) {
      expect((await center.request('GET', `${COUNTERS}/${c.id}`, { token: callers[who] })).json()).toEqual(who === 'display' ? shown : c)
    }
    await expectAuthRequired(center, { method: 'GET', url: COUNTERS })
    await expectAuthRequired(center, { method: 'GET', url: `${COUNTERS}/${c.id}` })
    await expectForbidden(center, callers, ['kiosk', 'printer', 'board', 'keypad'], { method: 'GET', url: COUNTERS })
    await expectForbidden(center, callers, ['kiosk', 'printer', 'board', 'keypad'], { method: 'GET', url: `${COUNTERS}/${c.id}` })
  })

  it('a display sees a counter without its clerk: no id, username or display name (issue 16)', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', c.id)
    const staff = (await center.request('GET', COUNTERS, { token: await center.admin() })).json()
    expect(staff[0]).toMatchObject({ clerk: { username: 'clerk1' } })
    const list = await center.request('GET', COUNTERS, { token: callers.display })
    const one = await center.request('GET', `${COUNTERS}/${c.id}`, { token: callers.display })
    for (const res of [list, one]) {
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain('clerk1')
    }
    expect(list.json()[0]).toMatchObject({ id: c.id, state: 'open', clerk: null, pauseReason: null })
  })

  it('GET /counters/:id: 404 TABOUR_ERR_COUNTER_NOT_FOUND, 400 for a bad id', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    expectError(await center.request('GET', `${COUNTERS}/5`, { token }), 404, 'TABOUR_ERR_COUNTER_NOT_FOUND')
    expectError(await center.request('GET', `${COUNTERS}/five`, { token }), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await center.request('GET', `${COUNTERS}/-1`, { token }), 400, 'TABOUR_ERR_VALIDATION')
  })
})

describe('PATCH /api/v1/counters/:id', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('changes the given fields and keeps the rest', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c = await center.createCounter({ number: 1, zone: 'ground', serviceIds: [a.id] })
    const token = await center.admin()
    const renamed = await center.request('PATCH', `${COUNTERS}/${c.id}`, { token, body: { name: 'Passports' } })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toEqual({ ...c, name: 'Passports' })
    const reweighted = await center.request('PATCH', `${COUNTERS}/${c.id}`, { token, body: { services: [{ serviceId: b.id, weight: 3 }] } })
    expect(reweighted.json()).toEqual({ ...c, name: 'Passports', services: [{ serviceId: b.id, weight: 3 }] })
    const moved = await center.request('PATCH', `${COUNTERS}/${c.id}`, {
      token,
      body: { number: 9, zone: 'upstairs', serviceIds: [a.id, b.id] },
    })
    expect(moved.json()).toMatchObject({
      number: 9,
      zone: 'upstairs',
      services: [
        { serviceId: a.id, weight: 1 },
        { serviceId: b.id, weight: 1 },
      ],
    })
    // its own number is not a conflict
    expect((await center.request('PATCH', `${COUNTERS}/${c.id}`, { token, body: { number: 9 } })).statusCode).toBe(200)
  })

  it('refuses a taken number (409), an unknown service (404), an unknown counter (404) and bad bodies (400)', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.createCounter({ number: 2, active: false })
    const token = await center.admin()
    expectError(
      await center.request('PATCH', `${COUNTERS}/${c1.id}`, { token, body: { number: 2 } }),
      409,
      'TABOUR_ERR_DUPLICATE_COUNTER_NUMBER',
    )
    expectError(
      await center.request('PATCH', `${COUNTERS}/${c1.id}`, { token, body: { serviceIds: [77] } }),
      404,
      'TABOUR_ERR_SERVICE_NOT_FOUND',
    )
    expectError(await center.request('PATCH', `${COUNTERS}/99`, { token, body: { name: 'x' } }), 404, 'TABOUR_ERR_COUNTER_NOT_FOUND')
    for (const body of [{}, { number: 'two' }, { zone: 'a b' }, { services: [{ serviceId: a.id, weight: -2 }] }, { active: 'no' }]) {
      expectError(await center.request('PATCH', `${COUNTERS}/${c1.id}`, { token, body }), 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, token, 'PATCH', `${COUNTERS}/${c1.id}`, { name: 'x' })
    // a refused PATCH changed nothing (the unknown service did not wipe the list)
    expect((await center.request('GET', `${COUNTERS}/${c1.id}`, { token })).json()).toEqual(c1)
  })

  it('a disabled counter cannot be opened (422)', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.request('PATCH', `${COUNTERS}/${c.id}`, { token: await center.admin(), body: { active: false } })
    const { token } = await center.createUser('clerk1')
    expectError(await center.action(token, c.id, 'open'), 422, 'TABOUR_ERR_COUNTER_NOT_OPEN')
  })

  it('refuses to take a service with people waiting off its last active counter (409, each line and how many) unless confirmed', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c = await center.createService({ prefix: 'C' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id, b.id, c.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    for (let i = 0; i < 2; i++) await center.issue(kiosk, { serviceId: b.id })
    await center.issue(kiosk, { serviceId: a.id })
    const token = await center.admin()
    const patch = (id: number, body: unknown) => center.request('PATCH', `${COUNTERS}/${id}`, { token, body })
    // B is served by counter 1 alone: its two would wait for a call that never comes
    for (const body of [{ serviceIds: [a.id, c.id] }, { active: false }]) {
      const refused = await patch(c1.id, body)
      expectError(refused, 409, 'TABOUR_ERR_LAST_COUNTER_OF_WAITING_SERVICE')
      expect(refused.json().unserved).toEqual([{ serviceId: b.id, waiting: 2 }])
    }
    expect((await center.request('GET', `${COUNTERS}/${c1.id}`, { token })).json()).toEqual(c1)
    // an empty line, or one another active counter serves, is no one's concern
    expect((await patch(c1.id, { serviceIds: [a.id, b.id] })).statusCode).toBe(200)
    expect((await patch(c2.id, { active: false })).statusCode).toBe(200)
    // now counter 1 is A's last active counter too
    expect((await patch(c1.id, { serviceIds: [c.id] })).json().unserved).toEqual([
      { serviceId: a.id, waiting: 1 },
      { serviceId: b.id, waiting: 2 },
    ])
    // the admin who knows saves it
    const confirmed = await patch(c1.id, { serviceIds: [a.id], confirmUnserved: true })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(confirmed.json().services).toEqual([{ serviceId: a.id, weight: 1 }])
    // once nobody serves B, other edits of the counter are not refused for it again
    expect((await patch(c1.id, { name: 'One' })).statusCode).toBe(200)
  })

  it('is admin-only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const c = await center.createCounter({ number: 1, active: false })
    const call = { method: 'PATCH' as const, url: `${COUNTERS}/${c.id}`, body: { name: 'x' } }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], call)
  })
})
