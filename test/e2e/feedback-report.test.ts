import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { daytimeShiftMs, STAFF_PASSWORD, type TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { FEEDBACK_REASONS, type FeedbackFigure, type FeedbackReport } from '../../protocol/feedback.ts'
import type { ParkingFigures } from '../../protocol/parking.ts'
import { pairFeedbackTablet } from '../server/feedback/feedback-helpers.ts'
import { seriousAxeViolations } from './axe.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 21, the reports of feedback and parking: a day of ratings (from the counters' tablets)
 * and parked tickets (resumed, and one not back in time) played over the API with a clock set
 * back, then the dashboard's reports view at 1366×768, in Arabic and in English, shows the
 * citizen ratings by service, counter, clerk and hour and the parked tickets per service, every
 * figure equal to the API's; the parking figures are also computed by hand. axe finds nothing
 * serious. Screenshots go to test-results/feedback-report/ (TABOUR_SHOTS to change it).
 */

const SHOTS = process.env.TABOUR_SHOTS ?? join(ROOT, 'test-results', 'feedback-report')
const DESK = { width: 1366, height: 768 } as const
const suite = useBrowserSuite(SHOTS)

async function playDay() {
  const behind = { ms: 0 }
  const shift = daytimeShiftMs()
  const clock = { fn: () => Date.now() + shift - behind.ms } as TestClock
  const at = (minutesBeforeNow: number) => (behind.ms = minutesBeforeNow * 60_000)
  at(180)
  const { center, url } = await listeningCenter(
    { config: { dataDir: mkdtempSync(join(tmpdir(), 'tabour-fbreport-e2e-')), uiDir: suite.uiDir }, clock },
    suite.cleanups,
  )
  const a = await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
  const b = await center.createService({ prefix: 'B', nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates' })
  const c1 = await center.createCounter({ number: 1, name: 'الشباك الأول', serviceIds: [a.id, b.id] })
  const c2 = await center.createCounter({ number: 2, name: 'الشباك الثاني', serviceIds: [b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk1 = await center.openCounterAs('ahmed', c1.id)
  const clerk2 = await center.openCounterAs('mona', c2.id)
  const boss = (await center.createUser('boss', 'manager')).token
  const tablets = new Map([
    [c1.id, (await pairFeedbackTablet(center, c1.id, 'tablet 1')).token],
    [c2.id, (await pairFeedbackTablet(center, c2.id, 'tablet 2')).token],
  ])
  const ok = async <R extends { statusCode: number; body: string }>(p: Promise<R>) => {
    const res = await p
    expect(res.statusCode, res.body).toBe(200)
    return res
  }
  const call = async (clerk: string, counter: number) => (await ok(center.action(clerk, counter, 'call-next'))).json().ticket.id as string
  const serveAndRate = async (clerk: string, counter: number, score: number, reasons?: string[]) => {
    const id = await call(clerk, counter)
    await ok(center.action(clerk, counter, 'start'))
    await ok(center.action(clerk, counter, 'finish'))
    const rated = await center.request('POST', '/api/v1/feedback', { token: tablets.get(counter)!, body: { ticketId: id, score, reasons } })
    expect(rated.statusCode, rated.body).toBe(201)
  }
  const park = (clerk: string, counter: number, minutes: number) =>
    ok(center.request('POST', `/api/v1/counters/${counter}/park`, { token: clerk, body: { reason: 'missing_document', minutes } }))
  const resume = (clerk: string, counter: number, ticketId: string) =>
    ok(center.request('POST', `/api/v1/counters/${counter}/resume-parked`, { token: clerk, body: { ticketId } }))

  for (const s of [a, a, a, a, b, b, b, b]) await center.issue(kiosk, { serviceId: s.id })
  await serveAndRate(clerk1, c1.id, 5)
  await serveAndRate(clerk1, c1.id, 2, ['wait', 'staff'])
  await serveAndRate(clerk2, c2.id, 4)
  at(120)
  await serveAndRate(clerk1, c1.id, 1, ['wait'])
  await serveAndRate(clerk2, c2.id, 3)
  // parked: A-004 for 10 min, back after 8; B-002 for 5 min, never back; B-003 for 20 min, back after 15
  at(100)
  const a4 = await call(clerk1, c1.id)
  await park(clerk1, c1.id, 10)
  await call(clerk2, c2.id)
  await park(clerk2, c2.id, 5)
  at(92)
  await resume(clerk1, c1.id, a4)
  await ok(center.action(clerk1, c1.id, 'start'))
  await ok(center.action(clerk1, c1.id, 'finish'))
  at(90)
  const b3 = await call(clerk2, c2.id)
  await park(clerk2, c2.id, 20)
  at(75)
  await resume(clerk2, c2.id, b3)
  at(0)
  const day = center.app.tabour.queue.ctx.dayOf(center.app.tabour.queue.ctx.clock())
  return { center, url, day, boss, a: a.id, b: b.id }
}

/** A cell's text with western digits, '.' and '%' (the Arabic page may write ٣٫٥ and ٪). */
const western = (text: string | null) =>
  (text ?? '')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/٫/g, '.')
    .replace(/٪/g, '%')
    .replace(/,/g, '')
    .trim()

async function checkFeedback(page: Page, report: FeedbackReport, lang: 'ar' | 'en'): Promise<void> {
  const card = page.locator('tabour-feedback-report section[data-card="feedback-report"]')
  await card.locator('[data-feedback-total]').waitFor()
  expect(await card.locator('[data-feedback-total]').getAttribute('data-count')).toBe(String(report.total.count))
  const check = async (by: string, key: string, f: FeedbackFigure) => {
    const row = card.locator(`table[data-feedback-by="${by}"] tr[data-key="${key}"]`)
    const cell = async (col: string) => western(await row.locator(`td[data-col="${col}"]`).textContent())
    expect(await cell('count'), `${lang} ${by} ${key} count`).toBe(String(f.count))
    expect(await cell('average'), `${lang} ${by} ${key} average`).toBe(f.average === null ? '—' : String(f.average))
    expect(await cell('low'), `${lang} ${by} ${key} low`).toBe(
      `${f.low} (${f.lowShare === null ? '—' : `${Math.round(f.lowShare * 1000) / 10}%`})`,
    )
    const reasons = await cell('reasons')
    for (const r of FEEDBACK_REASONS) {
      const n = f.reasons[r.code] ?? 0
      if (n > 0) expect(reasons, `${lang} ${by} ${key} reasons`).toContain(`${r[lang]} (${n})`)
      else expect(reasons).not.toContain(r[lang])
    }
  }
  for (const s of report.byService) await check('service', String(s.serviceId), s)
  for (const c of report.byCounter) await check('counter', String(c.counterId), c)
  for (const c of report.byClerk) await check('clerk', String(c.clerkId), c)
  for (const h of report.byHour) await check('hour', String(h.hour), h)
  for (const by of ['service', 'counter', 'clerk', 'hour']) await check(by, 'total', report.total)
  expect(await card.locator('table[data-feedback-by="service"] tbody tr').count()).toBe(report.byService.length)
  expect(await card.locator('table[data-feedback-by="hour"] tbody tr').count()).toBe(report.byHour.length)
}

async function checkParking(page: Page, figures: ParkingFigures, lang: 'ar' | 'en'): Promise<void> {
  const table = page.locator('tabour-parking-report table[data-table="parking"]')
  await table.waitFor()
  for (const r of figures.rows) {
    const row = table.locator(`tr[data-key="${r.serviceId ?? 'total'}"]`)
    const cell = async (col: string) => western(await row.locator(`td[data-col="${col}"]`).textContent())
    const what = `${lang} parking ${r.serviceId ?? 'total'}`
    expect(await cell('parked'), what).toBe(String(r.parked))
    expect(await cell('resumed'), what).toBe(String(r.resumed))
    expect(await cell('abandoned'), what).toBe(String(r.abandoned))
    expect(await cell('meanAway'), what).toBe(r.meanParkedMinutes === null ? '—' : String(r.meanParkedMinutes))
    expect(await cell('abandonedPct'), what).toBe(r.abandonedPercent === null ? '—' : `${r.abandonedPercent}%`)
  }
  expect(await table.locator('tbody tr').count()).toBe(figures.rows.length - 1)
}

describe('ratings and parking in the reports view (issue 21)', () => {
  it('shows the day’s ratings by service, counter, clerk and hour and its parked tickets, as the API, in Arabic and English', async () => {
    const { center, url, day, boss, a, b } = await playDay()
    const report = (await center.request('GET', `/api/v1/feedback/report?from=${day}&to=${day}`, { token: boss })).json() as FeedbackReport
    const parking = (await center.request('GET', `/api/v1/stats/parking?from=${day}&to=${day}`, { token: boss })).json() as ParkingFigures
    // the fixture by hand: five ratings (5, 2, 4, 1, 3), two low with wait ×2 and staff ×1
    expect(report.total).toMatchObject({ count: 5, scoreSum: 15, average: 3, low: 2, reasons: { wait: 2, staff: 1, other: 0 } })
    // three parks: A back after 8 min; B once back after 15 min, once not back in its 5 min
    expect(parking.rows).toEqual([
      { serviceId: null, parked: 3, resumed: 2, abandoned: 1, meanParkedMinutes: 11.5, abandonedPercent: 33.3 },
      { serviceId: a, parked: 1, resumed: 1, abandoned: 0, meanParkedMinutes: 8, abandonedPercent: 0 },
      { serviceId: b, parked: 2, resumed: 1, abandoned: 1, meanParkedMinutes: 15, abandonedPercent: 50 },
    ])

    const page = await suite.contexts.page(DESK)
    await page.goto(`${url}/dashboard/#reports`)
    await page.locator('form[data-form="login"] input[name="username"]').fill('boss')
    await page.locator('form[data-form="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await page.locator('form[data-form="login"] button[data-action="login"]').click()
    await page.locator('main[data-phase="ready"]').waitFor()
    const view = (css: string) => page.locator(`tabour-reports-view ${css}`)
    await view('input[name="from"]').fill(day)
    await view('input[name="to"]').fill(day)
    await view('button[data-action="show"]').click()

    await checkFeedback(page, report, 'ar')
    await checkParking(page, parking, 'ar')
    expect(await seriousAxeViolations(page), 'reports view, ar').toEqual([])
    await page.screenshot({ path: `${SHOTS}/reports-ratings-parking-ar.png`, fullPage: true })

    await page.locator('tabour-lang-switch button').click()
    await page.locator('tabour-feedback-report h2', { hasText: 'Citizen ratings' }).waitFor()
    await checkFeedback(page, report, 'en')
    await checkParking(page, parking, 'en')
    expect(await seriousAxeViolations(page), 'reports view, en').toEqual([])
    await page.screenshot({ path: `${SHOTS}/reports-ratings-parking-en.png`, fullPage: true })

    // the printable daily report carries the day's ratings in one line, and still prints on one A4 sheet
    await view('input[name="print-day"]').fill(day)
    await view('button[data-action="print-daily"]').click()
    const line = page.locator(`tabour-print-report tabour-feedback-line p[data-print-ratings="${report.total.count}"]`)
    await line.waitFor()
    expect(western(await line.textContent())).toBe('Citizen ratings: 5 ratings average 3 of 5 low ones 40%') // western() drops the commas
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 'one A4 sheet').toBe(1)
  }, 180_000)
})
