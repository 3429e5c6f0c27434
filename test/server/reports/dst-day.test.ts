import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { addDays, dayStartMs, daysBetween, isRealDay, localIsoTime } from '../../../protocol/center-clock.ts'
import { cachedLocalHour, cachedLocalIsoTime, nearestRank } from '../../../server/reports/sql-functions.ts'

const CAIRO = 'Africa/Cairo'

describe('report helpers', () => {
  it('nearest-rank percentile', () => {
    expect(nearestRank([], 90)).toBeNull()
    expect(nearestRank([5], 90)).toBe(5)
    expect(nearestRank([100, 500, 700], 90)).toBe(700)
    // 10 values: rank ⌈9⌉ = 9th
    expect(nearestRank([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 90)).toBe(9)
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2)
  })

  it('local days, their starts across the Cairo DST changes, and the cached local hour', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(isRealDay('2026-02-29')).toBe(false)
    expect(dayStartMs('2026-03-10', CAIRO)).toBe(Date.parse('2026-03-09T22:00:00Z'))
    // spring forward: Apr 24 begins at 01:00 EEST = 22:00Z (there is no 00:xx)
    expect(dayStartMs('2026-04-24', CAIRO)).toBe(Date.parse('2026-04-23T22:00:00Z'))
    expect(dayStartMs('2026-04-25', CAIRO)).toBe(Date.parse('2026-04-24T21:00:00Z'))
    // fall back: Oct 29 is 25 hours long, from 21:00Z to 22:00Z the next evening
    expect(dayStartMs('2026-10-29', CAIRO)).toBe(Date.parse('2026-10-28T21:00:00Z'))
    expect(dayStartMs('2026-10-30', CAIRO)).toBe(Date.parse('2026-10-29T22:00:00Z'))
    expect(cachedLocalHour(Date.parse('2026-04-23T22:30:00Z'), CAIRO)).toBe(1)
    expect(cachedLocalHour(Date.parse('2026-10-29T20:30:00Z'), CAIRO)).toBe(23)
    expect(cachedLocalHour(Date.parse('2026-10-29T21:30:00Z'), CAIRO)).toBe(23)
    expect(dayStartMs('2026-03-10', 'Asia/Kathmandu')).toBe(Date.parse('2026-03-09T18:15:00Z'))
  })

  it('the CSV times: local with their offset, the same through the cache across DST changes and :30/:45 zones (issue 15)', () => {
    expect(localIsoTime(Date.parse('2026-12-03T12:05:00.900Z'), CAIRO)).toBe('2026-12-03T14:05:00+02:00')
    expect(localIsoTime(Date.parse('2026-07-03T12:05:00Z'), CAIRO)).toBe('2026-07-03T15:05:00+03:00')
    // the last minute before and the first after Cairo's fall-back (Oct 29 24:00 → 23:00)
    expect(cachedLocalIsoTime(Date.parse('2026-10-29T20:59:59Z'), CAIRO)).toBe('2026-10-29T23:59:59+03:00')
    expect(cachedLocalIsoTime(Date.parse('2026-10-29T21:00:00Z'), CAIRO)).toBe('2026-10-29T23:00:00+02:00')
    for (const tz of [CAIRO, 'America/St_Johns', 'Asia/Kathmandu', 'America/Santiago', 'UTC']) {
      for (let i = 0; i < 3000; i++) {
        const at = Date.parse('2026-01-01T00:00:00Z') + i * 10_512_345 + 999
        expect(cachedLocalIsoTime(at, tz), `${tz} ${at}`).toBe(localIsoTime(at, tz))
      }
    }
  })
})

