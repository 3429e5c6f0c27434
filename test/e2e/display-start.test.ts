import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { seriousAxeViolations } from './axe.ts'
import { LANDSCAPE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { START_COOKIE } from '../../ui-common/start-data.ts'

/**
 * Issue 22 for the display: a paired display's page carries its board (server/ui-start-data.ts),
 * so the board is on screen with the socket blocked; when the socket then connects it asks for a
 * snapshot of its own only if something was pushed since the page was made (the board's seq), so
 * a call made in between still shows, and later calls arrive live. Its clock, news ticker, hours
 * band and media load after the board's first frame, in room the board keeps for them
 * (display-ui/board-extras.ts). The timings are bench/kiosk-start.bench.ts's.
 */
const suite = useBrowserSuite(join(ROOT, 'test-results', 'display-start'), { extraArgs: ['--autoplay-policy=no-user-gesture-required'] })
const { contexts, cleanups } = suite

const boardFrom = (page: Page) => page.locator('tabour-display-app main[data-screen="board"]').getAttribute('data-board')
const synced = (page: Page) => page.locator('tabour-display-app main[data-screen="board"]').getAttribute('data-synced')
const now = (page: Page, label: string) => page.locator(`tabour-display-app section.now[data-now="${label}"]`)

/** Blocks the display's socket (WebSocket and long-polling both) while `blocked.on`. */
async function socketSwitch(page: Page): Promise<{ on: boolean }> {
  const blocked = { on: false }
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (blocked.on) ws.close()
    else ws.connectToServer()
  })
  await page.route(/\/socket\.io\//, (route) => (blocked.on ? route.abort() : route.continue()))
  return blocked
}

/**
 * From before the page's scripts (over CDP, past the CSP): at the first frame that has the board,
 * whether the clock's and the ticker's modules were defined yet; and every layout shift of the
 * page (Chromium's Layout Instability API), with the elements that moved.
 */
const WATCH_FIRST_FRAME = `(() => {
  window.__shifts = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__shifts.push({ value: e.value, moved: e.sources.map((s) => [s.node?.nodeName ?? '?', s.previousRect.toJSON(), s.currentRect.toJSON()]) })
  }).observe({ type: 'layout-shift', buffered: true })
  const tick = () => {
    const board = document.querySelector('tabour-display-app')?.shadowRoot?.querySelector('main[data-screen="board"]')
    if (!board) return requestAnimationFrame(tick)
    window.__atBoard = {
      clock: !!customElements.get('tabour-display-clock'),
      ticker: !!customElements.get('tabour-news-ticker'),
    }
  }
  requestAnimationFrame(tick)
})()`

/** What WATCH_FIRST_FRAME found. */
interface FirstFrame {
  __atBoard: { clock: boolean; ticker: boolean }
  __shifts: { value: number; moved: string[] }[]
}

