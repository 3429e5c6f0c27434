import { afterEach, describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { addNationalService, startTestHub } from '../../hub/hub-harness.ts'
import { rows } from '../routes/route-helpers.ts'
import { refreshRollups } from '../../../server/reports/rollup.ts'
import { drain, hubJson, startReportingCenter } from './upstream-helpers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/**
 * The hub keeps what it was sent of an hour until a higher revision comes, and the reporter used
 * to send a day again only when the day had a new event. A re-fold of the report rollups (as
 * migration 24 emptied them to fold parked tickets' stays anew) changes a past day's figures
 * with no new event of that day: the day must go out again. Real center, real reporter, real hub
 * store on loopback. Cairo, 2026-03-10: A-001 called 10:10, finished after 100 s. The rollup is
 * made to hold 600 s, as a fold before a fix would have, and the hub gets that; the next day the
 * rollups are emptied as migration 24 did, and the hub must end with the true 100 s.
 */
describe('a past day whose figures change after the hub acknowledged them', () => {
  it('is sent again as a new revision after the rollups are folded again', { timeout: 60_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:10:00Z'))
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'A')
    const center = await startReportingCenter(hub, 'EG-CAI-027', clock)
    cleanups.push(() => center.close())
    const a = (await center.createService({ prefix: 'A', nationalCode: 'A' })).id
    const counter = (await center.createCounter({ number: 1, serviceIds: [a] })).id
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter)
    await center.issue(kiosk, { serviceId: a })
    for (const [action, s] of [
      ['call-next', 0],
      ['start', 0],
      ['finish', 100],
    ] as const) {
      clock.now = Date.parse('2026-03-10T08:10:00Z') + s * 1000
      const res = await center.action(clerk, counter, action)
      expect(res.statusCode, res.body).toBe(200)
    }
    // a stale fold: what the rollup held for this hour before a fix; the counter's close, an event
    // of the day, makes the reporter read the day again and send that
    const db = center.app.tabour.db
    refreshRollups(db, 'Africa/Cairo')
    expect(db.prepare("UPDATE report_hour SET svc_sum = 600, svcs = '600,' WHERE day = '2026-03-10' AND served = 1").run().changes).toBe(1)
    await center.request('POST', `/api/v1/counters/${counter}/close`, { token: clerk })
    await drain(center)
    const hubService = async () =>
      ((await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&to=2026-03-10&by=service&center=EG-CAI-027')).rows as any[]).map((r) => ({
        served: r.served,
        avgServiceSeconds: r.avgServiceSeconds,
      }))
    expect(await hubService()).toEqual([{ served: 1, avgServiceSeconds: 600 }])

    // the next day: 10:00 hour final, the day acknowledged
    clock.now = Date.parse('2026-03-11T08:00:00Z')
    await drain(center)
    const revisionOf10 = () =>
      rows<{ revision: number }>(center, "SELECT revision FROM upstream_hours WHERE day = '2026-03-10' AND hour = 10")[0]!.revision
    const acknowledged = revisionOf10()

    // migration 24's statements: the rollups are derived, emptied and folded again from the log
    db.exec('DELETE FROM report_day; DELETE FROM report_hour; DELETE FROM report_state;')
    await drain(center)
    expect(await hubService()).toEqual([{ served: 1, avgServiceSeconds: 100 }])
    expect(revisionOf10()).toBe(acknowledged + 1)

    // nothing changed since: no further revision
    await drain(center)
    expect(revisionOf10()).toBe(acknowledged + 1)
  })
})
