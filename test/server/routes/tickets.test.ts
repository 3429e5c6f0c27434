import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectAuthRequired, expectError, expectForbidden, expectMalformedBodiesRefused, makeCallers, rows } from './route-helpers.ts'

const TICKETS = '/api/v1/tickets'
const PHONE = '+201001234567'

describe('POST /api/v1/tickets', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('answers 201 with exactly {id, label, serviceId, status, priority, position, estimatedWaitSeconds, issuedAt}', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    // an open counter serves it: with none, the estimate would be unknown (null; issue 14)
    await center.openCounterAs('clerk1', (await center.createCounter({ number: 1, serviceIds: [a.id] })).id)
    const res = await center.request('POST', TICKETS, { token: kiosk.token, body: { serviceId: a.id, phone: PHONE, lang: 'en' } })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(Object.keys(body).sort()).toEqual([
      'estimatedWaitSeconds',
      'id',
      'issuedAt',
      'label',
      'position',
      'printing',
      'priority',
      'serviceId',
      'status',
      'statusUrl',
    ])
    expect(body).toEqual({
      id: body.id,
      label: 'A-001',
      serviceId: a.id,
      status: 'waiting',
      priority: 'none',
      position: 0,
      estimatedWaitSeconds: 0,
      issuedAt: new Date(clock.now).toISOString(),
      printing: 'none', // this kiosk has no printer configured
      // the configured host and port (this center is not listening: port 0), never the request's Host header;
      // taken in English, so the page opens in English (walk finding 6)
      statusUrl: `http://127.0.0.1:0/t/${body.id}?lang=en`,
    })
    expect(res.body).not.toContain(PHONE)
    expect(res.headers['idempotent-replayed']).toBeUndefined()
  })

  it('statusUrl uses config.publicUrl when set (phones may reach the center by another address)', async () => {
    center = await TestCenter.start({ config: { publicUrl: 'http://queue.center.local:8080/' } })
    const a = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    const body = (await center.request('POST', TICKETS, { token: kiosk.token, body: { serviceId: a.id } })).json()
    expect(body.statusUrl).toBe(`http://queue.center.local:8080/t/${body.id}`)
  })

  it('position counts the people ahead in the same service', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const kiosk = (await center.createDevice('kiosk')).token
    const positions = []
    for (let i = 0; i < 3; i++) positions.push((await center.issue(kiosk, { serviceId: a.id })).position)
    expect(positions).toEqual([0, 1, 2])
    expect((await center.issue(kiosk, { serviceId: b.id })).position).toBe(0)
    // once the first is called, the others move up
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', c.id)
    await center.action(clerk, c.id, 'call-next')
    expect((await center.issue(kiosk, { serviceId: a.id })).position).toBe(2)
  })

  it('estimatedWaitSeconds: 300 s per service while there is no history, played over the open counters', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const est = []
    for (let i = 0; i < 3; i++) est.push((await center.issue(kiosk, { serviceId: a.id })).estimatedWaitSeconds)
    // issue 14: no counter open → unknown (null), never "as if one were open"
    expect(est).toEqual([null, null, null])
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', c1.id)
    await center.openCounterAs('clerk2', c2.id)
    // 3 ahead, two idle counters (line forecast): the 1st and 2nd are called now, the 3rd and this 4th after 300 s
    const fourth = await center.issue(kiosk, { serviceId: a.id })
    expect(fourth.position).toBe(3)
    expect(fourth.estimatedWaitSeconds).toBe(300)
  })

  it('honours queue.defaultServiceSeconds', async () => {
    center = await TestCenter.start({ config: { queue: { defaultServiceSeconds: 120 } } })
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    await center.openCounterAs('clerk1', (await center.createCounter({ number: 1, serviceIds: [a.id] })).id)
    await center.issue(kiosk, { serviceId: a.id })
    expect((await center.issue(kiosk, { serviceId: a.id })).estimatedWaitSeconds).toBe(120)
  })

  it('estimatedWaitSeconds uses the rolling mean of recent service times (call → finish) once tickets are finished', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    for (const serviceSeconds of [120, 180]) {
      await center.issue(kiosk, { serviceId: a.id })
      await center.action(clerk, c.id, 'call-next')
      clock.advance(20)
      await center.action(clerk, c.id, 'start')
      clock.advance(serviceSeconds - 20)
      await center.action(clerk, c.id, 'finish')
      clock.advance(5)
    }
    // a no-show is not a service time
    await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, c.id, 'call-next')
    clock.advance(600)
    await center.action(clerk, c.id, 'no-show')

    const t1 = await center.issue(kiosk, { serviceId: a.id })
    const t2 = await center.issue(kiosk, { serviceId: a.id })
    const t3 = await center.issue(kiosk, { serviceId: a.id })
    // mean (120 + 180) / 2 = 150 s, one counter open
    expect([t1, t2, t3].map((t) => t.estimatedWaitSeconds)).toEqual([0, 150, 300])
    // the public status and the kiosk's list agree
    expect((await center.request('GET', `${TICKETS}/${t3.id}`)).json()).toMatchObject({ position: 2, estimatedWaitSeconds: 300 })
    expect((await center.request('GET', '/api/v1/services', { token: kiosk })).json()[0]).toMatchObject({
      waiting: 3,
      estimatedWaitSeconds: 450,
    })
  })

  it('the rolling mean uses only the last queue.serviceTimeWindow services', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock, config: { queue: { serviceTimeWindow: 2 } } })
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    for (const serviceSeconds of [1000, 60, 100]) {
      await center.issue(kiosk, { serviceId: a.id })
      await center.action(clerk, c.id, 'call-next')
      await center.action(clerk, c.id, 'start')
      clock.advance(serviceSeconds)
      await center.action(clerk, c.id, 'finish')
    }
    await center.issue(kiosk, { serviceId: a.id })
    expect((await center.issue(kiosk, { serviceId: a.id })).estimatedWaitSeconds).toBe(80)
  })

  it('clerks may issue too (reception); displays, printers, boards and keypads may not', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const a = await center.createService({ prefix: 'A' })
    for (const who of ['clerk', 'manager', 'admin', 'kiosk'] as const) {
      expect((await center.request('POST', TICKETS, { token: callers[who], body: { serviceId: a.id } })).statusCode).toBe(201)
    }
    const call = { method: 'POST' as const, url: TICKETS, body: { serviceId: a.id } }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['display', 'printer', 'board', 'keypad'], call)
    expect(rows(center, 'SELECT id FROM tickets')).toHaveLength(4)
  })

  it('a revoked kiosk cannot issue (401)', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    await center.request('POST', `/api/v1/devices/${kiosk.id}/revoke`, { token: await center.admin() })
    expectError(await center.request('POST', TICKETS, { token: kiosk.token, body: { serviceId: a.id } }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
  })

  it('refuses bad bodies with 400 (TABOUR_ERR_VALIDATION / TABOUR_ERR_BAD_BODY) and never creates a ticket', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const bad: unknown[] = [
      { serviceId: true },
      { serviceId: '1' },
      { serviceId: String(a.id) },
      { serviceId: 1.5 },
      { serviceId: 0 },
      { serviceId: -1 },
      { serviceId: null },
      { serviceId: [a.id] },
      {},
      { priority: 'elderly' },
      { serviceId: a.id, priority: '' },
      { serviceId: a.id, priority: 5 },
      { serviceId: a.id, phone: 'call me' },
      { serviceId: a.id, phone: '12345' },
      { serviceId: a.id, phone: 201001234567 },
      { serviceId: a.id, lang: 'fr' },
      [],
      [{ serviceId: a.id }],
      null,
    ]
    for (const body of bad) {
      const res = await center.request('POST', TICKETS, { token: kiosk, body })
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(400)
      expect(['TABOUR_ERR_VALIDATION', 'TABOUR_ERR_BAD_BODY']).toContain(res.json().code)
    }
    await expectMalformedBodiesRefused(center, kiosk, 'POST', TICKETS, { serviceId: a.id })
    expect(rows(center, 'SELECT id FROM tickets')).toHaveLength(0)
    // and the numbering did not move
    expect((await center.issue(kiosk, { serviceId: a.id })).label).toBe('A-001')
  })

  it('an unknown service → 404 TABOUR_ERR_SERVICE_NOT_FOUND', async () => {
    center = await TestCenter.start()
    const kiosk = (await center.createDevice('kiosk')).token
    expectError(await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: 42 } }), 404, 'TABOUR_ERR_SERVICE_NOT_FOUND')
  })

  it('drops unknown fields instead of failing', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const res = await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id, colour: 'blue' } })
    expect(res.statusCode).toBe(201)
  })

  it('ids are unguessable: ≥ 20 URL-safe characters, all distinct', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const ids = new Set<string>()
    for (let i = 0; i < 50; i++) {
      const { id } = await center.issue(kiosk, { serviceId: a.id })
      expect(id).toMatch(/^[A-Za-z0-9_-]{20,}$/)
      ids.add(id)
    }
    expect(ids.size).toBe(50)
  })
})

