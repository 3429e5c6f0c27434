import { afterEach, describe, expect, it } from 'vitest'
import { STAFF_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'
import { validateConfig } from '../../../server/config.ts'
import { expectAuthRequired, expectForbidden, makeCallers } from './route-helpers.ts'

/**
 * What the clerk's console needs from the server beyond the counter actions: its own day's
 * figures (GET /stats/me), the finish outcomes (config, GET /center), and an audit trail that
 * names the clerk for a ticket called out of order and for a ticket issued at reception.
 */

interface EventRow {
  type: string
  user_id: number | null
  device_id: number | null
  counter_id: number | null
  data: string
}

function eventsOf(center: TestCenter, ticketId: string): EventRow[] {
  return center.app.tabour.db
    .prepare('SELECT type, user_id, device_id, counter_id, data FROM events WHERE ticket_id = ? ORDER BY id')
    .all(ticketId) as EventRow[]
}

describe('GET /api/v1/stats/me', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it("gives the calling clerk's own figures for today, not another clerk's", async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const t0 = clock.now
    const at = (s: number) => (clock.now = t0 + s * 1000)
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const { id: clerkId, token: clerk } = await center.createUser('clerk1')
    expect((await center.action(clerk, c1.id, 'open')).statusCode).toBe(200)
    const other = await center.openCounterAs('clerk2', c2.id)
    for (let i = 0; i < 4; i++) await center.issue(kiosk, { serviceId: a.id })

    // an empty day first: zeros and no mean
    let res = await center.request('GET', '/api/v1/stats/me', { token: clerk })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      day: '2026-03-10',
      userId: clerkId,
      issued: 0,
      called: 0,
      served: 0,
      noShow: 0,
      transferredOut: 0,
      avgServiceSeconds: null,
    })

    const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
      const r = await p
      expect(r.statusCode, r.body).toBe(200)
    }
    at(60)
    await ok(center.action(clerk, c1.id, 'call-next'))
    await ok(center.action(clerk, c1.id, 'start'))
    at(160)
    await ok(center.action(clerk, c1.id, 'finish', { outcome: 'served' })) // 100 s
    await ok(center.action(clerk, c1.id, 'call-next'))
    await ok(center.action(clerk, c1.id, 'start'))
    at(460)
    await ok(center.action(clerk, c1.id, 'finish', { outcome: 'referred', note: 'to the traffic unit' })) // 300 s
    await ok(center.action(clerk, c1.id, 'call-next'))
    await ok(center.action(clerk, c1.id, 'no-show'))
    await ok(center.action(clerk, c1.id, 'call-next'))
    await ok(center.action(clerk, c1.id, 'transfer', { serviceId: b.id }))
    await center.issue(clerk, { serviceId: b.id })
    // the other clerk's work does not count for this one
    await center.issue(kiosk, { serviceId: a.id })
    await ok(center.action(other, c2.id, 'call-next'))

    res = await center.request('GET', '/api/v1/stats/me', { token: clerk })
    expect(res.json()).toEqual({
      day: '2026-03-10',
      userId: clerkId,
      issued: 1,
      called: 4,
      served: 2,
      noShow: 1,
      transferredOut: 1,
      avgServiceSeconds: 200,
    })
    const theirs = (await center.request('GET', '/api/v1/stats/me', { token: other })).json()
    expect(theirs).toMatchObject({ called: 1, served: 0, avgServiceSeconds: null })

    // the next local day starts from zero
    clock.set('2026-03-11T06:00:00Z')
    const tomorrow = await center.login('clerk1', STAFF_PASSWORD)
    expect((await center.request('GET', '/api/v1/stats/me', { token: tomorrow })).json()).toMatchObject({
      day: '2026-03-11',
      called: 0,
      served: 0,
    })
  })

  it('is for staff only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    for (const who of ['admin', 'manager', 'clerk'] as const) {
      expect((await center.request('GET', '/api/v1/stats/me', { token: callers[who] })).statusCode, who).toBe(200)
    }
    await expectAuthRequired(center, { method: 'GET', url: '/api/v1/stats/me' })
    await expectForbidden(center, callers, ['kiosk', 'display', 'printer', 'board', 'keypad'], { method: 'GET', url: '/api/v1/stats/me' })
  })
})

