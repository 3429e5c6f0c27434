import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../../protocol/calendar.ts'
import { busyMsBy } from '../../../server/reports/busy-time.ts'

const workWeek = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: [], sat: [] }
}

/**
 * Walk s50, 09:33 in Cairo: counter 1 had been serving A-001 since its call at 09:03, and the
 * report by service said A's "counter time per open hour" was 0 % (only ended tickets counted)
 * while the report by clerk gave its clerk 1,780 busy seconds. One definition now
 * (server/reports/busy-time.ts): a ticket still at a counter is busy from its call to now.
 * Open 08:00–15:00; at 09:33 the day has been open 93 min, busy 30 min: 32.3 %.
 */
describe('busy time of a ticket still at a counter', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('counts for its service, counter, day and the total as for its clerk', { timeout: 60_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-12-06T08:00:00+02:00'))
    const local = (hhmm: string) => (clock.now = Date.parse(`2026-12-06T${hhmm}:00+02:00`))
    center = await TestCenter.start({ clock })
    const admin = await center.admin()
    const manager = (await center.createUser('boss', 'manager')).token
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const cal: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: workWeek('08:00', '15:00') }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })).statusCode).toBe(200)
    const clerk = await center.openCounterAs('clerk1', counter.id)
    local('09:00')
    await center.issue(kiosk, { serviceId: a.id })
    local('09:03')
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    expect((await center.action(clerk, counter.id, 'start')).statusCode).toBe(200)
    local('09:33')

    const report = async (by: string) =>
      (await center.request('GET', `/api/v1/stats/report?from=2026-12-06&to=2026-12-06&by=${by}`, { token: manager })).json()
    const byService = await report('service')
    expect(byService.rows[0]).toMatchObject({ key: a.id, served: 0, openMinutes: 93, utilisationPercent: 32.3 })
    expect(byService.totals).toMatchObject({ utilisationPercent: 32.3 })
    expect((await report('day')).rows[0]).toMatchObject({ key: '2026-12-06', utilisationPercent: 32.3 })
    const byClerk = await report('clerk')
    expect(byClerk.rows.find((r: { label: string }) => r.label === 'clerk1')).toMatchObject({ busySeconds: 1800 })

    // the same figure by counter (the rollups' busy time has no counter column on the wire)
    const q = { from: '2026-12-06', to: '2026-12-06', tz: 'Africa/Cairo', now: clock.now }
    const db = center.app.tabour.db
    expect(busyMsBy(db, 'counter', q).get(String(counter.id))).toBe(30 * 60_000)
    expect(busyMsBy(db, 'service', q).get(String(a.id))).toBe(30 * 60_000)
    // a range that ended before now counts none of it
    expect(busyMsBy(db, 'service', { ...q, from: '2026-12-05', to: '2026-12-05' }).get(String(a.id)) ?? 0).toBe(0)
  })
})