describe('Idempotency-Key', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('the same key twice returns the same ticket, marked idempotent-replayed, and creates nothing new', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const key = { 'idempotency-key': 'kiosk-1-tap-0001' }
    const first = await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id }, headers: key })
    const second = await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id }, headers: key })
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(second.json()).toEqual(first.json())
    expect(rows(center, 'SELECT id FROM tickets')).toHaveLength(1)
    expect(rows(center, "SELECT id FROM events WHERE type = 'ticket.issued'")).toHaveLength(1)
    // the number was not used up either
    expect((await center.issue(kiosk, { serviceId: a.id })).label).toBe('A-002')
  })

  it('a replay reports the ticket as it is now', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    const key = { 'idempotency-key': 'k-1' }
    const first = (await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id }, headers: key })).json()
    await center.action(clerk, c.id, 'call-next')
    const replay = (await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id }, headers: key })).json()
    expect(replay).toMatchObject({ id: first.id, label: 'A-001', status: 'called' })
  })

  it('keys belong to their issuer: another kiosk with the same key gets its own ticket', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const k1 = (await center.createDevice('kiosk')).token
    const k2 = (await center.createDevice('kiosk')).token
    const headers = { 'idempotency-key': 'same' }
    const t1 = (await center.request('POST', TICKETS, { token: k1, body: { serviceId: a.id }, headers })).json()
    const t2 = (await center.request('POST', TICKETS, { token: k2, body: { serviceId: a.id }, headers })).json()
    expect(t1.id).not.toBe(t2.id)
    expect([t1.label, t2.label]).toEqual(['A-001', 'A-002'])
  })

  it('the same key for another service → 409 TABOUR_ERR_IDEMPOTENCY_CONFLICT', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const kiosk = (await center.createDevice('kiosk')).token
    const headers = { 'idempotency-key': 'tap-7' }
    await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id }, headers })
    expectError(
      await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: b.id }, headers }),
      409,
      'TABOUR_ERR_IDEMPOTENCY_CONFLICT',
    )
    expect(rows(center, 'SELECT id FROM tickets')).toHaveLength(1)
  })

  it('a replay after the ticket was transferred to another service still returns it, not a conflict', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    const headers = { 'idempotency-key': 'tap-9' }
    const first = (await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id }, headers })).json()
    await center.action(clerk, c.id, 'call-next')
    expect((await center.action(clerk, c.id, 'transfer', { serviceId: b.id })).statusCode).toBe(200)
    const replay = await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id }, headers })
    expect(replay.statusCode).toBe(201)
    expect(replay.json()).toMatchObject({ id: first.id, label: 'A-001', serviceId: b.id })
    expectError(
      await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: b.id }, headers }),
      409,
      'TABOUR_ERR_IDEMPOTENCY_CONFLICT',
    )
  })

  it('a malformed key → 400 TABOUR_ERR_BAD_IDEMPOTENCY_KEY', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    for (const key of ['x'.repeat(129), 'has space', 'ünïcode']) {
      const res = await center.request('POST', TICKETS, { token: kiosk, body: { serviceId: a.id }, headers: { 'idempotency-key': key } })
      expectError(res, 400, 'TABOUR_ERR_BAD_IDEMPOTENCY_KEY')
    }
    expect(rows(center, 'SELECT id FROM tickets')).toHaveLength(0)
  })
})

