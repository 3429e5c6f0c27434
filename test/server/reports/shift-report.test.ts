import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'

/**
 * GET /stats/shift (issue 15 item 9, the printable shift report): one clerk's day in Cairo
 * (2026-03-10, t0 = 10:00 local): every call they made with its local times, wait, time at the
 * counter and outcome (served, no-show, transferred, still open), their figures as the report
 * by clerk gives them, and when they held a counter. Hand-computed:
 *   open counter 1 at t0; A-001 call 60 (waited 60) finish 360; A-002 call 400 (400) no-show 500;
 *   A-003 call 600 (600) transfer to B 700; A-004 call 800 (800), still at the counter.
 */
describe('a clerk’s shift', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('lists every call with how it ended, the clerk’s figures and counter session', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const t0 = clock.now
    const at = (s: number) => (clock.now = t0 + s * 1000)
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const manager = (await center.createUser('boss', 'manager')).token
    for (let i = 0; i < 4; i++) await center.issue(kiosk, { serviceId: a.id })
    const step = async (s: number, action: string, body?: unknown) => {
      at(s)
      const res = await center.action(clerk, c1.id, action, body)
      expect(res.statusCode, res.body).toBe(200)
    }
    await step(60, 'call-next')
    await step(100, 'start')
    await step(360, 'finish')
    await step(400, 'call-next')
    await step(500, 'no-show')
    await step(600, 'call-next')
    await step(700, 'transfer', { serviceId: b.id })
    await step(800, 'call-next')
    at(900)
    const users = (await center.request('GET', '/api/v1/users', { token: await center.admin() })).json() as {
      id: number
      username: string
    }[]
    const userId = users.find((u) => u.username === 'clerk1')!.id
    const res = await center.request('GET', `/api/v1/stats/shift?day=2026-03-10&userId=${userId}`, { token: manager })
    expect(res.statusCode, res.body).toBe(200)
    const shift = res.json()
    expect(shift.user).toMatchObject({ id: userId, username: 'clerk1' })
    expect(
      shift.tickets.map((t: Record<string, unknown>) => [t.label, t.outcome, t.waitedSeconds, t.handledSeconds, t.counterNumber]),
    ).toEqual([
      ['A-001', 'finished', 60, 300, 1],
      ['A-002', 'no_show', 400, 100, 1],
      ['A-003', 'transferred', 600, 100, 1],
      ['A-004', 'open', 800, null, 1],
    ])
    // a plain finish writes no outcome in the event: "no outcome recorded", as the served-by-outcome table says
    expect(shift.tickets[0].finishedWith).toEqual({ code: null, nameAr: null, nameEn: null })
    expect(shift.tickets.slice(1).map((t: Record<string, unknown>) => t.finishedWith)).toEqual([undefined, undefined, undefined])
    expect(shift.tickets[0].calledAt).toBe(t0 + 60_000)
    expect(shift.figures).toMatchObject({ called: 4, served: 1, noShow: 1, transferred: 1, busySeconds: 300 + 100 + 100 + 100 })
    expect(shift.sessions).toEqual([{ counterNumber: 1, from: t0, until: null }])

    expect((await center.request('GET', '/api/v1/stats/shift?day=2026-03-10&userId=999', { token: manager })).statusCode).toBe(404)
    expect((await center.request('GET', `/api/v1/stats/shift?day=2026-03-10&userId=${userId}`, { token: clerk })).statusCode).toBe(403)
    expect((await center.request('GET', `/api/v1/stats/shift?day=2026-02-30&userId=${userId}`, { token: manager })).statusCode).toBe(400)
  })

  /**
   * Every finish carries the outcome the clerk picked (walk 2026-12-06, finding 1: a referral
   * printed as «خُدم / Served»): referred, incomplete papers, other, each by its configured
   * name; a code the center no longer lists by its code alone.
   */
  it('names each finish by the outcome the clerk picked, not "served"', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const manager = (await center.createUser('boss', 'manager')).token
    const picked = ['referred', 'incomplete_papers', 'other', 'served']
    for (const outcome of picked) {
      await center.issue(kiosk, { serviceId: a.id })
      clock.now += 60_000
      expect((await center.action(clerk, c1.id, 'call-next')).statusCode).toBe(200)
      expect((await center.action(clerk, c1.id, 'start')).statusCode).toBe(200)
      clock.now += 60_000
      const res = await center.action(clerk, c1.id, 'finish', { outcome })
      expect(res.statusCode, res.body).toBe(200)
    }
    // the center drops "other" from its list since: its finishes keep their code, with no names
    center.app.tabour.config.queue.finishOutcomes = center.app.tabour.config.queue.finishOutcomes.filter((o) => o.code !== 'other')
    const { userId } = (await center.request('GET', '/api/v1/stats/me', { token: clerk })).json()
    const res = await center.request('GET', `/api/v1/stats/shift?day=2026-03-10&userId=${userId}`, { token: manager })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().tickets.map((t: Record<string, unknown>) => [t.label, t.outcome, t.finishedWith])).toEqual([
      ['A-001', 'finished', { code: 'referred', nameAr: 'أُحيل إلى جهة أخرى', nameEn: 'Referred elsewhere' }],
      ['A-002', 'finished', { code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' }],
      ['A-003', 'finished', { code: 'other', nameAr: null, nameEn: null }],
      ['A-004', 'finished', { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }],
    ])
  })

  /**
   * A parked ticket is not "still at the counter": the day's close cancels only waiting tickets,
   * so one parked and never resumed is abandoned by the parking sweep at its deadline, even when
   * that falls after the day's end (Cairo midnight). By hand, t0 = 23:40 local on 2026-03-10:
   *   A-001 call 0, park at 60 for 5 min (60 s at the counter), abandoned at 360;
   *   A-002 call 100, park at 160 for 30 min (60 s), still parked at 00:05, past midnight;
   *   A-003 call 200, park at 230 for 30 min, resumed at 300, finished at 400: 30 + 100 = 130 s.
   */
  it('tells a parked ticket and an abandoned one from one still at the counter', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T21:40:00Z'))
    center = await TestCenter.start({ clock })
    const t0 = clock.now
    const at = (s: number) => (clock.now = t0 + s * 1000)
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const manager = (await center.createUser('boss', 'manager')).token
    const issued = []
    for (let i = 0; i < 3; i++) issued.push(await center.issue(kiosk, { serviceId: a.id }))
    const step = async (s: number, action: string, body?: unknown) => {
      at(s)
      const res = await center.action(clerk, c1.id, action, body)
      expect(res.statusCode, res.body).toBe(200)
    }
    await step(0, 'call-next')
    await step(60, 'park', { reason: 'missing_document', minutes: 5 })
    await step(100, 'call-next')
    await step(160, 'park', { reason: 'missing_document', minutes: 30 })
    await step(200, 'call-next')
    await step(230, 'park', { reason: 'missing_document', minutes: 30 })
    await step(300, 'resume-parked', { ticketId: issued[2]!.id })
    await step(300, 'start')
    await step(400, 'finish', {})
    at(1500) // 00:05 local on the next day: the day closed, A-001's deadline long past, A-002's ahead
    const users = (await center.request('GET', '/api/v1/users', { token: await center.admin() })).json() as {
      id: number
      username: string
    }[]
    const userId = users.find((u) => u.username === 'clerk1')!.id
    const res = await center.request('GET', `/api/v1/stats/shift?day=2026-03-10&userId=${userId}`, { token: manager })
    expect(res.statusCode, res.body).toBe(200)
    expect(
      res
        .json()
        .tickets.map((t: Record<string, unknown>) => [
          t.label,
          t.outcome,
          t.endedAt === null ? null : ((t.endedAt as number) - t0) / 1000,
          t.handledSeconds,
        ]),
    ).toEqual([
      ['A-001', 'abandoned', expect.any(Number), 60],
      ['A-002', 'parked', 160, 60],
      ['A-003', 'finished', 400, 130],
    ])
  })
})
