import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectAuthRequired, expectError, expectForbidden, makeCallers, rawRequest, rows } from './route-helpers.ts'

const ACTIONS = ['open', 'pause', 'close', 'call-next', 'call', 'recall', 'start', 'finish', 'no-show', 'transfer'] as const

/** One service A, counter 1 serving it, a kiosk and a clerk at counter 1. */
async function setup(options: { clock?: TestClock; config?: Record<string, unknown> } = {}) {
  const center = await TestCenter.start(options)
  const a = await center.createService({ prefix: 'A' })
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const kiosk = await center.createDevice('kiosk')
  const clerk = await center.openCounterAs('clerk1', c1.id)
  return { center, a, c1, kiosk: kiosk.token, clerk }
}

describe('the counter lifecycle', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('open → call-next → recall → start → finish, each answering {counter, ticket}', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const { id: clerkId, token: clerk } = await center.createUser('clerk1')

    const opened = await center.action(clerk, c1.id, 'open')
    expect(opened.statusCode).toBe(200)
    expect(opened.json()).toEqual({
      counter: { ...c1, state: 'open', clerk: { id: clerkId, username: 'clerk1', displayName: 'clerk1' } },
      ticket: null,
    })

    const issued = await center.issue(kiosk.token, { serviceId: a.id })
    clock.advance(90)
    const called = await center.action(clerk, c1.id, 'call-next')
    expect(called.statusCode).toBe(200)
    expect(Object.keys(called.json()).sort()).toEqual(['counter', 'ticket'])
    expect(called.json().counter).toMatchObject({ state: 'open', currentTicketId: issued.id })
    expect(called.json().ticket).toMatchObject({
      id: issued.id,
      label: 'A-001',
      status: 'called',
      counterId: c1.id,
      calledAt: new Date(clock.now).toISOString(),
      recallCount: 0,
    })
    expect(called.body).not.toContain('phone')

    clock.advance(30)
    const recalled = await center.action(clerk, c1.id, 'recall')
    expect(recalled.json().ticket).toMatchObject({ status: 'called', recallCount: 1 })
    const again = await center.action(clerk, c1.id, 'recall')
    expect(again.json().ticket.recallCount).toBe(2)

    clock.advance(10)
    const started = await center.action(clerk, c1.id, 'start')
    expect(started.json().ticket).toMatchObject({ status: 'serving', startedAt: new Date(clock.now).toISOString() })
    expect(started.json().counter.currentTicketId).toBe(issued.id)

    clock.advance(240)
    const finished = await center.action(clerk, c1.id, 'finish', { outcome: 'served', note: 'renewed ID card' })
    expect(finished.statusCode).toBe(200)
    expect(finished.json().ticket).toMatchObject({ status: 'done', outcome: 'served', finishedAt: new Date(clock.now).toISOString() })
    expect(finished.json().counter).toMatchObject({ state: 'open', currentTicketId: null })

    // the public status follows
    const pub = (await center.request('GET', `/api/v1/tickets/${issued.id}`)).json()
    expect(pub).toMatchObject({ status: 'done', counter: null })
  })

  it('finish without an outcome records none, as its event does (it recorded "served": s51)', async () => {
    const s = await setup()
    center = s.center
    await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk, s.c1.id, 'call-next')
    await center.action(s.clerk, s.c1.id, 'start')
    expect((await center.action(s.clerk, s.c1.id, 'finish')).json().ticket.outcome).toBeNull()
  })

  it('call-next with nobody waiting answers 200 with ticket: null', async () => {
    const s = await setup()
    center = s.center
    const res = await center.action(s.clerk, s.c1.id, 'call-next')
    expect(res.statusCode).toBe(200)
    expect(res.json().ticket).toBeNull()
    expect(res.json().counter).toMatchObject({ id: s.c1.id, state: 'open', currentTicketId: null })
    // an empty JSON object is as good as no body
    expect((await center.action(s.clerk, s.c1.id, 'call-next', {})).statusCode).toBe(200)
    // and so is no body sent as JSON, as curl -H and most HTTP libraries send it (it was 400 "Body cannot be empty", s49)
    const json = { authorization: `Bearer ${s.clerk}`, 'content-type': 'application/json' }
    for (const action of ['call-next', 'pause', 'open']) {
      const bare = await rawRequest(center, 'POST', `/api/v1/counters/${s.c1.id}/${action}`, '', json)
      expect(bare.statusCode, `${action}: ${bare.body}`).toBe(200)
    }
  })

  it('calls tickets first in, first out and never the same ticket twice', async () => {
    const s = await setup()
    center = s.center
    const c2 = await center.createCounter({ number: 2, serviceIds: [s.a.id] })
    const clerk2 = await center.openCounterAs('clerk2', c2.id)
    const t1 = await center.issue(s.kiosk, { serviceId: s.a.id })
    const t2 = await center.issue(s.kiosk, { serviceId: s.a.id })
    expect((await center.action(s.clerk, s.c1.id, 'call-next')).json().ticket.id).toBe(t1.id)
    expect((await center.action(clerk2, c2.id, 'call-next')).json().ticket.id).toBe(t2.id)
    await center.action(s.clerk, s.c1.id, 'no-show')
    expect((await center.action(s.clerk, s.c1.id, 'call-next')).json().ticket).toBeNull()
  })

  it('no-show: a called ticket is marked no_show and the counter is free', async () => {
    const s = await setup()
    center = s.center
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk, s.c1.id, 'call-next')
    const res = await center.action(s.clerk, s.c1.id, 'no-show')
    expect(res.statusCode).toBe(200)
    expect(res.json().ticket).toMatchObject({ id: t.id, status: 'no_show' })
    expect(res.json().ticket.finishedAt).not.toBeNull()
    expect(res.json().counter.currentTicketId).toBeNull()
  })

  it('call-next while a ticket is current → 409 TABOUR_ERR_COUNTER_BUSY', async () => {
    const s = await setup()
    center = s.center
    await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk, s.c1.id, 'call-next')
    expectError(await center.action(s.clerk, s.c1.id, 'call-next'), 409, 'TABOUR_ERR_COUNTER_BUSY')
    await center.action(s.clerk, s.c1.id, 'start')
    expectError(await center.action(s.clerk, s.c1.id, 'call-next'), 409, 'TABOUR_ERR_COUNTER_BUSY')
    // and pausing or closing with someone at the window is refused the same way
    expectError(await center.action(s.clerk, s.c1.id, 'pause'), 409, 'TABOUR_ERR_COUNTER_BUSY')
    expectError(await center.action(s.clerk, s.c1.id, 'close'), 409, 'TABOUR_ERR_COUNTER_BUSY')
    // the second ticket is still waiting
    const live = (await center.request('GET', '/api/v1/tickets', { token: s.clerk })).json()
    expect(live.map((t: { label: string; status: string }) => `${t.label}:${t.status}`)).toEqual(['A-001:serving', 'A-002:waiting'])
  })

  it('illegal lifecycle moves → 409 TABOUR_ERR_ILLEGAL_TRANSITION', async () => {
    const s = await setup()
    center = s.center
    await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk, s.c1.id, 'call-next')
    // finish from called, without start
    expectError(await center.action(s.clerk, s.c1.id, 'finish', { outcome: 'served' }), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
    await center.action(s.clerk, s.c1.id, 'start')
    // the person showed up: not a no-show; already serving: cannot start or recall
    expectError(await center.action(s.clerk, s.c1.id, 'no-show'), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
    expectError(await center.action(s.clerk, s.c1.id, 'start'), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
    expectError(await center.action(s.clerk, s.c1.id, 'recall'), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
    // nothing changed
    const counter = (await center.request('GET', `/api/v1/counters/${s.c1.id}`, { token: s.clerk })).json()
    const ticket = (await center.request('GET', '/api/v1/tickets', { token: s.clerk })).json()[0]
    expect(counter.currentTicketId).toBe(ticket.id)
    expect(ticket).toMatchObject({ status: 'serving', recallCount: 0 })
  })

  it('ticket actions with no current ticket → 409 TABOUR_ERR_COUNTER_IDLE', async () => {
    const s = await setup()
    center = s.center
    await center.issue(s.kiosk, { serviceId: s.a.id })
    for (const [action, body] of [
      ['recall'],
      ['start'],
      ['finish', { outcome: 'x' }],
      ['no-show'],
      ['transfer', { serviceId: s.a.id }],
    ] as const) {
      expectError(await center.action(s.clerk, s.c1.id, action, body), 409, 'TABOUR_ERR_COUNTER_IDLE')
    }
  })

  it('pause stops calls (409 TABOUR_ERR_COUNTER_NOT_OPEN) until the clerk opens it again', async () => {
    const s = await setup()
    center = s.center
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    const paused = await center.action(s.clerk, s.c1.id, 'pause', { reason: 'prayer' })
    expect(paused.statusCode).toBe(200)
    expect(paused.json().counter).toMatchObject({ state: 'paused', pauseReason: 'prayer', clerk: { username: 'clerk1' } })
    expectError(await center.action(s.clerk, s.c1.id, 'call-next'), 409, 'TABOUR_ERR_COUNTER_NOT_OPEN')
    expectError(await center.action(s.clerk, s.c1.id, 'call', { ticketId: t.id }), 409, 'TABOUR_ERR_COUNTER_NOT_OPEN')
    // a paused counter is still held: nobody else may open it
    const { token: other } = await center.createUser('clerk2')
    expectError(await center.action(other, s.c1.id, 'open'), 409, 'TABOUR_ERR_COUNTER_TAKEN')

    const resumed = await center.action(s.clerk, s.c1.id, 'open')
    expect(resumed.json().counter).toMatchObject({ state: 'open', pauseReason: null })
    expect((await center.action(s.clerk, s.c1.id, 'call-next')).json().ticket.id).toBe(t.id)
    const types = rows<{ type: string }>(center, "SELECT type FROM events WHERE type LIKE 'counter.%' ORDER BY id").map((e) => e.type)
    expect(types).toEqual(['counter.opened', 'counter.paused', 'counter.resumed'])
  })

  it('close releases the counter: actions are 409 TABOUR_ERR_COUNTER_NOT_OPEN and the clerk may go elsewhere', async () => {
    const s = await setup()
    center = s.center
    const c2 = await center.createCounter({ number: 2, serviceIds: [s.a.id] })
    const closed = await center.action(s.clerk, s.c1.id, 'close')
    expect(closed.statusCode).toBe(200)
    expect(closed.json().counter).toMatchObject({ state: 'closed', clerk: null })
    for (const action of ['call-next', 'recall', 'pause', 'close']) {
      expectError(await center.action(s.clerk, s.c1.id, action), 409, 'TABOUR_ERR_COUNTER_NOT_OPEN')
    }
    expect((await center.action(s.clerk, c2.id, 'open')).statusCode).toBe(200)
    // and anyone may open the closed one
    expect((await center.openCounterAs('clerk2', s.c1.id)).length).toBeGreaterThan(0)
  })

  it('opening twice is harmless', async () => {
    const s = await setup()
    center = s.center
    const res = await center.action(s.clerk, s.c1.id, 'open')
    expect(res.statusCode).toBe(200)
    expect(res.json().counter.state).toBe('open')
    expect(rows(center, "SELECT id FROM events WHERE type = 'counter.opened'")).toHaveLength(1)
  })
})

describe('who may act at a counter', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('another clerk opening a held counter → 409 TABOUR_ERR_COUNTER_TAKEN, even asking for takeover', async () => {
    const s = await setup()
    center = s.center
    const { token: other } = await center.createUser('clerk2')
    expectError(await center.action(other, s.c1.id, 'open'), 409, 'TABOUR_ERR_COUNTER_TAKEN')
    expectError(await center.action(other, s.c1.id, 'open', { takeover: true }), 409, 'TABOUR_ERR_COUNTER_TAKEN')
  })

  it('a clerk at one counter opening another → 409 TABOUR_ERR_CLERK_AT_OTHER_COUNTER', async () => {
    const s = await setup()
    center = s.center
    const c2 = await center.createCounter({ number: 2, serviceIds: [s.a.id] })
    expectError(await center.action(s.clerk, c2.id, 'open'), 409, 'TABOUR_ERR_CLERK_AT_OTHER_COUNTER')
    expect((await center.request('GET', `/api/v1/counters/${c2.id}`, { token: s.clerk })).json().state).toBe('closed')
  })

  it('another clerk acting on your counter → 403 TABOUR_ERR_NOT_YOUR_COUNTER, for every action', async () => {
    const s = await setup()
    center = s.center
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    const { token: other } = await center.createUser('clerk2')
    const bodies: Record<string, unknown> = { call: { ticketId: t.id }, transfer: { serviceId: s.a.id }, finish: { outcome: 'x' } }
    for (const action of ACTIONS.filter((a) => a !== 'open')) {
      expectError(await center.action(other, s.c1.id, action, bodies[action]), 403, 'TABOUR_ERR_NOT_YOUR_COUNTER')
    }
    // a manager without takeover is no different
    const manager = await center.createUser('boss', 'manager')
    expectError(await center.action(manager.token, s.c1.id, 'call-next'), 403, 'TABOUR_ERR_NOT_YOUR_COUNTER')
    // nothing happened
    expect((await center.request('GET', `/api/v1/tickets/${t.id}`)).json().status).toBe('waiting')
  })

  it('a manager with {takeover: true} takes a held counter; the clerk loses it', async () => {
    const s = await setup()
    center = s.center
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    const manager = await center.createUser('boss', 'manager')
    expectError(await center.action(manager.token, s.c1.id, 'open'), 409, 'TABOUR_ERR_COUNTER_TAKEN')
    const taken = await center.action(manager.token, s.c1.id, 'open', { takeover: true })
    expect(taken.statusCode).toBe(200)
    expect(taken.json().counter).toMatchObject({ state: 'open', clerk: { id: manager.id, username: 'boss' } })
    expectError(await center.action(s.clerk, s.c1.id, 'call-next'), 403, 'TABOUR_ERR_NOT_YOUR_COUNTER')
    expect((await center.action(manager.token, s.c1.id, 'call-next')).json().ticket.id).toBe(t.id)
    const takeover = rows<{ data: string }>(center, "SELECT data FROM events WHERE type = 'counter.taken_over'")
    expect(takeover).toHaveLength(1)
    // the clerk who lost the counter may open another one
    const c2 = await center.createCounter({ number: 2, serviceIds: [s.a.id] })
    expect((await center.action(s.clerk, c2.id, 'open')).statusCode).toBe(200)
  })

  it('an admin may take over too', async () => {
    const s = await setup()
    center = s.center
    const taken = await center.action(await center.admin(), s.c1.id, 'open', { takeover: true })
    expect(taken.statusCode).toBe(200)
    expect(taken.json().counter.clerk.username).toBe('admin')
  })

  it('devices cannot work a counter (403), anonymous callers get 401, on every action', async () => {
    const s = await setup()
    center = s.center
    const callers = await makeCallers(center)
    for (const action of ACTIONS) {
      const call = { method: 'POST' as const, url: `/api/v1/counters/${s.c1.id}/${action}` }
      await expectAuthRequired(center, call)
      await expectForbidden(center, callers, ['kiosk', 'display', 'printer', 'board', 'keypad'], call)
    }
  })

  it('an unknown counter → 404 TABOUR_ERR_COUNTER_NOT_FOUND; a bad id → 400', async () => {
    const s = await setup()
    center = s.center
    for (const action of ['open', 'call-next', 'pause', 'close', 'recall']) {
      expectError(await center.action(s.clerk, 99, action), 404, 'TABOUR_ERR_COUNTER_NOT_FOUND')
    }
    expectError(await center.request('POST', '/api/v1/counters/x/open', { token: s.clerk }), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await center.request('POST', '/api/v1/counters/0/open', { token: s.clerk }), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await center.request('POST', `/api/v1/counters/${s.c1.id}/explode`, { token: s.clerk }), 404, 'TABOUR_ERR_ROUTE_NOT_FOUND')
  })

  it('refuses bad bodies with 400 and never a 500', async () => {
    const s = await setup()
    center = s.center
    await center.issue(s.kiosk, { serviceId: s.a.id })
    const cases: [string, unknown][] = [
      ['open', { takeover: 'yes' }],
      ['open', { takeover: 1 }],
      ['pause', { reason: 5 }],
      ['pause', { reason: 'x'.repeat(201) }],
      // a reason is a code, never the clerk's own-language label (it used to be stored as typed)
      ['pause', { reason: 'صلاة' }],
      ['pause', { reason: 'Prayer' }],
      ['finish', { outcome: '' }],
      ['finish', { outcome: 7 }],
      ['finish', { note: 'x'.repeat(501) }],
      ['call', {}],
      ['call', { ticketId: '' }],
      ['call', { ticketId: 5 }],
      ['call', { ticketId: 'x'.repeat(65) }],
      ['transfer', {}],
      ['transfer', { serviceId: '1' }],
      ['transfer', { serviceId: true }],
      ['transfer', { counterId: 0 }],
      ['transfer', { serviceId: 1.5 }],
      ['call-next', []],
    ]
    for (const [action, body] of cases) {
      const res = await center.action(s.clerk, s.c1.id, action, body)
      expect(res.statusCode, `${action} ${JSON.stringify(body)} → ${res.body}`).toBe(400)
      expect(['TABOUR_ERR_VALIDATION', 'TABOUR_ERR_BAD_BODY']).toContain(res.json().code)
    }
    const auth = { authorization: `Bearer ${s.clerk}`, 'content-type': 'application/json' }
    expectError(await rawRequest(center, 'POST', `/api/v1/counters/${s.c1.id}/call-next`, '{', auth), 400, 'TABOUR_ERR_BAD_BODY')
    expectError(await rawRequest(center, 'POST', `/api/v1/counters/${s.c1.id}/finish`, '{"outcome":', auth), 400, 'TABOUR_ERR_BAD_BODY')
    // none of that touched the queue
    expect((await center.action(s.clerk, s.c1.id, 'call-next')).json().ticket.label).toBe('A-001')
  })
})

