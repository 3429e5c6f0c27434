import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectAuthRequired, expectForbidden, makeCallers } from './route-helpers.ts'

const STATS = '/api/v1/stats/today'

/**
 * Service A (target 600 s) at counter 1, service B (target 300 s) at counter 2, all at t0 =
 * 2026-03-10T08:00Z (10:00 in Cairo):
 *   A-001 issued t0, called t0+100 (waited 100), started t0+150, finished t0+400 (300 s from call)
 *   A-002 issued t0, called t0+500 (waited 500), no-show t0+560
 *   A-003 issued t0, still waiting
 *   B-001 issued t0, called t0+700 (waited 700 > 300), started t0+760, finished t0+900 (200 s)
 *   B-002 issued t0, cancelled t0+10
 */
async function scene() {
  const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
  const center = await TestCenter.start({ clock })
  const t0 = clock.now
  const at = (s: number) => (clock.now = t0 + s * 1000)
  const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600 })
  const b = await center.createService({ prefix: 'B', targetWaitSeconds: 300 })
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
  const idle = await center.createCounter({ number: 3, serviceIds: [a.id, b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk1 = await center.openCounterAs('clerk1', c1.id)
  const clerk2 = await center.openCounterAs('clerk2', c2.id)
  const manager = (await center.createUser('boss', 'manager')).token
  for (let i = 0; i < 3; i++) await center.issue(kiosk, { serviceId: a.id })
  await center.issue(kiosk, { serviceId: b.id })
  const b2 = await center.issue(kiosk, { serviceId: b.id })
  const ok = async (res: Promise<{ statusCode: number; body: string }>) => expect((await res).statusCode, (await res).body).toBe(200)

  at(10)
  await ok(center.request('POST', `/api/v1/tickets/${b2.id}/cancel`, { token: clerk2, body: { reason: 'duplicate' } }))
  at(100)
  await ok(center.action(clerk1, c1.id, 'call-next'))
  at(150)
  await ok(center.action(clerk1, c1.id, 'start'))
  at(400)
  await ok(center.action(clerk1, c1.id, 'finish'))
  at(500)
  await ok(center.action(clerk1, c1.id, 'call-next'))
  at(560)
  await ok(center.action(clerk1, c1.id, 'no-show'))
  at(700)
  await ok(center.action(clerk2, c2.id, 'call-next'))
  at(760)
  await ok(center.action(clerk2, c2.id, 'start'))
  at(900)
  await ok(center.action(clerk2, c2.id, 'finish', { outcome: 'served' }))
  return { center, clock, a, b, c1, c2, idle, kiosk, manager }
}

describe('GET /api/v1/stats/today', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('gives exact figures by service, by counter and in total', async () => {
    const s = await scene()
    center = s.center
    const res = await center.request('GET', STATS, { token: s.manager })
    expect(res.statusCode).toBe(200)
    const stats = res.json()
    expect(stats.day).toBe('2026-03-10')
    expect(stats.services).toEqual([
      {
        serviceId: s.a.id,
        prefix: 'A',
        nameAr: 'خدمة A',
        nameEn: 'Service A',
        issued: 3,
        called: 2,
        served: 1,
        noShow: 1,
        cancelled: 0,
        cancelledAtClosing: 0,
        transferredOut: 0,
        waiting: 1,
        avgWaitSeconds: 300,
        maxWaitSeconds: 500,
        // called within 600 s, A-003 still waiting at 900 s: a miss already (2 of 3)
        slaPercent: 66.7,
        slaCounted: 3,
        avgServiceSeconds: 300,
        p90WaitSeconds: 500,
        p90ServiceSeconds: 300,
        noShowPercent: 50,
        // A-003 has waited since t0; the clock is at t0 + 900 s
        longestWaitSeconds: 900,
        // …past the line's 600 s target: one ticket past it now
        targetWaitSeconds: 600,
        pastTarget: 1,
      },
      {
        serviceId: s.b.id,
        prefix: 'B',
        nameAr: 'خدمة B',
        nameEn: 'Service B',
        issued: 2,
        called: 1,
        served: 1,
        noShow: 0,
        cancelled: 1,
        cancelledAtClosing: 0,
        transferredOut: 0,
        waiting: 0,
        avgWaitSeconds: 700,
        maxWaitSeconds: 700,
        // B-001 called after 700 s (target 300); B-002 cancelled after 10 s is not counted
        slaPercent: 0,
        slaCounted: 1,
        avgServiceSeconds: 200,
        p90WaitSeconds: 700,
        p90ServiceSeconds: 200,
        noShowPercent: 0,
        longestWaitSeconds: null,
        targetWaitSeconds: 300,
        pastTarget: 0,
      },
    ])
    expect(stats.counters).toEqual([
      {
        counterId: s.c1.id,
        number: 1,
        name: 'Counter 1',
        state: 'open',
        called: 2,
        served: 1,
        noShow: 1,
        avgServiceSeconds: 300,
        waitingForIt: 0,
        // nobody at the counter now (every call finished or a no-show)
        current: null,
      },
      {
        counterId: s.c2.id,
        number: 2,
        name: 'Counter 2',
        state: 'open',
        called: 1,
        served: 1,
        noShow: 0,
        avgServiceSeconds: 200,
        waitingForIt: 0,
        // nobody at the counter now (every call finished or a no-show)
        current: null,
      },
      {
        counterId: s.idle.id,
        number: 3,
        name: 'Counter 3',
        state: 'closed',
        called: 0,
        served: 0,
        noShow: 0,
        avgServiceSeconds: null,
        waitingForIt: 0,
        // nobody at the counter now (every call finished or a no-show)
        current: null,
      },
    ])
    expect(stats.totals).toEqual({
      issued: 5,
      called: 3,
      served: 2,
      noShow: 1,
      cancelled: 1,
      cancelledAtClosing: 0,
      transferredOut: 0,
      waiting: 1,
      // (100 + 500 + 700) / 3, one decimal
      avgWaitSeconds: 433.3,
      maxWaitSeconds: 700,
      // 2 of 3 calls within target, and A-003 waiting past its target: 2 of 4
      slaPercent: 50,
      slaCounted: 4,
      avgServiceSeconds: 250,
      // nearest rank of [100, 500, 700]: ceil(0.9 × 3) = 3rd
      p90WaitSeconds: 700,
      // nearest rank of [200, 300]: ceil(0.9 × 2) = 2nd
      p90ServiceSeconds: 300,
      // 1 no-show of 3 calls
      noShowPercent: 33.3,
      longestWaitSeconds: 900,
    })
  })

  it('counts a transfer out of the service and the wait again from the transfer', async () => {
    const s = await scene()
    center = s.center
    const clerk1 = await center.login('clerk1', 'staff-test-password')
    const t0 = Date.parse('2026-03-10T08:00:00Z')
    s.clock.now = t0 + 1000 * 1000
    await center.action(clerk1, s.c1.id, 'call-next') // A-003, waited 1000 s (> 600)
    s.clock.now = t0 + 1100 * 1000
    await center.action(clerk1, s.c1.id, 'transfer', { serviceId: s.b.id })
    s.clock.now = t0 + 1160 * 1000
    const clerk2 = await center.login('clerk2', 'staff-test-password')
    await center.action(clerk2, s.c2.id, 'call-next') // A-003 in B's line, waited 60 s since the transfer
    const stats = (await center.request('GET', STATS, { token: s.manager })).json()
    const [sa, sb] = stats.services
    expect(sa).toMatchObject({ issued: 3, called: 3, transferredOut: 1, waiting: 0, maxWaitSeconds: 1000, slaPercent: 66.7 })
    expect(sb).toMatchObject({
      issued: 2,
      called: 2,
      transferredOut: 0,
      waiting: 0,
      avgWaitSeconds: 380,
      maxWaitSeconds: 700,
      slaPercent: 50,
    })
    expect(stats.totals).toMatchObject({ called: 5, transferredOut: 1 })
  })

  it('starts from zero on the next local day (Cairo midnight is 22:00Z in winter)', async () => {
    const s = await scene()
    center = s.center
    s.clock.set('2026-03-10T21:59:59Z')
    // the morning's session has expired by now (12 h)
    const manager = await center.login('boss', 'staff-test-password')
    expect((await center.request('GET', STATS, { token: manager })).json().totals.issued).toBe(5)
    s.clock.set('2026-03-10T22:00:00Z')
    const stats = (await center.request('GET', STATS, { token: manager })).json()
    expect(stats.day).toBe('2026-03-11')
    expect(stats.totals).toMatchObject({
      issued: 0,
      called: 0,
      served: 0,
      noShow: 0,
      avgWaitSeconds: null,
      maxWaitSeconds: null,
      // yesterday's A-003, still waiting when the day closed, is a miss of yesterday's, counted
      // with its closing in its own day (server/reports/rollup.ts countedIn); nothing has happened yet
      slaPercent: null,
      slaCounted: 0,
      cancelled: 0,
      cancelledAtClosing: 0,
      avgServiceSeconds: null,
    })
    expect(stats.counters.every((c: { called: number }) => c.called === 0)).toBe(true)
  })

  it('an empty center answers zeros and nulls', async () => {
    center = await TestCenter.start()
    const stats = (await center.request('GET', STATS, { token: await center.admin() })).json()
    expect(stats.services).toEqual([])
    expect(stats.counters).toEqual([])
    expect(stats.totals).toEqual({
      issued: 0,
      called: 0,
      served: 0,
      noShow: 0,
      cancelled: 0,
      cancelledAtClosing: 0,
      transferredOut: 0,
      waiting: 0,
      avgWaitSeconds: null,
      maxWaitSeconds: null,
      slaPercent: null,
      slaCounted: 0,
      avgServiceSeconds: null,
      p90WaitSeconds: null,
      p90ServiceSeconds: null,
      noShowPercent: null,
      longestWaitSeconds: null,
    })
  })

  it('is for managers and admins only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    for (const who of ['admin', 'manager'] as const)
      expect((await center.request('GET', STATS, { token: callers[who] })).statusCode).toBe(200)
    await expectAuthRequired(center, { method: 'GET', url: STATS })
    await expectForbidden(center, callers, ['clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], { method: 'GET', url: STATS })
  })
})
