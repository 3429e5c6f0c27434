import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { STAFF_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { appointmentText } from '../../protocol/messages/appointments.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * The console's "Check in a booking or a phone join" card and the kiosk's "I have a booking" show only while
 * some service takes bookings or joins from a phone, and appear without a reload when an admin
 * turns bookings on. The card looks like the rest of the console (its font, the ticket tools'
 * heading and button sizes) and says what it takes, in Arabic and English at 1366×768.
 * Screenshots go to test-results/console-check-in/.
 */
const SHOTS = join(ROOT, 'test-results', 'console-check-in')
const suite = useBrowserSuite(SHOTS)
const DESK = { width: 1366, height: 768 } as const

describe('the console check-in card', () => {
  it('shows on the console and the kiosk only once a service takes bookings, live', { timeout: 180_000 }, async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const service = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    await center.openCounterAs('clerk1', counter.id)
    const desk = await suite.contexts.page(DESK)
    await desk.goto(`${url}/counter/`)
    await desk.locator('main[data-phase="login"] input[name="username"]').fill('clerk1')
    await desk.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await desk.locator('main[data-phase="login"] [data-action="login"]').click()
    await desk.locator('tabour-queue-panel').waitFor()
    const pairing = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'k' } })
    const kiosk = await suite.contexts.page(PORTRAIT)
    await kiosk.goto(`${url}/kiosk/?pair=${pairing.json().pairingCode}`)
    await kiosk.locator('main[data-screen="home"] h1').waitFor()
    // no service takes a booking: neither screen offers to check one in
    expect(await desk.locator('tabour-console-check-in').count()).toBe(0)
    expect(await kiosk.locator('tabour-booking-check-in').count()).toBe(0)

    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true }
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: await center.admin(), body: settings })
    // pushed, not reloaded: both appear on the pages already open
    await desk.locator('tabour-console-check-in #check-in-title').waitFor()
    await kiosk.locator('tabour-booking-check-in [data-action="have-booking"]').waitFor()
    await desk.close()
    await kiosk.close()
  })

  it('a kiosk keeps a check-in pushed while its own service list was on the way (CI run of stop 36)', { timeout: 120_000 }, async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const service = await center.createService({ prefix: 'A' })
    const pairing = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'k' } })
    const kiosk = await suite.contexts.page(PORTRAIT)
    // every service list the kiosk asks for after its first is answered at once by the center
    // but handed to the page only once released: an answer older than the pushes that follow it
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    const handedOver: Promise<void>[] = []
    let asked = 0
    await kiosk.route(/\/api\/v1\/services$/, async (route) => {
      if (asked++ === 0) return route.continue()
      const answer = await route.fetch()
      const handed = released.then(() => route.fulfill({ response: answer }))
      handedOver.push(handed)
      await handed
    })
    await kiosk.goto(`${url}/kiosk/?pair=${pairing.json().pairingCode}`)
    await kiosk.locator('main[data-screen="home"] h1').waitFor()
    await kiosk.waitForFunction(() => {
      const app = document.querySelector('tabour-kiosk-app') as unknown as { session?: { snapshotFrom?: string } } | null
      return app?.session?.snapshotFrom === 'feed'
    })
    expect(await kiosk.locator('tabour-booking-check-in').count()).toBe(0)

    const put = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, {
      token: await center.admin(),
      body: { ...APPOINTMENT_DEFAULTS, enabled: true },
    })
    expect(put.statusCode, put.body).toBe(200)
    await kiosk.locator('tabour-booking-check-in [data-action="have-booking"]').waitFor()
    release()
    await Promise.all(handedOver)
    await kiosk.waitForTimeout(500)
    expect(await kiosk.locator('tabour-booking-check-in [data-action="have-booking"]').count(), 'still offered').toBe(1)
    await kiosk.close()
  })

  it('uses the console font and sizes, with a one-line hint, in both languages', { timeout: 180_000 }, async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const service = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    await center.openCounterAs('clerk1', counter.id)
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, {
      token: await center.admin(),
      body: { ...APPOINTMENT_DEFAULTS, enabled: true },
    })

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
