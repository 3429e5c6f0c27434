import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../../protocol/calendar.ts'

/**
 * Figures that know the opening hours (issue 18), on a hand-computed Sunday in Cairo (UTC+2,
 * 6 December 2026). The center opens 08:00–15:00; service B only 08:00–12:00. One counter serves
 * both, one ticket at a time (call to finish is the busy time):
 *
 *   A-1 issued by staff 07:30 (outside), called 08:00, finished 08:10 (inside)   busy 10 min
 *   B-1 issued by the kiosk 11:50 (inside), called 11:55, finished 12:05 (outside B) busy 10 min
 *   A-2 issued by the kiosk 14:50 (inside), called 14:55, finished 15:20 (outside) busy 25 min
 *   A-3 issued by staff 15:30 (outside), called 15:30, finished 15:35 (outside)   busy 5 min
 *
 * A: open 420 min, busy 40 min → 9.5 %, issued outside 2, served outside 2.
 * B: open 240 min, busy 10 min → 4.2 %, issued outside 0, served outside 1.
 * Center: open 420 min, busy 50 min → 11.9 %, issued outside 2, served outside 3.
 */
const workWeek = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: [], sat: [] }
}

describe('report figures over the opening hours', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('counts minutes open, utilisation, and tickets issued and served outside hours', { timeout: 60_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-12-06T05:30:00Z'))
    const local = (hhmm: string) => (clock.now = Date.parse(`2026-12-06T${hhmm}:00+02:00`))
    center = await TestCenter.start({ clock })
    const admin = await center.admin()
    const manager = (await center.createUser('boss', 'manager')).token
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const cal: CenterCalendar = {
      ...DEFAULT_CALENDAR,
      weekly: workWeek('08:00', '15:00'),
      services: [{ serviceId: b.id, weekly: workWeek('08:00', '12:00'), lastTicketMinutes: 0, stopWhenWaitPastClose: false }],
    }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })).statusCode).toBe(200)
    const serve = async (callAt: string, finishAt: string) => {
      local(callAt)
      expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
      expect((await center.action(clerk, counter.id, 'start')).statusCode).toBe(200)
      local(finishAt)
      const finished = await center.action(clerk, counter.id, 'finish')
      expect(finished.statusCode, finished.body).toBe(200)
    }

    local('07:30')
    await center.issue(admin, { serviceId: a.id })
    await serve('08:00', '08:10')
    local('11:50')
    // today so far: 08:00 to 11:50 has passed, not the day's seven hours (walk of 2026-12-06: at
    // 01:49 a report said the day had been open 24 hours)
    const soFar = await center.request('GET', '/api/v1/stats/report?from=2026-12-06&to=2026-12-06&by=service', { token: manager })
    expect(soFar.json().totals).toMatchObject({ openMinutes: 230 })
    expect(soFar.json().rows.map((r: { openMinutes: number }) => r.openMinutes)).toEqual([230, 230])
    await center.issue(kiosk, { serviceId: b.id })
    await serve('11:55', '12:05')
    local('14:50')
    await center.issue(kiosk, { serviceId: a.id })
    await serve('14:55', '15:20')
    local('15:30')
    await center.issue(admin, { serviceId: a.id })
    await serve('15:30', '15:35')

    const get = (by: string) =>
      center.request('GET', `/api/v1/stats/report?from=2026-12-06&to=2026-12-06&by=${by}`, { token: manager }).then((r) => r.json())
    const byService = await get('service')
    expect(
      byService.rows.map((r: Record<string, unknown>) => [
        r.key,
        r.openMinutes,
        r.utilisationPercent,
        r.issuedOutsideHours,
        r.servedOutsideHours,
      ]),
    ).toEqual([
      [a.id, 420, 9.5, 2, 2],
      [b.id, 240, 4.2, 0, 1],
    ])
    expect(byService.totals).toMatchObject({
      served: 4,
      openMinutes: 420,
      utilisationPercent: 11.9,
      issuedOutsideHours: 2,
      servedOutsideHours: 3,
    })
    const byDay = await get('day')
    expect(byDay.rows[0]).toMatchObject({
      key: '2026-12-06',
      openMinutes: 420,
      utilisationPercent: 11.9,
      issuedOutsideHours: 2,
      servedOutsideHours: 3,
    })
    // a closed Friday: no open minute, no utilisation
    const friday = (await center.request('GET', '/api/v1/stats/report?from=2026-12-04&to=2026-12-04&by=service', { token: manager })).json()
    expect(friday.totals).toMatchObject({ openMinutes: 0, utilisationPercent: null, issuedOutsideHours: 0 })

    const csv = (
      await center.request('GET', '/api/v1/stats/report.csv?from=2026-12-06&to=2026-12-06&by=service&lang=en', { token: manager })
    ).body
    const [header, rowA, , total] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    // then the served-by-outcome columns of a service report (served-by-outcome.ts)
    expect(header).toMatch(
      /,Minutes within opening hours \(up to the report\),"?Counter time with tickets per open hour \(%; two counters always busy = 200\)"?,Issued outside hours,Finished outside hours,Finished with outcome: /,
    )
    expect(rowA).toMatch(/,420,9\.5,2,2(,\d+)+$/)
    expect(total).toMatch(/,420,11\.9,2,3(,\d+)+$/)

    // only the minutes the center has lived are open (walk of 2026-12-06: a new center's report said
    // it stood open 8 hours on each day before it existed, and 24 hours of a day two hours old)
    const week = (await center.request('GET', '/api/v1/stats/report?from=2026-12-01&to=2026-12-06&by=day', { token: manager })).json()
    expect(week.rows.map((r: { key: string; openMinutes: number }) => [r.key, r.openMinutes])).toEqual([
      ['2026-12-01', 0],
      ['2026-12-02', 0],
      ['2026-12-03', 0],
      ['2026-12-04', 0],
      ['2026-12-05', 0],
      ['2026-12-06', 420],
    ])
    expect(week.totals).toMatchObject({ openMinutes: 420, utilisationPercent: 11.9 })

    // rows by clerk, counter or hour carry no hours figures: neither does their total line (walk of
    // 2026-12-06: the clerk CSV's total held the center's 4 min and 167.1 % under clerk columns)
    for (const by of ['clerk', 'counter', 'hour']) {
      const r = (await center.request('GET', `/api/v1/stats/report?from=2026-12-06&to=2026-12-06&by=${by}`, { token: manager })).json()
      expect(r.totals.openMinutes, by).toBeUndefined()
      expect(r.totals.utilisationPercent, by).toBeUndefined()
      const h = (await center.request('GET', `/api/v1/stats/report.csv?from=2026-12-06&to=2026-12-06&by=${by}&lang=en`, { token: manager }))
        .body
      expect(h, by).not.toContain('Minutes within opening hours')
    }
  })
})
