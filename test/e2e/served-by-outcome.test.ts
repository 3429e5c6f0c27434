import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { daytimeShiftMs, STAFF_PASSWORD, type TestCenter, type TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { seriousAxeViolations } from './axe.ts'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { ROOT } from './ui-build.ts'

/**
 * "Served" by finish outcome on the dashboard (dashboard-ui/served-by-outcome.ts), in real
 * Chromium: the reports view's table, the printed daily report's table (still one A4 sheet) and
 * the line under the live "Finished today", in Arabic (RTL, the center's Arabic-Indic digits) and
 * English (Western digits). Every count is checked against the event log read straight from
 * SQLite (the finishes and finished steps, grouped by the outcome written in the event), the
 * totals against "served"; axe finds nothing serious. Screenshots in test-results/served-by-outcome/.
 */
const SHOTS = join(ROOT, 'test-results', 'served-by-outcome')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const INDIC = '٠١٢٣٤٥٦٧٨٩'
const inDigits = (n: number, lang: 'ar' | 'en') => (lang === 'ar' ? String(n).replace(/[0-9]/g, (d) => INDIC[Number(d)]!) : String(n))

/** A: served, incomplete papers ×2, referred, no outcome, one transferred on to B and finished there; B: served. */
async function playDay() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-outcomes-e2e-'))
  const shift = daytimeShiftMs()
  const clock = { fn: () => Date.now() + shift } as TestClock
  const { center, url } = await listeningCenter(
    { config: { dataDir, uiDir: suite.uiDir, screens: { digits: 'arabic-indic' } }, clock },
    suite.cleanups,
  )
  const a = await center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID' })
  const b = await center.createService({ prefix: 'B', nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates' })
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk1 = await center.openCounterAs('ahmed', c1.id)
  const clerk2 = await center.openCounterAs('mona', c2.id)
  await center.createUser('boss', 'manager')
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p
    expect(res.statusCode, res.body).toBe(200)
  }
  for (let i = 0; i < 6; i++) await center.issue(kiosk, { serviceId: a.id })
  await center.issue(kiosk, { serviceId: b.id })
  for (const outcome of ['served', 'incomplete_papers', 'incomplete_papers', 'referred', null]) {
    await ok(center.action(clerk1, c1.id, 'call-next'))
    await ok(center.action(clerk1, c1.id, 'start'))
    await ok(center.action(clerk1, c1.id, 'finish', outcome ? { outcome } : {}))
  }
  await ok(center.action(clerk1, c1.id, 'call-next'))
  await ok(center.action(clerk1, c1.id, 'transfer', { serviceId: b.id }))
  for (let i = 0; i < 2; i++) {
    await ok(center.action(clerk2, c2.id, 'call-next'))
    await ok(center.action(clerk2, c2.id, 'start'))
    await ok(center.action(clerk2, c2.id, 'finish', { outcome: 'served' }))
  }
  const day = center.app.tabour.queue.ctx.dayOf(center.app.tabour.queue.ctx.clock())
  return { center, url, day }
}

/** The day's finishes straight from the event log: per service id and outcome ('' for none), and in total. */
function truth(center: TestCenter, day: string) {
  const rows = center.app.tabour.db
    .prepare(
      `SELECT service_id AS serviceId, COALESCE(json_extract(data, '$.outcome'), '') AS outcome, COUNT(*) AS n FROM events
       WHERE day = ? AND type IN ('ticket.finished', 'ticket.next_step') GROUP BY 1, 2`,
    )
    .all(day) as { serviceId: number; outcome: string; n: number }[]
  const cell = (serviceId: number | 'total', outcome: string | '*') =>
    rows
      .filter((r) => (serviceId === 'total' || r.serviceId === serviceId) && (outcome === '*' || r.outcome === outcome))
      .reduce((s, r) => s + r.n, 0)
  return { cell, services: [...new Set(rows.map((r) => r.serviceId))] }
}

/** Every cell of the outcomes table under `root` against the event log: raw values, the text in the language's digits, the total line = served. */
async function checkTable(page: Page, root: string, center: TestCenter, day: string, lang: 'ar' | 'en'): Promise<void> {
  const table = page.locator(`${root} table[data-table="outcomes"]`)
  await table.waitFor()
  const t = truth(center, day)
  const outcomes = await table.locator('thead th[data-outcome]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-outcome')!))
  // the configured ones in order, then "no outcome recorded" since one finish had none
  expect(outcomes).toEqual(['served', 'referred', 'incomplete_papers', 'other', ''])
  const heads = await table.locator('thead th').allTextContents()
  expect(heads).toContain(lang === 'ar' ? 'أوراق غير مكتملة' : 'Incomplete papers')
  expect(heads).toContain(lang === 'ar' ? 'دون نتيجة مسجلة' : 'No outcome recorded')
  expect(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-key'))))).toEqual(t.services)
  for (const key of [...t.services, 'total'] as const) {
    for (const outcome of ['*', ...outcomes]) {
      const td = table.locator(`tr[data-key="${key}"] td[data-outcome="${outcome}"]`)
      const expected = t.cell(key, outcome)
      expect(await td.getAttribute('data-value'), `${lang} ${key} ${outcome}`).toBe(String(expected))
      expect((await td.textContent())?.trim()).toBe(inDigits(expected, lang))
    }
  }
  const served = center.app.tabour.db
    .prepare("SELECT COUNT(*) AS n FROM events WHERE day = ? AND type IN ('ticket.finished', 'ticket.next_step')")
    .get(day) as {
    n: number
  }
  expect(await table.locator('tr[data-key="total"] td[data-outcome="*"]').getAttribute('data-value')).toBe(String(served.n))
  expect(await table.evaluate((el) => getComputedStyle(el).direction)).toBe(lang === 'ar' ? 'rtl' : 'ltr')
}

