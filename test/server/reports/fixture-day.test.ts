import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'

/**
 * A hand-computed day in Cairo (2026-03-10, UTC+2; t0 = 08:00Z = 10:00 local). Service A
 * (target 600 s) at counter 1 (clerk1), B (target 300 s) at counter 2 (clerk2); both counters
 * open at t0. Six tickets at t0 (A-001…A-004, B-001, B-002), B-003 at t0+3650 (11:00:50 local).
 *
 *   clerk1: A-001 call 100 (waited 100 ✓) finish 400 (service 300)
 *           A-002 call 500 (500 ✓) no-show 560
 *           pause 600, resume 1200
 *           A-003 call 1300 (1300 ✗) finish 1500 (200)
 *           A-004 call 3700 (3700 ✗, hour 11) transfer to B at 3800
 *           close 4200          → open 3600 s, paused 600, busy 300+60+200+100 = 660, idle 2940
 *   clerk2: B-001 call 200 (200 ✓) finish 800 (600)
 *           B-002 call 900 (900 ✗) finish 1000 (100)
 *           B-003 cancelled by clerk2 at 3660
 *           A-004 call 3900 (100 since the transfer ✓) finish 4000 (100)
 *           close 4300          → open 4300 s, busy 600+100+100 = 800, idle 3500
 *
 * Calls: waits [100, 500, 1300, 3700, 200, 900, 100] → avg 971.4, p90 (rank ⌈6.3⌉ = 7) 3700,
 * SLA 4/7 = 57.1 %, no-show 1/7 = 14.3 %. Services: [300, 200, 600, 100, 100] → avg 260, p90 600.
 */
async function fixtureDay() {
  const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
  const center = await TestCenter.start({ clock })
  const t0 = clock.now
  const at = (s: number) => (clock.now = t0 + s * 1000)
  const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600 })
  const b = await center.createService({ prefix: 'B', targetWaitSeconds: 300 })
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk1 = await center.openCounterAs('clerk1', c1.id)
  const clerk2 = await center.openCounterAs('clerk2', c2.id)
  const manager = (await center.createUser('boss', 'manager')).token
  for (let i = 0; i < 4; i++) await center.issue(kiosk, { serviceId: a.id })
  await center.issue(kiosk, { serviceId: b.id })
  await center.issue(kiosk, { serviceId: b.id })
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p
    expect(res.statusCode, res.body).toBe(200)
  }
  const steps: [number, () => Promise<unknown>][] = [
    [100, () => ok(center.action(clerk1, c1.id, 'call-next'))],
    [200, () => ok(center.action(clerk2, c2.id, 'call-next'))],
    [250, () => ok(center.action(clerk1, c1.id, 'start'))],
    [400, () => ok(center.action(clerk1, c1.id, 'finish'))],
    [500, () => ok(center.action(clerk1, c1.id, 'call-next'))],
    [560, () => ok(center.action(clerk1, c1.id, 'no-show'))],
    [600, () => ok(center.action(clerk1, c1.id, 'pause', { reason: 'break' }))],
    [700, () => ok(center.action(clerk2, c2.id, 'start'))],
    [800, () => ok(center.action(clerk2, c2.id, 'finish'))],
    [900, () => ok(center.action(clerk2, c2.id, 'call-next'))],
    [950, () => ok(center.action(clerk2, c2.id, 'start'))],
    [1000, () => ok(center.action(clerk2, c2.id, 'finish'))],
    [1200, () => ok(center.action(clerk1, c1.id, 'open'))],
    [1300, () => ok(center.action(clerk1, c1.id, 'call-next'))],
    [1400, () => ok(center.action(clerk1, c1.id, 'start'))],
    [1500, () => ok(center.action(clerk1, c1.id, 'finish'))],
    [3650, async () => center.issue(kiosk, { serviceId: b.id })],
    [
      3660,
      async () => {
        const waiting = (await center.request('GET', '/api/v1/tickets', { token: clerk2 }))
          .json()
          .filter((t: { label: string }) => t.label === 'B-003')
        await ok(center.request('POST', `/api/v1/tickets/${waiting[0].id}/cancel`, { token: clerk2, body: { reason: 'duplicate' } }))
      },
    ],
    [3700, () => ok(center.action(clerk1, c1.id, 'call-next'))],
    [3800, () => ok(center.action(clerk1, c1.id, 'transfer', { serviceId: b.id }))],
    [3900, () => ok(center.action(clerk2, c2.id, 'call-next'))],
    [3950, () => ok(center.action(clerk2, c2.id, 'start'))],
    [4000, () => ok(center.action(clerk2, c2.id, 'finish'))],
    [4200, () => ok(center.action(clerk1, c1.id, 'close'))],
    [4300, () => ok(center.action(clerk2, c2.id, 'close'))],
  ]
  for (const [s, step] of steps) {
    at(s)
    await step()
  }
  return { center, clock, a, b, c1, c2, manager }
}

