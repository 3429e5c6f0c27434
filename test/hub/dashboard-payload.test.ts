import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DashboardCenter,
  DashboardRow,
  DashboardTotals,
  type FigureRow,
  HUB_DASHBOARD_PATH,
  type HubDashboard,
  type HubSummary,
} from '../../protocol/hub-api.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { addNationalService, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'
import { finalHour, ingestNow } from './final-hour.ts'

/**
 * GET /api/hub/v1/dashboard is the summary cut to what the dashboard page shows: the same figures
 * for every group, the hours of the day instead of the days (ranges up to 31 days), only the
 * columns the page's tables read.
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
      // the third day's hour is 14:00, the others' 10:00: two hours of the day
      const batch = finalHour(id, day, rows, { seq: d + 1, hour: day === TO ? 14 : 10 })
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
    const byHour: FigureRow[] = (await (await fetch(`${hub.url}/api/hub/v1/figures${q}&by=hour`)).json()).rows
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
      byHour: byHour.map((r) => pick(rowKeys, r)),
      centers: summary.centers.map((c) => pick(Object.keys(DashboardCenter.properties), c)),
    })
    expect(dashboard.totals.issued).toBe(5 + 6 + 7 + 6 + 7 + 8 + 6 * 2)
    // an offline center's row says since when its figures may lack what it has not sent (walk of 2026-12-06)
    expect(dashboard.centers.map((c) => [typeof c.lastReportAt, c.outboxPending])).toEqual([
      ['number', null],
      ['number', null],
    ])
    // 10:00 on the first two days of both centers, 14:00 on the third
    expect(dashboard.byHour?.map((r) => [r.key, r.issued])).toEqual([
      ['10', 5 + 6 + 6 + 7 + 4 * 2],
      ['14', 7 + 8 + 2 * 2],
    ])
  })

  it('has no hours of the day for a range longer than "by hour" covers (31 days), and the rest as before', async () => {
    const long: HubDashboard = await (await fetch(`${hub.url}${HUB_DASHBOARD_PATH}?from=2026-01-31&to=2026-03-03`)).json()
    expect(long.byHour).toBeNull()
    expect(long.totals.issued).toBe(5 + 6 + 7 + 6 + 7 + 8 + 6 * 2)
    const month: HubDashboard = await (await fetch(`${hub.url}${HUB_DASHBOARD_PATH}?from=2026-02-01&to=2026-03-03`)).json()
    expect(month.byHour?.length, '31 days have them').toBe(2)
  })

  it("refuses a day that is no calendar day with the views' 400, not a 500 from the hours of the day", async () => {
    const res = await fetch(`${hub.url}${HUB_DASHBOARD_PATH}?from=2026-02-30&to=2026-03-03`)
    expect(res.status).toBe(400)
    expect((await res.json()).code).toBe('HUB_ERR_VALIDATION')
  })
})
