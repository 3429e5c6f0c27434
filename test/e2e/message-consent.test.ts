import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { TestCenter } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { PORTRAIT, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { seriousAxeViolations } from './axe.ts'
import { FakeGateway, until } from '../server/notify/fake-gateway.ts'

/**
 * The kiosk's consent to messages in real Chromium (issue 20): unticked by default, a number
 * typed without it gets no message, a number with it gets "ticket taken" in the kiosk's language.
 * Screenshots go to test-results/message-consent/.
 */
const SHOTS = join(ROOT, 'test-results', 'message-consent')
const suite = useBrowserSuite(SHOTS)

describe('the kiosk asks before texting', () => {
  let center: TestCenter
  let gateway: FakeGateway
  let url: string
  let serviceId: number

  beforeAll(async () => {
    gateway = await FakeGateway.start()
    ;({ center, url } = await listeningCenter({
      config: {
        uiDir: suite.uiDir,
        messages: { provider: 'http', aheadAt: 0, scanSeconds: 0.05, http: { url: `${gateway.url}/send` } },
      },
    }))
    serviceId = (await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })).id
  })
  afterAll(async () => {
    await center?.close()
    await gateway?.close()
  })

  it('texts only the citizen who ticked the box, in the language of the kiosk', { timeout: 180_000 }, async () => {
    const device = (
      await center.request('POST', '/api/v1/devices', {
        token: await center.admin(),
        body: { kind: 'kiosk', name: 'kiosk', config: { askPhone: true } },
      })
    ).json()
    const page = await suite.contexts.page(PORTRAIT)
    await page.goto(`${url}/kiosk/?pair=${device.pairingCode}`)
    const take = async (phone: string, consent: boolean, shot: string) => {
      await page.locator(`tabour-service-grid button[data-service-id="${serviceId}"]`).click()
      await page.locator('tabour-ticket-options [data-step="phone"]').waitFor()
      const box = page.locator('tabour-message-consent [role="checkbox"]')
      expect(await box.getAttribute('aria-checked')).toBe('false')
      const lang = await page.evaluate(() => document.documentElement.lang)
      expect(await box.textContent()).toContain(lang === 'ar' ? 'أوافق على تلقي رسائل عن دوري' : 'I agree to receive messages')
      for (const d of phone) await page.locator(`tabour-numeric-keypad [data-key="${d}"]`).click()
      if (consent) {
        await box.click()
        expect(await box.getAttribute('aria-checked')).toBe('true')
      }
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true })
      expect(await seriousAxeViolations(page, 'moderate'), shot).toEqual([])
      await page.locator('tabour-ticket-options [data-action="confirm"]').click()
      await page.locator('tabour-ticket-confirmation [data-ticket-label]').waitFor()
      await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
      await page.locator('tabour-service-grid button[data-service-id]').first().waitFor()
    }
    await take('01011112222', false, 'kiosk-ar-phone-no-consent')
    await take('01033334444', true, 'kiosk-ar-phone-consent')
    await page.locator('tabour-lang-switch button').click()
    await page.locator('html[lang="en"]').waitFor()
    await take('01055556666', true, 'kiosk-en-phone-consent')

    await until('two messages', () => gateway.requests.length === 2)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(gateway.requests.map((r) => r.body.to)).toEqual(['201033334444', '201055556666'])
    expect(gateway.requests[0].body.text).toMatch(/^تذكرتك A-002 /)
    expect(gateway.requests[1].body.text).toMatch(/^Your ticket A-003 /)
    const consents = center.app.tabour.db
      .prepare('SELECT t.phone FROM message_consent c JOIN tickets t ON t.id = c.ticket_id ORDER BY t.number')
      .all()
    // stored in the one form (protocol/phone-number.ts canonicalPhone), whatever was typed
    expect(consents).toEqual([{ phone: '+201033334444' }, { phone: '+201055556666' }])
  })
})
