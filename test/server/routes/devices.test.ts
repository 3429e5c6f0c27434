import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectAuthRequired, expectError, expectForbidden, expectMalformedBodiesRefused, makeCallers, rows } from './route-helpers.ts'

const DEVICES = '/api/v1/devices'
const PAIR = '/api/v1/devices/pair'

async function createDevice(center: TestCenter, body: Record<string, unknown> = { kind: 'kiosk', name: 'Kiosk 1' }) {
  const res = await center.request('POST', DEVICES, { token: await center.admin(), body })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const pair = (center: TestCenter, pairingCode: unknown) => center.request('POST', PAIR, { body: { pairingCode } })

describe('POST /api/v1/devices and pairing', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('create answers 201 with a one-time pairingCode; pair answers a token and the device', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const created = await createDevice(center, { kind: 'display', name: 'Hall TV', zone: 'ground', config: { recentCalls: 4 } })
    expect(created).toEqual({
      id: 1,
      kind: 'display',
      name: 'Hall TV',
      zone: 'ground',
      config: { recentCalls: 4 },
      paired: false,
      revoked: false,
      lastSeenAt: null,
      pairingCode: created.pairingCode,
    })
    expect(created.pairingCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)

    const res = await pair(center, created.pairingCode)
    expect(res.statusCode).toBe(200)
    const { token, device } = res.json()
    expect(token).toMatch(/^tbd_[A-Za-z0-9_-]{40,}$/)
    expect(device).toEqual({
      id: 1,
      kind: 'display',
      name: 'Hall TV',
      zone: 'ground',
      config: { recentCalls: 4 },
      paired: true,
      revoked: false,
      lastSeenAt: new Date(clock.now).toISOString(),
    })
    expect(res.body).not.toContain(created.pairingCode)
    // the token works for what a display may do
    expect((await center.request('GET', '/api/v1/counters', { token })).statusCode).toBe(200)
  })

  it('a code works once: the same code again → 401 TABOUR_ERR_BAD_PAIRING_CODE', async () => {
    center = await TestCenter.start()
    const created = await createDevice(center)
    expect((await pair(center, created.pairingCode)).statusCode).toBe(200)
    expectError(await pair(center, created.pairingCode), 401, 'TABOUR_ERR_BAD_PAIRING_CODE')
  })

  it('codes are case-insensitive; unknown codes → 401', async () => {
    center = await TestCenter.start()
    const created = await createDevice(center)
    expectError(await pair(center, 'ABCDEFGH'), 401, 'TABOUR_ERR_BAD_PAIRING_CODE')
    expect((await pair(center, created.pairingCode.toLowerCase())).statusCode).toBe(200)
  })

  it('an expired code (24 h) → 401 TABOUR_ERR_BAD_PAIRING_CODE', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const created = await createDevice(center)
    clock.advance(24 * 3600 + 1)
    expectError(await pair(center, created.pairingCode), 401, 'TABOUR_ERR_BAD_PAIRING_CODE')
  })

  it('refuses bad bodies with 400 TABOUR_ERR_VALIDATION', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const bad: Record<string, unknown>[] = [
      { kind: 'toaster', name: 'x' },
      { kind: 'KIOSK', name: 'x' },
      { kind: 'kiosk', name: '' },
      { kind: 'kiosk', name: 'x'.repeat(121) },
      { kind: 'kiosk', name: 5 },
      { kind: 'kiosk', name: 'x', zone: 'two words' },
      { kind: 'kiosk', name: 'x', zone: '' },
      { kind: 'kiosk', name: 'x', config: [] },
      { kind: 'kiosk', name: 'x', config: 'printer=1' },
      { name: 'x' },
      { kind: 'kiosk' },
    ]
    for (const body of bad) {
      const res = await center.request('POST', DEVICES, { token, body })
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(400)
      expectError(res, 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, token, 'POST', DEVICES, { kind: 'kiosk', name: 'x' })
    for (const body of [{}, { pairingCode: 12345678 }, { pairingCode: 'abc' }, { pairingCode: 'x'.repeat(33) }, { pairingCode: null }]) {
      expectError(await center.request('POST', PAIR, { body }), 400, 'TABOUR_ERR_VALIDATION')
    }
    expect((await center.request('GET', DEVICES, { token })).json()).toEqual([])
  })

  it('creating is admin-only; pairing needs no token', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const call = { method: 'POST' as const, url: DEVICES, body: { kind: 'kiosk', name: 'x' } }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], call)
  })

  it('pairing is throttled: the attempt after loginMaxAttempts → 429 TABOUR_ERR_RATE_LIMITED', async () => {
    center = await TestCenter.start({ config: { auth: { loginMaxAttempts: 3 } } })
    const created = await createDevice(center)
    for (const code of ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']) expectError(await pair(center, code), 401, 'TABOUR_ERR_BAD_PAIRING_CODE')
    expectError(await pair(center, created.pairingCode), 429, 'TABOUR_ERR_RATE_LIMITED')
  })
})

