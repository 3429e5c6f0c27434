import { afterEach, describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { addNationalService } from '../../hub/hub-harness.ts'
import { pairFeedbackTablet, serveNext } from '../feedback/feedback-helpers.ts'
import { drain, hubJson, startHubLosingAcks, startReportingCenter } from './upstream-helpers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/**
 * Citizen ratings reach the national hub exactly once, through the real reporter and a real hub
 * on loopback: in the hour they were given, revised as more come in (the revision replaces, never
 * adds), and resent after lost acks (the hub stored the batch but its answer never arrived)
 * without being counted twice. Only counts and sums travel.
 */
describe('ratings upstream', () => {
  it('arrive at the hub exactly once, resends and revisions included', { timeout: 90_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z')) // 08:10 in Cairo
    // the hub stores each batch, then can lose its answer: the center must send it again
    const { hub, acks } = await startHubLosingAcks()
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'A')
    const center = await startReportingCenter(hub, 'EG-ALX-003', clock)
    cleanups.push(() => center.close())
    const a = (await center.createService({ prefix: 'A', nationalCode: 'A' })).id
    const counter = (await center.createCounter({ number: 1, serviceIds: [a] })).id
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter)
    const tablet = await pairFeedbackTablet(center, counter)
    const serveAndRate = async (score: number, reasons?: string[]) => {
      await center.issue(kiosk, { serviceId: a })
      clock.advance(60)
      const t = await serveNext(center, clerk, counter)
      const res = await center.request('POST', '/api/v1/feedback', { token: tablet.token, body: { ticketId: t.id, score, reasons } })
      expect(res.statusCode, res.body).toBe(201)
    }
    const hubRatings = async (by: 'service' | 'hour') =>
      ((await hubJson(hub, `/api/hub/v1/figures?from=2026-03-10&by=${by}&center=EG-ALX-003`)).rows as any[]).map((r) => ({
        key: r.key,
        ratingCount: r.ratingCount,
        ratingScoreSum: r.ratingScoreSum,
        ratingLow: r.ratingLow,
        avgRating: r.avgRating,
      }))

    // hour 08: three ratings, the first two acks lost
    acks.lose = 2
    await serveAndRate(5)
    await serveAndRate(2, ['wait'])
    await serveAndRate(1, ['staff'])
    await drain(center)
    expect(acks.lost).toBe(2)
    expect(await hubRatings('service')).toEqual([{ key: 'A', ratingCount: 3, ratingScoreSum: 8, ratingLow: 2, avgRating: 2.67 }])

    // still hour 08: one more rating revises the hour (replaces, never adds); its ack is lost too
    acks.lose = 1
    await serveAndRate(4)
    await drain(center)
    expect(acks.lost).toBe(3)
    expect(await hubRatings('service')).toEqual([{ key: 'A', ratingCount: 4, ratingScoreSum: 12, ratingLow: 2, avgRating: 3 }])

    // hour 09: its own row; 08 closes with the same four
    clock.set('2026-03-10T07:05:00Z')
    await serveAndRate(3)
    await drain(center)
    expect(await hubRatings('hour')).toEqual([
      { key: '8', ratingCount: 4, ratingScoreSum: 12, ratingLow: 2, avgRating: 3 },
      { key: '9', ratingCount: 1, ratingScoreSum: 3, ratingLow: 0, avgRating: 3 },
    ])
    // the hub's total equals the center's own report of the day
    const report = (
      await center.request('GET', '/api/v1/feedback/report?from=2026-03-10&to=2026-03-10', { token: await center.admin() })
    ).json()
    const [total] = await hubRatings('service')
    expect({ count: total.ratingCount, scoreSum: total.ratingScoreSum, low: total.ratingLow, average: total.avgRating }).toEqual({
      count: report.total.count,
      scoreSum: report.total.scoreSum,
      low: report.total.low,
      average: report.total.average,
    })
    // the hub's summary shows the national average rating
    expect((await hubJson(hub, '/api/hub/v1/summary?from=2026-03-10')).totals).toMatchObject({ ratingCount: 5, avgRating: 3 })
  })
})
