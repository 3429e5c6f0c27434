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

  it('issue-time placement counts the time in line of a step ticket from its issue; the weights of a desk still let a later ticket of a line it weighs more go first (walk s52)', async () => {
    // one desk serves A with weight 2 and B with weight 1; A's route is [B]
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A', nameEn: 'Reception' })
    const b = await center.createService({ prefix: 'B', nameEn: 'Review' })
    const admin = await center.admin()
    await center.request('PUT', `/api/v1/services/${a.id}/steps`, { token: admin, body: { steps: [b.id] } })
    const desk = await center.createCounter({
      number: 1,
      services: [
        { serviceId: a.id, weight: 2 },
        { serviceId: b.id, weight: 1 },
      ],
    })
    const clerk = await center.openCounterAs('clerk1', desk.id)
    const kiosk = (await center.createDevice('kiosk')).token
    const position = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json().position
    const t0 = clock.now
    const visit = await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, desk.id, 'call-next')
    await center.action(clerk, desk.id, 'start')
    clock.advance(60)
    await center.action(clerk, desk.id, 'finish')
    // in B's line since t0 + 60 s, placed as issued at t0; a ticket of A is issued at t0 + 90 s
    clock.advance(30)
    const later = await center.issue(kiosk, { serviceId: a.id })
    const at = async (seconds: number) => {
      clock.set(new Date(t0 + seconds * 1000).toISOString())
      return [await position(visit.id), await position(later.id)]
    }
    // counted from the issue: 150 s × 1 against 60 s × 2 (from the step's start it would be 90 × 1: behind)
    expect(await at(150)).toEqual([0, 1])
    expect(await at(179)).toEqual([0, 1])
    // the weights, as for any ticket of B at this desk: once the A ticket has waited more than half as long, it goes first
    expect(await at(181)).toEqual([1, 0])
    expect((await center.action(clerk, desk.id, 'call-next')).json().ticket.id).toBe(later.id)

    // with the desk's weights equal, the step ticket stays ahead of the later ticket however long both wait
    await center.close()
    center = await TestCenter.start({ clock })
    const a2 = await center.createService({ prefix: 'A' })
    const b2 = await center.createService({ prefix: 'B' })
    await center.request('PUT', `/api/v1/services/${a2.id}/steps`, { token: await center.admin(), body: { steps: [b2.id] } })
    const desk2 = await center.createCounter({ number: 1, serviceIds: [a2.id, b2.id] })
    const clerk2 = await center.openCounterAs('clerk1', desk2.id)
    const kiosk2 = (await center.createDevice('kiosk')).token
    const visit2 = await center.issue(kiosk2, { serviceId: a2.id })
    await center.action(clerk2, desk2.id, 'call-next')
    await center.action(clerk2, desk2.id, 'start')
    clock.advance(60)
    await center.action(clerk2, desk2.id, 'finish')
    const later2 = await center.issue(kiosk2, { serviceId: a2.id })
    for (const wait of [1, 600, 3600]) {
      clock.advance(wait)
      expect([await position(visit2.id), await position(later2.id)], `${wait} s later`).toEqual([0, 1])
    }
  })

  it('a step whose service was deactivated is named nowhere: the status page, a new ticket and the finish stop before it', async () => {
    const s = await setup()
    center = s.center
    await s.setRoute(s.a.id, [s.b.id, s.c.id])
    const early = await center.issue(s.kiosk, { serviceId: s.a.id })
    const later = await center.issue(s.kiosk, { serviceId: s.a.id })
    // the first finishes step 1 while Review is active: it waits for Review, Cashier after
    expect((await s.serveAt(0, 30)).finished.ticket).toMatchObject({ id: early.id, status: 'waiting', serviceId: s.b.id })
    expect((await center.request('PATCH', `/api/v1/services/${s.c.id}`, { token: s.admin, body: { active: false } })).statusCode).toBe(200)
    // Cashier is off: the visit of the first ends at Review (its page said "After that: Cashier")
    expect((await s.status(early.id)).visit).toMatchObject({ step: 2, of: 2, next: null })
    expect((await s.status(later.id)).visit).toMatchObject({ step: 1, of: 2, next: { serviceId: s.b.id } })
    expect((await center.request('PATCH', `/api/v1/services/${s.b.id}`, { token: s.admin, body: { active: false } })).statusCode).toBe(200)
    // Review is off too: the second's visit is one step now (the finish dialog and the page said "next, Review")
    expect((await s.status(later.id)).visit).toBeUndefined()
    // a ticket issued now is not told of steps nobody serves (the kiosk's screen and paper read this answer)
    const fresh = await center.issue(s.kiosk, { serviceId: s.a.id })
    expect(fresh.visit).toBeUndefined()
    // the default finish ends the visit there, as served: never a ticket waiting in a line nobody serves
    expect((await s.serveAt(0, 30)).finished.ticket).toMatchObject({ id: later.id, status: 'done', serviceId: s.a.id })
    expect(rows(center, "SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.next_step'")).toEqual([{ n: 1 }])
    // active again, the route counts again from where each ticket stands
    expect((await center.request('PATCH', `/api/v1/services/${s.c.id}`, { token: s.admin, body: { active: true } })).statusCode).toBe(200)
    expect((await s.status(early.id)).visit).toMatchObject({ step: 2, of: 3, next: { serviceId: s.c.id } })
  })

  it('a visit names the services its steps were taken at, not its plan: a step moved to another service is named so, done or not', async () => {
    const s = await setup()
    center = s.center
    await s.setRoute(s.a.id, [s.b.id])
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    // step 1 is called at Reception and moved to the Cashier's line, where it is served (walk s52: A-003)
    await center.action(s.clerks[0]!, s.counters[0]!.id, 'call-next')
    expect((await center.action(s.clerks[0]!, s.counters[0]!.id, 'transfer', { serviceId: s.c.id })).statusCode).toBe(200)
    // the route the visit really takes, while it takes it: its first step is the Cashier's now (walk s53: the API
    // still said Reception, the plan, while the ticket waited in the Cashier's line)
    const names = (visit: { route: { nameEn: string }[] }) => visit.route.map((r) => r.nameEn)
    const moved = (await s.status(t.id)).visit
    expect(moved).toMatchObject({ step: 1, of: 2, next: { serviceId: s.b.id } })
    expect(names(moved)).toEqual(['Cashier', 'Review'])
    expect((await s.serveAt(2, 60)).finished.ticket).toMatchObject({ id: t.id, status: 'waiting', serviceId: s.b.id })
    const onward = (await s.status(t.id)).visit
    expect(onward.served).toBeUndefined()
    expect([onward.step, names(onward)]).toEqual([2, ['Cashier', 'Review']])
    expect((await s.serveAt(1, 60)).finished.ticket).toMatchObject({ id: t.id, status: 'done' })
    const visit = (await s.status(t.id)).visit
    expect(names(visit)).toEqual(['Cashier', 'Review'])
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
