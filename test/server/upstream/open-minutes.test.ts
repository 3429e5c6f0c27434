import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { registerCenter, startTestHub } from '../../hub/hub-harness.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../../protocol/calendar.ts'
import { drain, hubJson, UPSTREAM_TEST_CONFIG } from './upstream-helpers.ts'
import { dayFigures, registerHourFunction } from '../../../server/upstream/hourly-figures.ts'

/**
 * The hourly batch carries the minutes each service was inside its opening hours (issue 18), and
 * the hub sums them. Sunday 6 December 2026 in Cairo (UTC+2): the center opens 08:00–15:00,
 * service B only 08:00–12:00. One counter serving A and B is open 07:30–15:30, so both services
 * have a row for every hour 7–15:
 *   A: hours 8–14 open 60 min each = 420; B: hours 8–11 = 240; hour 7 and hour 15: 0.
 *   By hour at the hub: 8 → 120 (A + B), 12 → 60 (A), 15 → 0.
 */
const workWeek = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: [], sat: [] }
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('open minutes upstream', () => {
  it('a batch row carries its service’s open minutes of the hour and the hub sums them', { timeout: 60_000 }, async () => {
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    const secret = await registerCenter(hub, 'EG-CAI-011')
    const clock = new TestClock(Date.parse('2026-12-06T05:30:00Z'))
    const center = await TestCenter.start({
      clock,
      config: { upstream: { url: hub.url, centerId: 'EG-CAI-011', secret, ...UPSTREAM_TEST_CONFIG } },
    })
    cleanups.push(() => center.close())
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const cal: CenterCalendar = {
      ...DEFAULT_CALENDAR,
      weekly: workWeek('08:00', '15:00'),
      services: [{ serviceId: b.id, weekly: workWeek('08:00', '12:00'), lastTicketMinutes: 0, stopWhenWaitPastClose: false }],
    }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })).statusCode).toBe(200)
    const clerk = await center.openCounterAs('clerk', counter.id)
    clock.set('2026-12-06T13:30:00Z') // 15:30 local
    expect((await center.action(clerk, counter.id, 'close')).statusCode).toBe(200)
    clock.set('2026-12-06T14:10:00Z')
    await drain(center)

    // what the batches carried, as the hub stored them
    const { rows: stored } = await sql<{ service_code: string; open_minutes: number }>`SELECT service_code, open_minutes FROM hub_figures
      WHERE center_id = 'EG-CAI-011' AND day = '2026-12-06' AND hour = 12 ORDER BY service_code`.execute(hub.store.db)
    expect(stored.map((r) => [r.service_code, Number(r.open_minutes)])).toEqual([
      ['A', 60],
      ['B', 0],
    ])

    const byService = (await hubJson(hub, '/api/hub/v1/figures?from=2026-12-06&by=service&center=EG-CAI-011')).rows
    const minutes = Object.fromEntries(byService.map((r: { localCode: string; openMinutes: number }) => [r.localCode, r.openMinutes]))
    expect(minutes).toEqual({ A: 420, B: 240 })
    const byHour = (await hubJson(hub, '/api/hub/v1/figures?from=2026-12-06&by=hour&center=EG-CAI-011')).rows
    const hour = (h: string) => byHour.find((r: { key: string }) => r.key === h)?.openMinutes
    expect([hour('7'), hour('8'), hour('12'), hour('14'), hour('15')]).toEqual([0, 120, 60, 60, 0])
  })
})

describe('open minutes of the running hour', () => {
  it('count up to now and from the center’s first moment, as the center’s own report does', async () => {
    // a center first used at 12:04 local (10:04Z), open 08:00–15:00; its batch at 12:16 said 60
    // open minutes for hour 12 (walk s51: 300 from five services), the center's report 12
    const clock = new TestClock(Date.parse('2026-12-06T10:04:00Z'))
    const center = await TestCenter.start({ clock })
    cleanups.push(() => center.close())
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const cal: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: workWeek('08:00', '15:00') }
    expect((await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: cal })).statusCode).toBe(200)
    await center.openCounterAs('clerk', counter.id)
    clock.set('2026-12-06T10:16:00Z')
    const db = center.app.tabour.db
    registerHourFunction(db, () => 'Africa/Cairo')
    const noon = dayFigures(db, 'Africa/Cairo', '2026-12-06', clock.now)
      .get(12)
      ?.find((f) => f.serviceCode === 'A')
    expect(noon).toMatchObject({ openMinutes: 12, counterOpenMinutes: 12 })
  })
})
