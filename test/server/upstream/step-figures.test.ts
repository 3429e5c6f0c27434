import { afterEach, describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { addNationalService } from '../../hub/hub-harness.ts'
import { drain, hubJson, startHubLosingAcks, startReportingCenter, twoStepVisitCenter } from './upstream-helpers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/**
 * Step figures of visits with several steps reach the national hub exactly once, through the
 * real reporter and a real hub on loopback: counted in the hour of each step's call, revised as
 * more come in (the revision replaces, never adds), and resent after lost acks without being
 * counted twice.
 */
describe('step figures upstream', () => {
  it('arrive at the hub exactly once, resends and revisions included', { timeout: 90_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z')) // 08:10 in Cairo
    // the hub stores each batch, then can lose its answer: the center must send it again
    const { hub, acks } = await startHubLosingAcks()
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'A')
    await addNationalService(hub, 'B')
    const center = await startReportingCenter(hub, 'EG-ALX-004', clock)
    cleanups.push(() => center.close())
    const { a, b, admin, c1, c2, kiosk, clerk1, clerk2, act: step } = await twoStepVisitCenter(center, { a: 'A', b: 'B' })
    /** A visit A → B: served at A, then waits `wait` seconds for B's call, then served there. */
    const visit = async (wait: number) => {
      await center.issue(kiosk, { serviceId: a })
      for (const action of ['call-next', 'start', 'finish']) await step(clerk1, c1, action)
      clock.advance(wait)
      for (const action of ['call-next', 'start', 'finish']) await step(clerk2, c2, action)
    }
    const hubSteps = async (by: 'service' | 'hour') =>
      ((await hubJson(hub, `/api/hub/v1/figures?from=2026-03-10&by=${by}&center=EG-ALX-004`)).rows as any[]).map((r) => ({
        key: r.key,
        stepCalls: r.stepCalls,
        stepWaitSumSeconds: r.stepWaitSumSeconds,
      }))

    // hour 08: two step calls (waits 120 and 30), the first two acks lost
    acks.lose = 2
    await visit(120)
    await visit(30)
    await drain(center)
    expect(acks.lost).toBe(2)
    expect(await hubSteps('service')).toEqual([
      { key: 'A', stepCalls: 0, stepWaitSumSeconds: 0 },
      { key: 'B', stepCalls: 2, stepWaitSumSeconds: 150 },
    ])

    // still hour 08: one more revises the hour (replaces, never adds); its ack is lost too
    acks.lose = 1
    await visit(45)
    await drain(center)
    expect(acks.lost).toBe(3)
    expect((await hubSteps('service'))[1]).toEqual({ key: 'B', stepCalls: 3, stepWaitSumSeconds: 195 })

    // hour 09: its own row; 08 closes with the same three
    clock.set('2026-03-10T07:05:00Z')
    await visit(200)
    await drain(center)
    expect(await hubSteps('hour')).toEqual([
      { key: '8', stepCalls: 3, stepWaitSumSeconds: 195 },
      { key: '9', stepCalls: 1, stepWaitSumSeconds: 200 },
    ])
    // the hub's step calls equal the center's own report of the day (step 2 of route A)
    const report = (await center.request('GET', '/api/v1/stats/steps?from=2026-03-10&to=2026-03-10', { token: admin })).json()
    const [route] = report.routes
    expect(route.steps[1]).toMatchObject({ step: 2, serviceId: b, calls: 4, meanWaitSeconds: Math.round((195 + 200) / 4) })
  })
})
