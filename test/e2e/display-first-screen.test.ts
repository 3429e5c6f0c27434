import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { listeningCenter } from '../helpers/listening-center.ts'
import { seriousAxeViolations } from './axe.ts'
import { LANDSCAPE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { pixelDifference } from './first-screen-pixels.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 22: a paired display's page arrives with its board drawn by the center
 * (server/first-screen/) from the snapshot it carries. Held back, the display's script cannot draw
 * anything: what shows is the center's. It must be the snapshot's truth (the call, the recent
 * calls, the waiting figures), look exactly like the board the display then draws (landscape and
 * portrait; the clock, ticker and hours band load after the board in both, and are held back
 * here so that both show the board's first frame), break no CSP rule, be accessible, and go
 * without a layout shift.
 */
const SHOTS = join(ROOT, 'test-results', 'display-first-screen')
const suite = useBrowserSuite(SHOTS, { extraArgs: ['--autoplay-policy=no-user-gesture-required'] })
const { contexts, cleanups } = suite

/** The display's own first-screen script, and the board's extras (after its first frame). */
const DISPLAY_CHUNK = /\/assets\/first~display-[\w-]+\.js$/
const EXTRAS_CHUNK = /\/assets\/first~board-extras-[\w-]+\.js$/
const FIRST = '#tabour-first-screen'

/** Holds `pattern` back until `release()`. */
async function hold(page: Page, pattern: RegExp): Promise<() => void> {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  await page.route(pattern, async (route: Route) => {
    await gate
    await route.continue().catch(() => undefined)
  })
  return release
}

const LAYOUT_SHIFTS = `(() => {
  window.__shifts = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push(e.value)
  }).observe({ type: 'layout-shift', buffered: true })
})()`

describe('the display board in its page (issue 22)', () => {
  for (const [name, viewport] of [
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ] as const) {
    it(`${name}: the center's board is the snapshot's and looks as the display then draws it, within its CSP, accessible, no layout shift`, async () => {
      const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
      const services = [
        await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' }),
        await center.createService({ prefix: 'B', nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates' }),
      ]
      const counter = await center.createCounter({ number: 4, name: 'شباك ٤', serviceIds: services.map((s) => s.id) })
      const clerk = await center.openCounterAs('clerk1', counter.id)
      const kiosk = await center.createDevice('kiosk')
      for (const s of [services[0], services[0], services[1]]) await center.issue(kiosk.token, { serviceId: s.id })
      expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
      const device = await center.request('POST', '/api/v1/devices', {
        token: await center.admin(),
        body: { kind: 'display', name: 'display' },
      })
      const page = await contexts.page(viewport)
      const refused: string[] = []
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text())
      })
      await page.goto(`${url}/display/?pair=${device.json().pairingCode}`)
      await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()

      await page.addInitScript({ content: LAYOUT_SHIFTS })
      const releaseApp = await hold(page, DISPLAY_CHUNK)
      await hold(page, EXTRAS_CHUNK)
      // its faces held back too (page.route leaves the cache out): the board is not shown in a
      // fallback face, to move when Cairo comes (server/first-screen/faces-first.ts)
      const releaseFaces = await hold(page, /\/assets\/cairo-[\w-]+\.woff2$/)
      await page.reload({ waitUntil: 'commit' })
      const board = page.locator(`${FIRST} main[data-screen="board"][data-board="http"]`)
      await board.waitFor({ state: 'attached' })
      expect(await page.locator(FIRST).evaluate((e) => getComputedStyle(e).display), 'not displayed until its faces are loaded').toBe(
        'none',
      )
      releaseFaces()
      await board.waitFor()
      await page.evaluate(() => document.fonts.ready)
      expect(await page.locator('tabour-display-app').evaluate((e) => e.shadowRoot === null), 'the app has not run').toBe(true)
      // the snapshot's truth: the call at counter 4, and the lines' figures
      expect(await page.locator(`${FIRST} section.now`).getAttribute('data-now')).toBe('A-001')
      expect(await page.locator(`${FIRST} section.now`).getAttribute('data-counter')).toBe('4')
      expect(await page.locator(`${FIRST} .svc[data-service="A"] [data-waiting-count]`).textContent()).toBe('1')
      expect(await page.locator(`${FIRST} .svc[data-service="B"] [data-waiting-count]`).textContent()).toBe('1')
      expect(await seriousAxeViolations(page), `${name}: the first screen is accessible`).toEqual([])
      const before = await page.screenshot()
      releaseApp()
      await page.locator('tabour-display-app main[data-screen="board"]').waitFor()
      await page.locator(FIRST).waitFor({ state: 'detached' })
      const after = await page.screenshot()
      const diff = pixelDifference(before, after)
      if (diff.pixels > 0) {
        writeFileSync(join(SHOTS, `${name}-first.png`), before)
        writeFileSync(join(SHOTS, `${name}-app.png`), after)
      }
      expect(diff, `${name}: the first board and the display's own differ (test-results/display-first-screen/)`).toEqual({
        pixels: 0,
        box: null,
      })
      // the live feed takes over from the board the page carried, nothing moves
      await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
      expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([])
      expect(refused, 'nothing inline refused by the CSP').toEqual([])
    })
  }
})
