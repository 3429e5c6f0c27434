import { describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { STAFF_PASSWORD, TestCenter } from '../helpers/test-center.ts'
import { appointmentText } from '../../protocol/messages/appointments.ts'
import { useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * The console's "Check in a booking" card looks like the rest of the console (its font, the
 * ticket tools' heading and button sizes) and says what it takes, in Arabic and English at
 * 1366×768. Screenshots go to test-results/console-check-in/.
 */
const SHOTS = join(ROOT, 'test-results', 'console-check-in')
const suite = useBrowserSuite(SHOTS)
const DESK = { width: 1366, height: 768 } as const

describe('the console check-in card', () => {
  it('uses the console font and sizes, with a one-line hint, in both languages', { timeout: 60_000 }, async () => {
    const center = new TestCenter({ config: { uiDir: suite.uiDir } })
    suite.cleanups.push(() => center.close())
    await center.app.ready()
    await center.app.listen({ port: 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(center.app.server.address() as AddressInfo).port}`
    const service = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    await center.openCounterAs('clerk1', counter.id)

    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page(DESK, lang === 'en' ? { locale: 'en-GB' } : {})
      await page.goto(`${url}/counter/${lang === 'en' ? '?lang=en' : ''}`)
      await page.locator('main[data-phase="login"] input[name="username"]').fill('clerk1')
      await page.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
      await page.locator('main[data-phase="login"] [data-action="login"]').click()
      await page.locator('main[data-phase="console"]').waitFor()
      const card = page.locator('tabour-console-check-in')
      await card.locator('#check-in-hint').waitFor()
      expect((await card.locator('#check-in-hint').textContent())?.trim()).toBe(appointmentText('console.checkIn.hint', lang))
      const look = (selector: string) =>
        page.locator(selector).evaluate((el) => {
          const s = getComputedStyle(el)
          return {
            font: s.fontFamily.split(',')[0].replace(/['"]/g, '').trim(),
            size: s.fontSize,
            height: el.getBoundingClientRect().height,
          }
        })
      const heading = await look('tabour-console-check-in h2')
      const toolsHeading = await look('tabour-ticket-tools h2')
      expect(heading.font, lang).toBe('Cairo')
      expect(heading.size, lang).toBe(toolsHeading.size)
      const button = await look('tabour-console-check-in [data-action="console-check-in"]')
      expect(button.font, lang).toBe('Cairo')
      const find = await look('tabour-ticket-tools [data-action="find"]')
      expect(button.size, lang).toBe(find.size)
      // a desk screen: as tall as the other console buttons, not a kiosk's
      expect(Math.abs(button.height - find.height), lang).toBeLessThanOrEqual(6)
      const hint = await card
        .locator('#check-in-hint')
        .evaluate((el) => el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight))
      expect(Math.round(hint), `${lang}: the hint is one line`).toBe(1)
      // the card still works: an unknown code is refused in words
      await card.locator('[data-field="console-booking-code"]').fill('NOPE')
      await card.locator('[data-action="console-check-in"]').click()
      await card.locator('[data-said].bad').waitFor()
      await card.scrollIntoViewIfNeeded()
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SHOTS, `console-check-in-${lang}.png`) })
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await page.close()
    }
  })
})
