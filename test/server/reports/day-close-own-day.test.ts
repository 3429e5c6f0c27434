import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'
import { DEFAULT_CALENDAR } from '../../../protocol/calendar.ts'
import { addNationalService, startTestHub } from '../../hub/hub-harness.ts'
import { drain, hubJson, startReportingCenter } from '../upstream/upstream-helpers.ts'
import { countedIn } from '../../../server/reports/rollup.ts'

/**
 * Finding 4 of walk s55 (dashboard): the tickets still waiting when the business day turns are
 * cancelled (reason `day_closed`) at the next day's first use, and were counted on that next day:
 * the manager's live view on the 7th said "and 1 cancelled at closing" of the 6th's ticket before
 * the 7th had closed, the 7th's SLA counted the 6th's miss, and the 6th's report showed nobody
 * left uncalled. They count in the ticket's own day, in its last hour (server/reports/rollup.ts
 * countedIn), in the reports, the live figures and the hub's figures alike. Cairo (UTC+2 in
 * December), service A with a 10-minute target: on the 6th at 20:00 two tickets, the first
 * called at 20:05 (within target), the second left waiting; the 7th's first use at 09:00.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function eveningWithOneLeft(center: TestCenter, clock: TestClock) {
  const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600, nationalCode: 'A' })
  const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const first = await center.issue(kiosk, { serviceId: a.id })
  const left = await center.issue(kiosk, { serviceId: a.id })
  clock.set('2026-12-06T18:05:00Z')
  const call = await center.action(clerk, counter.id, 'call-next')
  expect(call.json().ticket.id).toBe(first.id)
  return { a, kiosk, left }
}

describe("the day's close counts in the ticket's own day", () => {
  it('in the reports by day and by hour and in the next day’s live figures', { timeout: 60_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-12-06T18:00:00Z'))
    const center = await TestCenter.start({ clock })
    cleanups.push(() => center.close())
    const { kiosk, a, left } = await eveningWithOneLeft(center, clock)

    clock.set('2026-12-07T07:00:00Z') // 09:00 on the 7th: its first use closes the 6th's line
    await center.issue(kiosk, { serviceId: a.id })
    expect((await center.request('GET', `/api/v1/tickets/${left.id}`)).json().status).toBe('cancelled')
    const admin = await center.login('admin', ADMIN_PASSWORD)
    const report = async (day: string, by: string) =>
      (await center.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=${by}`, { token: admin })).json()

    // the 6th left one of its two uncalled past its target: cancelled at closing, SLA 1 of 2
    const sixth = await report('2026-12-06', 'day')
    expect(sixth.totals).toMatchObject({ issued: 2, called: 1, cancelled: 1, cancelledAtClosing: 1, slaCounted: 2, slaPercent: 50 })
    // in the 6th's last hour (23:00), not in hour 0 nor in the 7th's morning
    const hours = (await report('2026-12-06', 'hour')).rows
      .filter((r: any) => r.issued > 0 || r.cancelled > 0)
      .map((r: any) => [Number(r.key), r.cancelled, r.cancelledAtClosing])
    expect(hours).toEqual([
      [20, 0, 0],
      [23, 1, 1],
    ])

    // the 7th: one issued, nothing cancelled, nothing missed
    const seventh = await report('2026-12-07', 'day')
    expect(seventh.totals).toMatchObject({ issued: 1, cancelled: 0, cancelledAtClosing: 0 })
    const today = (await center.request('GET', '/api/v1/stats/today', { token: admin })).json()
    expect(today.day).toBe('2026-12-07')
    expect(today.totals).toMatchObject({ issued: 1, cancelled: 0, cancelledAtClosing: 0, slaCounted: 0 })

    // a rollup folded by the old rules (the 6th's ticket in the 7th) is folded again
    const db = center.app.tabour.db
    db.prepare("UPDATE report_state SET value = '4' WHERE key = 'foldVersion'").run()
    db.exec("UPDATE report_day SET cancelled = 0, cancelled_at_closing = 0, missed = 0 WHERE day = '2026-12-06'")
    expect((await report('2026-12-06', 'day')).totals).toMatchObject({ cancelled: 1, cancelledAtClosing: 1, slaPercent: 50 })
    expect((await report('2026-12-06', 'hour')).rows.find((r: any) => r.cancelled > 0)?.key).toBe(23)
    expect((await report('2026-12-07', 'day')).totals).toMatchObject({ issued: 1, cancelled: 0 })
  })

  it('an event written before closedAt was counts at the end of its local calendar day; any other event where it happened', () => {
    const e = { day: '2026-12-07', at: Date.parse('2026-12-07T07:00:00Z') }
    expect(countedIn(e, { reason: 'day_closed', day: '2026-12-06' }, 'Africa/Cairo')).toEqual({
      day: '2026-12-06',
      at: Date.parse('2026-12-06T22:00:00Z') - 1,
    })
    expect(countedIn(e, { reason: 'center_closed', day: '2026-12-06' }, 'Africa/Cairo')).toEqual(e)
    expect(countedIn(e, { reason: 'day_closed' }, 'Africa/Cairo')).toEqual(e)
    expect(countedIn(e, null, 'Africa/Cairo')).toEqual(e)
  })

  it("in the last hour of a business day that starts at 04:00, and at the hub as a revision of that day's hour", {
    timeout: 60_000,
  }, async () => {
    const clock = new TestClock(Date.parse('2026-12-06T18:00:00Z'))
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'A')
    const center = await startReportingCenter(hub, 'EG-CAI-031', clock)
    cleanups.push(() => center.close())
    const admin = await center.admin()
    const calendar = { ...DEFAULT_CALENDAR, businessDayStartsAt: '04:00' }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: calendar })).statusCode).toBe(200)
    const { kiosk, a } = await eveningWithOneLeft(center, clock)
    await drain(center)
    // the reporter goes through the night and the turn of the day before anyone uses the center
    clock.set('2026-12-07T06:00:00Z')
    await drain(center)

    clock.set('2026-12-07T07:00:00Z') // 09:00 on the 7th: its first use closes the 6th's line
    await center.issue(kiosk, { serviceId: a.id })
    await drain(center)
    const report = async (day: string, by: string) =>
      (await center.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=${by}`, { token: admin })).json()
    // the 6th's business day ended at 04:00 on the 7th: its last hour is 03:00
    const hours = (await report('2026-12-06', 'hour')).rows
      .filter((r: any) => r.issued > 0 || r.cancelled > 0)
      .map((r: any) => [Number(r.key), r.cancelled])
    expect(hours).toEqual([
      [3, 1],
      [20, 0],
    ])
    const hubDay = async (day: string) =>
      ((await hubJson(hub, `/api/hub/v1/figures?from=${day}&to=${day}&by=service&center=EG-CAI-031`)).rows as any[]).map((r) => ({
        issued: r.issued,
        cancelled: r.cancelled,
      }))
    expect(await hubDay('2026-12-06')).toEqual([{ issued: 2, cancelled: 1 }])
    expect(await hubDay('2026-12-07')).toEqual([{ issued: 1, cancelled: 0 }])
  })
})