describe('GET /api/v1/tickets/:id (public)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('needs no token and shows status, position and estimate; the counter once called; never the phone', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
    const c = await center.createCounter({ number: 4, name: 'Window 4', serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    // the counter is open (with none, the estimate would be unknown; issue 14)
    const clerk = await center.openCounterAs('clerk1', c.id)
    const first = await center.issue(kiosk, { serviceId: a.id, phone: PHONE })
    const second = await center.issue(kiosk, { serviceId: a.id, phone: PHONE })

    const waiting = await center.request('GET', `${TICKETS}/${second.id}`)
    expect(waiting.statusCode).toBe(200)
    expect(waiting.json()).toEqual({
      id: second.id,
      label: 'A-002',
      serviceId: a.id,
      serviceNameAr: 'الجوازات',
      serviceNameEn: 'Passports',
      status: 'waiting',
      position: 1,
      estimatedWaitSeconds: 300,
      issuedAt: new Date(clock.now).toISOString(),
      counter: null,
      center: {
        nameAr: 'المركز التكنولوجي لخدمة المواطنين',
        nameEn: 'Citizen Service Technology Center',
        digits: 'western',
        turnNearPeople: 3,
        turnNearMinutes: 15,
      },
    })
    expect(waiting.body).not.toContain(PHONE)
    expect(waiting.body).not.toContain('1001234567')

    await center.action(clerk, c.id, 'call-next')
    const called = await center.request('GET', `${TICKETS}/${first.id}`)
    expect(called.json()).toMatchObject({
      status: 'called',
      position: 0,
      estimatedWaitSeconds: 0,
      counter: { number: 4, name: 'Window 4' },
    })
    expect(called.body).not.toContain('1001234567')
    // next in line, but the only counter is busy with the first for about the mean service time (line forecast)
    expect((await center.request('GET', `${TICKETS}/${second.id}`)).json()).toMatchObject({ position: 0, estimatedWaitSeconds: 300 })

    await center.action(clerk, c.id, 'start')
    expect((await center.request('GET', `${TICKETS}/${first.id}`)).json()).toMatchObject({ status: 'serving', counter: { number: 4 } })
    await center.action(clerk, c.id, 'finish')
    expect((await center.request('GET', `${TICKETS}/${first.id}`)).json()).toMatchObject({ status: 'done', counter: null })
  })

  it('a recall is counted while called; a transfer to another service names the service it left while waiting', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A', nameAr: 'رخص البناء', nameEn: 'Building permits' })
    const b = await center.createService({ prefix: 'B', nameAr: 'طلبات التصالح', nameEn: 'Reconciliation requests' })
    const c = await center.createCounter({ number: 2, serviceIds: [a.id, b.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    const t = await center.issue(kiosk, { serviceId: a.id })
    const pub = async () => (await center.request('GET', `${TICKETS}/${t.id}`)).json()
    await center.action(clerk, c.id, 'call-next')
    expect((await pub()).recalls).toBeUndefined()
    await center.action(clerk, c.id, 'recall')
    expect(await pub()).toMatchObject({ status: 'called', recalls: 1 })
    await center.action(clerk, c.id, 'recall')
    expect((await pub()).recalls).toBe(2)
    await center.action(clerk, c.id, 'start')
    expect((await pub()).recalls).toBeUndefined()
    await center.action(clerk, c.id, 'transfer', { serviceId: b.id })
    expect(await pub()).toMatchObject({
      status: 'waiting',
      serviceNameEn: 'Reconciliation requests',
      movedFrom: { nameAr: 'رخص البناء', nameEn: 'Building permits' },
    })
    // called at the new service: a fresh call, no recall carried over, and no longer "moved"
    await center.action(clerk, c.id, 'call-next')
    const called = await pub()
    expect(called.status).toBe('called')
    expect(called.recalls).toBeUndefined()
    expect(called.movedFrom).toBeUndefined()
  })

  it('the phone is stored but no API answer carries it', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    const t = await center.issue(kiosk, { serviceId: a.id, phone: PHONE })
    expect(rows<{ phone: string }>(center, 'SELECT phone FROM tickets WHERE id = ?', t.id)[0].phone).toBe(PHONE)
    const answers = [
      await center.request('GET', TICKETS, { token: clerk }),
      await center.action(clerk, c.id, 'call-next'),
      await center.action(clerk, c.id, 'recall'),
      await center.request('GET', `${TICKETS}/${t.id}`),
      await center.request('GET', '/api/v1/stats/today', { token: await center.admin() }),
    ]
    for (const res of answers) {
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain('1001234567')
    }
    // nor does the event log
    expect(JSON.stringify(rows(center, 'SELECT * FROM events'))).not.toContain('1001234567')
  })

  it('an unknown id → 404 TABOUR_ERR_TICKET_NOT_FOUND; an over-long id → 400', async () => {
    center = await TestCenter.start()
    expectError(await center.request('GET', `${TICKETS}/AAAAAAAAAAAAAAAAAAAAAA`), 404, 'TABOUR_ERR_TICKET_NOT_FOUND')
    expectError(await center.request('GET', `${TICKETS}/${'x'.repeat(65)}`), 400, 'TABOUR_ERR_VALIDATION')
  })

  it('works with any token too, and a garbage token does not hide it', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const t = await center.issue(kiosk, { serviceId: a.id })
    expect((await center.request('GET', `${TICKETS}/${t.id}`, { token: kiosk })).statusCode).toBe(200)
    expect((await center.request('GET', `${TICKETS}/${t.id}`, { token: 'garbage' })).statusCode).toBe(200)
  })
})

