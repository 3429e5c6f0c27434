import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { ADMIN_PASSWORD, daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { overflowing } from './layout.ts'
import { ROOT } from './ui-build.ts'
import { dashboardText } from '../../protocol/messages/dashboard.ts'
import { DEFAULT_CALENDAR, WEEKDAYS } from '../../protocol/calendar.ts'

/**
 * What the walk of 2026-12-07 (s54) found on the manager's and admin's dashboard at 1440 and 1366,
 * in Arabic and English, against a center of six services as the demo's:
 * - the page did not scroll (by wheel or keys) and its root font was the status page's 22 px: the
 *   build gave it the kiosk's, display's and status page's page.css; its report tables were then
 *   wider than their cards, rows below the fold inside their boxes;
 * - a deactivated service read as any other on the live view and in the counters' lists;
 * - the longest waits stood still between reads (20 s), a minute behind once past one.
 * Screenshots go to test-results/dashboard-walk-s54/.
 */
const SHOTS = join(ROOT, 'test-results', 'dashboard-walk-s54')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })

const SERVICES = [
  ['A', 'تراخيص البناء', 'Building permits'],
  ['B', 'طلبات التصالح', 'Reconciliation requests'],
  ['C', 'مستخرجات السجل المدني', 'Civil-registry extracts'],
  ['D', 'توصيل المرافق', 'Utility connections'],
  ['E', 'خدمات المستثمرين', 'Investor services'],
  ['F', 'الاستعلامات والشكاوى', 'Enquiries and complaints'],
] as const

/** Each report table in `page` whose content is wider or taller than its scrolling box ("what: numbers"). */
function hiddenInItsBox(page: Page, by: string): Promise<string[]> {
  return page.locator(`tabour-reports-view .table-scroll:has(table[data-report="${by}"])`).evaluateAll((boxes) =>
    boxes.flatMap((b) => {
      const out: string[] = []
      if (b.scrollWidth > b.clientWidth + 1) out.push(`${b.scrollWidth} px wide in ${b.clientWidth}`)
      if (b.scrollHeight > b.clientHeight + 1) out.push(`${b.scrollHeight} px tall in ${b.clientHeight}`)
      return out
    }),
  )
}

