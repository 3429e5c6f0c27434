import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { addNationalService, BACKENDS, registerCenter, startTestHub, type Backend, type TestHubOptions } from '../../hub/hub-harness.ts'
import { drain, expectHubMatchesCenter, hubJson, UPSTREAM_TEST_CONFIG } from './upstream-helpers.ts'

/**
 * The upstream reporter in-process against a real hub on loopback: the hub's figures equal the
 * center's own KPIs; a hub that is down (refused port) for hours, or a week, gets every hour
 * once it is back; a resend never double-counts; nothing personal leaves.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(o: { clock?: TestClock; hubSetup?: TestHubOptions['setup']; backend?: Backend } = {}) {
  // the center beats every 0.2 s (upstream-helpers.ts): 3 missed beats are 0.6 s, which a loaded box passed between the
  // last beat and the read of /centers ("offline": true in a full run); 100 are 20 s, still a silence the test would see
  const hub = await startTestHub({ setup: o.hubSetup, backend: o.backend, config: { offlineAfterMissedHeartbeats: 100 } })
  cleanups.push(() => hub.close())
  const secret = await registerCenter(hub, 'EG-CAI-001')
  // each service mapped to the national code of the same name: the hub keys them by it
  for (const code of ['A', 'B']) await addNationalService(hub, code)
  const center = await TestCenter.start({
    clock: o.clock,
    config: {
      upstream: { url: hub.url, centerId: 'EG-CAI-001', secret, ...UPSTREAM_TEST_CONFIG },
      auth: { userTokenTtlSeconds: 30 * 86_400 },
    },
  })
  cleanups.push(() => center.close())
  const admin = await center.admin()
  const a = await center.createService({ prefix: 'A', targetWaitSeconds: 300, nationalCode: 'A' })
  const b = await center.createService({ prefix: 'B', targetWaitSeconds: 900, nationalCode: 'B' })
  const kiosk = await center.createDevice('kiosk')
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
  const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
  const clerk1 = await center.openCounterAs('clerk1', c1.id)
  const clerk2 = await center.openCounterAs('clerk2', c2.id)
  return { hub, center, admin, a, b, kiosk, c1, c2, clerk1, clerk2 }
}

type Setup = Awaited<ReturnType<typeof setup>>

/** A little of everything, advancing the clock: issue, call, start, finish, no-show, transfer, cancel. */
async function workHour(s: Setup, clock: TestClock, n: number) {
  const tickets = []
  for (let i = 0; i < n; i++) {
    tickets.push(await s.center.issue(s.kiosk.token, { serviceId: i % 3 === 0 ? s.b.id : s.a.id, phone: '01012345678' }))
    clock.advance(30)
  }
  clock.advance(240)
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    const called = await s.center.action(s.clerk1, s.c1.id, 'call-next')
    expect(called.statusCode).toBe(200)
    clock.advance(20)
    if (i % 4 === 3) {
      await s.center.action(s.clerk1, s.c1.id, 'no-show')
      continue
    }
    if (i % 5 === 4) {
      await s.center.action(s.clerk1, s.c1.id, 'transfer', { serviceId: s.b.id })
      continue
    }
    await s.center.action(s.clerk1, s.c1.id, 'start')
    clock.advance(100 + 17 * i)
    await s.center.action(s.clerk1, s.c1.id, 'finish', {})
  }
  const b2 = await s.center.action(s.clerk2, s.c2.id, 'call-next')
  if (b2.json().ticket) {
    await s.center.action(s.clerk2, s.c2.id, 'start')
    clock.advance(200)
    await s.center.action(s.clerk2, s.c2.id, 'finish', {})
  }
  const waiting = (await s.center.request('GET', '/api/v1/tickets', { token: s.admin })).json() as { id: string; status: string }[]
  const one = waiting.find((t) => t.status === 'waiting')
  if (one) await s.center.request('POST', `/api/v1/tickets/${one.id}/cancel`, { token: s.admin, body: { reason: 'duplicate' } })
}