describe('GET /api/v1/tickets (the live queue, staff)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('lists waiting, called and serving tickets, not finished ones', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    for (let i = 0; i < 3; i++) await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, c.id, 'call-next')
    await center.action(clerk, c.id, 'no-show')
    await center.action(clerk, c.id, 'call-next')
    const live = (await center.request('GET', TICKETS, { token: clerk })).json()
    expect(live.map((t: { label: string; status: string }) => `${t.label}:${t.status}`)).toEqual(['A-002:called', 'A-003:waiting'])
    expect(Object.keys(live[0]).sort()).toEqual(
      [
        'calledAt',
        'counterId',
        'finishedAt',
        'id',
        'issuedAt',
        'label',
        'lang',
        // the called one: when its no-show is accepted (the clerk's console waits for it)
        'noShowAllowed',
        'number',
        'outcome',
        'priority',
        'recallCount',
        'serviceId',
        'startedAt',
        'status',
        'targetCounterId',
        'transferCount',
      ].sort(),
    )
  })

  it('is for staff only: a kiosk cannot list tickets', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    for (const who of ['admin', 'manager', 'clerk'] as const)
      expect((await center.request('GET', TICKETS, { token: callers[who] })).statusCode).toBe(200)
    await expectAuthRequired(center, { method: 'GET', url: TICKETS })
    await expectForbidden(center, callers, ['kiosk', 'display', 'printer', 'board', 'keypad'], { method: 'GET', url: TICKETS })
  })
})