describe('transfer', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  /** Service A at counter 1, service B at counter 2; A-001 issued at t0, B-001 at t0+60 s, then A-001 called at counter 1. */
  async function transferScene(transferKeepsIssueTime: boolean) {
    const clock = new TestClock()
    const c = await TestCenter.start({ clock, config: { queue: { transferKeepsIssueTime } } })
    const a = await c.createService({ prefix: 'A' })
    const b = await c.createService({ prefix: 'B' })
    const c1 = await c.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await c.createCounter({ number: 2, serviceIds: [b.id] })
    const kiosk = (await c.createDevice('kiosk')).token
    const clerk1 = await c.openCounterAs('clerk1', c1.id)
    const clerk2 = await c.openCounterAs('clerk2', c2.id)
    const a1 = await c.issue(kiosk, { serviceId: a.id })
    clock.advance(60)
    const b1 = await c.issue(kiosk, { serviceId: b.id })
    clock.advance(60)
    await c.action(clerk1, c1.id, 'call-next')
    clock.advance(60)
    return { center: c, clock, a, b, c1, c2, kiosk, clerk1, clerk2, a1, b1 }
  }

  it('to a service: back to waiting there with its label; with transferKeepsIssueTime it goes before later tickets', async () => {
    const s = await transferScene(true)
    center = s.center
    const res = await center.action(s.clerk1, s.c1.id, 'transfer', { serviceId: s.b.id })
    expect(res.statusCode).toBe(200)
    expect(res.json().ticket).toMatchObject({
      id: s.a1.id,
      label: 'A-001',
      serviceId: s.b.id,
      status: 'waiting',
      counterId: null,
      targetCounterId: null,
      transferCount: 1,
    })
    // its place is still its issue time: no queuedAt of its own on the wire
    expect(res.json().ticket.queuedAt).toBeUndefined()
    expect(res.json().counter.currentTicketId).toBeNull()
    const pub = (await center.request('GET', `/api/v1/tickets/${s.a1.id}`)).json()
    expect(pub).toMatchObject({ label: 'A-001', serviceId: s.b.id, status: 'waiting', position: 0, counter: null })
    // counter 1 (service A) no longer sees it
    expect((await center.action(s.clerk1, s.c1.id, 'call-next')).json().ticket).toBeNull()
    // counter 2 gets it before B-001, which came later
    expect((await center.action(s.clerk2, s.c2.id, 'call-next')).json().ticket).toMatchObject({
      id: s.a1.id,
      label: 'A-001',
      status: 'called',
    })
    await center.action(s.clerk2, s.c2.id, 'no-show')
    expect((await center.action(s.clerk2, s.c2.id, 'call-next')).json().ticket.id).toBe(s.b1.id)
  })

  it('to a service with transferKeepsIssueTime false: it goes to the back of that line', async () => {
    const s = await transferScene(false)
    center = s.center
    const moved = (await center.action(s.clerk1, s.c1.id, 'transfer', { serviceId: s.b.id })).json().ticket
    // staff see its new place in the line (the console orders by it, as the call policy does)
    expect(moved.queuedAt).toBe(new Date(s.clock.now).toISOString())
    expect(moved.issuedAt).not.toBe(moved.queuedAt)
    expect((await center.request('GET', `/api/v1/tickets/${s.a1.id}`)).json().position).toBe(1)
    expect((await center.action(s.clerk2, s.c2.id, 'call-next')).json().ticket.id).toBe(s.b1.id)
    await center.action(s.clerk2, s.c2.id, 'no-show')
    expect((await center.action(s.clerk2, s.c2.id, 'call-next')).json().ticket.id).toBe(s.a1.id)
  })

  it('from serving, and it is logged', async () => {
    const s = await transferScene(true)
    center = s.center
    await center.action(s.clerk1, s.c1.id, 'start')
    const res = await center.action(s.clerk1, s.c1.id, 'transfer', { serviceId: s.b.id })
    expect(res.json().ticket).toMatchObject({ status: 'waiting', serviceId: s.b.id })
    const ev = rows<{ type: string; data: string }>(center, "SELECT type, data FROM events WHERE type = 'ticket.transferred'")
    expect(ev).toHaveLength(1)
    expect(JSON.parse(ev[0].data)).toMatchObject({ fromServiceId: s.a.id, toServiceId: s.b.id, toCounterId: null })
  })

  it('to a counter: only that counter gets it, and first', async () => {
    const s = await transferScene(true)
    center = s.center
    // counter 3 also serves A; counter 2 serves only B
    const c3 = await center.createCounter({ number: 3, serviceIds: [s.a.id] })
    const clerk3 = await center.openCounterAs('clerk3', c3.id)
    const a2 = await center.issue(s.kiosk, { serviceId: s.a.id })
    const res = await center.action(s.clerk1, s.c1.id, 'transfer', { counterId: s.c2.id })
    expect(res.statusCode).toBe(200)
    expect(res.json().ticket).toMatchObject({
      id: s.a1.id,
      serviceId: s.a.id,
      status: 'waiting',
      targetCounterId: s.c2.id,
      transferCount: 1,
    })
    // counter 3 serves A but was not named: it gets A-002, not A-001
    expect((await center.action(clerk3, c3.id, 'call-next')).json().ticket.id).toBe(a2.id)
    expectError(await center.action(clerk3, c3.id, 'call', { ticketId: s.a1.id }), 409, 'TABOUR_ERR_COUNTER_BUSY')
    await center.action(clerk3, c3.id, 'no-show')
    expectError(await center.action(clerk3, c3.id, 'call', { ticketId: s.a1.id }), 422, 'TABOUR_ERR_SERVICE_NOT_AT_COUNTER')
    // counter 2 gets it ahead of its own older B-001, although it does not serve A
    expect((await center.action(s.clerk2, s.c2.id, 'call-next')).json().ticket).toMatchObject({ id: s.a1.id, counterId: s.c2.id })
    await center.action(s.clerk2, s.c2.id, 'no-show')
    expect((await center.action(s.clerk2, s.c2.id, 'call-next')).json().ticket.id).toBe(s.b1.id)
  })

  it('refuses bad targets: unknown service or counter (404), inactive service, disabled counter or own counter (422)', async () => {
    const s = await transferScene(true)
    center = s.center
    const token = await center.admin()
    const off = await center.createService({ prefix: 'Z' })
    await center.request('PATCH', `/api/v1/services/${off.id}`, { token, body: { active: false } })
    // a disabled counter cannot be opened: a ticket sent there would wait for nobody (it was accepted)
    const disabled = await center.createCounter({ number: 9, serviceIds: [s.a.id] })
    expect((await center.request('PATCH', `/api/v1/counters/${disabled.id}`, { token, body: { active: false } })).statusCode).toBe(200)
    expectError(await center.action(s.clerk1, s.c1.id, 'transfer', { counterId: disabled.id }), 422, 'TABOUR_ERR_TRANSFER_COUNTER_INACTIVE')
    expectError(await center.action(s.clerk1, s.c1.id, 'transfer', { serviceId: 99 }), 404, 'TABOUR_ERR_SERVICE_NOT_FOUND')
    expectError(await center.action(s.clerk1, s.c1.id, 'transfer', { counterId: 99 }), 404, 'TABOUR_ERR_COUNTER_NOT_FOUND')
    expectError(await center.action(s.clerk1, s.c1.id, 'transfer', { serviceId: off.id }), 422, 'TABOUR_ERR_SERVICE_INACTIVE')
    expectError(await center.action(s.clerk1, s.c1.id, 'transfer', { counterId: s.c1.id }), 422, 'TABOUR_ERR_TRANSFER_TARGET')
    // still at counter 1, still called
    const counter = (await center.request('GET', `/api/v1/counters/${s.c1.id}`, { token })).json()
    expect(counter.currentTicketId).toBe(s.a1.id)
    expect((await center.request('GET', `/api/v1/tickets/${s.a1.id}`)).json().status).toBe('called')
    expect(rows(center, "SELECT id FROM events WHERE type = 'ticket.transferred'")).toHaveLength(0)
  })
})

