import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app.ts'
import { STAFF_PASSWORD, TestCenter, TestClock } from '../helpers/test-center.ts'
import { logViolations, readLog } from '../helpers/log-invariants.ts'

/**
 * The center's day end to end, through the API with a controlled clock in Africa/Cairo: a
 * working day that runs past local midnight, and Egypt's 2026 DST switches (Friday 24 April
 * 00:00 EET → 01:00 EEST, a 23-hour day; Thursday 29 October 24:00 EEST → 23:00 EET, a 25-hour
 * day). Numbering, the closing of the old day, waits, estimates and /stats/today must follow
 * real elapsed time and the local calendar. (local-day.test.ts and dst-day.test.ts cover the
 * pure functions and the range reports.)
 */
describe('day boundaries through the API (Africa/Cairo)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  const CAIRO = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Cairo', dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' })

  it("this machine's tzdata has the 2026 switches where Egypt's rule puts them", () => {
    // last Friday of April at 00:00 → 01:00, last Thursday of October at 24:00 → 23:00
    expect(CAIRO.format(Date.parse('2026-04-23T21:59:00Z'))).toBe('2026-04-23, 23:59')
    expect(CAIRO.format(Date.parse('2026-04-23T22:00:00Z'))).toBe('2026-04-24, 01:00')
    expect(new Date('2026-04-24T12:00:00Z').getUTCDay()).toBe(5)
    expect(CAIRO.format(Date.parse('2026-10-29T20:59:00Z'))).toBe('2026-10-29, 23:59')
    expect(CAIRO.format(Date.parse('2026-10-29T21:00:00Z'))).toBe('2026-10-29, 23:00')
    expect(CAIRO.format(Date.parse('2026-10-29T22:00:00Z'))).toBe('2026-10-30, 00:00')
    expect(new Date('2026-10-29T12:00:00Z').getUTCDay()).toBe(4)
  })

  /** A center at `startIso` with services A and B, counters 1 (A, B), 2 (A) and 3 (A, B) open, a kiosk and a manager. */
  async function setUp(startIso: string) {
    const clock = new TestClock(Date.parse(startIso))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const counters = [
      await center.createCounter({ number: 1, serviceIds: [a.id, b.id] }),
      await center.createCounter({ number: 2, serviceIds: [a.id] }),
      await center.createCounter({ number: 3, serviceIds: [a.id, b.id] }),
    ]
    const clerks = await Promise.all(counters.map((c, i) => center.openCounterAs(`clerk${i + 1}`, c.id)))
    const kiosk = (await center.createDevice('kiosk')).token
    const manager = (await center.createUser('boss', 'manager')).token
    /** POST /counters/<n>/<action> by its clerk; the answer's body, or a failure with it. */
    const act = async (n: 1 | 2 | 3, action: string, body?: unknown) => {
      const res = await center.action(clerks[n - 1], counters[n - 1].id, action, body)
      expect(res.statusCode, `counter ${n} ${action}: ${res.body}`).toBe(200)
      return res.json()
    }
    const issue = (serviceId: number) => center.issue(kiosk, { serviceId })
    const status = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()
    const today = async () => (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    const services = async () => (await center.request('GET', '/api/v1/services', { token: kiosk })).json()
    const report = async (day: string) =>
      (await center.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=day`, { token: manager })).json()
    return { clock, a, b, counters, act, issue, status, today, services, report }
  }

  /** Every ticket's (service, day, number), for the numbering checks. */
  const numbering = () =>
    center.app.tabour.db.prepare('SELECT label, day FROM tickets ORDER BY day, issued_service_id, number').all() as {
      label: string
      day: string
    }[]

  const dayClosed = (ticketId: string, db = center.app.tabour.db) =>
    db
      .prepare(
        "SELECT day, json_extract(data, '$.reason') AS reason, json_extract(data, '$.day') AS ticketDay FROM events WHERE ticket_id = ? AND type = 'ticket.cancelled'",
      )
      .all(ticketId)

  it('a working day past local midnight: tickets at counters carry on, waiting ones close with their day, numbers restart at 1', async () => {
    const s = await setUp('2026-03-10T21:30:00Z') // 23:30 in Cairo (UTC+2 in March)
    // a minute apart, so the line's order is plain (equal issue times would be broken by number, then id)
    const issueAt = (minute: number, serviceId: number) => (s.clock.set(`2026-03-10T21:${minute}:00Z`), s.issue(serviceId))
    const [a1, a2, a3, a4, b1] = [
      await issueAt(30, s.a.id),
      await issueAt(31, s.a.id),
      await issueAt(32, s.a.id),
      await issueAt(33, s.a.id),
      await issueAt(34, s.b.id),
    ]
    expect([a1, a2, a3, a4, b1].map((t) => t.label)).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'B-001'])
    s.clock.set('2026-03-10T21:40:00Z')
    expect((await s.act(1, 'call-next')).ticket.id).toBe(a1.id)
    await s.act(1, 'start')
    expect((await s.act(2, 'call-next')).ticket.id).toBe(a2.id)
    expect((await s.act(3, 'call-next')).ticket.id).toBe(a3.id)
    await s.act(3, 'start')

    // 00:05 on 11 March: the first look at the day closes the old one; A-004 and B-001 were still waiting.
    // Read first on B-001's own status page (its QR) and the clerks' live queue, then on the kiosk
    s.clock.set('2026-03-10T22:05:00Z')
    expect(await s.status(b1.id)).toMatchObject({ status: 'cancelled', position: 0, estimatedWaitSeconds: 0 })
    const live = (await center.request('GET', '/api/v1/tickets', { token: (await center.createUser('reception')).token })).json()
    expect(live.map((t: { label: string; status: string }) => `${t.label} ${t.status}`)).toEqual([
      'A-001 serving',
      'A-002 called',
      'A-003 serving',
    ])
    const lines = await s.services()
    expect(lines.map((l: { prefix: string; waiting: number; issuedToday: number }) => [l.prefix, l.waiting, l.issuedToday])).toEqual([
      ['A', 0, 0],
      ['B', 0, 0],
    ])
    for (const t of [a4, b1]) {
      expect((await s.status(t.id)).status).toBe('cancelled')
      expect(dayClosed(t.id)).toEqual([{ day: '2026-03-11', reason: 'day_closed', ticketDay: '2026-03-10' }])
    }
    // …while the tickets at counters are their clerks' to finish: served, no-show, transferred after midnight
    expect((await s.status(a1.id)).status).toBe('serving')
    expect((await s.act(1, 'finish')).ticket).toMatchObject({ id: a1.id, status: 'done' })
    expect((await s.act(2, 'no-show')).ticket).toMatchObject({ id: a2.id, status: 'no_show' })
    s.clock.set('2026-03-10T22:10:00Z')
    expect((await s.act(3, 'transfer', { serviceId: s.b.id })).ticket).toMatchObject({ id: a3.id, status: 'waiting' })

    // today's numbers start again at 1 (the old day's are never reused: the day is part of the key)
    const newA1 = await s.issue(s.a.id)
    const newB1 = await s.issue(s.b.id)
    expect([newA1.label, newB1.label]).toEqual(['A-001', 'B-001'])
    expect(newA1.issuedAt).toBe('2026-03-10T22:10:00.000Z')

    // the transferred A-003 was at a counter after midnight, so it is not an old day's leftover:
    // it keeps its place (transfers keep the issue time) and is called before today's B-001
    s.clock.set('2026-03-10T22:15:00Z')
    expect((await s.act(1, 'call-next')).ticket).toMatchObject({ id: a3.id, label: 'A-003' })
    expect((await s.act(2, 'call-next')).ticket).toMatchObject({ id: newA1.id, label: 'A-001' })
    expect((await s.act(3, 'call-next')).ticket).toMatchObject({ id: newB1.id, label: 'B-001' })

    expect(numbering()).toEqual([
      { label: 'A-001', day: '2026-03-10' },
      { label: 'A-002', day: '2026-03-10' },
      { label: 'A-003', day: '2026-03-10' },
      { label: 'A-004', day: '2026-03-10' },
      { label: 'B-001', day: '2026-03-10' },
      { label: 'A-001', day: '2026-03-11' },
      { label: 'B-001', day: '2026-03-11' },
    ])
    expect(logViolations(readLog(center.app.tabour.db))).toEqual([])

    // /stats/today counts what happened today (events by the local day they happened on): two issued,
    // four calls, the finish and the no-show of yesterday's tickets; the two closed at midnight count
    // in their own day, the 10th, which left them uncalled (server/reports/rollup.ts countedIn)
    const stats = await s.today()
    expect(stats.day).toBe('2026-03-11')
    expect(stats.totals).toMatchObject({ issued: 2, called: 3, served: 1, noShow: 1, cancelled: 0, transferredOut: 1, waiting: 0 })
    expect((await s.report('2026-03-10')).totals).toMatchObject({ issued: 5, called: 3, cancelled: 2, cancelledAtClosing: 2 })
    // the service time of yesterday's A-001 runs across midnight: called 23:40, finished 00:05
    expect(stats.totals.avgServiceSeconds).toBe(25 * 60)
  })

  it('spring forward, Friday 24 April 2026: the day begins at 01:00 (22:00Z), waits and service times are real seconds', async () => {
    const s = await setUp('2026-04-23T21:40:00Z') // 23:40 EET on the 23rd
    const old1 = await s.issue(s.a.id)
    s.clock.set('2026-04-23T21:45:00Z')
    const old2 = await s.issue(s.a.id)
    s.clock.set('2026-04-23T21:50:00Z')
    expect((await s.act(1, 'call-next')).ticket.id).toBe(old1.id)
    await s.act(1, 'start')
    s.clock.set('2026-04-23T21:59:59Z') // the last second of the 23rd
    const old3 = await s.issue(s.a.id)
    expect([old1.label, old2.label, old3.label]).toEqual(['A-001', 'A-002', 'A-003'])

    // 22:00:00Z is 01:00 EEST on the 24th (00:00–00:59 never happen): a new day, numbers from 1
    s.clock.set('2026-04-23T22:00:00Z')
    const new1 = await s.issue(s.a.id)
    expect(new1).toMatchObject({ label: 'A-001', position: 0, estimatedWaitSeconds: 0 })
    for (const t of [old2, old3]) expect(dayClosed(t.id)).toEqual([{ day: '2026-04-24', reason: 'day_closed', ticketDay: '2026-04-23' }])

    // served from 23:50 EET to 01:05 EEST: 15 minutes, not the 75 the wall clock shows
    s.clock.set('2026-04-23T22:05:00Z')
    const finished = await s.act(1, 'finish')
    expect(finished.ticket).toMatchObject({ id: old1.id, status: 'done' })
    s.clock.set('2026-04-23T22:06:00Z')
    // one ahead, but three idle counters: the one ahead and this one are both called now (line-forecast.ts); the 900 s mean is in the figures below
    expect(await s.issue(s.a.id)).toMatchObject({ label: 'A-002', position: 1, estimatedWaitSeconds: 0 })
    s.clock.set('2026-04-23T22:20:00Z')
    expect((await s.act(2, 'call-next')).ticket.id).toBe(new1.id)

    s.clock.set('2026-04-23T22:30:00Z')
    const stats = await s.today()
    expect(stats.day).toBe('2026-04-24')
    expect(stats.totals).toMatchObject({
      issued: 2,
      called: 1,
      served: 1,
      cancelled: 0,
      waiting: 1,
      avgWaitSeconds: 1200,
      avgServiceSeconds: 900,
      longestWaitSeconds: 24 * 60,
    })
    // A-002 waits, counters 1 and 3 are idle: a ticket taken now is called at once
    expect((await s.services())[0]).toMatchObject({ prefix: 'A', waiting: 1, issuedToday: 2, estimatedWaitSeconds: 0 })
    expect(numbering().map((t) => `${t.day} ${t.label}`)).toEqual([
      '2026-04-23 A-001',
      '2026-04-23 A-002',
      '2026-04-23 A-003',
      '2026-04-24 A-001',
      '2026-04-24 A-002',
    ])
    expect(logViolations(readLog(center.app.tabour.db))).toEqual([])
  })

  it('fall back, Thursday 29 October 2026: the repeated 23:00 hour stays on the 29th, the line keeps its real order', async () => {
    const s = await setUp('2026-10-29T20:30:00Z') // 23:30 EEST
    const t1 = await s.issue(s.a.id)
    s.clock.set('2026-10-29T20:50:00Z') // 23:50 EEST
    const t2 = await s.issue(s.a.id)
    // 21:10Z is 23:10 EET: the wall clock reads 40 minutes before t2, but it is later, the same day, and behind t2
    s.clock.set('2026-10-29T21:10:00Z')
    const t3 = await s.issue(s.a.id)
    expect(t3).toMatchObject({ label: 'A-003', position: 2, issuedAt: '2026-10-29T21:10:00.000Z' })
    expect([t1.label, t2.label]).toEqual(['A-001', 'A-002'])

    s.clock.set('2026-10-29T21:20:00Z') // 23:20 EET
    expect((await s.act(1, 'call-next')).ticket.id).toBe(t1.id)
    expect((await s.act(2, 'call-next')).ticket.id).toBe(t2.id)
    const waits = center.app.tabour.db
      .prepare("SELECT json_extract(data, '$.waitedSeconds') AS w FROM events WHERE type = 'ticket.called' ORDER BY id")
      .all()
    expect(waits).toEqual([{ w: 50 * 60 }, { w: 30 * 60 }])
    s.clock.set('2026-10-29T21:30:00Z')
    await s.act(1, 'start')
    await s.act(1, 'finish') // 600 s
    await s.act(2, 'start')
    s.clock.set('2026-10-29T21:40:00Z')
    await s.act(2, 'finish') // 1200 s
    s.clock.set('2026-10-29T21:45:00Z')
    // A-003 waits and the three counters are idle: A-004 is called with it, at once (the 900 s mean shows in the figures below)
    expect(await s.issue(s.a.id)).toMatchObject({ label: 'A-004', position: 1, estimatedWaitSeconds: 0 })

    s.clock.set('2026-10-29T21:50:00Z') // 23:50 EET: the second 23:50 of the day
    const stats = await s.today()
    expect(stats.day).toBe('2026-10-29')
    expect(stats.totals).toMatchObject({
      issued: 4,
      called: 2,
      served: 2,
      waiting: 2,
      avgWaitSeconds: 2400,
      maxWaitSeconds: 3000,
      avgServiceSeconds: 900,
      slaPercent: 0,
      longestWaitSeconds: 40 * 60,
    })

    s.clock.set('2026-10-29T21:59:59Z') // the 25th hour's last second: still the 29th
    expect((await s.issue(s.a.id)).label).toBe('A-005')
    s.clock.set('2026-10-29T22:00:00Z') // 00:00 EET on the 30th
    expect((await s.issue(s.a.id)).label).toBe('A-001')
    const next = await s.today()
    expect(next.day).toBe('2026-10-30')
    expect(next.totals).toMatchObject({ issued: 1, cancelled: 0, waiting: 1 })
    // the three left waiting count in the 29th, the day that left them uncalled
    expect((await s.report('2026-10-29')).totals).toMatchObject({ issued: 5, cancelled: 3, cancelledAtClosing: 3 })
    expect((await s.status(t3.id)).status).toBe('cancelled')
    expect(
      numbering()
        .filter((t) => t.day === '2026-10-29')
        .map((t) => t.label),
    ).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005'])
    expect(logViolations(readLog(center.app.tabour.db))).toEqual([])
  })

  it('a ticket put back to waiting after midnight is not closed with the old day when the server restarts', async () => {
    const s = await setUp('2026-03-10T21:50:00Z') // 23:50
    const a1 = await s.issue(s.a.id)
    await s.act(3, 'call-next')
    await s.act(3, 'start')
    s.clock.set('2026-03-10T22:10:00Z') // 00:10
    expect((await s.act(3, 'transfer', { serviceId: s.b.id })).ticket).toMatchObject({ id: a1.id, status: 'waiting' })

    // a restart (an upgrade, a power cut) between the transfer and the next call must not change what happens to it
    await center.app.close()
    const restarted = buildApp(center.config, { clock: s.clock.fn })
    try {
      await restarted.ready()
      const clerk1 = await restarted.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'clerk1', password: STAFF_PASSWORD },
      })
      const res = await restarted.inject({
        method: 'POST',
        url: `/api/v1/counters/${s.counters[0].id}/call-next`,
        headers: { authorization: `Bearer ${clerk1.json().token}` },
      })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().ticket).toMatchObject({ id: a1.id, status: 'called' })
      expect(dayClosed(a1.id, restarted.tabour.db)).toEqual([])
    } finally {
      await restarted.close()
    }
  })
})