describe('served by finish outcome on the dashboard', () => {
  it('the reports view, the printed daily report and the live line, in Arabic and English, as in the database', async () => {
    const { center, url, day } = await playDay()
    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page(LANDSCAPE)
      await dashboardLogin(page, url, 'boss', STAFF_PASSWORD, lang)
      // live: the line under "Finished today" names each outcome with tickets
      const note = page.locator('tabour-live-view [data-kpi="served"] [data-served-outcomes]')
      await note.waitFor()
      const line = (await note.textContent()) ?? ''
      await page.screenshot({ path: join(SHOTS, `live-${lang}.png`) })
      expect(line).toContain(lang === 'ar' ? `أوراق غير مكتملة ${inDigits(2, lang)}` : 'Incomplete papers 2')
      expect(line).toContain(lang === 'ar' ? `دون نتيجة مسجلة ${inDigits(1, lang)}` : 'No outcome recorded 1')
      // the four outcomes with tickets, not "other" (none today)
      expect(line.split(lang === 'ar' ? '، ' : ', ')).toHaveLength(4)
      // the total is "finished", not "served": one of the outcomes under it is named "Served" (walk 2026-12-05)
      const kpi = ((await page.locator('tabour-live-view [data-kpi="served"]').textContent()) ?? '').replace(/\s+/g, ' ')
      expect(kpi).toContain(lang === 'ar' ? 'أُنهيت اليوم' : 'Finished today')
      expect(kpi).toContain(lang === 'ar' ? 'حسب النتيجة:' : 'By outcome:')

      await page.goto(`${url}/dashboard/${lang === 'en' ? '?lang=en' : ''}#reports`)
      await page.locator('main[data-phase="ready"]').waitFor()
      const view = (css: string) => `tabour-reports-view ${css}`
      await page.locator(view('input[name="from"]')).fill(day)
      await page.locator(view('input[name="to"]')).fill(day)
      await page.locator(view('button[data-by="service"]')).click()
      await checkTable(page, view('section[data-section="outcomes"]'), center, day, lang)
      await page.screenshot({ path: join(SHOTS, `reports-${lang}.png`), fullPage: true })
      expect(await seriousAxeViolations(page)).toEqual([])

      await page.locator(view('input[name="print-day"]')).fill(day)
      await page.locator(view('button[data-action="print-daily"]')).click()
      await checkTable(page, 'tabour-print-report article[data-print="daily"]', center, day, lang)
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.emulateMedia({ media: 'print' })
      await page.evaluate(() => document.fonts.ready)
      // the sheet as wide as A4 inside its margins (188 mm at 96 dpi), for a person to look at
      await page.setViewportSize({ width: 711, height: 1000 })
      await page.screenshot({ path: join(SHOTS, `daily-${lang}-print.png`), fullPage: true })
      await page.setViewportSize(LANDSCAPE)
      const pdf = join(SHOTS, `daily-${lang}.pdf`)
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true })
      await page.emulateMedia({ media: 'screen' })
      expect(readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page\b/g)?.length, `${lang}: one A4 sheet`).toBe(1)
    }
  }, 180_000)
})