describe('display start-up with its board in the page (issue 22)', () => {
  for (const viewport of [LANDSCAPE, PORTRAIT])
    it(`${viewport.width}×${viewport.height}: the board's first frame comes without the clock and the ticker, which then draw in the room it kept for them (nothing moves); no warm-up worker`, async () => {
      const html = readFileSync(join(suite.uiDir, 'display-ui/index.html'), 'utf8')
      expect(html, 'no script before the modules').not.toMatch(/<script[^>]*\basync\b/)

      const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
      const news = await center.request('PUT', '/api/v1/center/news', {
        token: await center.admin(),
        body: { ar: 'مواعيد العمل من الأحد إلى الخميس', en: 'Open Sunday to Thursday' },
      })
      expect(news.statusCode, news.body).toBe(200)
      const display = await center.createDevice('display')
      // a paired display starting again: its token stored, its page's cookie set (as the bench does)
      const page = await contexts.page(viewport)
      await page.context().addCookies([{ name: START_COOKIE, value: display.token, url: `${url}/display/` }])
      await page.addInitScript({ content: `localStorage.setItem('tabour:display-token:/', ${JSON.stringify(display.token)})` })
      await page.addInitScript({ content: WATCH_FIRST_FRAME })
      const workers: string[] = []
      page.on('worker', (w) => workers.push(w.url()))
      await page.goto(`${url}/display/`)
      await expect.poll(() => page.locator('tabour-display-app tabour-display-clock [data-hijri]').textContent()).toMatch(/\d/)
      await page.locator('tabour-display-app tabour-news-ticker [data-ar]').waitFor()
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      // two frames more: a shift the last change made has been reported by then
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
      const { __atBoard, __shifts } = await page.evaluate(() => {
        const found = window as unknown as FirstFrame
        return { __atBoard: found.__atBoard, __shifts: found.__shifts }
      })
      expect(__atBoard, 'defined at the first frame with the board').toEqual({ clock: false, ticker: false })
      // a visible shift, not a sub-pixel one: once at load 12 two nodes in a shadow root scored
      // 0.000125 (fonts settling), while a band or clock arriving without its room moves whole boxes
      expect(
        __shifts.filter((s) => s.value >= 0.001),
        'nothing on the page moved',
      ).toEqual([])
      expect(workers).toEqual([])
    })

  it('a restarted display fetches no stylesheet (its page holds them: server/first-screen/inline-stylesheets.ts) and no font file but the four Cairo faces it preloads: the arrows of its first frame are drawn, not a fallback face', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
    const service = await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    const counter = await center.createCounter({ number: 3, serviceIds: [service.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: service.id })
    await center.issue(kiosk.token, { serviceId: service.id })
    // the call on the board (its arrow in bold) and one in the list below it
    for (const step of ['call-next', 'start', 'finish', 'call-next'])
      expect((await center.action(clerk, counter.id, step)).statusCode).toBe(200)
    const display = await center.createDevice('display')

    // a paired display starting again: its token stored, its page's cookie set (as the bench does)
    const page = await contexts.page(LANDSCAPE)
    await page.context().addCookies([{ name: START_COOKIE, value: display.token, url: `${url}/display/` }])
    await page.addInitScript({ content: `localStorage.setItem('tabour:display-token:/', ${JSON.stringify(display.token)})` })
    const fonts: string[] = []
    const stylesheets: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'stylesheet') stylesheets.push(r.url())
      if (r.resourceType() === 'font')
        fonts.push(
          r
            .url()
            .split('/')
            .pop()!
            .replace(/-[\w-]{8}\.woff2?$/, ''),
        )
    })
    await page.goto(`${url}/display/`)
    await page.locator('tabour-display-app main[data-screen="board"] [data-recent] li').first().waitFor()
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    expect(fonts.sort()).toEqual(['cairo-arabic-400-normal', 'cairo-arabic-700-normal', 'cairo-latin-400-normal', 'cairo-latin-700-normal'])
    expect(stylesheets, 'stylesheets fetched').toEqual([])
    expect(await page.locator('tabour-display-app section.now .arrow svg').count(), "the call's arrow").toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it('shows the board from its page with the socket blocked, then follows the socket: a call made meanwhile shows, later calls arrive live; accessible', {
    timeout: 180_000,
  }, async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
    const service = await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    const counter = await center.createCounter({ number: 4, serviceIds: [service.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const kiosk = await center.createDevice('kiosk')
    let calling = false
    const call = async () => {
      // the counter's ticket goes (served) before the next is called
      if (calling) for (const step of ['start', 'finish']) expect((await center.action(clerk, counter.id, step)).statusCode).toBe(200)
      calling = true
      await center.issue(kiosk.token, { serviceId: service.id })
      const res = await center.action(clerk, counter.id, 'call-next')
      expect(res.statusCode, res.body).toBe(200)
      return res.json().ticket.label as string
    }
    const device = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'display', name: 'TV' } })
    expect(device.statusCode, device.body).toBe(201)

    const page = await contexts.page(LANDSCAPE)
    const blocked = await socketSwitch(page)
    // socket.io's `snapshot` emits, as the page sends them
    const snapshotsAsked: string[] = []
    page.on('websocket', (ws) =>
      ws.on('framesent', (f) => String(f.payload).includes('"snapshot"') && snapshotsAsked.push(String(f.payload))),
    )
    const boardRequests: string[] = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/devices/me/snapshot') boardRequests.push(r.url())
    })

    // paired with ?pair=: the board comes over HTTP with the rest, then the feed
    await page.goto(`${url}/display/?pair=${device.json().pairingCode}`)
    await page.locator('tabour-display-app main[data-synced="yes"]').waitFor()
    expect(boardRequests, 'after pairing the board is asked over HTTP').toHaveLength(1)
    const first = await call()
    await now(page, first).waitFor()

    // a restart with the socket blocked: the board is the page's
    blocked.on = true
    await page.reload()
    await now(page, first).waitFor()
    expect(await boardFrom(page)).toBe('http')
    expect(await synced(page)).toBe('no')
    expect(boardRequests, 'the page carried the board: not asked again').toHaveLength(1)
    expect(await page.locator('script#tabour-start-data').count(), 'the start data is taken once').toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])

    // a call while the socket cannot connect: not on the board yet (it is not the socket's doing)…
    const meanwhile = await call()
    await page.waitForTimeout(500)
    expect(await now(page, meanwhile).count()).toBe(0)
    // …and there once it connects: the feed joined past the board's seq and asked for a snapshot
    // (socket.io's reconnect backs off to 5 s ± 50 % while blocked; a loaded CI box once took over 20 s here)
    blocked.on = false
    await page.locator('tabour-display-app main[data-synced="yes"]').waitFor({ timeout: 45_000 })
    await now(page, meanwhile).waitFor()
    expect(await boardFrom(page)).toBe('feed')
    expect(snapshotsAsked.length).toBeGreaterThan(0)
    const live = await call()
    await now(page, live).waitFor()

    // a restart with nothing pushed between the page and the socket: the feed joins at the board's seq and asks for nothing
    snapshotsAsked.length = 0
    await page.reload()
    await page.locator('tabour-display-app main[data-synced="yes"]').waitFor()
    await now(page, live).waitFor()
    expect(await boardFrom(page), 'still the board from the page').toBe('http')
    expect(snapshotsAsked).toEqual([])
    const after = await call()
    await now(page, after).waitFor()
  })
})