describe('finish outcomes (queue.finishOutcomes)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('default to served, referred, incomplete papers and other, in both languages', () => {
    const config = validateConfig({})
    expect(config.queue.finishOutcomes.map((o) => o.code)).toEqual(['served', 'referred', 'incomplete_papers', 'other'])
    for (const o of config.queue.finishOutcomes) {
      expect(o.nameAr).toMatch(/\p{Script=Arabic}/u)
      expect(o.nameEn).not.toBe('')
    }
  })

  it('are configurable, shown by GET /center, and refused when duplicated or empty', async () => {
    const outcomes = [
      { code: 'done', nameAr: 'تم', nameEn: 'Done' },
      { code: 'account_opened', nameAr: 'فُتح الحساب', nameEn: 'Account opened' },
    ]
    center = await TestCenter.start({ config: { queue: { finishOutcomes: outcomes } } })
    const clerk = (await center.createUser('clerk1')).token
    const res = await center.request('GET', '/api/v1/center', { token: clerk })
    expect(res.statusCode).toBe(200)
    expect(res.json().finishOutcomes).toEqual(outcomes)
    expect(() => validateConfig({ queue: { finishOutcomes: [outcomes[0], outcomes[0]] } })).toThrow(/finishOutcomes codes must be unique/)
    expect(() => validateConfig({ queue: { finishOutcomes: [] } })).toThrow(/finishOutcomes/)
    expect(() => validateConfig({ queue: { finishOutcomes: [{ code: 'Bad Code', nameAr: 'س', nameEn: 'x' }] } })).toThrow(/finishOutcomes/)
  })

  it('finish records the chosen outcome and the note in the event log', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', c.id)
    const t = await center.issue((await center.createDevice('kiosk')).token, { serviceId: a.id })
    await center.action(clerk, c.id, 'call-next')
    await center.action(clerk, c.id, 'start')
    const res = await center.action(clerk, c.id, 'finish', { outcome: 'incomplete_papers', note: 'missing birth certificate' })
    expect(res.statusCode).toBe(200)
    expect(res.json().ticket).toMatchObject({ status: 'done', outcome: 'incomplete_papers' })
    const finished = eventsOf(center, t.id).find((e) => e.type === 'ticket.finished')!
    expect(JSON.parse(finished.data)).toMatchObject({ outcome: 'incomplete_papers', note: 'missing birth certificate' })
  })
})

describe('the audit trail of what a clerk does out of the ordinary', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('a ticket called by id out of order names the clerk and says it was specific', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const { id: clerkId, token: clerk } = await center.createUser('clerk1')
    await center.action(clerk, c.id, 'open')
    const kiosk = (await center.createDevice('kiosk')).token
    await center.issue(kiosk, { serviceId: a.id })
    const later = await center.issue(kiosk, { serviceId: a.id })
    const res = await center.action(clerk, c.id, 'call', { ticketId: later.id })
    expect(res.statusCode).toBe(200)
    expect(res.json().ticket).toMatchObject({ id: later.id, status: 'called', counterId: c.id })
    const called = eventsOf(center, later.id).find((e) => e.type === 'ticket.called')!
    expect(called).toMatchObject({ user_id: clerkId, device_id: null, counter_id: c.id })
    expect(JSON.parse(called.data)).toMatchObject({ how: 'specific' })

    // a call by policy says so too, so a report can tell the two apart
    await center.action(clerk, c.id, 'no-show')
    const next = (await center.action(clerk, c.id, 'call-next')).json().ticket
    const byPolicy = eventsOf(center, next.id).find((e) => e.type === 'ticket.called')!
    expect(JSON.parse(byPolicy.data)).toMatchObject({ how: 'policy' })
    expect(byPolicy.user_id).toBe(clerkId)
  })

  it('a ticket issued by a clerk at reception names the clerk, not a device', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const { id: clerkId, token: clerk } = await center.createUser('clerk1')
    const res = await center.request('POST', '/api/v1/tickets', {
      token: clerk,
      body: { serviceId: a.id, priority: 'elderly' },
      headers: { 'idempotency-key': 'walk-in-1' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ label: 'A-001', priority: 'elderly', printing: 'none' })
    const issued = eventsOf(center, res.json().id)
    expect(issued).toHaveLength(1)
    expect(issued[0]).toMatchObject({ type: 'ticket.issued', user_id: clerkId, device_id: null })
    const row = center.app.tabour.db
      .prepare('SELECT issued_by_type AS type, issued_by_id AS id FROM tickets WHERE id = ?')
      .get(res.json().id)
    expect(row).toEqual({ type: 'user', id: clerkId })
  })

  it('a clerk cannot act on a counter another clerk opened (403 TABOUR_ERR_NOT_YOUR_COUNTER)', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', c.id)
    const intruder = (await center.createUser('clerk2')).token
    for (const action of ['call-next', 'pause', 'close']) {
      const res = await center.action(intruder, c.id, action)
      expect(res.statusCode, action).toBe(403)
      expect(res.json().code).toBe('TABOUR_ERR_NOT_YOUR_COUNTER')
    }
    const open = await center.action(intruder, c.id, 'open')
    expect(open.statusCode).toBe(409)
    expect(open.json().code).toBe('TABOUR_ERR_COUNTER_TAKEN')
  })
})
