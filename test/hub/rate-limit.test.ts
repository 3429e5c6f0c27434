import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { type HourBatch, UpstreamPaths } from '../../protocol/upstream.ts'
import { TestCenter, TestClock } from '../helpers/test-center.ts'
import { drain, hubJson, UPSTREAM_TEST_CONFIG } from '../server/upstream/upstream-helpers.ts'
import { BACKENDS, batchPath, HUB_ADMIN_TOKEN, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * The per-center rate limit of the ingest (HUB_INGEST_PER_MINUTE), on every backend: a flood
 * from one center is refused with 429 HUB_ERR_RATE_LIMITED and Retry-After while another center
 * is still accepted, refusals are counted in hub_rejections, and a center's real reporter
 * catching up a week's backlog through a tight limit still delivers every hour exactly once.
 */

const batch = (centerId: string, seq: number, hour = 10): HourBatch => ({
  centerId,
  seq,
  day: '2026-03-10',
  hour,
  timeZone: 'Africa/Cairo',
  revision: 1,
  final: true,
  generatedAt: Date.now(),
  rows: [
    {
      serviceCode: 'A',
      serviceNameAr: 'خدمة',
      serviceNameEn: 'Service',
      issued: 1,
      called: 1,
      served: 1,
      noShow: 0,
      cancelled: 0,
      transferredIn: 0,
      transferredOut: 0,
      waitSumSeconds: 60,
      waitCount: 1,
      waitMaxSeconds: 60,
      waitWithinTarget: 1,
      serviceSumSeconds: 60,
      serviceCount: 1,
      counterOpenMinutes: 60,
    },
  ],
})

const rejections = async (hub: TestHub) => {
  const res = await hub.app.inject({ url: '/api/hub/v1/admin/rejections', headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` } })
  return Object.fromEntries(res.json().map((r: { code: string; centerId: string; count: number }) => [`${r.code}:${r.centerId}`, r.count]))
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe.each(BACKENDS)('hub ingest rate limit on %s', (backend) => {
  it("a flood from one center gets 429 HUB_ERR_RATE_LIMITED with Retry-After; another center, and the same center's heartbeat, are still accepted", async () => {
    const hub = await startTestHub({ backend, config: { ingestPerMinute: 5 } })
    cleanups.push(() => hub.close())
    const s1 = await registerCenter(hub, 'C1')
    const s2 = await registerCenter(hub, 'C2')

    const statuses: number[] = []
    for (let i = 1; i <= 12; i++) {
      const res = await postSigned(hub.url, batchPath, 'C1', s1, batch('C1', i, i))
      statuses.push(res.status)
      if (res.status === 429) {
        expect(res.body).toMatchObject({ statusCode: 429, code: 'HUB_ERR_RATE_LIMITED' })
        const retryAfter = Number(
          (await fetch(hub.url + batchPath, { method: 'POST', headers: res.headers, body: res.text })).headers.get('retry-after'),
        )
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(60)
      }
    }
    // 5 accepted, then refused (the probes for Retry-After above were refused too)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429, 429, 429])

    // another center is not held up by C1's flood
    const other = await postSigned(hub.url, batchPath, 'C2', s2, batch('C2', 1))
    expect(other.status).toBe(200)
    expect(other.body).toEqual({ ack: 1, stored: 1, ignored: 0 })
    // C1's heartbeat has its own allowance
    const beat = await postSigned(hub.url, '/api/hub/v1/heartbeat', 'C1', s1, {
      centerId: 'C1',
      health: { at: Date.now(), countersOpen: 1, devicesFaulty: 0, version: 't', outboxPending: 7 },
    })
    expect(beat.status).toBe(200)

    // someone else naming C1 from another address does not eat C1's allowance (nor get past the signature)
    const forged = await hub.app.inject({
      method: 'POST',
      url: batchPath,
      remoteAddress: '10.9.8.7',
      headers: { 'content-type': 'application/json', 'x-tabour-center': 'C1' },
      payload: JSON.stringify(batch('C1', 99)),
    })
    expect(forged.json().code).toBe('HUB_ERR_UNSIGNED')

    // refused requests stored nothing: only hours 1..5 of C1
    const hours = (await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&by=hour&center=C1')).rows.map((r: { key: string }) =>
      Number(r.key),
    )
    expect(hours).toEqual([1, 2, 3, 4, 5])

    // a flood naming centers that do not exist: limited per name, counted without a center (the table must not grow with made-up names)
    for (let i = 0; i < 7; i++) {
      const res = await fetch(hub.url + batchPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tabour-center': 'NOBODY' },
        body: '{}',
      })
      expect(res.status).toBe(i < 5 ? 401 : 429)
    }
    // without the header at all: limited by address
    for (let i = 0; i < 6; i++) {
      const res = await fetch(hub.url + batchPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      expect(res.status).toBe(i < 5 ? 401 : 429)
    }
    expect(await rejections(hub)).toEqual({
      'HUB_ERR_RATE_LIMITED:C1': 14,
      'HUB_ERR_RATE_LIMITED:': 3,
      'HUB_ERR_UNSIGNED:': 6 + 5,
    })
  })

  it('a window later the center is accepted again', async () => {
    const hub = await startTestHub({ backend, config: { ingestPerMinute: 2, ingestWindowMs: 1000 } })
    cleanups.push(() => hub.close())
    const s1 = await registerCenter(hub, 'C1')
    expect((await postSigned(hub.url, batchPath, 'C1', s1, batch('C1', 1, 1))).status).toBe(200)
    expect((await postSigned(hub.url, batchPath, 'C1', s1, batch('C1', 2, 2))).status).toBe(200)
    const refused = await postSigned(hub.url, batchPath, 'C1', s1, batch('C1', 3, 3))
    expect(refused.status).toBe(429)
    await new Promise((r) => setTimeout(r, 1100))
    // the very same batch, sent again after Retry-After (a fresh nonce: the refused one never reached the nonce table)
    expect((await postSigned(hub.url, batchPath, 'C1', s1, batch('C1', 3, 3))).body).toEqual({ ack: 3, stored: 1, ignored: 0 })
  })
})

describe('a center catching up through the rate limit', () => {
  it("a week's backlog through a tight limit: every hour delivered exactly once, nothing skipped", { timeout: 120_000 }, async () => {
    // every ingest request and the batches it carried: one on /batches, up to 24 on /batches/backlog
    const seen: { status: number; seqs: number[] }[] = []
    let limitedEverywhere = 0
    // 2 a second, where a week's backlog is ~170 batches, 7 or more requests back to back: the reporter must be refused and retry
    const hub = await startTestHub({
      config: { ingestPerMinute: 2, ingestWindowMs: 1000 },
      setup: (app) =>
        app.addHook('onResponse', async (request, reply) => {
          // at this limit the heartbeats are refused too: every 429 is counted at the hub
          if (reply.statusCode === 429) limitedEverywhere++
          if (request.url !== batchPath && request.url !== UpstreamPaths.backlog) return
          const body = request.body as { seq?: number; batches?: { seq: number }[] } | undefined
          seen.push({ status: reply.statusCode, seqs: body?.batches?.map((b) => b.seq) ?? (body?.seq === undefined ? [] : [body.seq]) })
        }),
    })
    cleanups.push(() => hub.close())
    const secret = await registerCenter(hub, 'EG-CAI-001')
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z'))
    const center = await TestCenter.start({
      clock,
      config: {
        upstream: { url: hub.url, centerId: 'EG-CAI-001', secret, ...UPSTREAM_TEST_CONFIG },
        auth: { userTokenTtlSeconds: 30 * 86_400 },
      },
    })
    cleanups.push(() => center.close())
    const a = await center.createService({ prefix: 'A', targetWaitSeconds: 300 })
    const kiosk = await center.createDevice('kiosk')
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', c1.id)

    await hub.stop()
    const reporter = center.app.tabour.upstream!
    for (let d = 0; d < 7; d++) {
      for (const h of [0, 3]) {
        clock.set(new Date(Date.parse('2026-03-10T06:10:00Z') + d * 86_400_000 + h * 3_600_000).toISOString())
        for (let i = 0; i < 3 + d; i++) {
          await center.issue(kiosk.token, { serviceId: a.id, phone: '01012345678' })
          clock.advance(30)
        }
        const called = await center.action(clerk, c1.id, 'call-next')
        expect(called.statusCode).toBe(200)
        await center.action(clerk, c1.id, 'start')
        clock.advance(120)
        await center.action(clerk, c1.id, 'finish', {})
      }
      await reporter.nextRound()
    }
    // the counter stayed open all week: every hour has figures (open minutes), so every hour is a batch
    const backlog = reporter.outbox.pending()
    expect(backlog).toBeGreaterThan(140)

    await hub.restart()
    await drain(center, 20_000)

    const refused = seen.filter((r) => r.status === 429)
    const accepted = seen.filter((r) => r.status === 200).flatMap((r) => r.seqs)
    expect(refused.length, 'the limit was never reached: the test proves nothing').toBeGreaterThan(0)
    expect(
      seen.every((r) => r.status === 200 || r.status === 429),
      JSON.stringify(seen.filter((r) => r.status !== 200 && r.status !== 429)),
    ).toBe(true)
    // each batch accepted once: no seq twice, none skipped
    expect(new Set(accepted).size).toBe(accepted.length)
    expect(accepted.length).toBeGreaterThanOrEqual(backlog)
    expect([...accepted].sort((x, y) => x - y)).toEqual(accepted)

    // every hour the center has is at the hub, at the center's revision, and the figures equal the event log
    const db = new Database(join(center.dataDir, 'tabour.sqlite'), { readonly: true })
    const centerHours = db.prepare('SELECT day, hour, revision FROM upstream_hours ORDER BY day, hour').all() as {
      day: string
      hour: number
      revision: number
    }[]
    const expected = db
      .prepare(
        `SELECT day, SUM(type = 'ticket.issued') AS issued, SUM(type = 'ticket.finished') AS served FROM events GROUP BY day ORDER BY day`,
      )
      .all()
    db.close()
    const hubHours = (
      await sql<{
        day: string
        hour: number
        revision: number
      }>`SELECT DISTINCT day, hour, revision FROM hub_hours WHERE center_id = ${'EG-CAI-001'} ORDER BY day, hour`.execute(hub.store.db)
    ).rows.map((r) => ({ day: r.day, hour: Number(r.hour), revision: Number(r.revision) }))
    expect(hubHours).toEqual(centerHours)
    const got = (await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&to=2026-03-16&by=day')).rows.map((r: any) => ({
      day: r.key,
      issued: r.issued,
      served: r.served,
    }))
    expect(got).toEqual(expected)
    expect((await rejections(hub))['HUB_ERR_RATE_LIMITED:EG-CAI-001']).toBe(limitedEverywhere)
  })
})

describe('rate-limit counts at shutdown', () => {
  it('refusals not yet written are written when the hub closes, before its store does', async () => {
    // like hub/main.ts, an onClose hook added after buildHub (there: closing the store) runs before buildHub's own
    let atStoreClose: unknown
    const hub: TestHub = await startTestHub({
      config: { ingestPerMinute: 1 },
      setup: (app) =>
        app.addHook('onClose', async () => {
          atStoreClose = await hub.store.rejections()
        }),
    })
    cleanups.push(() => hub.close())
    const s1 = await registerCenter(hub, 'C1')
    expect((await postSigned(hub.url, batchPath, 'C1', s1, batch('C1', 1))).status).toBe(200)
    for (let i = 0; i < 3; i++) expect((await postSigned(hub.url, batchPath, 'C1', s1, batch('C1', 2))).status).toBe(429)
    await hub.stop()
    expect(atStoreClose).toEqual([expect.objectContaining({ code: 'HUB_ERR_RATE_LIMITED', centerId: 'C1', count: 3 })])
  })
})