describe('the dashboard after the walk of 2026-12-07 (s54)', () => {
  it('scrolls, fits its report tables at 1366 and 1440, marks a deactivated service, and counts the longest wait on', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const admin = await center.admin()
    const services = []
    for (const [prefix, nameAr, nameEn] of SERVICES)
      services.push(await center.createService({ prefix, nameAr, nameEn, targetWaitSeconds: 900 }))
    const [a, b, c, d, e, f] = services.map((s) => s.id) as [number, number, number, number, number, number]
    const counters = [
      await center.createCounter({ number: 1, name: 'تراخيص · Permits', zone: 'ground', serviceIds: [a, b] }),
      await center.createCounter({ number: 2, name: 'السجل المدني · Civil registry', zone: 'ground', serviceIds: [c, f] }),
      await center.createCounter({ number: 3, name: 'المرافق · Utilities', zone: 'first', serviceIds: [d, e] }),
    ]
    const named = await center.request('PUT', '/api/v1/settings', {
      token: admin,
      body: {
        zoneNames: { ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' }, first: { nameAr: 'الدور الأول', nameEn: 'First floor' } },
      },
    })
    expect(named.statusCode, named.body).toBe(200)
    // opening hours, as the demo's: the reports by service then carry the four hours columns too (18 in all)
    const allDay = [{ open: '00:00', close: '24:00' }]
    const hours = await center.request('PUT', '/api/v1/calendar', {
      token: admin,
      body: { ...DEFAULT_CALENDAR, weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, allDay])) },
    })
    expect(hours.statusCode, hours.body).toBe(200)
    const kiosk = (await center.createDevice('kiosk')).token
    const clerks = []
    for (const [i, counter] of [counters[0]!, counters[1]!].entries()) clerks.push(await center.openCounterAs(`clerk${i + 1}`, counter.id))
    for (const id of [a, b, c, d, e, f, a, c, d, d]) {
      await center.issue(kiosk, { serviceId: id })
      clock.advance(5)
    }
    for (const [i, counter] of [counters[0]!, counters[1]!].entries())
      for (const step of ['call-next', 'start', 'finish'] as const)
        expect((await center.action(clerks[i]!, counter.id, step)).statusCode).toBe(200)
    clock.advance(8 * 60)
    // D and F switched off as the services form sends it: D's tickets still wait, with its counter closed
    for (const id of [d, f]) {
      const s = services.find((x) => x.id === id)!
      const off = await center.request('PATCH', `/api/v1/services/${id}`, {
        token: admin,
        body: { prefix: s.prefix, nameAr: s.nameAr, nameEn: s.nameEn, targetWaitSeconds: 900, active: false },
      })
      expect(off.statusCode, off.body).toBe(200)
    }

    for (const lang of ['en', 'ar'] as const) {
      for (const size of [
        { width: 1440, height: 900 },
        { width: 1366, height: 768 },
      ]) {
        const page = await suite.contexts.page(size)
        await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang)
        const live = page.locator('tabour-live-view')
        await live.locator('table[data-table="services"] tr[data-service="F"]').waitFor()

        // ── the page is the dashboard's own: 16 px, it scrolls, its text can be selected ──
        expect(
          await page.evaluate(() => {
            const html = getComputedStyle(document.documentElement)
            const body = getComputedStyle(document.body)
            return [html.fontSize, html.overflowY, body.overflowY, body.userSelect]
          }),
        ).toEqual(['16px', 'visible', 'visible', 'auto'])
        await page.mouse.move(size.width / 2, size.height / 2)
        await page.mouse.wheel(0, 600)
        await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0)

        // ── D and F deactivated: said in their rows, in the warning, in the counters' lists ──
        const inactive = dashboardText('live.inactive', lang)
        for (const prefix of ['D', 'F'])
          expect(await live.locator(`table[data-table="services"] tr[data-service="${prefix}"] [data-inactive]`).textContent()).toBe(
            inactive,
          )
        expect(await live.locator('table[data-table="services"] tr[data-service="A"] [data-inactive]').count()).toBe(0)
        expect(await live.locator('li[data-unserved-service="D"] [data-inactive]').textContent()).toBe(inactive)
        expect(await live.locator('tr[data-counter="3"] td[data-col="serves"]').textContent()).toContain(
          lang === 'en' ? 'Utility connections (deactivated)' : 'توصيل المرافق (متوقفة)',
        )

        // ── the longest wait counts on between reads (the server's clock here stands still) ──
        const longest = live.locator('[data-kpi="longest"] .value')
        const read = (await longest.textContent()) ?? ''
        await expect.poll(() => longest.textContent(), { timeout: 15_000 }).not.toBe(read)
        if (lang === 'en' && size.width === 1440) await suite.shot(page, `live-${lang}-${size.width}`)

        // ── the reports by service and by clerk: every column and every row in their box ──
        await page.evaluate(() => {
          location.hash = 'reports'
        })
        for (const by of ['service', 'clerk']) {
          await page.locator(`tabour-reports-view button[data-by="${by}"]`).click()
          await page.locator(`tabour-reports-view table[data-report="${by}"] tbody tr`).first().waitFor()
          if (by === 'service')
            await expect.poll(() => page.locator('tabour-reports-view table[data-report="service"] tbody tr').count()).toBe(6)
          if (by === 'service') expect(await page.locator('tabour-reports-view table[data-report="service"] thead th').count()).toBe(18)
          expect(await hiddenInItsBox(page, by), `${by}, ${lang}, ${size.width}`).toEqual([])
          await suite.shot(page, `report-${by}-${lang}-${size.width}`)
        }

        // ── the counters' table beside the open edit form: every column whole; D marked ──
        await page.evaluate(() => {
          location.hash = 'config'
        })
        await page.locator('tabour-config-view button[data-section="counters"]').click()
        const table = page.locator('tabour-counters-config table[data-table="counters"]')
        await table.locator('tr[data-counter="3"]').waitFor()
        expect(await table.locator('tr[data-counter="3"] td.wrap').textContent()).toContain(lang === 'en' ? '(deactivated)' : '(متوقفة)')
        await table.locator('button').first().click()
        expect(
          await overflowing(page, 'tabour-counters-config table[data-table="counters"] :is(th, td)'),
          `${lang}, ${size.width}`,
        ).toEqual([])
        await suite.shot(page, `config-counters-${lang}-${size.width}`)
        // the zones' name fields are named by the zone's name, not its code
        expect(await page.locator('tabour-zone-names input[name="zoneNames/ground/nameAr"]').getAttribute('aria-label')).not.toMatch(
          /\bground\b/,
        )

        // ── the hours tab: the week and the exceptions side by side ──
        await page.evaluate(() => {
          location.hash = 'hours'
        })
        const weekly = page.locator('tabour-hours-view section[data-section="weekly"]')
        const exceptions = page.locator('tabour-hours-view section[data-section="exceptions"]')
        await exceptions.waitFor()
        const [w, x] = [(await weekly.boundingBox())!, (await exceptions.boundingBox())!]
        expect(Math.abs(w.y - x.y), `${lang}, ${size.width}`).toBeLessThan(2)
        await suite.shot(page, `hours-${lang}-${size.width}`)
        await page.close()
      }
    }
  }, 300_000)
})
