import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ADMIN_PASSWORD, type TestCenter } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { seriousAxeViolations } from './axe.ts'
import { FakeGateway, until } from '../server/notify/fake-gateway.ts'

/**
 * The dashboard's messages card in real Chromium at a desk's size (issue 20): today's figures by
 * kind as the database has them, and the provider's health.
 * Screenshots go to test-results/messages-card/.
 */
const SHOTS = join(ROOT, 'test-results', 'messages-card')
const DESK = { width: 1366, height: 768 }
const suite = useBrowserSuite(SHOTS)

describe("the dashboard's messages card", () => {
  let center: TestCenter
  let gateway: FakeGateway
  let url: string

  beforeAll(async () => {
    gateway = await FakeGateway.start()
    ;({ center, url } = await listeningCenter({
      config: {
        uiDir: suite.uiDir,
        messages: {
          provider: 'http',
          aheadAt: 0,
          scanSeconds: 0.05,
          retryMinSeconds: 0.05,
          retryMaxSeconds: 0.1,
          http: { url: `${gateway.url}/send` },
        },
      },
    }))
    const service = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 3, name: 'Passports', serviceIds: [service.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token
    for (const phone of ['01001112222', '01003334444', '123456789'])
      await center.request('POST', '/api/v1/tickets', { token: kiosk, body: { serviceId: service.id, phone, messagesOptIn: true } })
    await center.action(clerk, counter.id, 'call-next')
    await until('sent', () => gateway.requests.length === 3)
  })
  afterAll(async () => {
    await center?.close()
    await gateway?.close()
  })

  it('shows what was sent and failed today by kind, and that the provider is connected', { timeout: 180_000 }, async () => {
    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page(DESK)
      await page.goto(`${url}/dashboard/${lang === 'en' ? '?lang=en' : ''}`)
      await page.locator('form[data-form="login"] input[name="username"]').fill('admin')
      await page.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
      await page.locator('form[data-form="login"] button[data-action="login"]').click()
      const card = page.locator('tabour-messages-card [data-messages="http"]')
      await card.waitFor()
      const cell = (kind: string, col: string) => card.locator(`tr[data-kind="${kind}"] td[data-status="${col}"]`).textContent()
      expect(await cell('ticket_taken', 'msgs.sent')).toBe('2')
      expect(await cell('ticket_taken', 'msgs.failed')).toBe('1')
      expect(await cell('ticket_called', 'msgs.sent')).toBe('1')
      expect(await card.locator('[data-provider-health]').getAttribute('data-provider-health')).toBe('up')
      await card.scrollIntoViewIfNeeded()
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SHOTS, `dashboard-${lang}-messages.png`), fullPage: true })
      expect(await seriousAxeViolations(page), lang).toEqual([])
    }
  })
})