describe('reports across the Cairo DST changes', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function setup(startIso: string) {
    const clock = new TestClock(Date.parse(startIso))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600 })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const manager = (await center.createUser('boss', 'manager')).token
    const serve = async (waitS: number, serviceS: number) => {
      await center.issue(kiosk, { serviceId: a.id })
      clock.advance(waitS)
      expect((await center.action(clerk, c1.id, 'call-next')).statusCode).toBe(200)
      clock.advance(serviceS)
      expect((await center.action(clerk, c1.id, 'start')).statusCode).toBe(200)
      expect((await center.action(clerk, c1.id, 'finish')).statusCode).toBe(200)
    }
    const get = async (by: string, day: string) =>
      (await center.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=${by}`, { token: manager })).json()
    return { clock, serve, clerk, c1, get }
  }

  it('the 25-hour day of 2026-10-29: the repeated 23:00 hour counts twice under 23, the clerk open 1 h 50 min', async () => {
    // 23:00 EEST = 20:00Z; the clocks go back at 21:00Z to 23:00 EET
    const s = await setup('2026-10-29T20:00:00Z')
    s.clock.set('2026-10-29T20:30:00Z') // 23:30 EEST
    await s.serve(120, 300) // called 20:32Z, finished 20:37Z
    s.clock.set('2026-10-29T21:30:00Z') // 23:30 EET, the second 23:30 of the day
    await s.serve(60, 200) // called 21:31Z, finished 21:34:20Z
    s.clock.set('2026-10-29T21:50:00Z') // 23:50 EET
    expect((await center.action(s.clerk, s.c1.id, 'close')).statusCode).toBe(200)

    const byHour = await s.get('hour', '2026-10-29')
    expect(byHour.rows[23]).toMatchObject({
      issued: 2,
      called: 2,
      served: 2,
      avgWaitSeconds: 90,
      p90WaitSeconds: 120,
      avgServiceSeconds: 250,
      slaPercent: 100,
    })
    expect(byHour.rows.reduce((n: number, r: { issued: number }) => n + r.issued, 0)).toBe(2)
    const byDay = await s.get('day', '2026-10-29')
    expect(byDay.rows).toEqual([expect.objectContaining({ key: '2026-10-29', issued: 2, served: 2 })])
    const next = await s.get('day', '2026-10-30')
    expect(next.rows[0].issued).toBe(0)
    // 20:00Z → 21:50Z is 6600 s although the wall clock moved 50 minutes; busy 300 + 200
    const byClerk = await s.get('clerk', '2026-10-29')
    expect(byClerk.rows[0]).toMatchObject({ label: 'clerk1', busySeconds: 500, idleSeconds: 6100, pauseSeconds: 0 })
  })

  it('the 23-hour day of 2026-04-24 starts at 01:00 local: a ticket at 22:30Z belongs to it, hour 1', async () => {
    const s = await setup('2026-04-23T21:40:00Z') // 23:40 EET on Apr 23
    await s.serve(600, 60) // issued 21:40Z (Apr 23, 23:40), called 21:50Z, finished 21:51Z
    s.clock.set('2026-04-23T22:30:00Z') // 01:30 EEST on Apr 24
    await s.serve(1200, 100) // waited 1200 > 600
    s.clock.set('2026-04-23T23:00:00Z')
    const apr23 = await s.get('hour', '2026-04-23')
    expect(apr23.rows[23]).toMatchObject({ issued: 1, served: 1, avgWaitSeconds: 600, slaPercent: 100 })
    const apr24 = await s.get('hour', '2026-04-24')
    expect(apr24.rows[0]).toMatchObject({ issued: 0, called: 0 })
    expect(apr24.rows[1]).toMatchObject({ issued: 1, called: 1, served: 1, avgWaitSeconds: 1200, slaPercent: 0 })
    // the clerk opened at 21:40Z on Apr 23: open time splits at Apr 24's first instant, 22:00Z
    const c23 = await s.get('clerk', '2026-04-23')
    expect(c23.rows[0]).toMatchObject({ busySeconds: 60, idleSeconds: 20 * 60 - 60 })
    const c24 = await s.get('clerk', '2026-04-24')
    expect(c24.rows[0]).toMatchObject({ busySeconds: 100, idleSeconds: 3600 - 100 })
  })
})
