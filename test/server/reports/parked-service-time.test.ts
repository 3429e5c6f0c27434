import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { rows } from '../routes/route-helpers.ts'
import { dayFigures, registerHourFunction } from '../../../server/upstream/hourly-figures.ts'

/**
 * A parked ticket's time at the counter before the park is service time and busy time; the time
 * it was parked is neither (server/queue/service-time.ts, server/reports/rollup.ts). One clerk,
 * Cairo, 2026-03-10 from 10:00 local (t0), by hand:
 *   A-001 called at 0, started at 30, parked at 120 (120 s at the counter, 90 s served), away
 *   600 s, resumed at 720, started at 720, finished at 780 (60 s more): service time 180 s, busy
 *   180 s, handling 90 + 60 = 150 s, time at the counter in the shift report 180 s (not the 780 s
 *   from call to finish, nor the 60 s since the resume);
 *   A-002 called at 800, parked at 830 (30 s), never back: abandoned at its deadline. Busy 30 s
 *   more; no service time (it was not served).
 */
describe('service time of a parked ticket', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('counts the stay before the park and the stay after the resume, never the time parked', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const c = center
    const t0 = clock.now
    const at = (s: number) => (clock.now = t0 + s * 1000)
    const a = await c.createService({ prefix: 'A' })
    const c1 = await c.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await c.createDevice('kiosk')).token
    const clerk = await c.openCounterAs('clerk1', c1.id)
    const manager = (await c.createUser('boss', 'manager')).token
    const first = await c.issue(kiosk, { serviceId: a.id })
    await c.issue(kiosk, { serviceId: a.id })
    const step = async (s: number, action: string, body?: unknown) => {
      at(s)
      const res = await c.action(clerk, c1.id, action, body)
      expect(res.statusCode, res.body).toBe(200)
    }
    await step(0, 'call-next')
    await step(30, 'start')
    await step(120, 'park', { reason: 'missing_document', minutes: 15 })
    await step(720, 'resume-parked', { ticketId: first.id })
    await step(720, 'start')
    await step(780, 'finish', {})
    await step(800, 'call-next')
    await step(830, 'park', { reason: 'missing_document', minutes: 1 })
    at(1000)

    const [finished] = rows<{ data: string }>(c, "SELECT data FROM events WHERE type = 'ticket.finished'")
    expect(JSON.parse(finished!.data)).toMatchObject({ serviceSeconds: 180, handlingSeconds: 90 + 60 })
    // the wait estimates learn from the same service time, not the 780 s from call to finish
    expect(c.app.tabour.queue.ctx.tickets.recentServiceSeconds(a.id, 5)).toEqual([180])
    const today = (await c.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect(today.services[0]).toMatchObject({ served: 1, avgServiceSeconds: 180, p90ServiceSeconds: 180 })
    expect(rows(c, 'SELECT status FROM tickets ORDER BY label')).toEqual([{ status: 'done' }, { status: 'abandoned' }])

    const users = (await c.request('GET', '/api/v1/users', { token: await c.admin() })).json() as { id: number; username: string }[]
    const userId = users.find((u) => u.username === 'clerk1')!.id
    const shift = (await c.request('GET', `/api/v1/stats/shift?day=2026-03-10&userId=${userId}`, { token: manager })).json()
    expect(shift.figures).toMatchObject({ served: 1, busySeconds: 180 + 30 })
    expect(shift.tickets.map((t: { label: string; handledSeconds: number | null }) => [t.label, t.handledSeconds])).toEqual([
      ['A-001', 180],
      ['A-002', 30],
    ])

    // the hourly figures sent upstream read the same rollups
    const db = c.app.tabour.db
    registerHourFunction(db, () => 'Africa/Cairo')
    // every event of the day falls in 10:00–11:00 local
    const ten = dayFigures(db, 'Africa/Cairo', '2026-03-10', clock.now)
      .get(10)!
      .find((h) => h.serviceCode === 'A')
    expect(ten).toMatchObject({ serviceSumSeconds: 180, serviceCount: 1 })
  })
})
