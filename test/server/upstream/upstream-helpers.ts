import { expect } from 'vitest'
import { TestCenter, type TestClock } from '../../helpers/test-center.ts'
import { batchPath, registerCenter, startTestHub, type TestHub } from '../../hub/hub-harness.ts'

export const UPSTREAM_TEST_CONFIG = {
  scanSeconds: 0.05,
  heartbeatSeconds: 0.2,
  retryMinSeconds: 0.02,
  retryMaxSeconds: 0.3,
  timeoutSeconds: 5,
}

/**
 * Resolves at once when the next turn of the hour is more than `ms` away, else just after it.
 * A child center runs on the real clock, and at the turn of the hour it rightly queues the
 * closing hour's final revision in place of an unsent one: a test that follows one batch
 * through a kill and a resend keeps clear of that moment. (UTC hours are the local hours of
 * every whole-hour time zone, Cairo's among them.)
 */
export async function clearOfHourTurn(ms: number): Promise<void> {
  const toTurn = 3_600_000 - (Date.now() % 3_600_000)
  if (toTurn <= ms) await new Promise((resolve) => setTimeout(resolve, toTurn + 1_000))
}

/** Waits (rounds of the reporter, no fixed sleeps) until a scan after now has run and the outbox is empty. */
export async function drain(center: TestCenter, maxRounds = 2000): Promise<void> {
  const reporter = center.app.tabour.upstream!
  await reporter.nextRound()
  await reporter.nextRound()
  for (let i = 0; i < maxRounds; i++) {
    if (reporter.outbox.pending() === 0) return
    await reporter.nextRound()
  }
  throw new Error(`outbox not drained: ${reporter.outbox.pending()} pending, last error ${reporter.stats.lastError}`)
}

export async function hubJson(hub: TestHub, path: string): Promise<any> {
  const res = await fetch(hub.url + path)
  expect(res.status, path).toBe(200)
  return res.json()
}

/** The center's own KPIs (GET /stats/today) next to the hub's figures for the same day, service by service. */
export async function expectHubMatchesCenter(center: TestCenter, hub: TestHub, centerId: string): Promise<{ day: string; issued: number }> {
  const stats = (await center.request('GET', '/api/v1/stats/today', { token: await center.admin() })).json()
  return expectHubMatchesStats(stats, hub, centerId)
}

/** `stats` is the center's GET /stats/today answer. */
export async function expectHubMatchesStats(stats: any, hub: TestHub, centerId: string): Promise<{ day: string; issued: number }> {
  const hubRows = (await hubJson(hub, `/api/hub/v1/figures?from=${stats.day}&by=service&center=${centerId}`)).rows as any[]
  // a mapped service is keyed by its national code, an unmapped one by `unmapped:<center>:<prefix>` (its prefix in localCode)
  const byCode = new Map(hubRows.map((r) => [r.localCode ?? r.key, r]))
  let issued = 0
  for (const s of stats.services as any[]) {
    const h = byCode.get(s.prefix)
    if (s.issued === 0 && s.called === 0 && s.cancelled === 0 && !h) continue
    expect(h, `service ${s.prefix} missing at the hub`).toBeDefined()
    const mine = {
      issued: s.issued,
      called: s.called,
      served: s.served,
      noShow: s.noShow,
      cancelled: s.cancelled,
      transferredOut: s.transferredOut,
      avgWaitSeconds: s.avgWaitSeconds,
      maxWaitSeconds: s.maxWaitSeconds,
      slaPercent: s.slaPercent,
      avgServiceSeconds: s.avgServiceSeconds,
    }
    const theirs = {
      issued: h.issued,
      called: h.called,
      served: h.served,
      noShow: h.noShow,
      cancelled: h.cancelled,
      transferredOut: h.transferredOut,
      avgWaitSeconds: h.avgWaitSeconds,
      maxWaitSeconds: h.waitCount ? h.waitMaxSeconds : null,
      slaPercent: h.slaPercent,
      avgServiceSeconds: h.avgServiceSeconds,
    }
    expect(theirs, `service ${s.prefix} on ${stats.day}`).toEqual(mine)
    issued += h.issued
  }
  return { day: stats.day, issued }
}

/** Answers a test's hub can be made to lose: `lose` acks still to lose, `lost` so far. */
export interface LostAcks {
  lose: number
  lost: number
}

/**
 * A real hub on loopback that stores every batch but can lose its answer: while `acks.lose` is
 * above zero, a stored batch is answered 503, as if the ack never arrived, and the center must
 * send it again (the revision replaces, never adds).
 */
export async function startHubLosingAcks(): Promise<{ hub: TestHub; acks: LostAcks }> {
  const acks: LostAcks = { lose: 0, lost: 0 }
  const hub = await startTestHub({
    setup: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.url === batchPath && acks.lose > 0 && reply.statusCode === 200) {
          acks.lose--
          acks.lost++
          reply.code(503)
          return JSON.stringify({ statusCode: 503, code: 'HUB_ERR_TEST', error: 'Service Unavailable', message: 'ack lost' })
        }
        return payload
      }),
  })
  return { hub, acks }
}

/**
 * A center registered at `hub` as `centerId`, reporting to it with the tests' quick upstream
 * timings, on `clock`; its staff tokens last a month so a test can move the clock by days.
 */
export async function startReportingCenter(
  hub: TestHub,
  centerId: string,
  clock: TestClock,
  config: Record<string, unknown> = {},
): Promise<TestCenter> {
  const secret = await registerCenter(hub, centerId)
  return TestCenter.start({
    clock,
    config: {
      upstream: { url: hub.url, centerId, secret, ...UPSTREAM_TEST_CONFIG },
      auth: { userTokenTtlSeconds: 30 * 86_400 },
      ...config,
    },
  })
}

/**
 * A visit of two steps at `center`: services A then B (with national codes `codes` when given),
 * counter 1 serving A (clerk1) and counter 2 serving B (clerk2), a kiosk; `act` runs a counter
 * action and expects it to succeed.
 */
export async function twoStepVisitCenter(center: TestCenter, codes?: { a: string; b: string }) {
  const a = (await center.createService({ prefix: 'A', ...(codes ? { nationalCode: codes.a } : {}) })).id
  const b = (await center.createService({ prefix: 'B', ...(codes ? { nationalCode: codes.b } : {}) })).id
  const admin = await center.admin()
  expect((await center.request('PUT', `/api/v1/services/${a}/steps`, { token: admin, body: { steps: [b] } })).statusCode).toBe(200)
  const c1 = (await center.createCounter({ number: 1, serviceIds: [a] })).id
  const c2 = (await center.createCounter({ number: 2, serviceIds: [b] })).id
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk1 = await center.openCounterAs('clerk1', c1)
  const clerk2 = await center.openCounterAs('clerk2', c2)
  const act = async (token: string, counter: number, action: string) =>
    expect((await center.action(token, counter, action, action === 'finish' ? {} : undefined)).statusCode).toBe(200)
  return { a, b, admin, c1, c2, kiosk, clerk1, clerk2, act }
}
