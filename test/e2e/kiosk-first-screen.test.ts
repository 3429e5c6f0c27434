import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { listeningCenter } from '../helpers/listening-center.ts'
import type { TestCenter } from '../helpers/test-center.ts'
import { seriousAxeViolations } from './axe.ts'
import { LANDSCAPE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { pixelDifference } from './first-screen-pixels.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 22: a paired kiosk's page arrives with its first screen drawn by the center
 * (server/first-screen/), so a fresh start shows the services before the page's script has been
 * fetched and compiled. Held back, the script cannot draw anything: what shows is the center's.
 * That screen must look exactly like the one the kiosk then draws (portrait and landscape,
 * Arabic and English), break no CSP rule, be accessible, and a service tapped on it before the
 * script has run must give the ticket, as a tap on the kiosk's own button does.
 */
const SHOTS = join(ROOT, 'test-results', 'kiosk-first-screen')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

/** The kiosk's own first-screen script (the chunk only it loads); until it runs, nothing of the app draws. */
const KIOSK_CHUNK = /\/assets\/first~kiosk-[\w-]+\.js$/

/** Holds the kiosk's chunk back until `release()`. */
async function holdKioskScript(page: Page): Promise<{ release: () => void; held: Promise<void> }> {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  let seen!: () => void
  const held = new Promise<void>((resolve) => (seen = resolve))
  await page.route(KIOSK_CHUNK, async (route: Route) => {
    seen()
    await gate
    await route.continue()
  })
  return { release, held }
}

/** A center with three services (one not offered: no counter serves it), an open counter, and a kiosk paired on `page`. */
async function pairedKiosk(page: Page): Promise<{ center: TestCenter; url: string; services: { id: number }[]; deviceId: number }> {
  const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
  const services = [
    await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' }),
    await center.createService({ prefix: 'B', nameAr: 'شهادات الميلاد والوفاة', nameEn: 'Birth and death certificates' }),
    await center.createService({ prefix: 'C', nameAr: 'بطاقات التموين', nameEn: 'Ration cards', whenUnstaffed: 'not-offered' }),
  ]
  const counter = await center.createCounter({ number: 1, serviceIds: [services[0].id, services[1].id] })
  await center.openCounterAs('clerk1', counter.id)
  const device = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'kiosk' } })
  expect(device.statusCode, device.body).toBe(201)
  await page.goto(`${url}/kiosk/?pair=${device.json().pairingCode}`)
  await page.locator('tabour-kiosk-app tabour-service-grid button[data-service-id]').first().waitFor()
  return { center, url, services, deviceId: device.json().id }
}

/** Console messages that say the page's CSP refused something. */
function cspRefusals(page: Page): string[] {
  const refused: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text())
  })
  return refused
}

const FIRST = '#tabour-first-screen'

/**
 * The first screen is not shown before the page is parsed, even with its faces there: Chromium
 * parses a page in slices with frames between them, and a slow kiosk's first load showed the
 * screen's title alone, which then jumped up as the services were parsed under it (faces-first.ts).
 * The page is held in its parsing by a script after the screen (a parser-blocking one, from its own
 * origin as its CSP allows), whose answer waits until the faces have come.
 */
async function notShownWhileParsing(page: Page): Promise<void> {
  const pageUrl = page.url().split('?')[0]
  const HELD = /\/held-parse\.js$/
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  await page.route(HELD, async (route: Route) => {
    await gate
    await route.fulfill({ contentType: 'text/javascript', body: '' })
  })
  await page.route(pageUrl, async (route: Route) => {
    const answer = await route.fetch()
    const html = await answer.text()
    const starter = html.indexOf('<script>(function(){var s=')
    expect(starter, 'the page starts its app after its first screen').toBeGreaterThan(html.indexOf('id="tabour-first-screen"'))
    await route.fulfill({
      response: answer,
      body: `${html.slice(0, starter)}<script src="../held-parse.js"></script>${html.slice(starter)}`,
    })
  })
  await page.reload({ waitUntil: 'commit' })
  await page.locator(`${FIRST} button[data-service-id]`).first().waitFor({ state: 'attached' })
  await page.waitForFunction(() => document.fonts.check('400 1em Cairo', 'اA') && document.fonts.check('700 1em Cairo', 'اA'))
  expect(await page.evaluate(() => document.readyState), 'the parser is held').toBe('loading')
  expect(await page.locator(FIRST).evaluate((e) => getComputedStyle(e).display), 'not shown before the page is parsed').toBe('none')
  release()
  // parsed: the screen shows (and the app, which nothing holds here, may then take its place at once)
  await page.waitForFunction(() => document.readyState !== 'loading' && document.documentElement.hasAttribute('data-faces'))
  await page.unroute(pageUrl)
  await page.unroute(HELD)
}
const APP_BUTTONS = 'tabour-kiosk-app tabour-service-grid button[data-service-id]'
const PAIRING = 'tabour-kiosk-app tabour-pairing-screen'
const STORED = 'tabour:kiosk-token:/'

/**
 * A kiosk profile's reset (or a browser policy) clears storage and keeps the cookie: the page
 * comes with the services drawn by the center, and the kiosk, which used to read storage alone,
 * then put the pairing screen over them. The cookie's token is the kiosk's as much: it stays on
 * the services, and stores the token again.
 */
async function cookieKeptStorageCleared(page: Page): Promise<void> {
  const token = await page.evaluate((key) => localStorage.getItem(key), STORED)
  await page.evaluate((key) => localStorage.removeItem(key), STORED)
  await page.reload()
  await page.locator(`${APP_BUTTONS}, ${PAIRING}`).first().waitFor()
  expect(await page.locator(PAIRING).count(), 'the services the center drew stay: no pairing screen').toBe(0)
  expect(await page.evaluate((key) => localStorage.getItem(key), STORED)).toBe(token)
}