describe('revoking and re-pairing', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('revoke → the old token is 401; a new pairing code pairs the device again with a new token', async () => {
    center = await TestCenter.start()
    const kiosk = await center.createDevice('kiosk')
    const admin = await center.admin()
    expect((await center.request('GET', '/api/v1/services', { token: kiosk.token })).statusCode).toBe(200)

    const revoked = await center.request('POST', `${DEVICES}/${kiosk.id}/revoke`, { token: admin })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json()).toMatchObject({ id: kiosk.id, revoked: true })
    expectError(await center.request('GET', '/api/v1/services', { token: kiosk.token }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    expectError(await center.request('GET', '/api/v1/center', { token: kiosk.token }), 401, 'TABOUR_ERR_UNAUTHENTICATED')

    const code = await center.request('POST', `${DEVICES}/${kiosk.id}/pairing-code`, { token: admin })
    expect(code.statusCode).toBe(200)
    // an unused code after a revoke: waiting to pair, not paired (walk s51 saw it listed as paired and "OK")
    expect(code.json()).toMatchObject({ id: kiosk.id, revoked: false, paired: false, pairingCode: expect.stringMatching(/^[A-Z2-9]{8}$/) })
    const listed = async () => ({
      devices: (await center.request('GET', DEVICES, { token: admin })).json().find((d: { id: number }) => d.id === kiosk.id),
      health: (await center.request('GET', '/api/v1/stats/devices', { token: admin }))
        .json()
        .find((d: { id: number }) => d.id === kiosk.id),
    })
    expect(await listed()).toMatchObject({ devices: { paired: false, revoked: false }, health: { paired: false, revoked: false } })
    const repaired = await pair(center, code.json().pairingCode)
    expect(repaired.statusCode).toBe(200)
    expect(await listed()).toMatchObject({ devices: { paired: true, revoked: false }, health: { paired: true, revoked: false } })
    const fresh = repaired.json().token
    expect(fresh).not.toBe(kiosk.token)
    expect((await center.request('GET', '/api/v1/services', { token: fresh })).statusCode).toBe(200)
    // the old token stays dead
    expectError(await center.request('GET', '/api/v1/services', { token: kiosk.token }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
  })

  it('a revoked device cannot pair with a code issued before the revocation', async () => {
    center = await TestCenter.start()
    const created = await createDevice(center)
    await center.request('POST', `${DEVICES}/${created.id}/revoke`, { token: await center.admin() })
    expectError(await pair(center, created.pairingCode), 401, 'TABOUR_ERR_BAD_PAIRING_CODE')
  })

  it('pairing again (a replaced kiosk) retires the token it had', async () => {
    center = await TestCenter.start()
    const kiosk = await center.createDevice('kiosk')
    const code = (await center.request('POST', `${DEVICES}/${kiosk.id}/pairing-code`, { token: await center.admin() })).json().pairingCode
    // a new code alone does not end the old session
    expect((await center.request('GET', '/api/v1/services', { token: kiosk.token })).statusCode).toBe(200)
    const fresh = (await pair(center, code)).json().token
    expectError(await center.request('GET', '/api/v1/services', { token: kiosk.token }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    expect((await center.request('GET', '/api/v1/services', { token: fresh })).statusCode).toBe(200)
  })

  it('a printer, board or keypad gets no pairing code (422 TABOUR_ERR_DEVICE_NEVER_PAIRS), and is reactivated instead', async () => {
    center = await TestCenter.start()
    const admin = await center.admin()
    for (const kind of ['printer', 'board', 'keypad']) {
      const created = await createDevice(center, { kind, name: `Spare ${kind}` })
      expect(created).toMatchObject({ kind, paired: false, pairingCode: null })
      const refused = await center.request('POST', `${DEVICES}/${created.id}/pairing-code`, { token: admin })
      expectError(refused, 422, 'TABOUR_ERR_DEVICE_NEVER_PAIRS')
      expect(refused.json().message).toContain(`a ${kind} never pairs`)
    }
    // no code was stored for any of them (a code that pairs nothing is not kept either)
    expect(center.app.tabour.db.prepare('SELECT COUNT(*) AS n FROM devices WHERE pairing_code_hash IS NOT NULL').get()).toEqual({ n: 0 })
    // what a code did for a revoked one (lift the revocation) is reactivating: the printer is back in use
    const printer = await createDevice(center, { kind: 'printer', name: 'Reception printer' })
    expect((await center.request('POST', `${DEVICES}/${printer.id}/revoke`, { token: admin })).json()).toMatchObject({ revoked: true })
    // sent as JSON with no body (curl -H, most HTTP libraries): a route that takes none answers as to a bare POST (s49)
    const back = await center.app.inject({
      method: 'POST',
      url: `${DEVICES}/${printer.id}/reinstate`,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      payload: '',
    })
    expect(back.statusCode, back.body).toBe(200)
    expect(back.json()).toMatchObject({ id: printer.id, revoked: false, paired: false })
    // a kiosk comes back by pairing again: lifting its revocation would bring back no token
    const kiosk = await createDevice(center, { kind: 'kiosk', name: 'Entrance' })
    expectError(await center.request('POST', `${DEVICES}/${kiosk.id}/reinstate`, { token: admin }), 422, 'TABOUR_ERR_DEVICE_PAIRS_AGAIN')
    // a kiosk, a display and a feedback tablet still get one
    for (const kind of ['kiosk', 'display', 'feedback'])
      expect((await createDevice(center, { kind, name: `New ${kind}` })).pairingCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
  })

  it('revoke, pairing-code and reinstate: unknown device → 404 TABOUR_ERR_DEVICE_NOT_FOUND; admin-only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    for (const action of ['revoke', 'pairing-code', 'reinstate']) {
      expectError(await center.request('POST', `${DEVICES}/99/${action}`, { token: callers.admin }), 404, 'TABOUR_ERR_DEVICE_NOT_FOUND')
      expectError(await center.request('POST', `${DEVICES}/x/${action}`, { token: callers.admin }), 400, 'TABOUR_ERR_VALIDATION')
      const call = { method: 'POST' as const, url: `${DEVICES}/1/${action}` }
      await expectAuthRequired(center, call)
      await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], call)
    }
    // nobody managed to revoke the kiosk
    expect((await center.request('GET', '/api/v1/services', { token: callers.kiosk })).statusCode).toBe(200)
  })
})

describe('GET and PATCH /api/v1/devices', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('managers and admins list devices, never with pairing codes or tokens', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const pending = await createDevice(center, { kind: 'kiosk', name: 'Spare kiosk' })
    for (const who of ['admin', 'manager'] as const) {
      const res = await center.request('GET', DEVICES, { token: callers[who] })
      expect(res.statusCode).toBe(200)
      const list = res.json()
      expect(list.map((d: { kind: string; paired: boolean }) => `${d.kind}:${d.paired}`)).toEqual([
        'kiosk:true',
        'display:true',
        // the server opens these itself: they never pair (their tokens here are makeCallers')
        'printer:false',
        'board:false',
        'keypad:false',
        'kiosk:false',
      ])
      expect(res.body).not.toContain(pending.pairingCode)
      expect(res.body).not.toContain('tbd_')
      expect(list.every((d: Record<string, unknown>) => !('pairingCode' in d))).toBe(true)
    }
    await expectAuthRequired(center, { method: 'GET', url: DEVICES })
    await expectForbidden(center, callers, ['clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], { method: 'GET', url: DEVICES })
  })

  it('records when a device was last seen', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const kiosk = await center.createDevice('kiosk')
    clock.advance(3600)
    await center.request('GET', '/api/v1/services', { token: kiosk.token })
    const listed = (await center.request('GET', DEVICES, { token: await center.login('admin', 'admin-test-password') })).json()[0]
    expect(listed.lastSeenAt).toBe(new Date(clock.now).toISOString())
  })

  it('PATCH changes name, zone and config; an unknown device → 404', async () => {
    center = await TestCenter.start()
    const created = await createDevice(center, { kind: 'display', name: 'TV', zone: 'ground' })
    const token = await center.admin()
    const res = await center.request('PATCH', `${DEVICES}/${created.id}`, { token, body: { name: 'Hall TV', config: { recentCalls: 6 } } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: 'Hall TV', zone: 'ground', config: { recentCalls: 6 } })
    expect(res.json().pairingCode).toBeUndefined()
    const unzoned = await center.request('PATCH', `${DEVICES}/${created.id}`, { token, body: { zone: null } })
    expect(unzoned.json()).toMatchObject({ name: 'Hall TV', zone: null })
    expectError(await center.request('PATCH', `${DEVICES}/99`, { token, body: { name: 'x' } }), 404, 'TABOUR_ERR_DEVICE_NOT_FOUND')
    for (const body of [{}, { name: '' }, { zone: 'a b' }, { config: 3 }]) {
      expectError(await center.request('PATCH', `${DEVICES}/${created.id}`, { token, body }), 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, token, 'PATCH', `${DEVICES}/${created.id}`, { name: 'x' })
    // the pairing code still works after an edit
    expect((await pair(center, created.pairingCode)).statusCode).toBe(200)
    expect(rows(center, 'SELECT id FROM devices')).toHaveLength(1)
  })

  it('PATCH is admin-only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const call = { method: 'PATCH' as const, url: `${DEVICES}/1`, body: { name: 'renamed' } }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], call)
  })
})