const report = async (center: TestCenter, token: string, by: string, from = '2026-03-10', to = from) => {
  const res = await center.request('GET', `/api/v1/stats/report?from=${from}&to=${to}&by=${by}`, { token })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const TOTALS = {
  issued: 7,
  called: 7,
  served: 5,
  noShow: 1,
  cancelled: 1,
  // the one cancelled was the holder's (no closing in the day)
  cancelledAtClosing: 0,
  transferred: 1,
  avgWaitSeconds: 971.4,
  p90WaitSeconds: 3700,
  maxWaitSeconds: 3700,
  avgServiceSeconds: 260,
  p90ServiceSeconds: 600,
  slaPercent: 57.1,
  slaCounted: 7,
  noShowPercent: 14.3,
}

describe('reports on a hand-computed day', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('every KPI in total, by service and by counter, and /stats/today agrees', async () => {
    const s = await fixtureDay()
    center = s.center
    const bySvc = await report(center, s.manager, 'service')
    expect(bySvc.totals).toEqual(TOTALS)
    const [ra, rb] = bySvc.rows
    expect(ra).toEqual({
      key: s.a.id,
      label: 'A · Service A',
      labelAr: 'A · خدمة A',
      // the parts as fields: a screen writes them in its language, parsing nothing back
      service: { prefix: 'A', nameAr: 'خدمة A', nameEn: 'Service A' },
      issued: 4,
      called: 4,
      served: 2,
      noShow: 1,
      cancelled: 0,
      cancelledAtClosing: 0,
      transferred: 1,
      avgWaitSeconds: 1400,
      p90WaitSeconds: 3700,
      maxWaitSeconds: 3700,
      avgServiceSeconds: 250,
      p90ServiceSeconds: 300,
      slaPercent: 50,
      slaCounted: 4,
      noShowPercent: 25,
    })
    expect(rb).toMatchObject({
      key: s.b.id,
      issued: 3,
      called: 3,
      served: 3,
      noShow: 0,
      cancelled: 1,
      transferred: 0,
      avgWaitSeconds: 400,
      p90WaitSeconds: 900,
      avgServiceSeconds: 266.7,
      p90ServiceSeconds: 600,
      slaPercent: 66.7,
      noShowPercent: 0,
    })

    const byCounter = await report(center, s.manager, 'counter')
    expect(
      byCounter.rows.map((r: { label: string; called: number; served: number; noShow: number; transferred: number }) => [
        r.label,
        r.called,
        r.served,
        r.noShow,
        r.transferred,
      ]),
    ).toEqual([
      ['1 · Counter 1', 4, 2, 1, 1],
      ['2 · Counter 2', 3, 3, 0, 0],
    ])
    // the number and the name as fields (the dashboard writes the number in its digits: walk 2026-12-05)
    expect(byCounter.rows.map((r: { counter?: unknown }) => r.counter)).toEqual([
      { number: 1, name: 'Counter 1' },
      { number: 2, name: 'Counter 2' },
    ])

    const today = (await center.request('GET', '/api/v1/stats/today', { token: s.manager })).json()
    expect(today.totals).toMatchObject({
      issued: 7,
      called: 7,
      served: 5,
      avgWaitSeconds: 971.4,
      p90WaitSeconds: 3700,
      p90ServiceSeconds: 600,
      slaPercent: 57.1,
      noShowPercent: 14.3,
      waiting: 0,
      longestWaitSeconds: null,
    })
  })

  it('by hour (local) and by day', async () => {
    const s = await fixtureDay()
    center = s.center
    const byHour = await report(center, s.manager, 'hour')
    expect(byHour.rows).toHaveLength(24)
    expect(byHour.rows[10]).toMatchObject({ key: 10, label: '10:00', issued: 6, called: 5, served: 4, avgWaitSeconds: 600, slaPercent: 60 })
    expect(byHour.rows[11]).toMatchObject({
      key: 11,
      label: '11:00',
      issued: 1,
      called: 2,
      served: 1,
      cancelled: 1,
      transferred: 1,
      avgWaitSeconds: 1900,
      p90WaitSeconds: 3700,
      slaPercent: 50,
    })
    expect(
      byHour.rows.filter((r: { issued: number; called: number }) => r.issued + r.called > 0).map((r: { key: number }) => r.key),
    ).toEqual([10, 11])

    const byDay = await report(center, s.manager, 'day', '2026-03-09', '2026-03-11')
    expect(byDay.rows.map((r: { key: string; issued: number }) => [r.key, r.issued])).toEqual([
      ['2026-03-09', 0],
      ['2026-03-10', 7],
      ['2026-03-11', 0],
    ])
    expect(byDay.rows[1]).toMatchObject(TOTALS)
    expect(byDay.rows[0]).toMatchObject({ avgWaitSeconds: null, p90WaitSeconds: null, slaPercent: null, noShowPercent: null })
  })

  it('by clerk: calls, busy, idle and pause time', async () => {
    const s = await fixtureDay()
    center = s.center
    const byClerk = await report(center, s.manager, 'clerk')
    const row = (name: string) => byClerk.rows.find((r: { label: string }) => r.label === name)
    expect(row('clerk1')).toMatchObject({
      called: 4,
      served: 2,
      noShow: 1,
      transferred: 1,
      avgServiceSeconds: 250,
      busySeconds: 660,
      idleSeconds: 2940,
      pauseSeconds: 600,
    })
    expect(row('clerk2')).toMatchObject({
      called: 3,
      served: 3,
      cancelled: 1,
      avgWaitSeconds: 400,
      busySeconds: 800,
      idleSeconds: 3500,
      pauseSeconds: 0,
    })
    // a manager who did nothing is not listed; clerks always are
    expect(row('boss')).toBeUndefined()
  })

  it('a counter still open counts up to now, a ticket at the counter is busy time', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600 })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    await center.issue(kiosk, { serviceId: a.id })
    clock.advance(100)
    await center.action(clerk, c1.id, 'call-next')
    clock.advance(50)
    const r = await report(center, await center.admin(), 'clerk')
    expect(r.rows[0]).toMatchObject({ label: 'clerk1', busySeconds: 50, idleSeconds: 100, pauseSeconds: 0 })
  })

  it('refuses bad ranges with a 400 naming the field, and is for managers only', async () => {
    center = await TestCenter.start()
    const admin = await center.admin()
    const bad = async (qs: string, field: string) => {
      const res = await center.request('GET', `/api/v1/stats/report?${qs}`, { token: admin })
      expect(res.statusCode, qs).toBe(400)
      expect(res.json().code).toBe('TABOUR_ERR_VALIDATION')
      expect(res.json().message).toContain(field)
    }
    await bad('from=2026-03-10&to=2026-03-09&by=day', 'to')
    await bad('from=2026-02-30&to=2026-03-09&by=day', 'from')
    await bad('from=2024-01-01&to=2026-03-09&by=day', 'to')
    await bad('from=2026-03-01&to=2026-03-09&by=week', 'by')
    await bad('from=yesterday&to=2026-03-09&by=day', 'from')
    const clerk = await center.createUser('clerk9', 'clerk')
    expect(
      (await center.request('GET', '/api/v1/stats/report?from=2026-03-01&to=2026-03-02&by=day', { token: clerk.token })).statusCode,
    ).toBe(403)
    expect((await center.request('GET', '/api/v1/stats/report?from=2026-03-01&to=2026-03-02&by=day')).statusCode).toBe(401)
  })
})

