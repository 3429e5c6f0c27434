import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { registerCenter, startTestHub } from '../../hub/hub-harness.ts'
import { drain, hubJson, UPSTREAM_TEST_CONFIG } from '../upstream/upstream-helpers.ts'

/**
 * The one definition of "within target", on a hand-computed morning (Cairo, t0 = 08:00Z = 10:00
 * local). Service C, target 600 s, one counter:
 *
 *   C-001 issued t0, called t0+300 (waited 300 ✓)
 *   C-002 issued t0, still waiting at t0+1000 (past 600 s: a miss already)
 *   C-003 issued t0, cancelled by the citizen at t0+700 (waited 700 ✗: left uncalled after the target)
 *   C-004 issued t0+650, cancelled by staff at t0+700 (waited 50: nobody failed it, not counted)
 *
 * Covered: C-001 (hit), C-002 (overdue), C-003 (missed) = 3; within target 1 of 3 = 33.3 %.
 * The old reading (calls only) said 100 % while C-002 waited past the target.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('within target: one definition at the center and the hub', () => {
  it('counts calls, tickets that left uncalled after the target, and tickets waiting past it', { timeout: 60_000 }, async () => {
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    const secret = await registerCenter(hub, 'EG-CAI-009')
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    const center = await TestCenter.start({
      clock,
      config: { upstream: { url: hub.url, centerId: 'EG-CAI-009', secret, ...UPSTREAM_TEST_CONFIG } },
    })
    cleanups.push(() => center.close())
    const t0 = clock.now
    const at = (s: number) => (clock.now = t0 + s * 1000)
    const c = await center.createService({ prefix: 'C', targetWaitSeconds: 600 })
    const counter = await center.createCounter({ number: 1, serviceIds: [c.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const manager = (await center.createUser('boss', 'manager')).token
    await center.issue(kiosk, { serviceId: c.id })
    await center.issue(kiosk, { serviceId: c.id })
    const c3 = await center.issue(kiosk, { serviceId: c.id })
    at(300)
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    expect((await center.action(clerk, counter.id, 'start')).statusCode).toBe(200)
    expect((await center.action(clerk, counter.id, 'finish')).statusCode).toBe(200)
    // before any target passed: 1 of 1
    let today = (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect(today.totals).toMatchObject({ slaPercent: 100, slaCounted: 1 })
    at(650)
    const c4 = await center.issue(kiosk, { serviceId: c.id })
    at(700)
    expect((await center.request('POST', `/api/v1/tickets/${c3.id}/cancel-mine`)).statusCode).toBe(200)
    expect(
      (await center.request('POST', `/api/v1/tickets/${c4.id}/cancel`, { token: clerk, body: { reason: 'citizen_left' } })).statusCode,
    ).toBe(200)
    at(1000)

    today = (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect(today.totals).toMatchObject({ called: 1, cancelled: 2, waiting: 1, slaPercent: 33.3, slaCounted: 3 })
    expect(today.services[0]).toMatchObject({ prefix: 'C', slaPercent: 33.3, slaCounted: 3 })
    const report = (await center.request('GET', '/api/v1/stats/report?from=2026-03-10&to=2026-03-10&by=service', { token: manager })).json()
    expect(report.totals).toMatchObject({ slaPercent: 33.3, slaCounted: 3 })
    expect(report.rows[0]).toMatchObject({ slaPercent: 33.3, slaCounted: 3 })
    const byHour = (await center.request('GET', '/api/v1/stats/report?from=2026-03-10&to=2026-03-10&by=hour', { token: manager })).json()
    expect(byHour.rows[10]).toMatchObject({ slaPercent: 33.3, slaCounted: 3 })

    // the hub reads the same figure from the hourly batch (the waiting miss rides in the running hour)
    await drain(center)
    const national = await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&by=service&center=EG-CAI-009')
    expect(national.rows).toHaveLength(1)
    expect(national.rows[0]).toMatchObject({ called: 1, waitWithinTarget: 1, waitMissedUncalled: 2, slaPercent: 33.3 })
    // of the two, C-002 is still in the line, not a ticket that left: the hub is told which (walk of 2026-12-06)
    expect(national.rows[0].waitingPastTarget).toBe(1)

    // C-002 is finally called, late: still one miss, now counted by its call, at both ends
    at(1100)
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    today = (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect(today.totals).toMatchObject({ called: 2, slaPercent: 33.3, slaCounted: 3 })
    await drain(center)
    const after = await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&by=service&center=EG-CAI-009')
    expect(after.rows[0]).toMatchObject({ called: 2, waitWithinTarget: 1, waitMissedUncalled: 1, slaPercent: 33.3, waitingPastTarget: 0 })
  })
})
