import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ADMIN_PASSWORD, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { DEFAULT_CALENDAR } from '../../protocol/calendar.ts'
import { cancelledByPeople } from '../../protocol/stats.ts'
import { seriousAxeViolations } from './axe.ts'
import { useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { ROOT } from './ui-build.ts'

/**
 * The manager's live view counts today's cancellations as the daily report does (walk s40): the
 * citizens' and staff's own in the card, the closing's apart under it. A day in Cairo open
 * 08:00–15:00 with waiting tickets cancelled 30 minutes after closing: a citizen cancels one,
 * two are left waiting; at 15:31 the card says 1 and "and 2 cancelled at closing", the same
 * numbers the day's report gives, in Arabic and English; axe finds nothing serious.
 * Screenshots in test-results/live-cancellations/.
 */
const SHOTS = join(ROOT, 'test-results', 'live-cancellations')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const DESK = { width: 1366, height: 768 } as const

describe('the live view splits today’s cancellations as the daily report does', { timeout: 180_000 }, () => {
  it('the closing’s cancellations are said apart from the citizens’, with the report’s numbers', async () => {
    // Cairo is UTC+2 in December
    const clock = new TestClock(Date.parse('2026-12-06T08:00:00Z'))
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const admin = await center.admin()
    const digits = await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: 'arabic-indic' } })
    expect(digits.statusCode, digits.body).toBe(200)
    const a = await center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID' })
    await center.createCounter({ number: 1, serviceIds: [a.id] })
    const h = [{ open: '08:00', close: '15:00' }]
    const weekly = { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
    const calendar = { ...DEFAULT_CALENDAR, weekly, atClosing: 'cancel-after', cancelAfterMinutes: 30 }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: calendar })).statusCode).toBe(200)
    const kiosk = (await center.createDevice('kiosk')).token
    const mine = await center.issue(kiosk, { serviceId: a.id })
    await center.issue(kiosk, { serviceId: a.id })
    await center.issue(kiosk, { serviceId: a.id })
    expect((await center.request('POST', `/api/v1/tickets/${mine.id}/cancel-mine`)).statusCode).toBe(200)
    clock.set('2026-12-06T13:31:00Z') // 15:31: the two still waiting are cancelled by the closing
    const report = (await center.request('GET', '/api/v1/stats/report?from=2026-12-06&to=2026-12-06&by=day', { token: admin })).json()
    expect([cancelledByPeople(report.totals), report.totals.cancelledAtClosing]).toEqual([1, 2])

    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page(DESK)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang)
      const card = page.locator('tabour-live-view [data-kpi="cancelled"]')
      await card.locator('[data-cancelled-at-closing]').waitFor()
      expect(await card.locator('.label').textContent()).toBe(
        lang === 'ar' ? 'ألغاها المواطن أو الموظف اليوم' : 'Cancelled by citizen or staff today',
      )
      expect(await card.locator('.value').textContent()).toBe(lang === 'ar' ? '١' : '1')
      expect(await card.locator('[data-cancelled-at-closing]').getAttribute('data-cancelled-at-closing')).toBe('2')
      expect(await card.locator('.note').textContent()).toBe(lang === 'ar' ? 'وتذكرتان أُلغيتا عند الإغلاق' : 'and 2 cancelled at closing')
      expect(await seriousAxeViolations(page), `live view, ${lang}`).toEqual([])
      await suite.shot(page, `live-${lang}`)
    }
  })
  it('the tickets the day’s close cancelled are yesterday’s, not today’s (walk s55, finding 4)', async () => {
    // the 6th at 20:00 in Cairo: a citizen cancels one ticket, two are left waiting past their
    // 10-minute target; the 7th's first use (a ticket at 11:00) closes the 6th's line
    const clock = new TestClock(Date.parse('2026-12-06T18:00:00Z'))
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID', targetWaitSeconds: 600 })
    await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const mine = await center.issue(kiosk, { serviceId: a.id })
    await center.issue(kiosk, { serviceId: a.id })
    await center.issue(kiosk, { serviceId: a.id })
    expect((await center.request('POST', `/api/v1/tickets/${mine.id}/cancel-mine`)).statusCode).toBe(200)
    clock.set('2026-12-07T09:00:00Z')
    await center.issue(kiosk, { serviceId: a.id })
    const admin = await center.login('admin', ADMIN_PASSWORD)
    const sixth = (await center.request('GET', '/api/v1/stats/report?from=2026-12-06&to=2026-12-06&by=day', { token: admin })).json()
    expect([cancelledByPeople(sixth.totals), sixth.totals.cancelledAtClosing, sixth.totals.slaCounted]).toEqual([1, 2, 2])

    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page(DESK)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang)
      const card = page.locator('tabour-live-view [data-kpi="cancelled"]')
      await card.locator('[data-cancelled-at-closing]').waitFor()
      // the 7th has cancelled nothing and missed nothing yet: the 6th's two are the 6th's
      expect(await card.locator('.value').textContent()).toBe('0')
      expect(await card.locator('[data-cancelled-at-closing]').getAttribute('data-cancelled-at-closing')).toBe('0')
      expect(await card.locator('.note').textContent()).toBe(lang === 'ar' ? 'لم يُلغِ الإغلاق أي تذكرة' : 'none cancelled at closing')
      expect(await page.locator('tabour-live-view [data-sla-counted]').getAttribute('data-sla-counted')).toBe('0')
      await suite.shot(page, `next-day-${lang}`)
    }
  })
})
