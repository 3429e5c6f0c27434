import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectError } from '../routes/route-helpers.ts'
import { logViolations, readLog } from '../../helpers/log-invariants.ts'

/**
 * GET /stats/steps (server/reports/step-figures.ts): a fixture day of visits with several steps
 * on a real SQLite file and a test clock, its figures computed by hand.
 */
describe('GET /api/v1/stats/steps: a fixture day computed by hand', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it("gives each step's waits and SLA, and the whole visits' time, per route", async () => {
    const clock = new TestClock()
    const start = clock.now
    const at = (s: number) => (clock.now = start + s * 1000)
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600 })
    const b = await center.createService({ prefix: 'B', targetWaitSeconds: 300 })
    const c = await center.createService({ prefix: 'C', targetWaitSeconds: 120 })
    const admin = await center.admin()
    expect(
      (await center.request('PUT', `/api/v1/services/${a.id}/steps`, { token: admin, body: { steps: [b.id, c.id] } })).statusCode,
    ).toBe(200)
    const counters = [
      await center.createCounter({ number: 1, serviceIds: [a.id] }),
      await center.createCounter({ number: 2, serviceIds: [b.id] }),
      await center.createCounter({ number: 3, serviceIds: [c.id] }),
    ]
    const kiosk = (await center.createDevice('kiosk')).token
    const clerks = [
      await center.openCounterAs('clerk1', counters[0]!.id),
      await center.openCounterAs('clerk2', counters[1]!.id),
      await center.openCounterAs('clerk3', counters[2]!.id),
    ]
    const act = async (i: number, action: string) => {
      const res = await center.action(clerks[i]!, counters[i]!.id, action, action === 'finish' ? {} : undefined)
      expect(res.statusCode, `${action} at ${i + 1}: ${res.body}`).toBe(200)
      return res.json().ticket
    }
    const call = async (i: number) => {
      const t = await act(i, 'call-next')
      await act(i, 'start')
      return t.label
    }

    at(0)
    await center.issue(kiosk, { serviceId: a.id }) // T1 A-001
    at(60)
    await center.issue(kiosk, { serviceId: a.id }) // T2 A-002
    at(90)
    await center.issue(kiosk, { serviceId: b.id }) // X B-001: a visit of one step, not in the figures
    at(120)
    expect(await call(0)).toBe('A-001') // step 1 wait 120
    at(200)
    await center.issue(kiosk, { serviceId: a.id }) // T3 A-003
    at(300)
    await act(0, 'finish') // A-001 → B, placed by its issue time (ahead of B-001)
    expect(await call(0)).toBe('A-002') // step 1 wait 240
    at(400)
    expect(await call(1)).toBe('A-001') // step 2 wait 100
    at(500)
    await act(0, 'finish') // A-002 → B
    expect(await call(0)).toBe('A-003') // step 1 wait 300
    at(600)
    await act(0, 'finish') // A-003 → B
    at(700)
    await act(1, 'finish') // A-001 → C
    expect(await call(1)).toBe('A-002') // step 2 wait 200
    at(720)
    expect(await call(2)).toBe('A-001') // step 3 wait 20
    at(900)
    await act(2, 'finish') // A-001 done: visit 900 s, waited 240 of 1020
    at(1100)
    await act(1, 'finish') // A-002 → C
    expect(await call(1)).toBe('B-001')
    at(1150)
    await act(1, 'finish')
    expect((await center.action(clerks[1]!, counters[1]!.id, 'call-next')).json().ticket.label).toBe('A-003') // step 2 wait 550
    at(1300)
    await act(1, 'no-show') // A-003's visit ends at step 2
    at(1900)
    expect(await call(2)).toBe('A-002') // step 3 wait 800
    at(2000)
    await act(2, 'finish') // A-002 done: visit 2000 − 60 = 1940 s, waited 1240 of 1020

    const day = new Date(clock.now).toISOString().slice(0, 10)
    const res = await center.request('GET', `/api/v1/stats/steps?from=${day}&to=${day}`, { token: admin })
    expect(res.statusCode, res.body).toBe(200)
    // by hand, route A → B → C, targets 600, 300, 120 s:
    //   step 1 (A): waits 120, 240, 300 → mean 220, max 300, 3 of 3 within 600
    //   step 2 (B): waits 100, 200, 550 → mean 283.3 → 283, max 550, 2 of 3 within 300 → 66.7 %
    //   step 3 (C): waits 20, 800 → mean 410, max 800, 1 of 2 within 120 → 50 %
    //   visits 3, completed 2 (A-003 was a no-show at step 2): 900 and 1940 s → mean 1420, max 1940;
    //   total waits 240 and 1240 → mean 740; within the sum of targets (1020): A-001 only → 50 %
    expect(res.json()).toEqual({
      from: day,
      to: day,
      routes: [
        {
          serviceId: a.id,
          visits: 3,
          completed: 2,
          steps: [
            { step: 1, serviceId: a.id, calls: 3, meanWaitSeconds: 220, maxWaitSeconds: 300, withinTarget: 3, withinTargetPercent: 100 },
            { step: 2, serviceId: b.id, calls: 3, meanWaitSeconds: 283, maxWaitSeconds: 550, withinTarget: 2, withinTargetPercent: 66.7 },
            { step: 3, serviceId: c.id, calls: 2, meanWaitSeconds: 410, maxWaitSeconds: 800, withinTarget: 1, withinTargetPercent: 50 },
          ],
          meanVisitSeconds: 1420,
          maxVisitSeconds: 1940,
          meanTotalWaitSeconds: 740,
          visitWithinTargetsPercent: 50,
        },
      ],
    })
    // the day's report counts each finished step as served at its own desk: A served;
    // B served A-001, A-002 and B-001; C served A-001, A-002 (8 in all); A-003's no-show once
    const today = (await center.request('GET', '/api/v1/stats/today', { token: admin })).json()
    expect(today.totals).toMatchObject({ served: 8, noShow: 1 })
    const byService = (await center.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=service`, { token: admin })).json()
    // served and mean service time per desk: A 180, 200, 100 s; B 300, 400, 50 s; C 180, 100 s
    expect(byService.rows.map((r: any) => [r.key, r.served, r.avgServiceSeconds])).toEqual([
      [a.id, 3, 160],
      [b.id, 3, 250],
      [c.id, 2, 140],
    ])
    expectError(
      await center.request('GET', `/api/v1/stats/steps?from=${day}&to=${day}`, { token: clerks[0]! }),
      403,
      'TABOUR_ERR_FORBIDDEN',
    )
    expect(logViolations(readLog(center.app.tabour.db))).toEqual([])
  })
})