describe('calling a specific ticket', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('calls the ticket named, out of order, and logs how', async () => {
    const s = await setup()
    center = s.center
    await center.issue(s.kiosk, { serviceId: s.a.id })
    const t2 = await center.issue(s.kiosk, { serviceId: s.a.id })
    const res = await center.action(s.clerk, s.c1.id, 'call', { ticketId: t2.id })
    expect(res.statusCode).toBe(200)
    expect(res.json().ticket).toMatchObject({ id: t2.id, label: 'A-002', status: 'called', counterId: s.c1.id })
    const ev = rows<{ data: string }>(center, "SELECT data FROM events WHERE type = 'ticket.called'")
    expect(JSON.parse(ev[0].data).how).toBe('specific')
  })

  it('refuses an unknown ticket (404) and one that is not waiting (409)', async () => {
    const s = await setup()
    center = s.center
    const c2 = await center.createCounter({ number: 2, serviceIds: [s.a.id] })
    const clerk2 = await center.openCounterAs('clerk2', c2.id)
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    expectError(await center.action(s.clerk, s.c1.id, 'call', { ticketId: 'no-such-ticket' }), 404, 'TABOUR_ERR_TICKET_NOT_FOUND')
    await center.action(clerk2, c2.id, 'call', { ticketId: t.id })
    expectError(await center.action(s.clerk, s.c1.id, 'call', { ticketId: t.id }), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
    await center.action(clerk2, c2.id, 'no-show')
    expectError(await center.action(s.clerk, s.c1.id, 'call', { ticketId: t.id }), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
  })
})

describe('call policies through the API', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it("with queue.policy 'priority' a later elderly ticket is called first", async () => {
    const clock = new TestClock()
    const s = await setup({ clock, config: { queue: { policy: 'priority' } } })
    center = s.center
    const ordinary = await center.issue(s.kiosk, { serviceId: s.a.id })
    clock.advance(120)
    const elderly = await center.issue(s.kiosk, { serviceId: s.a.id, priority: 'elderly' })
    expect(elderly.priority).toBe('elderly')
    // the public status already puts the priority ticket first
    expect((await center.request('GET', `/api/v1/tickets/${ordinary.id}`)).json().position).toBe(1)
    expect((await center.request('GET', `/api/v1/tickets/${elderly.id}`)).json().position).toBe(0)
    expect((await center.action(s.clerk, s.c1.id, 'call-next')).json().ticket).toMatchObject({ id: elderly.id, priority: 'elderly' })
    await center.action(s.clerk, s.c1.id, 'no-show')
    expect((await center.action(s.clerk, s.c1.id, 'call-next')).json().ticket.id).toBe(ordinary.id)
  })

  it("with queue.policy 'fifo' the earlier ticket goes first whatever its priority", async () => {
    const clock = new TestClock()
    const s = await setup({ clock, config: { queue: { policy: 'fifo' } } })
    center = s.center
    const ordinary = await center.issue(s.kiosk, { serviceId: s.a.id })
    clock.advance(120)
    await center.issue(s.kiosk, { serviceId: s.a.id, priority: 'elderly' })
    expect((await center.action(s.clerk, s.c1.id, 'call-next')).json().ticket.id).toBe(ordinary.id)
  })

  it("with queue.policy 'priority' anti-starvation lets an ordinary ticket through after maxPriorityInARow", async () => {
    const clock = new TestClock()
    const s = await setup({ clock, config: { queue: { policy: 'priority', maxPriorityInARow: 2 } } })
    center = s.center
    const ordinary = await center.issue(s.kiosk, { serviceId: s.a.id })
    for (let i = 0; i < 3; i++) {
      clock.advance(10)
      await center.issue(s.kiosk, { serviceId: s.a.id, priority: 'disabled' })
    }
    const order: string[] = []
    for (let i = 0; i < 4; i++) {
      const t = (await center.action(s.clerk, s.c1.id, 'call-next')).json().ticket
      order.push(`${t.label}:${t.priority}`)
      await center.action(s.clerk, s.c1.id, 'no-show')
    }
    expect(order).toEqual(['A-002:disabled', 'A-003:disabled', `${ordinary.label}:none`, 'A-004:disabled'])
  })

  it('an unknown priority code → 400 TABOUR_ERR_BAD_PRIORITY', async () => {
    const s = await setup({ config: { queue: { policy: 'priority' } } })
    center = s.center
    for (const priority of ['vip', 'ELDERLY', 'toString']) {
      expectError(
        await center.request('POST', '/api/v1/tickets', { token: s.kiosk, body: { serviceId: s.a.id, priority } }),
        400,
        'TABOUR_ERR_BAD_PRIORITY',
      )
    }
    // 'none' is the ordinary queue
    expect((await center.issue(s.kiosk, { serviceId: s.a.id, priority: 'none' })).priority).toBe('none')
    expect(rows(center, 'SELECT id FROM tickets')).toHaveLength(1)
  })
})
