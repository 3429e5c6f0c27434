import { afterEach, describe, expect, it } from 'vitest'
import { STAFF_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'

/**
 * The dashboard's hourly charts end at the center's current hour: an hour still to come has no
 * figure (null, a gap), not a zero; another day's hours are whole. The center's clock decides,
 * not the browser's (a browser running behind hid the hour a ticket was issued in).
 */
describe("today's hourly figures", () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('are figures up to the current hour and gaps after it, by the center clock; another day is whole', async () => {
    // 10:30 in Cairo (UTC+2 in March)
    const clock = new TestClock(Date.parse('2026-03-10T08:30:00Z'))
    center = await TestCenter.start({ clock })
    const service = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    await center.issue(kiosk, { serviceId: service.id })
    const manager = (await center.createUser('boss', 'manager')).token
    const hourly = async (query = '') => (await center!.request('GET', `/api/v1/stats/hourly${query}`, { token: manager })).json()

    const today = await hourly()
    expect(today.day).toBe('2026-03-10')
    expect(today.issued.slice(0, 11)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    expect(today.issued.slice(11)).toEqual(Array.from({ length: 13 }, () => null))
    expect(today.served[10]).toBe(0)
    expect(today.served[11]).toBeNull()
    expect(today.avgWaitSeconds[23]).toBeNull()
    expect(today.services[0].issued[10]).toBe(1)
    expect(today.services[0].issued[11]).toBeNull()
    // a center born today has no earlier week: no baseline, not a week of zeros (walk s40)
    expect(today.baselineDays).toEqual([])
    expect(today.baselineIssued.every((v: number | null) => v === null)).toBe(true)

    const yesterday = await hourly('?day=2026-03-09')
    expect(yesterday.issued).toEqual(Array.from({ length: 24 }, () => 0))

    // two weeks on, the baseline is the two weeks the center lived, whole, and their mean: one
    // ticket at 10:00 in the first, none in the second (not divided by the four weeks asked)
    clock.now = Date.parse('2026-03-24T08:30:00Z')
    // the session of two weeks ago has expired: the manager logs in again
    const again = await center.login('boss', STAFF_PASSWORD)
    const later = (await center.request('GET', '/api/v1/stats/hourly', { token: again })).json()
    expect(later.baselineDays).toEqual(['2026-03-17', '2026-03-10'])
    expect(later.baselineIssued.every((v: number | null) => v !== null)).toBe(true)
    expect(later.baselineIssued[10]).toBe(0.5)
  })
})
