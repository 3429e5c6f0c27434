import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectError, rows } from '../routes/route-helpers.ts'
import { ErrorCodes } from '../../../protocol/error-codes.ts'
import { logViolations, readLog } from '../../helpers/log-invariants.ts'

/**
 * Visits with several steps (server/queue/visit-steps.ts) on a real SQLite file through the
 * HTTP API: the route's rules, a finish sending the ticket on with its label, its place in the
 * next line (queue.stepPlacement), each step's wait, and what ends a visit.
 */

/** Services A → B → C (A's route is [B, C]) and D; counters 1, 2, 3 serve A, B, C (one clerk each); a kiosk. */
async function setup(options: { placement?: 'issue-time' | 'end-of-line' } = {}) {
  const clock = new TestClock()
  const center = await TestCenter.start({ clock, config: { queue: { stepPlacement: options.placement ?? 'issue-time' } } })
  const a = await center.createService({ prefix: 'A', nameEn: 'Reception', targetWaitSeconds: 600 })
  const b = await center.createService({ prefix: 'B', nameEn: 'Review', targetWaitSeconds: 300 })
  const c = await center.createService({ prefix: 'C', nameEn: 'Cashier', targetWaitSeconds: 120 })
  const d = await center.createService({ prefix: 'D', nameEn: 'Other' })
  const admin = await center.admin()
  const setRoute = (serviceId: number, steps: unknown) =>
    center.request('PUT', `/api/v1/services/${serviceId}/steps`, { token: admin, body: { steps } })
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
  const c3 = await center.createCounter({ number: 3, serviceIds: [c.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerks = [
    await center.openCounterAs('clerk1', c1.id),
    await center.openCounterAs('clerk2', c2.id),
    await center.openCounterAs('clerk3', c3.id),
  ]
  const counters = [c1, c2, c3]
  /** Calls, starts and finishes the next ticket at counter i (0-based); returns the finish's answer. */
  const serveAt = async (i: number, seconds = 60, outcome?: string) => {
    const called = (await center.action(clerks[i]!, counters[i]!.id, 'call-next')).json().ticket
    await center.action(clerks[i]!, counters[i]!.id, 'start')
    clock.advance(seconds)
    const res = await center.action(clerks[i]!, counters[i]!.id, 'finish', outcome ? { outcome } : {})
    expect(res.statusCode, res.body).toBe(200)
    return { called, finished: res.json() }
  }
  const status = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()
  return { center, clock, a, b, c, d, admin, setRoute, kiosk, clerks, counters, serveAt, status }
}

const routeRows = (center: TestCenter) => rows(center, 'SELECT service_id, position, step_service_id FROM service_steps ORDER BY 1, 2')
const auditRows = (center: TestCenter) => rows(center, "SELECT id FROM events WHERE type = 'config.changed'").length

describe('routes of steps', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('are set and read as audited configuration; a loop, an unknown or inactive step and a route too long are refused with nothing written', async () => {
    const s = await setup()
    center = s.center
    const ok = await s.setRoute(s.a.id, [s.b.id, s.c.id])
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toEqual({ serviceId: s.a.id, steps: [s.b.id, s.c.id] })
    const clerk = s.clerks[0]!
    expect((await center.request('GET', `/api/v1/services/${s.a.id}/steps`, { token: clerk })).json().steps).toEqual([s.b.id, s.c.id])
    const stored = routeRows(center)
    const audits = auditRows(center)

    expectError(await s.setRoute(s.a.id, [s.b.id, s.a.id]), 422, ErrorCodes.STEP_ROUTE_LOOP)
    expectError(await s.setRoute(s.a.id, [s.b.id, s.c.id, s.b.id]), 422, ErrorCodes.STEP_ROUTE_LOOP)
    expectError(await s.setRoute(s.a.id, [s.b.id, 9999]), 404, ErrorCodes.SERVICE_NOT_FOUND)
    expectError(await s.setRoute(9999, [s.b.id]), 404, ErrorCodes.SERVICE_NOT_FOUND)
    const extra = []
    for (const p of ['E', 'F', 'G', 'H']) extra.push((await center.createService({ prefix: p })).id)
    expectError(await s.setRoute(s.a.id, [s.b.id, s.c.id, s.d.id, ...extra]), 422, ErrorCodes.STEP_ROUTE_TOO_LONG)
    await center.request('PATCH', `/api/v1/services/${s.d.id}`, { token: s.admin, body: { active: false } })
    const afterPatch = auditRows(center)
    expectError(await s.setRoute(s.a.id, [s.d.id]), 422, ErrorCodes.SERVICE_INACTIVE)
    expect((await center.request('PUT', `/api/v1/services/${s.a.id}/steps`, { token: clerk, body: { steps: [] } })).statusCode).toBe(403)

    expect(routeRows(center)).toEqual(stored)
    // only the PATCH of D (and the 4 services created) were audited meanwhile
    expect(afterPatch - audits).toBe(5)
    expect(auditRows(center)).toBe(afterPatch)

    // five steps is the limit, and [] removes the route
    expect((await s.setRoute(s.a.id, [s.b.id, s.c.id, ...extra.slice(0, 3)])).statusCode).toBe(200)
    expect((await s.setRoute(s.a.id, [])).json().steps).toEqual([])
    expect(routeRows(center)).toEqual([])
  })
})

describe('a visit of several steps', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('finishing a step sends the ticket to the next line with its label; the last finish ends it; one served visit in the log', async () => {
    const s = await setup()
    center = s.center
    await s.setRoute(s.a.id, [s.b.id, s.c.id])
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    // every step's service in order, the issuing one first: what the page of the finished visit says was done
    const visitRoute = ['Reception', 'Review', 'Cashier'].map((nameEn, i) => ({
      serviceId: [s.a.id, s.b.id, s.c.id][i],
      nameAr: expect.any(String),
      nameEn,
    }))
    expect((await s.status(t.id)).visit).toEqual({
      step: 1,
      of: 3,
      next: { serviceId: s.b.id, nameAr: expect.any(String), nameEn: 'Review' },
      route: visitRoute,
    })
    s.clock.advance(100)

    const first = await s.serveAt(0, 200)
    expect(first.called.id).toBe(t.id)
    expect(first.finished.ticket).toMatchObject({ id: t.id, label: 'A-001', status: 'waiting', serviceId: s.b.id, counterId: null })
    expect(first.finished.counter.currentTicketId ?? null).toBeNull()
    expect((await s.status(t.id)).visit).toEqual({
      step: 2,
      of: 3,
      next: { serviceId: s.c.id, nameAr: expect.any(String), nameEn: 'Cashier' },
      route: visitRoute,
    })

    s.clock.advance(400)
    const second = await s.serveAt(1, 90)
    expect(second.called).toMatchObject({ id: t.id, label: 'A-001' })
    expect(second.finished.ticket).toMatchObject({ status: 'waiting', serviceId: s.c.id })
    expect((await s.status(t.id)).visit).toEqual({ step: 3, of: 3, next: null, route: visitRoute })

    s.clock.advance(30)
    const third = await s.serveAt(2, 45)
    // its last step finished naming no outcome: the ticket records none, as the event does
    expect(third.finished.ticket).toMatchObject({ id: t.id, status: 'done', serviceId: s.c.id, outcome: null })

    const log = rows(
      center,
      "SELECT type, service_id AS serviceId, data FROM events WHERE ticket_id = ? AND type LIKE 'ticket.%' ORDER BY id",
      t.id,
    ).map((e: any) => ({ ...e, data: JSON.parse(e.data ?? 'null') }))
    expect(log.map((e: any) => e.type)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.started',
      'ticket.next_step',
      'ticket.called',
      'ticket.started',
      'ticket.next_step',
      'ticket.called',
      'ticket.started',
      'ticket.finished',
    ])
    const steps = log.filter((e: any) => e.type === 'ticket.next_step')
    expect(steps.map((e: any) => e.data)).toEqual([
      expect.objectContaining({ fromServiceId: s.a.id, toServiceId: s.b.id, step: 2, of: 3, serviceSeconds: 200, placement: 'issue-time' }),
      expect.objectContaining({ fromServiceId: s.b.id, toServiceId: s.c.id, step: 3, of: 3, serviceSeconds: 90 }),
    ])
    // each call's wait runs from the moment the ticket joined that line, against that step's target
    const calls = log
      .filter((e: any) => e.type === 'ticket.called')
      .map((e: any) => [e.serviceId, e.data.waitedSeconds, e.data.withinTarget])
    expect(calls).toEqual([
      [s.a.id, 100, true],
      [s.b.id, 400, false],
      [s.c.id, 30, true],
    ])
    expect(rows(center, 'SELECT step FROM tickets WHERE id = ?', t.id)).toEqual([{ step: 2 }])
    expect(logViolations(readLog(center.app.tabour.db))).toEqual([])
    // the ticket's history shows each step sent on, and to where
    const history = (await center.request('GET', `/api/v1/tickets/${t.id}/history`, { token: s.clerks[0]! })).json()
    const sentOn = history.entries.filter((e: any) => e.step === 'next_step')
    expect(sentOn.map((e: any) => [e.counter.number, e.details.toServiceEn])).toEqual([
      [1, 'Review'],
      [2, 'Cashier'],
    ])
  })

  it('issue-time placement puts the ticket ahead of those issued after it; end-of-line behind everyone waiting', async () => {
    for (const placement of ['issue-time', 'end-of-line'] as const) {
      const s = await setup({ placement })
      center = s.center
      await s.setRoute(s.a.id, [s.b.id])
      const t = await center.issue(s.kiosk, { serviceId: s.a.id })
      s.clock.advance(10)
      const later = await center.issue(s.kiosk, { serviceId: s.b.id })
      await s.serveAt(0, 60)
      const next = (await center.action(s.clerks[1]!, s.counters[1]!.id, 'call-next')).json().ticket
      expect(next.id, placement).toBe(placement === 'issue-time' ? t.id : later.id)
      await center.close()
    }
  })

  it('a finished visit names the services its steps were served at, not its route: a step moved to another service was served there', async () => {
    const s = await setup()
    center = s.center
    await s.setRoute(s.a.id, [s.b.id])
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    // step 1 is called at Reception and moved to the Cashier's line, where it is served (walk s52: A-003)
    await center.action(s.clerks[0]!, s.counters[0]!.id, 'call-next')
    expect((await center.action(s.clerks[0]!, s.counters[0]!.id, 'transfer', { serviceId: s.c.id })).statusCode).toBe(200)
    expect((await s.serveAt(2, 60)).finished.ticket).toMatchObject({ id: t.id, status: 'waiting', serviceId: s.b.id })
    expect((await s.status(t.id)).visit.served).toBeUndefined()
    expect((await s.serveAt(1, 60)).finished.ticket).toMatchObject({ id: t.id, status: 'done' })
    const visit = (await s.status(t.id)).visit
    expect(visit.route.map((r: { nameEn: string }) => r.nameEn)).toEqual(['Reception', 'Review'])
    expect(visit.served).toEqual([
      { serviceId: s.c.id, nameAr: expect.any(String), nameEn: 'Cashier' },
      { serviceId: s.b.id, nameAr: expect.any(String), nameEn: 'Review' },
    ])
  })

  it('another outcome than the default, or a no-show at a later step, ends the visit', async () => {
    const s = await setup()
    center = s.center
    await s.setRoute(s.a.id, [s.b.id, s.c.id])
    const referred = await center.issue(s.kiosk, { serviceId: s.a.id })
    const noShow = await center.issue(s.kiosk, { serviceId: s.a.id })
    expect((await s.serveAt(0, 30, 'referred')).finished.ticket).toMatchObject({ id: referred.id, status: 'done', outcome: 'referred' })
    expect((await s.serveAt(0, 30, 'served')).finished.ticket).toMatchObject({ id: noShow.id, status: 'waiting', serviceId: s.b.id })
    await center.action(s.clerks[1]!, s.counters[1]!.id, 'call-next')
    s.clock.advance(120)
    const res = await center.action(s.clerks[1]!, s.counters[1]!.id, 'no-show')
    expect(res.json().ticket).toMatchObject({ id: noShow.id, status: 'no_show' })
    expect((await center.action(s.clerks[2]!, s.counters[2]!.id, 'call-next')).json().ticket).toBeNull()
  })
})