describe('upstream reporter → hub', () => {
  it.each(BACKENDS)(
    "the hub's figures (on %s) equal the center's own KPIs, hour by hour, and no personal data leaves",
    { timeout: 60_000 },
    async (backend) => {
      const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z')) // 08:10 in Cairo
      const bodies: string[] = []
      const s = await setup({
        clock,
        backend,
        hubSetup: (app) =>
          app.addHook('preHandler', async (request) => {
            if (request.rawBody) bodies.push(request.rawBody)
          }),
      })
      for (let h = 0; h < 3; h++) {
        await workHour(s, clock, 12)
        clock.set(new Date(Date.parse('2026-03-10T07:05:00Z') + h * 3_600_000).toISOString())
      }
      await drain(s.center)
      const { day, issued } = await expectHubMatchesCenter(s.center, s.hub, 'EG-CAI-001')
      expect(day).toBe('2026-03-10')
      expect(issued).toBe(36)

      // hourly: the hours 08, 09, 10 closed (final), 11 running
      const hours = (await hubJson(s.hub, `/api/hub/v1/figures?from=${day}&by=hour`)).rows.map((r: any) => [r.key, r.issued])
      expect(hours).toEqual([
        ['8', 12],
        ['9', 12],
        ['10', 12],
        ['11', 0],
      ]) // 11: counters open, nothing else yet
      const finals = await sql<{ hour: number; final: number }>`SELECT hour, final FROM hub_hours ORDER BY hour`.execute(s.hub.store.db)
      expect(finals.rows.map((r) => [r.hour, Number(r.final)])).toEqual([
        [8, 1],
        [9, 1],
        [10, 1],
        [11, 0],
      ])
      // counters were open the whole time: counter 1 serves A and B, counter 2 serves B
      const byService = (await hubJson(s.hub, `/api/hub/v1/figures?from=${day}&by=service`)).rows
      expect(byService.find((r: any) => r.key === 'A').counterOpenMinutes).toBeGreaterThan(100)

      // health and heartbeat reached the hub
      const [status] = await hubJson(s.hub, '/api/hub/v1/centers')
      expect(status).toMatchObject({ id: 'EG-CAI-001', offline: false, countersOpen: 2, devicesFaulty: 0, version: expect.any(String) })

      // what went over the wire: figures only
      expect(bodies.length).toBeGreaterThan(3)
      const wire = bodies.join('\n')
      const tickets = (await s.center.request('GET', '/api/v1/tickets', { token: s.admin })).json() as { id: string }[]
      expect(wire).not.toContain('01012345678')
      expect(wire).not.toContain('clerk1')
      for (const t of tickets) expect(wire).not.toContain(t.id)
    },
  )

  it('hub down (refused port) for hours: every hour arrives once it is back, exactly once', { timeout: 60_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z'))
    const s = await setup({ clock })
    await workHour(s, clock, 6)
    await drain(s.center)
    await s.hub.stop()
    const reporter = s.center.app.tabour.upstream!
    const failuresBefore = reporter.stats.failures
    for (let h = 1; h <= 5; h++) {
      clock.set(new Date(Date.parse('2026-03-10T06:10:00Z') + h * 3_600_000).toISOString())
      await workHour(s, clock, 6)
      await reporter.nextRound()
    }
    while (reporter.stats.failures < failuresBefore + 3) await reporter.nextRound()
    expect(reporter.outbox.pending()).toBeGreaterThanOrEqual(5)
    expect(reporter.stats.lastError).toMatch(/ECONNREFUSED/)

    await s.hub.restart()
    await drain(s.center)
    const { issued } = await expectHubMatchesCenter(s.center, s.hub, 'EG-CAI-001')
    expect(issued).toBe(36)
    const hours = (await hubJson(s.hub, `/api/hub/v1/figures?from=2026-03-10&by=hour`)).rows.map((r: any) => [r.key, r.issued])
    expect(hours).toEqual([8, 9, 10, 11, 12, 13].map((h) => [String(h), 6]))
    // the hours that waited went in one request (the hub's backlog route), stored in one transaction at one instant
    const arrivals = await sql<{ n: number }>`SELECT COUNT(DISTINCT received_at) AS n FROM hub_hours
      WHERE day = '2026-03-10' AND hour BETWEEN 9 AND 12`.execute(s.hub.store.db)
    expect(Number(arrivals.rows[0].n)).toBe(1)
  })

  it("a week offline loses nothing: each day's figures equal the event log's", { timeout: 90_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z'))
    const s = await setup({ clock })
    await s.hub.stop()
    const reporter = s.center.app.tabour.upstream!
    for (let d = 0; d < 7; d++) {
      for (const h of [0, 3]) {
        clock.set(new Date(Date.parse('2026-03-10T06:10:00Z') + d * 86_400_000 + h * 3_600_000).toISOString())
        await workHour(s, clock, 4 + d)
      }
      await reporter.nextRound()
    }
    await s.hub.restart()
    await drain(s.center)
    const db = new Database(join(s.center.dataDir, 'tabour.sqlite'), { readonly: true })
    const expected = db
      .prepare(
        // the day's close counts in its ticket's own day (server/reports/rollup.ts countedIn), every other event in its own
        `SELECT day, SUM(type = 'ticket.issued') AS issued, SUM(type = 'ticket.finished') AS served, SUM(type = 'ticket.cancelled') AS cancelled
         FROM (SELECT type, CASE WHEN type = 'ticket.cancelled' AND json_extract(data, '$.reason') = 'day_closed' AND json_extract(data, '$.day') < day
                                 THEN json_extract(data, '$.day') ELSE day END AS day FROM events)
         GROUP BY day ORDER BY day`,
      )
      .all()
    db.close()
    const got = (await hubJson(s.hub, '/api/hub/v1/figures?from=2026-03-10&to=2026-03-16&by=day')).rows.map((r: any) => ({
      day: r.key,
      issued: r.issued,
      served: r.served,
      cancelled: r.cancelled,
    }))
    expect(got).toEqual(expected)
    expect(got).toHaveLength(7)
  })
})