describe('CSV', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('a report table downloads as CSV with the same numbers, and the ticket log hides phones from managers', async () => {
    const s = await fixtureDay()
    center = s.center
    const res = await center.request('GET', '/api/v1/stats/report.csv?from=2026-03-10&to=2026-03-10&by=service&lang=en', {
      token: s.manager,
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toContain('tabour-service-2026-03-10-2026-03-10-Africa_Cairo.csv')
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'Service code,Service (Arabic),Service (English),Tickets issued,Tickets called,Finishes at counters (any outcome; a visit of 2 steps counts 2),No-shows,Tickets cancelled,Of which cancelled at closing,Tickets transferred,Average wait (seconds),90th percentile wait (seconds),Longest wait (seconds),Average service time (seconds),90th percentile service time (seconds),Within target wait (%),No-shows of ended calls (%),' +
        // served by finish outcome (served-by-outcome.ts): every configured outcome, then none (the fixture's finishes send none)
        'Finished with outcome: Served,Finished with outcome: Referred elsewhere,Finished with outcome: Incomplete papers,Finished with outcome: Other,Finished with outcome: No outcome recorded',
    )
    expect(lines[1]).toBe('A,خدمة A,Service A,4,4,2,1,0,0,1,1400,3700,3700,250,300,50,25,0,0,0,0,2')
    expect(lines[3]).toBe('Total,,,7,7,5,1,1,0,1,971.4,3700,3700,260,600,57.1,14.3,0,0,0,0,5')

    const clerkCsv = (
      await center.request('GET', '/api/v1/stats/report.csv?from=2026-03-10&to=2026-03-10&by=clerk&lang=en', { token: s.manager })
    ).body
    expect(clerkCsv).toContain(',Busy with a ticket (seconds),Open without a ticket (seconds),Paused (seconds)')
    expect(clerkCsv).toContain('clerk1,,4,2,1,0,0,1,')
    // open 3,600 s, 660 of them with a ticket: 18.3 %
    expect(clerkCsv).toMatch(/clerk1,.*,660,2940,600,18\.3\r\n/)

    const managerLog = (
      await center.request('GET', '/api/v1/stats/tickets.csv?from=2026-03-10&to=2026-03-10&lang=en', { token: s.manager })
    ).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(managerLog).toHaveLength(8)
    expect(managerLog[0]).not.toContain('Phone')
    // times are the center's (Cairo, UTC+2), with their offset; finished naming no outcome, it has none (s51: "served")
    expect(managerLog[1]).toMatch(
      /,2026-03-10,A-001,A,خدمة A,Service A,A,none,,done,Finished,,No outcome recorded,2026-03-10T10:00:00\+02:00,2026-03-10T10:01:40\+02:00,/,
    )
    const adminLog = (
      await center.request('GET', '/api/v1/stats/tickets.csv?from=2026-03-10&to=2026-03-10&lang=en', { token: await center.admin() })
    ).body
    expect(adminLog).toContain(',Priority category code,Priority category,Phone number,Status code,Status,')
  })
})
