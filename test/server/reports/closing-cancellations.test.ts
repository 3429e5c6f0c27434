import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type WeeklyHours } from '../../../protocol/calendar.ts'
import { cancelledByPeople } from '../../../protocol/stats.ts'

/**
 * The reports count the tickets the center's closing cancelled apart from those a citizen or
 * staff cancelled (server/reports/rollup.ts, cancelled_at_closing): one day with a citizen's
 * cancel, a staff cancel and two tickets left waiting at a closing with cancel-after, and the
 * night's line cancelled at the next day's close. The live figures (GET /stats/today) split them
 * the same way, so the manager's live view and the day's report agree.
 */
const everyDay = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
}

describe('cancellations in the reports', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('counts the closing apart from citizens and staff, by day and by service, in the total too', async () => {
    // Cairo is UTC+2 in December: open 08:00–15:00, waiting tickets cancelled 30 minutes after closing
    const clock = new TestClock(Date.parse('2026-12-06T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const c = center
    const admin = await c.admin()
    const a = await c.createService({ prefix: 'A' })
    const b = await c.createService({ prefix: 'B' })
    await c.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const calendar = { ...DEFAULT_CALENDAR, weekly: everyDay('08:00', '15:00'), atClosing: 'cancel-after', cancelAfterMinutes: 30 }
    expect((await c.request('PUT', '/api/v1/calendar', { token: admin, body: calendar })).statusCode).toBe(200)
    const kiosk = (await c.createDevice('kiosk')).token
    const issue = (serviceId: number) => c.issue(kiosk, { serviceId })
    const mine = await issue(a.id)
    const staff = await issue(a.id)
    await issue(a.id)
    await issue(b.id)
    expect((await c.request('POST', `/api/v1/tickets/${mine.id}/cancel-mine`)).statusCode).toBe(200)
    const cancel = await c.request('POST', `/api/v1/tickets/${staff.id}/cancel`, { token: admin, body: { reason: 'other', note: 'twice' } })
    expect(cancel.statusCode, cancel.body).toBe(200)
    clock.set('2026-12-06T13:31:00Z') // 15:31: the two still waiting are cancelled by the closing
    const report = async (by: string, day = '2026-12-06') =>
      (await c.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=${by}`, { token: admin })).json()
    const split = (f: { cancelled: number; cancelledAtClosing?: number }) => [cancelledByPeople(f), f.cancelledAtClosing]
    const byDay = await report('day')
    expect(byDay.totals).toMatchObject({ cancelled: 4, cancelledAtClosing: 2 })
    expect(split(byDay.rows[0])).toEqual([2, 2])
    const byService = await report('service')
    expect(byService.rows.map((r: any) => [r.key, ...split(r)])).toEqual([
      [a.id, 2, 1],
      [b.id, 0, 1],
    ])
    // the manager's live figures split them the same way, and agree with the day's report
    const today = (await c.request('GET', '/api/v1/stats/today', { token: admin })).json()
    expect(today.day).toBe('2026-12-06')
    expect(split(today.totals)).toEqual(split(byDay.totals))
    expect(today.services.map((s: any) => [s.serviceId, ...split(s)])).toEqual(byService.rows.map((r: any) => [r.key, ...split(r)]))
    // the CSV has the closing's share beside the total, as the JSON
    const csv = (await c.request('GET', '/api/v1/stats/report.csv?from=2026-12-06&to=2026-12-06&by=day&lang=en', { token: admin })).body
    expect(csv).toContain('Tickets cancelled,Of which cancelled at closing,')
    expect(csv).toMatch(/\r\n2026-12-06,4,0,0,0,4,2,/)
  })

  it("counts the day's close (a ticket left waiting overnight) as the closing's", async () => {
    const clock = new TestClock(Date.parse('2026-12-06T18:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [a.id] })
    const late = await center.issue((await center.createDevice('kiosk')).token, { serviceId: a.id })
    clock.set('2026-12-07T07:00:00Z') // the next morning's first use closes the 6th's line
    expect((await center.request('GET', `/api/v1/tickets/${late.id}`)).json().status).toBe('cancelled')
    // a fresh sign-in: the session of the evening before has expired overnight
    const admin = await center.login('admin', ADMIN_PASSWORD)
    const res = await center.request('GET', '/api/v1/stats/report?from=2026-12-06&to=2026-12-07&by=day', { token: admin })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().totals).toMatchObject({ cancelled: 1, cancelledAtClosing: 1 })
  })
})