describe('POST /api/v1/tickets/:id/cancel', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('staff cancel a waiting ticket; it leaves the queue', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = (await center.createUser('clerk1')).token
    const t1 = await center.issue(kiosk, { serviceId: a.id })
    const t2 = await center.issue(kiosk, { serviceId: a.id })
    const res = await center.request('POST', `${TICKETS}/${t1.id}/cancel`, { token: clerk, body: { reason: 'duplicate' } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: t1.id, status: 'cancelled' })
    expect(res.json().finishedAt).not.toBeNull()
    expect((await center.request('GET', `${TICKETS}/${t2.id}`)).json().position).toBe(0)
    expect((await center.request('GET', '/api/v1/services', { token: kiosk })).json()[0].waiting).toBe(1)
    // cancelling again is an illegal move
    expectError(
      await center.request('POST', `${TICKETS}/${t1.id}/cancel`, { token: clerk, body: { reason: 'duplicate' } }),
      409,
      'TABOUR_ERR_ILLEGAL_TRANSITION',
    )
  })

  it('a called ticket cannot be cancelled (409): the counter marks it no-show', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    const t = await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, c.id, 'call-next')
    expectError(
      await center.request('POST', `${TICKETS}/${t.id}/cancel`, { token: await center.admin(), body: { reason: 'duplicate' } }),
      409,
      'TABOUR_ERR_ILLEGAL_TRANSITION',
    )
    expect((await center.request('GET', `${TICKETS}/${t.id}`)).json().status).toBe('called')
  })

  it('an unknown ticket → 404; devices → 403; anonymous → 401', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const a = await center.createService({ prefix: 'A' })
    const t = await center.issue(callers.kiosk, { serviceId: a.id })
    expectError(
      await center.request('POST', `${TICKETS}/nope/cancel`, { token: callers.clerk, body: { reason: 'duplicate' } }),
      404,
      'TABOUR_ERR_TICKET_NOT_FOUND',
    )
    const call = { method: 'POST' as const, url: `${TICKETS}/${t.id}/cancel` }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['kiosk', 'display', 'printer', 'board', 'keypad'], call)
    expect((await center.request('GET', `${TICKETS}/${t.id}`)).json().status).toBe('waiting')
  })
})

