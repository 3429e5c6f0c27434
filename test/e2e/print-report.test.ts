import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { daytimeShiftMs, STAFF_PASSWORD, type TestCenter, type TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { localHour } from '../../protocol/center-clock.ts'
import { seriousAxeViolations } from './axe.ts'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 15 item 9: the printable daily report and a clerk's shift report, opened from the
 * dashboard's reports view, in Arabic (RTL) and English, in real Chromium. Every figure on the
 * page is checked against the event log read straight from SQLite (not through the report
 * code); the page prints as one A4 sheet (page.pdf in print media); axe finds nothing serious.
 * The PDFs go to test-results/print-report/; with UPDATE_SCREENSHOTS=1 they are also turned
 * into docs/screenshots/daily-report-{ar,en}.png with pdftoppm (poppler-utils).
 */

const SHOTS = join(ROOT, 'test-results', 'print-report')
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots')
const TZ = 'Africa/Cairo'
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })

/** A small day: three services, two clerks, served, no-show, transfer, cancel, one ticket still at a counter. */
async function playDay() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-print-e2e-'))
  const behind = { ms: 3 * 3600_000 }
  const shift = daytimeShiftMs()
  const clock = { fn: () => Date.now() + shift - behind.ms } as TestClock
  const { center, url } = await listeningCenter(
    {
      config: { dataDir, uiDir: suite.uiDir, centerName: { ar: 'مركز خدمات مدينة نصر', en: 'Nasr City Service Center' } },
      clock,
    },
    suite.cleanups,
  )
  const a = await center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID', targetWaitSeconds: 900 })
  const b = await center.createService({ prefix: 'B', nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates', targetWaitSeconds: 600 })
  const c = await center.createService({ prefix: 'C', nameAr: 'التموين', nameEn: 'Ration cards', targetWaitSeconds: 1200 })
  const c1 = await center.createCounter({ number: 1, name: 'شباك 1', serviceIds: [a.id, c.id] })
  const c2 = await center.createCounter({ number: 2, name: 'شباك 2', serviceIds: [b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const admin = await center.admin()
  const clerk1 = await center.openCounterAs('ahmed', c1.id)
  const mona = await center.createUser('mona')
  await center.request('PATCH', `/api/v1/users/${mona.id}`, { token: admin, body: { displayName: 'منى علي' } })
  expect((await center.request('POST', `/api/v1/counters/${c2.id}/open`, { token: mona.token })).statusCode).toBe(200)
  await center.createUser('boss', 'manager')
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p
    expect(res.statusCode, res.body).toBe(200)
    return res
  }
  const at = (minutesBeforeNow: number) => (behind.ms = minutesBeforeNow * 60_000)
  for (const s of [a, a, a, b, b, c]) await center.issue(kiosk, { serviceId: s.id })
  await ok(center.action(clerk1, c1.id, 'call-next'))
  await ok(center.action(mona.token, c2.id, 'call-next'))
  at(170)
  await ok(center.action(clerk1, c1.id, 'start'))
  await ok(center.action(clerk1, c1.id, 'finish'))
  await ok(center.action(mona.token, c2.id, 'start'))
  await ok(center.action(mona.token, c2.id, 'finish'))
  await ok(center.action(clerk1, c1.id, 'call-next'))
  at(120)
  for (const s of [a, a, b, b]) await center.issue(kiosk, { serviceId: s.id })
  await ok(center.action(clerk1, c1.id, 'start'))
  await ok(center.action(clerk1, c1.id, 'finish'))
  await ok(center.action(mona.token, c2.id, 'call-next'))
  at(110)
  await ok(center.action(mona.token, c2.id, 'no-show'))
  await ok(center.action(clerk1, c1.id, 'call-next'))
  at(100)
  await ok(center.action(clerk1, c1.id, 'transfer', { serviceId: b.id }))
  at(60)
  const waiting = (await center.request('GET', '/api/v1/tickets', { token: mona.token }))
    .json()
    .filter((t: { status: string; serviceId: number }) => t.status === 'waiting' && t.serviceId === a.id)
  await ok(center.request('POST', `/api/v1/tickets/${waiting[0].id}/cancel`, { token: mona.token, body: { reason: 'duplicate' } }))
  await center.issue(kiosk, { serviceId: c.id })
  await ok(center.action(mona.token, c2.id, 'call-next'))
  at(30)
  await ok(center.action(mona.token, c2.id, 'start'))
  // referred elsewhere: the shift report must say so, not "served" (walk 2026-12-06, finding 1)
  await ok(center.action(mona.token, c2.id, 'finish', { outcome: 'referred' }))
  await ok(center.action(mona.token, c2.id, 'call-next'))
  at(5)
  await ok(center.action(clerk1, c1.id, 'call-next'))
  at(0)
  const day = center.app.tabour.queue.ctx.dayOf(center.app.tabour.queue.ctx.clock())
  return { center, url, day, monaId: mona.id }
}

const TYPES = {
  issued: 'ticket.issued',
  called: 'ticket.called',
  served: 'ticket.finished',
  noShow: 'ticket.no_show',
  cancelled: 'ticket.cancelled',
  transferred: 'ticket.transferred',
} as const
type Counted = keyof typeof TYPES

/** The day's counts straight from the event log: in total, by service (issued at), by counter, by local hour. */
function truth(center: TestCenter, day: string) {
  const events = center.app.tabour.db
    .prepare('SELECT type, at, service_id AS serviceId, counter_id AS counterId, user_id AS userId FROM events WHERE day = ?')
    .all(day) as { type: string; at: number; serviceId: number | null; counterId: number | null; userId: number | null }[]
  const countIn = (filter: (e: (typeof events)[number]) => boolean) =>
    Object.fromEntries(Object.entries(TYPES).map(([k, t]) => [k, events.filter((e) => e.type === t && filter(e)).length])) as Record<
      Counted,
      number
    >
  return {
    total: countIn(() => true),
    service: (id: number) => countIn((e) => e.serviceId === id),
    counter: (id: number) => countIn((e) => e.counterId === id),
    hour: (h: number) => countIn((e) => localHour(e.at, TZ) === h),
    callsBy: (userId: number) => events.filter((e) => e.type === 'ticket.called' && e.userId === userId).length,
  }
}

const inReport = (page: Page, css: string) => page.locator(`tabour-print-report ${css}`)

async function checkDaily(page: Page, center: TestCenter, day: string, lang: 'ar' | 'en'): Promise<void> {
  const sheet = inReport(page, 'article[data-print="daily"]')
  await sheet.waitFor()
  expect(await sheet.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr')
  expect(await sheet.getAttribute('data-day')).toBe(day)
  // the day in words in the sheet's language (the ISO day read backwards inside the Arabic line)
  const dayLine = (await inReport(page, '[data-day-line]').textContent()) ?? ''
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))
  expect(dayLine).not.toContain(day)
  expect(dayLine).toContain(weekday)
  expect(dayLine).toContain(day.slice(0, 4))
  // when it was prepared, as the day above it is written: "07/12/2026 10:02 PM" reads 12 July in English (walk s54)
  const prepared = (await inReport(page, '[data-prepared]').textContent()) ?? ''
  expect(prepared).not.toMatch(/[0-9٠-٩]+\/[0-9٠-٩]+/)
  expect(prepared).toMatch(
    lang === 'en'
      ? /^Prepared at [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}:\d{2}\s[AP]M$/
      : /^أُعدّ في \S+، [0-9٠-٩]{1,2} \S+ [0-9٠-٩]{4}، [0-9٠-٩]{1,2}:[0-9٠-٩]{2}\s[صم]$/,
  )
  const t = truth(center, day)
  for (const k of Object.keys(TYPES) as Counted[]) {
    const kpi = inReport(page, `.kpis [data-figure="${k}"]`)
    expect(await kpi.getAttribute('data-value'), `${lang} total ${k}`).toBe(String(t.total[k]))
    expect(await kpi.locator('.value').textContent()).toBe(String(t.total[k]))
  }
  const ids = (sql: string) => (center.app.tabour.db.prepare(sql).all() as { id: number }[]).map((r) => r.id)
  for (const [table, idList, of] of [
    ['service', ids('SELECT id FROM services'), t.service],
    ['counter', ids('SELECT id FROM counters'), t.counter],
  ] as const) {
    for (const id of idList) {
      const expected = of(id)
      for (const k of table === 'service'
        ? (['issued', 'served', 'noShow', 'cancelled', 'transferred'] as const)
        : (['called', 'served', 'noShow', 'transferred'] as const)) {
        const cell = inReport(page, `table[data-table="${table}"] tr[data-key="${id}"] td[data-figure="${k}"]`)
        expect(await cell.getAttribute('data-value'), `${table} ${id} ${k}`).toBe(String(expected[k]))
      }
    }
    expect(
      await inReport(page, `table[data-table="${table}"] tr[data-key="total"] td[data-figure="served"]`).getAttribute('data-value'),
    ).toBe(String(t.total.served))
  }
  for (const bar of await inReport(page, 'svg.chart g[data-hour]').all()) {
    const h = Number(await bar.getAttribute('data-hour'))
    expect([Number(await bar.getAttribute('data-issued')), Number(await bar.getAttribute('data-served'))], `hour ${h}`).toEqual([
      t.hour(h).issued,
      t.hour(h).served,
    ])
  }
  expect(await seriousAxeViolations(page)).toEqual([])
}

/** Prints the page to A4 in print media: one sheet; its PNG refreshed under docs/screenshots/ on request. */
async function printToPdf(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: 'print' })
  await page.evaluate(() => document.fonts.ready)
  const path = join(SHOTS, `${name}.pdf`)
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true })
  await page.emulateMedia({ media: 'screen' })
  const pages = readFileSync(path, 'latin1').match(/\/Type\s*\/Page\b/g) ?? []
  expect(pages.length, `${name}: one A4 sheet`).toBe(1)
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SHOTS, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', path, join(DOCS_SHOTS, name)])
  }
}