/**
 * Revoked while the kiosk was off: the center draws no first screen and says the token was
 * refused, so the pairing screen shows from the start, saying the kiosk was unpaired, without a
 * request that could only be refused; the token is forgotten, cookie and storage.
 */
async function revokedWhileOff(page: Page, center: TestCenter, deviceId: number): Promise<void> {
  const url = page.url()
  // off: a kiosk that runs hears of it over its socket and goes to pairing by itself
  await page.goto('about:blank')
  expect((await center.request('POST', `/api/v1/devices/${deviceId}/revoke`, { token: await center.admin() })).statusCode).toBe(200)
  const asked: string[] = []
  page.on('request', (r) => void (r.url().includes('/api/v1/') && asked.push(r.url())))
  await page.goto(url)
  await page.locator(`${PAIRING} [data-error]`).waitFor()
  expect(await page.locator(`${PAIRING} [data-error]`).getAttribute('data-error')).toBe('pair.revoked')
  expect(await page.locator(FIRST).count(), 'no first screen for a revoked token').toBe(0)
  expect(asked, 'no request refused on the way to pairing').toEqual([])
  expect(await page.evaluate((key) => localStorage.getItem(key), STORED)).toBeNull()
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('tabour-device')
}

describe('the kiosk first screen in its page (issue 22)', () => {
  for (const [name, viewport] of [
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ] as const) {
    it(`${name}: the center's first screen, Arabic and English, looks as the kiosk then draws it, within its CSP, accessible`, async () => {
      const page = await contexts.page(viewport)
      const refused = cspRefusals(page)
      await pairedKiosk(page)
      for (const lang of ['ar', 'en'] as const) {
        const { release } = await holdKioskScript(page)
        await page.goto(`${page.url().split('?')[0]}?lang=${lang}`, { waitUntil: 'commit' })
        await page.locator(`${FIRST} button[data-service-id]`).first().waitFor()
        await page.evaluate(() => document.fonts.ready)
        expect(await page.locator('tabour-kiosk-app').evaluate((e) => e.shadowRoot === null), 'the app has not run').toBe(true)
        expect(await page.locator('html').getAttribute('lang')).toBe(lang)
        expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr')
        expect(await page.locator(`${FIRST} h1`).textContent()).toBe(lang === 'ar' ? 'اختر الخدمة' : 'Choose a service')
        expect(await seriousAxeViolations(page, 'moderate'), `${name} ${lang}: the first screen is accessible`).toEqual([])
        const before = await page.screenshot()
        release()
        await page.locator(APP_BUTTONS).first().waitFor()
        await page.locator(FIRST).waitFor({ state: 'detached' })
        await page.unroute(KIOSK_CHUNK)
        const after = await page.screenshot()
        const diff = pixelDifference(before, after)
        if (diff.pixels > 0) {
          writeFileSync(join(SHOTS, `${name}-${lang}-first.png`), before)
          writeFileSync(join(SHOTS, `${name}-${lang}-app.png`), after)
        }
        expect(diff, `${name} ${lang}: the first screen and the kiosk's own differ (test-results/kiosk-first-screen/)`).toEqual({
          pixels: 0,
          box: null,
        })
      }
      expect(refused, 'nothing inline refused by the CSP').toEqual([])
    })
  }

  it('a service tapped before the kiosk script has run gives its ticket once the script is there; a tap on a closed service gives none', async () => {
    const page = await contexts.page(PORTRAIT)
    const { center, services, deviceId } = await pairedKiosk(page)
    const issued = () => center.app.tabour.db.prepare('SELECT service_id AS serviceId FROM tickets').all() as { serviceId: number }[]
    expect(issued()).toEqual([])
    await notShownWhileParsing(page)
    const { release, held } = await holdKioskScript(page)
    await page.reload({ waitUntil: 'commit' })
    await held
    // C has no counter: shown greyed out and not tappable, on the first screen as in the kiosk
    const closed = page.locator(`${FIRST} button[data-service-id="${services[2].id}"]`)
    expect(await closed.isDisabled()).toBe(true)
    await page.locator(`${FIRST} button[data-service-id="${services[1].id}"]`).click()
    expect(await page.locator(FIRST).getAttribute('data-tap')).toBe(String(services[1].id))
    expect(await page.locator(`${FIRST} button[data-service-id="${services[1].id}"]`).getAttribute('class')).toContain('busy')
    // a second tap is not a second ticket: the first one wins
    await page.locator(`${FIRST} button[data-service-id="${services[0].id}"]`).click()
    expect(issued(), 'nothing issued before the script runs').toEqual([])
    release()
    await page.locator('tabour-ticket-confirmation [data-ticket-label]').waitFor()
    expect(await page.locator('tabour-ticket-confirmation [data-ticket-label]').textContent()).toContain('B')
    expect(issued()).toEqual([{ serviceId: services[1].id }])
    expect(await page.locator(FIRST).count(), 'the first screen is gone').toBe(0)
    await cookieKeptStorageCleared(page)
    await revokedWhileOff(page, center, deviceId)
  })

  it('an unpaired kiosk gets no first screen', async () => {
    const { url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
    const page = await contexts.page(PORTRAIT)
    await page.goto(`${url}/kiosk/`)
    await page.locator('tabour-kiosk-app tabour-pairing-screen').waitFor()
    expect(await page.locator(FIRST).count()).toBe(0)
  })
})