describe('the event log', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('holds every step of a ticket, in order, with who and when', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
    const kiosk = await center.createDevice('kiosk')
    const clerk1 = await center.openCounterAs('clerk1', c1.id)
    const clerk2 = await center.openCounterAs('clerk2', c2.id)
    const t = await center.issue(kiosk.token, { serviceId: a.id })
    const steps: [string, string, unknown?][] = [
      [clerk1, `/counters/${c1.id}/call-next`],
      [clerk1, `/counters/${c1.id}/recall`],
      [clerk1, `/counters/${c1.id}/transfer`, { serviceId: b.id }],
      [clerk2, `/counters/${c2.id}/call-next`],
      [clerk2, `/counters/${c2.id}/start`],
      [clerk2, `/counters/${c2.id}/finish`, { outcome: 'served' }],
    ]
    for (const [token, url, body] of steps) {
      clock.advance(30)
      expect((await center.request('POST', `/api/v1${url}`, { token, body })).statusCode).toBe(200)
    }
    const events = rows<{
      type: string
      at: number
      day: string
      counter_id: number | null
      service_id: number
      device_id: number | null
      user_id: number | null
    }>(center, 'SELECT type, at, day, counter_id, service_id, device_id, user_id FROM events WHERE ticket_id = ? ORDER BY id', t.id)
    expect(events.map((e) => e.type)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.recalled',
      'ticket.transferred',
      'ticket.called',
      'ticket.started',
      'ticket.finished',
    ])
    expect(events.map((e) => e.counter_id)).toEqual([null, c1.id, c1.id, c1.id, c2.id, c2.id, c2.id])
    expect(events.map((e) => e.service_id)).toEqual([a.id, a.id, a.id, a.id, b.id, b.id, b.id])
    expect(events[0].device_id).toBe(kiosk.id)
    expect(events.slice(1).every((e) => e.user_id !== null && e.device_id === null)).toBe(true)
    // times never go backwards and all fall on the same local day
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((x, y) => x - y))
    expect(new Set(events.map((e) => e.day))).toEqual(new Set(['2026-03-10']))
  })

  it('is append-only: UPDATE and DELETE on events fail', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    await center.issue(kiosk, { serviceId: a.id })
    const db = center.app.tabour.db
    const before = rows(center, 'SELECT * FROM events ORDER BY id')
    expect(before.length).toBeGreaterThan(0)
    expect(() => db.prepare("UPDATE events SET type = 'ticket.forged'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/)
    expect(rows(center, 'SELECT * FROM events ORDER BY id')).toEqual(before)
  })
})
