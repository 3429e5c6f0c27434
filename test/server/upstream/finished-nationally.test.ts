import { afterEach, describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { readCsv } from '../../helpers/read-csv.ts'
import { addNationalService, startTestHub } from '../../hub/hub-harness.ts'
import { csvText } from '../../../protocol/messages/csv.ts'
import { analysisText } from '../../../protocol/messages/hub-analysis.ts'
import { drain, startReportingCenter, twoStepVisitCenter } from './upstream-helpers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/**
 * What "finished" means nationally (walk s55, session 54's leftover: "a visit of two steps counted
 * as two finished?"). Decided: every finish at a counter, whatever its outcome, a visit's each step
 * at its own desk — the number each center's own dashboard shows as "Finished" and that adds up
 * across services. So the hub's Finished is not a count of tickets, and no screen may call it one:
 * the CSV header and the analysis figure said "Tickets finished (any outcome)" of 3 when 1 ticket
 * had finished.
 */
describe('finished, nationally', () => {
  it("is the center's own Finished: a visit of two steps counts at each desk, and the CSV and analysis say so", {
    timeout: 90_000,
  }, async () => {
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z')) // 08:10 in Cairo
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'PERMIT', { nameEn: 'Building permits' })
    await addNationalService(hub, 'RECONCILE', { nameEn: 'Reconciliation requests' })
    const center = await startReportingCenter(hub, 'EG-GZ-007', clock)
    cleanups.push(() => center.close())
    const { a, c1, c2, kiosk, clerk1, clerk2, act } = await twoStepVisitCenter(center, { a: 'PERMIT', b: 'RECONCILE' })
    // one visit through both steps; a second served at its first step, now waiting for the second
    await center.issue(kiosk, { serviceId: a })
    await center.issue(kiosk, { serviceId: a })
    for (const action of ['call-next', 'start', 'finish']) await act(clerk1, c1, action)
    for (const action of ['call-next', 'start', 'finish']) await act(clerk2, c2, action)
    for (const action of ['call-next', 'start', 'finish']) await act(clerk1, c1, action)
    await drain(center)

    // the center's log: one ticket done, two steps sent on; its dashboard's "Finished" counts the three finishes
    const events = (type: string) =>
      (center.app.tabour.db.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n
    expect([events('ticket.finished'), events('ticket.next_step')]).toEqual([1, 2])
    const stats = (await center.request('GET', '/api/v1/stats/today', { token: await center.admin() })).json()
    expect(stats.totals.served).toBe(3)
    // the hub's Finished is the same three, service by service (A → PERMIT 2, B → RECONCILE 1), in every view
    const centerServed = Object.fromEntries((stats.services as { prefix: string; served: number }[]).map((s) => [s.prefix, s.served]))
    expect(centerServed).toEqual({ A: 2, B: 1 })
    const byService = (await hub.app.inject({ url: '/api/hub/v1/figures?from=2026-03-10&to=2026-03-10&by=service' })).json()
    expect(Object.fromEntries(byService.rows.map((r: { key: string; served: number }) => [r.key, r.served]))).toEqual({
      PERMIT: 2,
      RECONCILE: 1,
    })
    for (const by of ['governorate', 'center', 'service', 'hour']) {
      const res = await hub.app.inject({ url: `/api/hub/v1/figures?from=2026-03-10&to=2026-03-10&by=${by}` })
      expect(res.json().totals.served, by).toBe(3)
    }

    // the words: a count of finishes at counters, a visit's steps each (not "tickets"), in the CSV and the analysis alike
    for (const lang of ['ar', 'en'] as const) {
      const header = csvText('figure.served', lang)
      expect(header).toBe(
        lang === 'en'
          ? 'Finishes at counters (any outcome; a visit of 2 steps counts 2)'
          : 'مرات الإنهاء عند الشبابيك (كل النتائج؛ الزيارة ذات الخطوتين تُحسب مرتين)',
      )
      expect(analysisText('figure_served', lang)).toBe(header)
      const csv = readCsv(
        (await hub.app.inject({ url: `/api/hub/v1/figures.csv?from=2026-03-10&to=2026-03-10&by=service&lang=${lang}` })).body,
      )
      expect(csv.rows.map((r) => [r[csvText('hub.key', lang)], r[header]])).toEqual([
        ['PERMIT', '2'],
        ['RECONCILE', '1'],
      ])
    }
  })
})