describe('printable reports (issue 15 item 9)', () => {
  it('prints the daily report in Arabic and English and a clerk’s shift, every figure as in the database', async () => {
    const { center, url, day, monaId } = await playDay()
    const page = await suite.contexts.page(LANDSCAPE)
    // the page's CSP allows no inline style: the print view (and its @page sheet) must not need one
    const violations: string[] = []
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
          `${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`,
        ),
      )
    })
    await page.goto(`${url}/dashboard/#reports`)
    await page.locator('form[data-form="login"] input[name="username"]').fill('boss')
    await page.locator('form[data-form="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await page.locator('form[data-form="login"] button[data-action="login"]').click()
    await page.locator('main[data-phase="ready"]').waitFor()

    const view = (css: string) => page.locator(`tabour-reports-view ${css}`)
    await view('input[name="print-day"]').fill(day)
    await page.screenshot({ path: join(SHOTS, 'reports-view-print-card-ar.png') })
    await view('button[data-action="print-daily"]').click()
    await checkDaily(page, center, day, 'ar')
    await page.screenshot({ path: join(SHOTS, 'print-view-screen-ar.png'), fullPage: true })
    await printToPdf(page, 'daily-report-ar')

    // English: back, switch the language, open it again
    await view('button[data-action="print-back"]').click()
    await page.locator('tabour-lang-switch button').click()
    await view('input[name="print-day"]').fill(day)
    await view('button[data-action="print-daily"]').click()
    await checkDaily(page, center, day, 'en')
    await printToPdf(page, 'daily-report-en')

    // mona's shift: her calls and how each ended, her figures
    // the chart's bars count every finish (a referral too): the title says "finished"; the by-counter total's footnote
    expect(await inReport(page, 'h3').allTextContents()).toContain('Tickets issued and finished by hour')
    expect(await inReport(page, 'p[data-note="counter-sla"]').textContent()).toContain('still waiting past their target')
    await view('button[data-action="print-back"]').click()
    await view('input[name="print-day"]').fill(day)
    await expect.poll(() => view(`select[name="print-clerk"] option[value="${monaId}"]`).count()).toBe(1)
    await view('select[name="print-clerk"]').selectOption(String(monaId))
    await view('button[data-action="print-shift"]').click()
    await inReport(page, 'article[data-print="shift"]').waitFor()
    const calls = inReport(page, 'table[data-table="calls"] tbody tr')
    const t = truth(center, day)
    expect(await calls.count()).toBe(t.callsBy(monaId))
    expect(await calls.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))).toEqual([
      'finished',
      'no_show',
      'finished',
      'open',
    ])
    // each finish in its own outcome's words: the plain finish wrote none, the referral is no "served"
    expect(await calls.nth(0).locator('td').last().textContent()).toContain('No outcome recorded')
    expect(await calls.nth(2).locator('td').last().textContent()).toContain('Referred elsewhere')
    expect(await calls.locator('td:text-is("Served")').count()).toBe(0)
    const served = center.app.tabour.db
      .prepare("SELECT COUNT(*) AS n FROM events WHERE day = ? AND type = 'ticket.finished' AND user_id = ?")
      .get(day, monaId) as { n: number }
    expect(await inReport(page, '.kpis [data-figure="served"]').getAttribute('data-value')).toBe(String(served.n))
    expect(await inReport(page, '.kpis [data-figure="cancelled"]').getAttribute('data-value')).toBe('1')
    expect(await inReport(page, 'ul[data-sessions] li').count()).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'shift-report-en.png'), fullPage: true })
    await printToPdf(page, 'shift-report-en')
    expect(violations).toEqual([])
  }, 180_000)
})
