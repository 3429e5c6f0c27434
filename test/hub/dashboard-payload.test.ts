import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DashboardCenter,
  DashboardRow,
  DashboardTotals,
  HUB_DASHBOARD_PATH,
  type HubDashboard,
  type HubSummary,
} from '../../protocol/hub-api.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { addNationalService, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'
import { finalHour, ingestNow } from './final-hour.ts'

/**
 * GET /api/hub/v1/dashboard is the summary cut to what the dashboard page shows: the same figures
 * for every group, no figures by time, only the columns the page's tables read.
 */

const FROM = '2026-03-01'
const TO = '2026-03-03'
let hub: TestHub

const pick = <T extends object>(keys: readonly string[], o: T) =>
  Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k as keyof T]]))

beforeAll(async () => {
  hub = await startTestHub()
  await addNationalService(hub, 'PASSPORT')
  for (const [i, [id, governorate]] of [
    ['C1', 'EG-C'],
    ['C2', 'EG-ALX'],
  ].entries()) {
    await registerCenter(hub, id, { governorate })
    for (const [d, day] of [FROM, '2026-03-02', TO].entries()) {
      const rows = [
        {
          serviceCode: 'A',
          serviceNameAr: 'أ',
          serviceNameEn: 'A',
          nationalCode: 'PASSPORT',
          ...zeroCounts(),
          issued: 5 + i + d,
          waitCount: 3,
          waitSumSeconds: 900,
          waitWithinTarget: 2,
        },
        { serviceCode: 'Z', serviceNameAr: 'ز', serviceNameEn: 'Z', ...zeroCounts(), issued: 2 },
      ]
      const batch = finalHour(id, day, rows, { seq: d + 1 })
      await ingestNow(hub.store, batch)
    }
  }
})
afterAll(async () => {
  await hub?.close()
})

describe('the dashboard payload', () => {
  it('has the summary figures of every group the page shows, and nothing else', async () => {
    const q = `?from=${FROM}&to=${TO}`
    const summary: HubSummary = await (await fetch(`${hub.url}/api/hub/v1/summary${q}`)).json()
    const dashboard: HubDashboard = await (await fetch(hub.url + HUB_DASHBOARD_PATH + q)).json()
    expect(summary.byTime.length).toBe(3)
    expect(summary.byService.some((r) => r.mapped === false)).toBe(true)
    const rowKeys = Object.keys(DashboardRow.properties)
    expect(dashboard).toEqual({
      from: FROM,
      to: TO,
      today: summary.today,
      generatedAt: expect.any(Number),
      figuresAsOf: expect.any(Number),
      scope: null, // the read token: national
      totals: pick(Object.keys(DashboardTotals.properties), summary.totals),
      byGovernorate: summary.byGovernorate.map((r) => pick(rowKeys, r)),
      byCenter: summary.byCenter.map((r) => pick(rowKeys, r)),
      byService: summary.byService.map((r) => pick(rowKeys, r)),
      centers: summary.centers.map((c) => pick(Object.keys(DashboardCenter.properties), c)),
    })
    expect(dashboard.totals.issued).toBe(5 + 6 + 7 + 6 + 7 + 8 + 6 * 2)
  })
})
