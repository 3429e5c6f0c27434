import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDay } from '../../protocol/center-clock.ts'
import type { TrendAnswer } from '../../protocol/hub-analysis.ts'
import type { FigureRow } from '../../protocol/hub-api.ts'
import { ANALYSIS_CENTERS, expectedSums, type FixtureRow, ingestFixture, isoWeek, sendCenterRows, shiftDay } from './analysis-fixture.ts'
import { addAnalyst, BACKENDS, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * Issue 23, analysis: trends by day, ISO week and month beside the period before, the drill-down
 * governorate → center → service → hour, and a governorate analyst kept to their governorate, all
 * checked against sums computed from the rows the test sent; bad input gets a stable code.
 */

const READ_TOKEN = 'machine-read-token-for-tests'
const PASSWORD = 'a long enough password'

describe.each(BACKENDS)('analysis on %s', (backend) => {
  let hub: TestHub
  let rows: FixtureRow[]
  let alex: string
  beforeAll(async () => {
    hub = await startTestHub({ backend, config: { readToken: READ_TOKEN } })
    rows = await ingestFixture(hub)
    await addAnalyst(hub, 'alex', PASSWORD, 'الإسكندرية')
    const login = await fetch(`${hub.url}/api/hub/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alex', password: PASSWORD }),
    })
    alex = (await login.json()).token
  }, 60_000)
  afterAll(async () => hub?.close())

  async function get<T = TrendAnswer>(path: string, token = READ_TOKEN): Promise<{ status: number; body: T & { code?: string } }> {
    const res = await fetch(hub.url + path, { headers: { authorization: `Bearer ${token}` } })
    return { status: res.status, body: await res.json() }
  }
  const within = (from: string, to: string, keep: (r: FixtureRow) => boolean = () => true) =>
    rows.filter((r) => r.day >= from && r.day <= to && keep(r))
  const figuresOf = (f: TrendAnswer['totals'] | null) =>
    f && { issued: f.issued, served: f.served, noShow: f.noShow, avgWaitSeconds: f.avgWaitSeconds, slaPercent: f.slaPercent }

  it('by ISO week: every week of the range, each beside the same days 28 days earlier, and the change', async () => {
    // Monday 2 Nov .. Sunday 29 Nov: four whole weeks; the previous period is 5..31 Oct
    const { status, body } = await get('/api/hub/v1/analysis/trend?from=2026-11-02&to=2026-11-29&grain=week')
    expect(status).toBe(200)
    expect(body.previous).toEqual({ from: '2026-10-05', to: '2026-11-01', shiftDays: 28 })
    expect(body.centers).toEqual({ compared: 4, onlyNow: 0, onlyBefore: 0 })
    expect(body.points.map((p) => p.key)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48'])
    for (const p of body.points) {
      const mine = within(p.from, p.to)
      expect(new Set(mine.map((r) => isoWeek(r.day)))).toEqual(new Set([p.key]))
      expect(figuresOf(p.figures), p.key).toEqual(expectedSums(mine))
      expect(figuresOf(p.previous), p.key).toEqual(expectedSums(within(shiftDay(p.from, -28), shiftDay(p.to, -28))))
    }
    const now = expectedSums(within('2026-11-02', '2026-11-29'))
    const before = expectedSums(within('2026-10-05', '2026-11-01'))
    expect(figuresOf(body.totals)).toEqual(now)
    expect(figuresOf(body.previousTotals)).toEqual(before)
    expect(body.change?.issued).toBe(Math.round((1000 * (now.issued - before.issued)) / before.issued) / 10)
    expect(body.change?.slaPercent).toBe(Math.round(10 * (now.slaPercent! - before.slaPercent!)) / 10)
  })

  it('compares only days with figures in both periods: the weeks before the hub had data are not counted as growth', async () => {
    // 13 Oct .. 9 Nov against 15 Sep .. 12 Oct: the hub has figures from 1 Oct only, so of the range's
    // seven days with figures (13, 17, 21, 25, 29 Oct, 2 and 6 Nov) three have a day 28 days before with figures
    const { body } = await get('/api/hub/v1/analysis/trend?from=2026-10-13&to=2026-11-09&grain=week')
    const compared = ['2026-10-29', '2026-11-02', '2026-11-06']
    const pick = (days: string[]) => rows.filter((r) => days.includes(r.day))
    const now = expectedSums(pick(compared))
    const before = expectedSums(pick(compared.map((d) => shiftDay(d, -28))))
    expect(body.comparedDays).toBe(3)
    expect(body.change?.issued).toBe(Math.round((1000 * (now.issued - before.issued)) / before.issued) / 10)
    // the totals stay the whole periods' (the page shows them as they are)
    expect(figuresOf(body.totals)).toEqual(expectedSums(within('2026-10-13', '2026-11-09')))
    // a week whose days 28 days before had no figures: nothing to compare, no change (not +∞ or a rise)
    const first = body.points.find((p) => p.key === '2026-W42')!
    expect([first.reported, first.comparedDays, first.change]).toEqual([true, 0, null])
    const last = body.points.find((p) => p.key === '2026-W45')!
    expect(last.comparedDays).toBe(2)
  })

  it('by month: partial months at the ends, days counted, zeros where nothing was sent; by day; compare=none', async () => {
    const { body } = await get('/api/hub/v1/analysis/trend?from=2026-10-15&to=2026-11-29&grain=month')
    expect(body.points.map((p) => [p.key, p.from, p.to, p.days])).toEqual([
      ['2026-10', '2026-10-15', '2026-10-31', 17],
      ['2026-11', '2026-11-01', '2026-11-29', 29],
    ])
    expect(figuresOf(body.points[0].figures)).toEqual(expectedSums(within('2026-10-15', '2026-10-31')))
    expect(figuresOf(body.points[1].figures)).toEqual(expectedSums(within('2026-11-01', '2026-11-29')))
    // 46 days earlier: 30 Aug .. 14 Oct, of which only October was sent
    // by month the period lies the range's length back (months are not whole weeks)
    expect(body.previous).toEqual({ from: '2026-08-30', to: '2026-10-14', shiftDays: 46 })
    expect(figuresOf(body.previousTotals)).toEqual(expectedSums(within('2026-08-30', '2026-10-14')))
    expect(body.points[0].previous?.issued).toBe(0)
    // before the hub had any data: not reported ("no data" on the page), though the period as a whole has some
    expect([body.points[0].previousReported, body.points[1].previousReported, body.previousReported]).toEqual([false, true, true])

    const days = await get('/api/hub/v1/analysis/trend?from=2026-11-26&to=2026-11-29&grain=day&compare=none')
    expect(days.body.points.map((p) => [p.key, p.figures.issued])).toEqual(
      ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map((d) => [d, expectedSums(within(d, d)).issued]),
    )
    expect(days.body.points[2].figures.issued).toBe(0) // nothing sent on the 28th: zeros, marked as not reported
    expect(days.body.points.map((p) => p.reported)).toEqual(days.body.points.map((p) => p.figures.issued > 0))
    expect([days.body.previous, days.body.previousTotals, days.body.change, days.body.points[0].previous]).toEqual([null, null, null, null])
  })

  it('without a range: the four weeks ending today (or ending `to`)', async () => {
    const today = localDay(Date.now(), 'Africa/Cairo')
    const plain = await get('/api/hub/v1/analysis/trend?grain=day')
    expect([plain.body.from, plain.body.to, plain.body.points.length]).toEqual([shiftDay(today, -27), today, 28])
    const ending = await get('/api/hub/v1/analysis/trend?to=2026-11-29')
    expect([ending.body.from, ending.body.to, ending.body.grain]).toEqual(['2026-11-02', '2026-11-29', 'day'])
    expect((await get('/api/hub/v1/analysis/trend?to=2026-02-30')).body.code).toBe('HUB_ERR_VALIDATION')
  })

  it('filters: a governorate, a center, a national service', async () => {
    const q = 'from=2026-11-02&to=2026-11-29&grain=week'
    const gov = await get(`/api/hub/v1/analysis/trend?${q}&governorate=${encodeURIComponent('القاهرة')}&service=PASSPORT`)
    // the governorate asked by its name is answered as its code (protocol/governorates.ts)
    expect(gov.body.governorate).toBe('EG-C')
    expect(figuresOf(gov.body.totals)).toEqual(
      expectedSums(within('2026-11-02', '2026-11-29', (r) => r.governorate === 'القاهرة' && r.nationalCode === 'PASSPORT')),
    )
    const center = await get(`/api/hub/v1/analysis/trend?${q}&center=EG-ASN-001`)
    expect(figuresOf(center.body.totals)).toEqual(expectedSums(within('2026-11-02', '2026-11-29', (r) => r.centerId === 'EG-ASN-001')))
  })

  it("the drill-down: governorate → its centers → a center's services → by hour, each from the rows sent", async () => {
    const range = 'from=2026-11-02&to=2026-11-29'
    const inRange = (keep: (r: FixtureRow) => boolean) => within('2026-11-02', '2026-11-29', keep)
    const rowsOf = async (q: string) => (await get<{ rows: FigureRow[] }>(`/api/hub/v1/figures?${range}&${q}`)).body.rows
    const byGov = await rowsOf('by=governorate')
    expect(byGov.map((r) => [r.key, r.issued])).toEqual(
      [
        ['EG-ALX', 'الإسكندرية'],
        ['EG-ASN', 'أسوان'],
        ['EG-C', 'القاهرة'],
      ].map(([code, g]) => [code, expectedSums(inRange((r) => r.governorate === g)).issued]),
    )
    const centers = await rowsOf(`by=center&governorate=${encodeURIComponent('القاهرة')}`)
    expect(centers.map((r) => [r.key, r.issued])).toEqual(
      ['EG-CAI-001', 'EG-CAI-002'].map((id) => [id, expectedSums(inRange((r) => r.centerId === id)).issued]),
    )
    const services = await rowsOf('by=service&center=EG-CAI-001')
    expect(services.map((r) => [r.key, r.issued, r.avgWaitSeconds])).toEqual(
      ['BIRTH-CERT', 'PASSPORT'].map((code) => {
        const e = expectedSums(inRange((r) => r.centerId === 'EG-CAI-001' && r.nationalCode === code))
        return [code, e.issued, e.avgWaitSeconds]
      }),
    )
    const hours = await rowsOf('by=hour&center=EG-CAI-001&service=PASSPORT')
    expect(hours.map((r) => [r.key, r.issued, r.served])).toEqual(
      [9, 11].map((h) => {
        const e = expectedSums(inRange((r) => r.centerId === 'EG-CAI-001' && r.nationalCode === 'PASSPORT' && r.hour === h))
        return [String(h), e.issued, e.served]
      }),
    )
  })

  it('a governorate analyst sees their governorate only, in the trend, the map and the drill-down; another is 403', async () => {
    const range = 'from=2026-11-02&to=2026-11-29'
    const own = await get(`/api/hub/v1/analysis/trend?${range}&grain=week`, alex)
    expect(own.body.governorate).toBe('EG-ALX')
    expect(figuresOf(own.body.totals)).toEqual(expectedSums(within('2026-11-02', '2026-11-29', (r) => r.governorate === 'الإسكندرية')))
    const map = await get<{ rows: FigureRow[] }>(`/api/hub/v1/figures?${range}&by=governorate`, alex)
    expect(map.body.rows.map((r) => r.key)).toEqual(['EG-ALX'])
    const cairo = ANALYSIS_CENTERS[0]
    for (const path of [
      `/api/hub/v1/analysis/trend?${range}&governorate=${encodeURIComponent(cairo.governorate)}`,
      `/api/hub/v1/analysis/trend?${range}&center=${cairo.id}`,
      `/api/hub/v1/figures?${range}&by=center&governorate=${encodeURIComponent(cairo.governorate)}`,
      `/api/hub/v1/figures?${range}&by=service&center=${cairo.id}`,
      `/api/hub/v1/figures?${range}&by=hour&center=${cairo.id}&service=PASSPORT`,
    ]) {
      const refused = await get(path, alex)
      expect([refused.status, refused.body.code], path).toEqual([403, 'HUB_ERR_FORBIDDEN_GOVERNORATE'])
    }
  })

  it('bad input: a range beyond the cap, a day that does not exist, an unknown grain or service, no token', async () => {
    const cases: [string, number, string][] = [
      ['from=2025-01-01&to=2026-11-29', 400, 'HUB_ERR_RANGE_TOO_LONG'],
      ['from=2026-02-30&to=2026-03-02', 400, 'HUB_ERR_VALIDATION'],
      ['from=2026-11-29&to=2026-11-02', 400, 'HUB_ERR_VALIDATION'],
      ['from=2026-11-02&to=2026-11-29&grain=year', 400, 'HUB_ERR_VALIDATION'],
      ['from=2026-11-02&to=2026-11-29&service=NO-SUCH', 400, 'HUB_ERR_UNKNOWN_NATIONAL_CODE'],
    ]
    for (const [q, status, code] of cases) {
      const res = await get(`/api/hub/v1/analysis/trend?${q}`)
      expect([res.status, res.body.code], q).toEqual([status, code])
    }
    const tooLong = await get('/api/hub/v1/analysis/trend?from=2025-01-01&to=2026-11-29')
    expect(tooLong.body.code === 'HUB_ERR_RANGE_TOO_LONG' && (tooLong.body as unknown as { message: string }).message).toContain(
      '2025-01-01..2026-11-29',
    )
    const anonymous = await fetch(`${hub.url}/api/hub/v1/analysis/trend`)
    expect([anonymous.status, (await anonymous.json()).code]).toEqual([401, 'HUB_ERR_UNAUTHENTICATED'])
    const doc = (await get<{ paths: Record<string, { get: { security: unknown } }> }>('/api/hub/v1/openapi.json')).body
    expect(doc.paths['/api/hub/v1/analysis/trend'].get.security).toEqual([{ bearer: [] }])
  })

  it('by day the previous period lies whole weeks back: a Friday is compared with a Friday, and the page is told how far', async () => {
    // 27 days, 3..29 Nov: moved back by its length (27 days) every day faced another weekday (walk of 2026-12-06)
    const { body } = await get('/api/hub/v1/analysis/trend?from=2026-11-03&to=2026-11-29&grain=day')
    expect(body.previous).toEqual({ from: '2026-10-06', to: '2026-11-01', shiftDays: 28 })
    for (const p of body.points) {
      const before = within(shiftDay(p.key, -28), shiftDay(p.key, -28))
      expect(figuresOf(p.previous), p.key).toEqual(expectedSums(before))
    }
    expect(figuresOf(body.previousTotals)).toEqual(expectedSums(within('2026-10-06', '2026-11-01')))
  })

  // last: it adds a center, which the other tests' sums do not expect
  it('compares like with like: a center new in the period is left out of the change and counted; today so far is not compared', async () => {
    const today = localDay(Date.now(), 'Africa/Cairo')
    const added = { id: 'EG-ASN-002', governorate: 'أسوان', nameAr: 'مركز كوم أمبو', nameEn: 'Kom Ombo center' }
    // figures from 18 Nov (none in October), and a week ago, yesterday, eight days ago and today
    const days = ['2026-11-18', '2026-11-22', shiftDay(today, -8), shiftDay(today, -7), shiftDay(today, -1), today]
    const extra = [...new Set(days)].map(
      (day, i): FixtureRow => ({
        centerId: added.id,
        governorate: added.governorate,
        day,
        hour: 9,
        nationalCode: 'PASSPORT',
        issued: 400 + 10 * i,
        served: 390,
        noShow: 5,
        waitCount: 395,
        waitSumSeconds: 395 * 600,
        waitWithinTarget: 300,
      }),
    )
    await sendCenterRows(hub, added, extra)
    const withAdded = [...rows, ...extra]
    const inRange = (from: string, to: string, keep: (r: FixtureRow) => boolean) =>
      withAdded.filter((r) => r.day >= from && r.day <= to && keep(r))

    // 2..29 Nov against 5 Oct..1 Nov: the new center is in the totals, not in the change
    const { body } = await get('/api/hub/v1/analysis/trend?from=2026-11-02&to=2026-11-29&grain=week')
    expect(body.centers).toEqual({ compared: 4, onlyNow: 1, onlyBefore: 0 })
    expect(figuresOf(body.totals)).toEqual(expectedSums(inRange('2026-11-02', '2026-11-29', () => true)))
    const old = (r: FixtureRow) => r.centerId !== added.id
    const now = expectedSums(inRange('2026-11-02', '2026-11-29', old))
    const before = expectedSums(inRange('2026-10-05', '2026-11-01', old))
    expect(body.change?.issued).toBe(Math.round((1000 * (now.issued - before.issued)) / before.issued) / 10)

    // the week ending today: today is "running", left out of every change; the centers that only reported before are counted
    const week = await get(`/api/hub/v1/analysis/trend?from=${shiftDay(today, -6)}&to=${today}&grain=day`)
    const last = week.body.points.at(-1)!
    expect([last.key, last.running, last.reported, last.comparedDays, last.change]).toEqual([today, true, true, 0, null])
    expect(week.body.points.slice(0, -1).every((p) => !p.running)).toBe(true)
    const earlier = new Set(inRange(shiftDay(today, -13), shiftDay(today, -7), () => true).map((r) => r.centerId))
    expect(week.body.centers).toEqual({ compared: 1, onlyNow: 0, onlyBefore: earlier.size - 1 })
    // yesterday against eight days ago, the new center alone
    const [y, w] = [shiftDay(today, -1), shiftDay(today, -8)].map((d) => expectedSums(inRange(d, d, (r) => r.centerId === added.id)).issued)
    expect(week.body.comparedDays).toBe(1)
    expect(week.body.change?.issued).toBe(Math.round((1000 * (y - w)) / w) / 10)
  })
})
