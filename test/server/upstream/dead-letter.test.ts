import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { addNationalService, registerCenter, startTestHub } from '../../hub/hub-harness.ts'
import { drain, hubJson, UPSTREAM_TEST_CONFIG } from './upstream-helpers.ts'

/**
 * Issue 16: a batch the hub can never accept (refused as malformed, 400) used to be retried for
 * ever, and every later batch of the center waited behind it. It is now parked in the outbox
 * (kept, with the hub's answer), counted in /metrics, and the next batches go through.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('a batch the hub refuses for good', () => {
  it('is parked with the hub’s answer and an alert; the batches after it are delivered', { timeout: 60_000 }, async () => {
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    const secret = await registerCenter(hub, 'EG-CAI-001')
    await addNationalService(hub, 'A')
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z'))
    const upstream = { url: hub.url, centerId: 'EG-CAI-001', secret, ...UPSTREAM_TEST_CONFIG }
    const center = await TestCenter.start({ clock, config: { upstream, metrics: { allow: ['127.0.0.1'] } } })
    cleanups.push(() => center.close())
    const reporter = center.app.tabour.upstream!
    // an hour whose figures no hub accepts (a corrupted row), queued first
    const absurd = [
      {
        serviceCode: 'Z',
        serviceNameAr: 'ز',
        serviceNameEn: 'Z',
        ...Object.fromEntries(
          [
            'issued',
            'called',
            'served',
            'noShow',
            'cancelled',
            'transferredIn',
            'transferredOut',
            'waitSumSeconds',
            'waitCount',
            'waitMaxSeconds',
            'waitWithinTarget',
            'serviceSumSeconds',
            'serviceCount',
            'counterOpenMinutes',
          ].map((k) => [k, 0]),
        ),
        issued: 2 ** 53 - 1,
      },
    ]
    center.app.tabour.db
      .prepare('INSERT INTO upstream_outbox (day, hour, revision, final, figures, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('2026-03-09', 9, 1, 1, JSON.stringify(absurd), clock.now)
    // then a real hour behind it
    const service = await center.createService({ prefix: 'A', nationalCode: 'A' })
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: service.id })

    await drain(center)
    expect(reporter.outbox.parked()).toBe(1)
    expect(reporter.stats.parked).toBe(1)
    const parked = center.app.tabour.db.prepare('SELECT day, hour, last_error FROM upstream_outbox WHERE parked_at IS NOT NULL').get() as {
      last_error: string
    }
    expect(parked).toMatchObject({ day: '2026-03-09', hour: 9 })
    expect(parked.last_error).toContain('400 HUB_ERR_VALIDATION')
    expect(parked.last_error).toContain('issued')
    // the real hour arrived
    const rows = (await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&by=service&center=EG-CAI-001')).rows
    expect(rows.map((r: { key: string; issued: number }) => [r.key, r.issued])).toEqual([['A', 1]])
    // and an operator sees it
    const metrics = (await center.request('GET', '/metrics')).body
    expect(metrics).toMatch(/^tabour_upstream_parked_batches 1$/m)
  })
})
