/**
 * Webhook deliveries to real HTTP receivers on loopback, from a center on a real SQLite file
 * whose clock the test drives: an hour of outage is an hour of the center's clock, not of the
 * test's. Signatures are checked with the snippet docs/webhooks.md gives integrators.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { twoStepVisitCenter } from '../upstream/upstream-helpers.ts'
import { documentedVerifier, LOOPBACK_WEBHOOKS, Receiver, type Received } from './webhook-helpers.ts'

const SUBSCRIBED = ['ticket.issued', 'ticket.called', 'ticket.finished', 'counter.opened']

async function setUp(config: Record<string, unknown> = {}) {
  const clock = new TestClock()
  const receiver = await new Receiver(clock.fn).start()
  const center = await TestCenter.start({ clock, config: { webhooks: { ...LOOPBACK_WEBHOOKS, ...config } } })
  const service = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
  const admin = await center.admin()
  const res = await center.request('POST', '/api/v1/webhooks', {
    token: admin,
    body: { url: receiver.url, eventTypes: SUBSCRIBED, description: 'national portal' },
  })
  expect(res.statusCode, res.body).toBe(201)
  const hook = res.json()
  const kiosk = await center.createDevice('kiosk')
  return { clock, receiver, center, service, counter, admin, hook, kiosk, dispatcher: center.app.tabour.webhooks }
}

/** The event ids a subscription must get: every subscribed event after it was made, in log order. */
function expectedEventIds(center: TestCenter, afterEventId = 0): string[] {
  const rows = center.app.tabour.db
    .prepare(`SELECT id FROM events WHERE id > ? AND type IN (${SUBSCRIBED.map(() => '?').join(', ')}) ORDER BY id`)
    .all(afterEventId, ...SUBSCRIBED) as { id: number }[]
  return rows.map((r) => `evt_${r.id}`)
}

const eventIdOf = (r: Received) => (JSON.parse(r.body) as { id: string }).id

