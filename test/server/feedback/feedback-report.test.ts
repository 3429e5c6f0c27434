import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { KeypadPress } from '../../../server/devices/keypad-press.ts'
import { pairFeedbackTablet, serveNext } from './feedback-helpers.ts'

const zeroReasons = { wait: 0, staff: 0, information: 0, papers: 0, other: 0 }

/**
 * A fixture day of ratings, played through the real API (and a keypad key) on a real SQLite
 * file, and its report computed by hand: by service, counter, clerk and local hour (Cairo, UTC+2
 * in March), with averages and low shares rounded to 2 places. Then the manager's alert.
 *
 *   hour 10: A-001 counter 1 (ali)  5 (status page)    A-002 counter 1 (ali)  2 wait (tablet 1)
 *            B-001 counter 2 (mona) 1 staff+wait (tablet 2)
 *   hour 11: A-003 counter 2 (mona) 4 (tablet 2)       A-004 counter 1 (ali)  not rated
 *            B-002 counter 2 (mona) 3 (keypad key 3)
 */
describe('feedback report of a fixture day', () => {
  const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
  let center: TestCenter
  let report: unknown
  const liveAt: Record<string, unknown> = {}

  beforeAll(async () => {
    center = await TestCenter.start({ clock, config: { feedback: { alertBelowAverage: 4, alertMinRatings: 2, alertWindowMinutes: 60 } } })
    const a = (await center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID' })).id
    const b = (await center.createService({ prefix: 'B', nameAr: 'المرور', nameEn: 'Traffic' })).id
    const c1 = (await center.createCounter({ number: 1, serviceIds: [a] })).id
    const c2 = (await center.createCounter({ number: 2, serviceIds: [a, b] })).id
    const kiosk = (await center.createDevice('kiosk')).token
    const ali = await center.openCounterAs('ali', c1)
    const mona = await center.openCounterAs('mona', c2)
    const tablet1 = await pairFeedbackTablet(center, c1, 'tablet 1')
    const tablet2 = await pairFeedbackTablet(center, c2, 'tablet 2')
    const manager = (await center.createUser('boss', 'manager')).token
    const keypad = new KeypadPress(center.app.tabour.queue, center.app.tabour.queue.ctx.users)
    const served = async (serviceId: number, clerk: string, counterId: number) => {
      await center.issue(kiosk, { serviceId })
      clock.advance(60)
      return serveNext(center, clerk, counterId)
    }
    const byTablet = async (token: string, ticketId: string, score: number, reasons?: string[]) => {
      const res = await center.request('POST', '/api/v1/feedback', { token, body: { ticketId, score, reasons } })
      expect(res.statusCode, res.body).toBe(201)
    }

    // nothing has finished at counter 2 yet: the keypad has nothing to rate (NAK I)
    expect(keypad.run(c2, '3')).toMatchObject({ ok: false, reason: 'I' })
    const a1 = await served(a, ali, c1)
    expect((await center.request('POST', `/api/v1/feedback/tickets/${a1.id}`, { body: { score: 5 } })).statusCode).toBe(201)
    const a2 = await served(a, ali, c1)
    await byTablet(tablet1.token, a2.id, 2, ['wait'])
    const b1 = await served(b, mona, c2)
    await byTablet(tablet2.token, b1.id, 1, ['staff', 'wait'])
    liveAt.hour10 = (await center.request('GET', '/api/v1/feedback/live', { token: manager })).json()

    clock.set('2026-03-10T09:10:00Z')
    const a3 = await served(a, mona, c2)
    await byTablet(tablet2.token, a3.id, 4)
    await served(a, ali, c1)
    await served(b, mona, c2)
    // the keypad rates the ticket that left counter 2 last (B-002), once
    expect(keypad.run(c2, '3')).toEqual({ ok: true, label: '' })
    expect(keypad.run(c2, '5')).toMatchObject({ ok: false, reason: 'T' })
    liveAt.hour11 = (await center.request('GET', '/api/v1/feedback/live', { token: manager })).json()

    const res = await center.request('GET', '/api/v1/feedback/report?from=2026-03-10&to=2026-03-10', { token: manager })
    expect(res.statusCode, res.body).toBe(200)
    report = res.json()
  })
  afterAll(() => center.close())

  it('gives count, average, share of low scores and reasons by service, counter, clerk and hour, as computed by hand', () => {
    const fig = (count: number, scoreSum: number, average: number, low: number, lowShare: number, reasons = {}) => ({
      count,
      scoreSum,
      average,
      low,
      lowShare,
      reasons: { ...zeroReasons, ...reasons },
    })
    const counter1 = fig(2, 7, 3.5, 1, 0.5, { wait: 1 })
    const counter2 = fig(3, 8, 2.67, 1, 0.33, { staff: 1, wait: 1 })
    expect(report).toEqual({
      from: '2026-03-10',
      to: '2026-03-10',
      total: fig(5, 15, 3, 2, 0.4, { wait: 2, staff: 1 }),
      byService: [
        { serviceId: 1, nameAr: 'الرقم القومي', nameEn: 'National ID', ...fig(3, 11, 3.67, 1, 0.33, { wait: 1 }) },
        { serviceId: 2, nameAr: 'المرور', nameEn: 'Traffic', ...fig(2, 4, 2, 1, 0.5, { staff: 1, wait: 1 }) },
      ],
      byCounter: [
        { counterId: 1, number: 1, name: 'Counter 1', ...counter1 },
        { counterId: 2, number: 2, name: 'Counter 2', ...counter2 },
      ],
      byClerk: [
        { clerkId: 2, username: 'ali', ...counter1 },
        { clerkId: 3, username: 'mona', ...counter2 },
      ],
      byHour: [
        { hour: 10, ...fig(3, 8, 2.67, 2, 0.67, { wait: 2, staff: 1 }) },
        { hour: 11, ...fig(2, 7, 3.5, 0, 0) },
      ],
    })
  })

  it("alerts on a counter whose last hour's ratings average below the threshold, once it has enough of them", () => {
    // hour 10: counter 1 has (5, 2) = 3.5 < 4 with 2 ratings; counter 2 has only one
    expect((liveAt.hour10 as { alerts: unknown[] }).alerts).toEqual([
      { counterId: 1, number: 1, name: 'Counter 1', count: 2, average: 3.5, threshold: 4, windowMinutes: 60 },
    ])
    // hour 11: the hour-10 ratings left the window; counter 2 has (4, 3) = 3.5
    const at11 = liveAt.hour11 as { alerts: unknown[]; today: { count: number; average: number } }
    expect(at11.alerts).toEqual([{ counterId: 2, number: 2, name: 'Counter 2', count: 2, average: 3.5, threshold: 4, windowMinutes: 60 }])
    expect(at11.today).toMatchObject({ count: 5, average: 3 })
  })
})