describe("a device's zone against the counters' zones (walk s55 display finding 5)", () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('a zone a counter spells otherwise ("Ground" for "ground") → 422 TABOUR_ERR_ZONE_SPELLED_OTHERWISE on zone, on create and on edit', async () => {
    center = await TestCenter.start()
    const service = await center.createService({ prefix: 'A', nameAr: 'أ', nameEn: 'A', targetWaitSeconds: 600 })
    await center.createCounter({ number: 1, zone: 'ground', serviceIds: [service.id] })
    const token = await center.admin()
    const refused = await center.request('POST', DEVICES, { token, body: { kind: 'display', name: 'Hall TV', zone: 'Ground' } })
    expectError(refused, 422, 'TABOUR_ERR_ZONE_SPELLED_OTHERWISE')
    expect(refused.json()).toMatchObject({ field: 'zone', reason: 'duplicate' })
    expect(refused.json().message).toContain('ground')
    expect(rows(center, 'SELECT id FROM devices')).toHaveLength(0)

    const tv = await createDevice(center, { kind: 'display', name: 'Hall TV', zone: 'ground' })
    expectError(
      await center.request('PATCH', `${DEVICES}/${tv.id}`, { token, body: { zone: 'GROUND' } }),
      422,
      'TABOUR_ERR_ZONE_SPELLED_OTHERWISE',
    )
    expect(rows(center, 'SELECT zone FROM devices')).toEqual([{ zone: 'ground' }])
  })

  it('a zone no counter has yet is accepted (a floor whose TV comes before its counters): the form says so beside it', async () => {
    center = await TestCenter.start()
    const service = await center.createService({ prefix: 'A', nameAr: 'أ', nameEn: 'A', targetWaitSeconds: 600 })
    await center.createCounter({ number: 1, zone: 'ground', serviceIds: [service.id] })
    const upstairs = await createDevice(center, { kind: 'display', name: 'First floor TV', zone: 'first' })
    expect(upstairs.zone).toBe('first')
  })
})