describe('webhook deliveries', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c()
  })

  it('a receiver that fails for an hour gets every event, in order, once it recovers, each with a valid signature', async () => {
    const s = await setUp()
    cleanups.push(
      () => s.center.close(),
      () => s.receiver.close(),
    )
    const verify = await documentedVerifier()
    const clerk = await s.center.openCounterAs('clerk1', s.counter.id)
    s.receiver.mode = 'fail'
    // an hour of a working center while the receiver answers 500
    for (let minute = 0; minute < 60; minute += 5) {
      await s.center.issue(s.kiosk.token, { serviceId: s.service.id })
      if (minute % 10 === 0) {
        expect((await s.center.action(clerk, s.counter.id, 'call-next')).statusCode).toBe(200)
        expect((await s.center.action(clerk, s.counter.id, 'start')).statusCode).toBe(200)
        expect((await s.center.action(clerk, s.counter.id, 'finish')).statusCode).toBe(200)
      }
      s.clock.advance(300)
      await s.dispatcher.runOnce()
    }
    expect(s.receiver.received.length).toBeGreaterThan(4)
    expect(s.receiver.accepted()).toEqual([])
    // only the oldest delivery was tried: the ones behind it waited their turn
    expect(new Set(s.receiver.received.map((r) => r.headers['tabour-delivery']))).toEqual(
      new Set([`whd_${s.hook.id}_${eventIdOf(s.receiver.received[0]!).slice(4)}`]),
    )
    const log = (await s.center.request('GET', `/api/v1/webhooks/${s.hook.id}/deliveries?limit=200`, { token: s.admin })).json()
    const head = log.at(-1)
    expect(head).toMatchObject({ status: 'pending', lastStatusCode: 500, lastErrorCode: 'TABOUR_ERR_WEBHOOK_RECEIVER_REFUSED' })
    expect(head.attempts).toBe(s.receiver.received.length)
    expect(Date.parse(head.nextAttemptAt)).toBeGreaterThan(s.clock.now)
    // not paused: an hour is far below pauseAfterHours
    expect((await s.center.request('GET', '/api/v1/webhooks', { token: s.admin })).json()[0].pausedAt).toBeNull()

    s.receiver.mode = 'ok'
    for (let i = 0; i < 20 && s.receiver.accepted().length < expectedEventIds(s.center).length; i++) {
      s.clock.advance(60)
      await s.dispatcher.runOnce()
    }
    const accepted = s.receiver.accepted()
    expect(accepted.map(eventIdOf)).toEqual(expectedEventIds(s.center))
    expect(accepted.length).toBe(12 + 6 + 6 + 1)
    for (const r of accepted) {
      const header = String(r.headers['tabour-signature'])
      expect(verify(s.hook.secret, header, r.body, 300, r.atMs / 1000), header).toBe(true)
      // a receiver refuses a wrong secret, a changed body, and a delivery replayed ten minutes later
      expect(verify(`${s.hook.secret}x`, header, r.body, 300, r.atMs / 1000)).toBe(false)
      expect(verify(s.hook.secret, header, `${r.body} `, 300, r.atMs / 1000)).toBe(false)
      expect(verify(s.hook.secret, header, r.body, 300, r.atMs / 1000 + 600)).toBe(false)
      expect(r.headers['tabour-event']).toBe(JSON.parse(r.body).type)
    }
    const called = JSON.parse(accepted.find((r) => r.headers['tabour-event'] === 'ticket.called')!.body)
    expect(called).toMatchObject({
      version: 1,
      type: 'ticket.called',
      data: { ticket: { label: 'A-001', serviceId: s.service.id }, counter: { id: s.counter.id, number: 1 }, details: { how: 'policy' } },
    })
    const all = (await s.center.request('GET', `/api/v1/webhooks/${s.hook.id}/deliveries?limit=200`, { token: s.admin })).json()
    expect(all.every((d: { status: string; nextAttemptAt: string | null }) => d.status === 'delivered' && d.nextAttemptAt === null)).toBe(
      true,
    )
  })

  it('an endpoint failing past the threshold is paused with an alert, its deliveries kept; resuming sends them all in order', async () => {
    const s = await setUp({ pauseAfterHours: 0.5 })
    cleanups.push(
      () => s.center.close(),
      () => s.receiver.close(),
    )
    const manager = await s.center.createUser('manager1', 'manager')
    s.receiver.mode = 'fail'
    for (let minute = 0; minute < 45; minute += 5) {
      if (minute < 15) await s.center.issue(s.kiosk.token, { serviceId: s.service.id })
      s.clock.advance(300)
      await s.dispatcher.runOnce()
    }
    const [paused] = (await s.center.request('GET', '/api/v1/webhooks', { token: s.admin })).json()
    expect(paused).toMatchObject({ pausedReason: 'failing', pending: 3, delivered: 0 })
    expect(paused).not.toHaveProperty('secret')
    // no try is due while paused, and the log does not pretend one is
    const kept = (await s.center.request('GET', `/api/v1/webhooks/${s.hook.id}/deliveries`, { token: s.admin })).json()
    expect(kept.map((d: { status: string; nextAttemptAt: string | null }) => [d.status, d.nextAttemptAt])).toEqual([
      ['pending', null],
      ['pending', null],
      ['pending', null],
    ])
    const alerts = (await s.center.request('GET', '/api/v1/webhooks/alerts', { token: manager.token })).json()
    expect(alerts).toEqual([expect.objectContaining({ id: s.hook.id, pausedReason: 'failing', pending: 3 })])

    // while paused, new events still queue and nothing is sent, even to a receiver that is back
    s.receiver.mode = 'ok'
    const triedBefore = s.receiver.received.length
    await s.center.issue(s.kiosk.token, { serviceId: s.service.id })
    await s.center.issue(s.kiosk.token, { serviceId: s.service.id })
    s.clock.advance(3600)
    await s.dispatcher.runOnce()
    expect(s.receiver.received.length).toBe(triedBefore)

    const resumed = await s.center.request('POST', `/api/v1/webhooks/${s.hook.id}/resume`, { token: s.admin })
    expect(resumed.json()).toMatchObject({ pausedAt: null, pending: 5 })
    await s.dispatcher.runOnce()
    expect(s.receiver.accepted().map(eventIdOf)).toEqual(expectedEventIds(s.center))
    expect(s.receiver.accepted()).toHaveLength(5)
    expect((await s.center.request('GET', '/api/v1/webhooks/alerts', { token: manager.token })).json()).toEqual([])
  })

  it('a rotated secret signs what follows; a redeliver sends the same event with a new idempotency id; the secret is never shown again', async () => {
    const s = await setUp()
    cleanups.push(
      () => s.center.close(),
      () => s.receiver.close(),
    )
    const verify = await documentedVerifier()
    await s.center.issue(s.kiosk.token, { serviceId: s.service.id })
    await s.dispatcher.runOnce()
    const [first] = s.receiver.accepted()
    expect(verify(s.hook.secret, String(first!.headers['tabour-signature']), first!.body, 300, first!.atMs / 1000)).toBe(true)

    const rotated = (await s.center.request('POST', `/api/v1/webhooks/${s.hook.id}/rotate-secret`, { token: s.admin })).json()
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(s.hook.secret)
    const [delivery] = (await s.center.request('GET', `/api/v1/webhooks/${s.hook.id}/deliveries`, { token: s.admin })).json()
    const again = await s.center.request('POST', `/api/v1/webhooks/deliveries/${delivery.id}/redeliver`, { token: s.admin })
    expect(again.statusCode, again.body).toBe(201)
    expect(again.json()).toMatchObject({ deliveryId: `${delivery.deliveryId}.r1`, eventId: delivery.eventId, status: 'pending' })
    // a pending delivery is not queued twice
    const twice = await s.center.request('POST', `/api/v1/webhooks/deliveries/${again.json().id}/redeliver`, { token: s.admin })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().code).toBe('TABOUR_ERR_WEBHOOK_DELIVERY_PENDING')
    await s.dispatcher.runOnce()
    const second = s.receiver.accepted()[1]!
    expect(second.body).toBe(first!.body)
    expect(second.headers['tabour-delivery']).toBe(`${delivery.deliveryId}.r1`)
    const header = String(second.headers['tabour-signature'])
    expect(verify(rotated.secret, header, second.body, 300, second.atMs / 1000)).toBe(true)
    expect(verify(s.hook.secret, header, second.body, 300, second.atMs / 1000)).toBe(false)

    // nowhere after creation: not in the list, the log, nor the audit trail
    const shown = JSON.stringify([
      (await s.center.request('GET', '/api/v1/webhooks', { token: s.admin })).json(),
      (await s.center.request('GET', `/api/v1/webhooks/${s.hook.id}/deliveries`, { token: s.admin })).json(),
      (await s.center.request('GET', '/api/v1/settings/audit?limit=50', { token: s.admin })).json(),
    ])
    expect(shown).not.toContain(s.hook.secret)
    expect(shown).not.toContain(rotated.secret)
    expect(shown).not.toContain('whsec_')
  })

  it('the visit events of this release are subscribable: a booking and a park reach the receiver with their facts and never a name or phone', async () => {
    const s = await setUp()
    cleanups.push(
      () => s.center.close(),
      () => s.receiver.close(),
    )
    const types = ['ticket.parked', 'appointment.booked']
    const res = await s.center.request('PATCH', `/api/v1/webhooks/${s.hook.id}`, { token: s.admin, body: { eventTypes: types } })
    expect(res.statusCode, res.body).toBe(200)
    const settings = await s.center.request('PUT', `/api/v1/appointments/settings/${s.service.id}`, {
      token: s.admin,
      body: { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 10 },
    })
    expect(settings.statusCode, settings.body).toBe(200)
    const slot = new Date(Math.ceil((s.clock.now + 3_600_000) / 1_800_000) * 1_800_000).toISOString()
    const booked = await s.center.request('POST', '/api/v1/appointments', {
      body: { serviceId: s.service.id, slotStart: slot, name: 'Mona Ali', phone: '01000000001' },
    })
    expect(booked.statusCode, booked.body).toBe(201)
    const clerk = await s.center.openCounterAs('clerk1', s.counter.id)
    await s.center.issue(s.kiosk.token, { serviceId: s.service.id })
    expect((await s.center.action(clerk, s.counter.id, 'call-next')).statusCode).toBe(200)
    const parked = await s.center.request('POST', `/api/v1/counters/${s.counter.id}/park`, {
      token: clerk,
      body: { reason: 'missing_document', minutes: 20 },
    })
    expect(parked.statusCode, parked.body).toBe(200)
    await s.dispatcher.runOnce()
    await s.dispatcher.runOnce()
    const bodies = s.receiver.accepted().map((r) => JSON.parse(r.body))
    expect(bodies.map((b) => b.type)).toEqual(types.slice().reverse())
    expect(bodies[0].data.details).toEqual({ booking: expect.any(Number), slotStart: Date.parse(slot) })
    expect(bodies[1].data.details).toMatchObject({ reason: 'missing_document', minutes: 20 })
    const all = JSON.stringify(bodies)
    expect(all).not.toContain('Mona')
    expect(all).not.toContain('1000000001')
  })

  it("a visit's finished step is told as ticket.next_step, its end as ticket.finished (a step sent nothing before)", async () => {
    const clock = new TestClock()
    const receiver = await new Receiver(clock.fn).start()
    const center = await TestCenter.start({ clock, config: { webhooks: LOOPBACK_WEBHOOKS } })
    cleanups.push(
      () => center.close(),
      () => receiver.close(),
    )
    const { a, b, admin, c1, c2, kiosk, clerk1, clerk2, act } = await twoStepVisitCenter(center)
    const types = ['ticket.called', 'ticket.next_step', 'ticket.finished']
    const hook = await center.request('POST', '/api/v1/webhooks', { token: admin, body: { url: receiver.url, eventTypes: types } })
    expect(hook.statusCode, hook.body).toBe(201)
    const t = await center.issue(kiosk, { serviceId: a })
    await act(clerk1, c1, 'call-next')
    await act(clerk1, c1, 'start')
    clock.now += 240_000
    await act(clerk1, c1, 'finish')
    await act(clerk2, c2, 'call-next')
    await act(clerk2, c2, 'start')
    await act(clerk2, c2, 'finish')
    for (let i = 0; i < 3; i++) await center.app.tabour.webhooks.runOnce()
    const bodies = receiver.accepted().map((r) => JSON.parse(r.body))
    expect(bodies.map((x) => [x.type, x.data.serviceId, x.data.counter?.id])).toEqual([
      ['ticket.called', a, c1],
      ['ticket.next_step', a, c1],
      ['ticket.called', b, c2],
      ['ticket.finished', b, c2],
    ])
    expect(bodies[1].data.ticket).toMatchObject({ id: t.id, label: t.label })
    expect(bodies[1].data.details).toEqual({
      fromServiceId: a,
      toServiceId: b,
      step: 2,
      of: 2,
      outcome: null,
      serviceSeconds: 240,
      handlingSeconds: 240,
    })
  })

  it('the call after an undone no-show carries no wait, only afterUndo: the first call carried the wait (walk s54)', async () => {
    const s = await setUp({})
    cleanups.push(
      () => s.center.close(),
      () => s.receiver.close(),
    )
    const clerk = await s.center.openCounterAs('clerk1', s.counter.id)
    const t = await s.center.issue(s.kiosk.token, { serviceId: s.service.id })
    s.clock.now += 400_000
    expect((await s.center.action(clerk, s.counter.id, 'call-next')).statusCode).toBe(200)
    expect((await s.center.action(clerk, s.counter.id, 'recall')).statusCode).toBe(200)
    expect((await s.center.action(clerk, s.counter.id, 'no-show')).statusCode).toBe(200)
    expect((await s.center.request('POST', `/api/v1/tickets/${t.id}/reinstate`, { token: clerk })).statusCode).toBe(200)
    s.clock.now += 360_000
    expect((await s.center.action(clerk, s.counter.id, 'call-next')).statusCode).toBe(200)
    for (let i = 0; i < 3; i++) await s.dispatcher.runOnce()
    const calls = s.receiver
      .accepted()
      .map((r) => JSON.parse(r.body))
      .filter((b) => b.type === 'ticket.called')
    expect(calls.map((b) => b.data.details)).toEqual([
      { how: 'policy', waitedSeconds: 400, targetWaitSeconds: expect.any(Number), withinTarget: expect.any(Boolean) },
      { how: 'policy', afterUndo: true },
    ])
  })
})
