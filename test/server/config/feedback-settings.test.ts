import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { pairFeedbackTablet, serveNext } from '../feedback/feedback-helpers.ts'

let center: TestCenter | undefined
afterEach(async () => {
  await center?.close()
  center = undefined
})

/**
 * The feedback settings an admin edits (PUT /settings, issue 21): the rating window and the
 * low-rating alert apply at once, without a restart, and dropping an override
 * (null) brings the config's value back.
 */
describe('feedback settings, admin-editable', () => {
  it('the rating window and the alert thresholds follow the admin’s overrides', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const admin = await center.admin()
    const a = (await center.createService({ prefix: 'A' })).id
    const counter = (await center.createCounter({ number: 1, serviceIds: [a] })).id
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter)
    const tablet = (await pairFeedbackTablet(center, counter)).token
    const rate = (ticketId: string, score: number) =>
      center!.request('POST', '/api/v1/feedback', { token: tablet, body: { ticketId, score } })
    const put = (body: Record<string, unknown>) => center!.request('PUT', '/api/v1/settings', { token: admin, body })
    const alerts = async () => (await center!.request('GET', '/api/v1/feedback/live', { token: admin })).json().alerts

    // the config's defaults: a 4 of 5 raises no alert (below 3, at least 5 ratings)
    const defaults = (await center.request('GET', '/api/v1/settings', { token: admin })).json()
    expect(defaults.values).toMatchObject({
      feedbackWindowMinutes: 30,
      feedbackAlertBelowAverage: 3,
      feedbackAlertMinRatings: 5,
      feedbackAlertWindowMinutes: 60,
    })
    await center.issue(kiosk, { serviceId: a })
    const first = await serveNext(center, clerk, counter)
    expect((await rate(first.id, 4)).statusCode).toBe(201)
    expect(await alerts()).toEqual([])

    // stricter alert, shorter window: the same rating now raises the alert
    const res = await put({
      feedbackWindowMinutes: 5,
      feedbackAlertBelowAverage: 4.5,
      feedbackAlertMinRatings: 1,
      feedbackAlertWindowMinutes: 15,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().overridden.sort()).toEqual([
      'feedbackAlertBelowAverage',
      'feedbackAlertMinRatings',
      'feedbackAlertWindowMinutes',
      'feedbackWindowMinutes',
    ])
    expect(await alerts()).toMatchObject([{ counterId: counter, count: 1, average: 4, threshold: 4.5, windowMinutes: 15 }])

    // a ticket finished 6 minutes ago can no longer be rated (5-minute window)
    await center.issue(kiosk, { serviceId: a })
    const second = await serveNext(center, clerk, counter)
    clock.advance(6 * 60)
    const late = await rate(second.id, 5)
    expect(late.statusCode).toBe(410)
    expect(late.json().code).toBe('TABOUR_ERR_RATING_WINDOW_CLOSED')
    // …and the alert's window (15 min) still holds the first rating
    expect(await alerts()).toHaveLength(1)

    // out of range: refused, nothing changed
    expect((await put({ feedbackAlertBelowAverage: 6 })).statusCode).toBe(400)
    expect((await put({ feedbackWindowMinutes: 0 })).statusCode).toBe(400)

    // dropping the window's override: 30 minutes again, the late ticket may be rated
    const dropped = await put({ feedbackWindowMinutes: null })
    expect(dropped.json().values.feedbackWindowMinutes).toBe(30)
    const rated = await rate(second.id, 5)
    expect(rated.statusCode, rated.body).toBe(201)
  })
})
