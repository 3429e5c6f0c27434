import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import type { TestCenter } from '../helpers/test-center.ts'
import { PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * What the kiosk's ticket screen tells the citizen, in real Chromium at 1080×1920 against a real
 * center (walk of 2026-12-05): with nobody ahead it says «لا أحد أمامك الآن» / "Nobody ahead of you
 * now", never "you are next" (a priority ticket or a checked-in appointment taken later may be
 * called first, and with no counter serving nobody is next at all), the status page's words.
 * Screenshots go to test-results/kiosk-ticket-truths/.
 */
const SHOTS = join(ROOT, 'test-results', 'kiosk-ticket-truths')
const suite = useBrowserSuite(SHOTS)

async function openKiosk(center: TestCenter, url: string): Promise<Page> {
  const res = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'kiosk' } })
  const page = await suite.contexts.page(PORTRAIT)
  await page.goto(`${url}/kiosk/?pair=${res.json().pairingCode}`)
  await page.locator('tabour-service-grid button[data-service-id]').first().waitFor()
  return page
}

const confirmation = (page: Page) => page.locator('tabour-ticket-confirmation section[data-ticket-id]')
const said = async (page: Page) => ((await confirmation(page).textContent()) ?? '').replace(/\s+/g, ' ').trim()

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

describe("the kiosk's ticket screen says what is true", { timeout: 60_000 }, () => {
  it('nobody ahead and no counter serving: «لا أحد أمامك الآن» / "Nobody ahead of you now", never "you are next"', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
    const b = await center.createService({ prefix: 'B', nameAr: 'السجل المدني', nameEn: 'Civil registry' })
    const page = await openKiosk(center, url)
    for (const [lang, service] of [
      ['ar', a],
      ['en', b],
    ] as const) {
      if (lang === 'en') await page.locator('tabour-lang-switch button').click()
      await page.locator(`tabour-service-grid button[data-service-id="${service.id}"]`).click()
      await page.locator('tabour-ticket-confirmation [data-position="0"]').waitFor()
      const ahead = (await page.locator('tabour-ticket-confirmation [data-position]').textContent())?.trim()
      expect(ahead, lang).toBe(lang === 'ar' ? 'لا أحد أمامك الآن' : 'Nobody ahead of you now')
      const text = await said(page)
      expect(text, lang).not.toMatch(/You are next|أنت التالي/)
      // beside it, the wait says why nobody is called yet
      expect(text, lang).toContain(lang === 'ar' ? 'غير معروف، لا يوجد شباك يعمل الآن' : 'unknown, no counter is serving now')
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await shot(page, `kiosk-${lang}-nobody-ahead`)
      await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
    }
  })
})
