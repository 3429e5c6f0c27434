import { afterEach, describe, expect, it } from 'vitest'
import { retryAfterMsOf } from '../../../server/upstream/reporter.ts'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { registerCenter, startTestHub } from '../../hub/hub-harness.ts'
import { UPSTREAM_TEST_CONFIG } from './upstream-helpers.ts'

/**
 * A hub that is rate limiting says when to come back (429 + Retry-After); the reporter waits
 * that long instead of its own short backoff, keeps the batch, and never waits past its ceiling.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-12-02T10:00:00Z')
    expect(retryAfterMsOf('7', now)).toBe(7000)
    expect(retryAfterMsOf(' 0 ', now)).toBe(0)
    expect(retryAfterMsOf('Wed, 02 Dec 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(retryAfterMsOf('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(0) // a date already past: now
    expect(retryAfterMsOf(null, now)).toBeUndefined()
    expect(retryAfterMsOf('soon', now)).toBeUndefined()
    expect(retryAfterMsOf('-5', now)).toBeUndefined()
  })

  it('a rate-limited center waits what the hub asked (within its ceiling), keeps the batch, and it arrives once allowed', {
    timeout: 30_000,
  }, async () => {
    const hub = await startTestHub({ config: { ingestPerMinute: 1 } })
    cleanups.push(() => hub.close())
    const secret = await registerCenter(hub, 'EG-CAI-001')
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z'))
    // a long ceiling, so the hub's answer (tens of seconds) is what sets the wait, not our own 0.3 s backoff
    const upstream = { url: hub.url, centerId: 'EG-CAI-001', secret, ...UPSTREAM_TEST_CONFIG, retryMaxSeconds: 120 }
    const center = await TestCenter.start({ clock, config: { upstream } })
    cleanups.push(() => center.close())
    const service = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: service.id })
    const reporter = center.app.tabour.upstream!
    // hour after hour, until two requests of one route fall within the minute the hub allows one (several due batches go in one backlog request)
    for (let h = 0; h < 6 && !(reporter.stats.lastError ?? '').includes('429'); h++) {
      clock.advance(3600)
      await center.issue(kiosk.token, { serviceId: service.id })
      for (let i = 0; i < 50 && !(reporter.stats.lastError ?? '').includes('429'); i++) await reporter.nextRound()
    }
    expect(reporter.stats.lastError).toBe('hub answered 429 HUB_ERR_RATE_LIMITED')
    expect(reporter.stats.sent).toBeGreaterThanOrEqual(1)
    const waiting = reporter.outbox.head(1)[0]!
    const waitMs = waiting.nextAttemptAt - Date.now()
    // the hub's window is a minute: it asks for up to 60 s; our own backoff would have been ≤ 40 ms
    expect(waitMs).toBeGreaterThan(5_000)
    expect(waitMs).toBeLessThanOrEqual(61_000)
    expect(reporter.outbox.pending()).toBeGreaterThanOrEqual(1)
  })

  it('never waits past retryMaxSeconds, whatever the hub asks', async () => {
    const hub = await startTestHub({ config: { ingestPerMinute: 1 } })
    cleanups.push(() => hub.close())
    const center = await TestCenter.start({
      config: { upstream: { url: hub.url, centerId: 'X', secret: 'x'.repeat(32), ...UPSTREAM_TEST_CONFIG, retryMaxSeconds: 2 } },
    })
    cleanups.push(() => center.close())
    const reporter = center.app.tabour.upstream!
    for (let i = 0; i < 50; i++) expect(reporter.retryAfterDelay(3_600_000)).toBe(2_000)
    const short = reporter.retryAfterDelay(500)
    expect(short).toBeGreaterThanOrEqual(500)
    expect(short).toBeLessThanOrEqual(1_500)
  })
})
