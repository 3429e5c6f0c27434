import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { seriousAxeViolations } from './axe.ts'
import { LANDSCAPE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { kioskAheadReaches } from './kiosk-ahead.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 22, "the kiosk and display start fast on weak hardware", what a test can hold without
 * timing anything (the figures are bench/kiosk-start.bench.ts's): after pairing and on a reload
 * with the stored token, the start-up requests are in flight together (after pairing) or not made
 * at all (a restart: the page carries their answers); the built pages preload
 * the first screen's font files, which exist in the build; and when the services first appear,
 * the bold Arabic face is already loaded (no fallback face, no swap).
 */
const suite = useBrowserSuite(join(ROOT, 'test-results', 'kiosk-start'))
const { contexts, cleanups } = suite

/** The first screen's faces: Cairo, Arabic and Latin, regular and bold (scripts/vite-font-preload.ts). */
const FIRST_SCREEN_FONTS = ['cairo-arabic-400-normal', 'cairo-arabic-700-normal', 'cairo-latin-400-normal', 'cairo-latin-700-normal']

/**
 * Counts the frames the page drew while it showed the center's first screen (an animation frame
 * callback runs just before its frame is drawn; the screen is hidden until its faces are loaded:
 * server/first-screen/faces-first.ts) until the app's first custom element was defined, which is
 * the app's modules running.
 */
const FRAMES_BEFORE_APP = `(() => {
  const w = window
  w.__framesBeforeApp = null
  let frames = 0
  const define = customElements.define.bind(customElements)
  customElements.define = (...args) => {
    if (w.__framesBeforeApp === null) w.__framesBeforeApp = frames
    return define(...args)
  }
  const tick = () => {
    const first = document.getElementById('tabour-first-screen')
    if (first && getComputedStyle(first).display !== 'none') frames++
    if (w.__framesBeforeApp === null) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

const framesBeforeApp = (page: Page) => page.evaluate(() => (window as unknown as { __framesBeforeApp: number | null }).__framesBeforeApp)

interface Timed {
  path: string
  start: number
  end: number
}

/** Records when each API request of `page` left and when its answer was complete. */
function recordApi(page: Page): Timed[] {
  const seen: Timed[] = []
  const open = new Map<object, Timed>()
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (!path.startsWith('/api/v1/')) return
    const entry = { path, start: performance.now(), end: Number.POSITIVE_INFINITY }
    open.set(request, entry)
    seen.push(entry)
  })
  const done = (request: object) => {
    const entry = open.get(request)
    if (entry) entry.end = performance.now()
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return seen
}

/** The first request to each of `paths` in `seen`; all were in flight at one moment: the last left before the first answered. */
function expectOverlap(seen: Timed[], paths: string[], what: string): void {
  const firsts = paths.map((p) => seen.find((s) => s.path === p))
  expect(
    firsts.map((f) => f?.path),
    `${what}: every start-up request was made`,
  ).toEqual(paths)
  const lastStart = Math.max(...firsts.map((f) => f!.start))
  const firstEnd = Math.min(...firsts.map((f) => f!.end))
  expect(lastStart, `${what}: ${JSON.stringify(firsts)}`).toBeLessThan(firstEnd)
}

/**
 * Watches, from before the page's own scripts, for the first animation frame in which the
 * kiosk's service buttons exist, and notes then the state of each bold Arabic Cairo face (a
 * string: added over CDP, the page's CSP does not apply).
 */
const WATCH_SERVICES = `(() => {
  const grid = () => {
    const kiosk = document.querySelector('tabour-kiosk-app')?.shadowRoot
    return kiosk?.querySelector('tabour-service-grid') ?? kiosk?.querySelector('tabour-service-menu')?.shadowRoot?.querySelector('tabour-service-grid')
  }
  const tick = () => {
    if (grid()?.shadowRoot?.querySelector('button[data-service-id]')) {
      window.__boldArabicAtServices = [...document.fonts]
        .filter((f) => f.family.replaceAll('"', '') === 'Cairo' && f.weight === '700' && f.unicodeRange.includes('U+6'))
        .map((f) => f.status)
    } else requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

async function boldArabicAtServices(page: Page): Promise<string[]> {
  await page.waitForFunction(() => '__boldArabicAtServices' in window, undefined, { polling: 50 })
  return page.evaluate(() => (window as unknown as { __boldArabicAtServices: string[] }).__boldArabicAtServices)
}

/** The font files a built page preloads, from its HTML, as paths in the build. */
function preloadedFonts(page: string): string[] {
  const html = readFileSync(join(suite.uiDir, page), 'utf8')
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((l) => /rel="preload"/.test(l) && /as="font"/.test(l))
  for (const link of links) {
    expect(link, 'a font preload is fetched in CORS mode, like the @font-face that uses it').toMatch(/\scrossorigin[\s=>/]/)
    expect(link).toContain('type="font/woff2"')
  }
  return links.map((l) => resolve(join(suite.uiDir, page, '..'), /href="([^"]+)"/.exec(l)![1]))
}

/** The script files `page` of the build runs before its first screen: its module scripts and what they import statically. */
function firstScreenScripts(page: string): string[] {
  const dir = join(suite.uiDir, page, '..')
  const html = readFileSync(join(suite.uiDir, page), 'utf8')
  const todo = [...html.matchAll(/<script type="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => resolve(dir, m[1]))
  const seen = new Set<string>()
  while (todo.length > 0) {
    const file = todo.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    // static imports only (`import … from"./x.js"`, `import"./x.js"`); `import("./x.js")` is a later screen's
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g)) todo.push(resolve(file, '..', m[1]))
  }
  return [...seen]
}

describe('kiosk and display start-up (issue 22)', () => {
  it('the built kiosk and display pages preload the Cairo files of their first screen, and those files exist', () => {
    for (const page of ['kiosk-ui/index.html', 'display-ui/index.html']) {
      const files = preloadedFonts(page)
      expect(
        files
          .map((f) =>
            f
              .split('/')
              .pop()!
              .replace(/-[\w-]{8}\.woff2$/, ''),
          )
          .sort(),
        page,
      ).toEqual(FIRST_SCREEN_FONTS)
      for (const file of files) {
        expect(file.startsWith(join(suite.uiDir, 'assets')), file).toBe(true)
        expect(existsSync(file), file).toBe(true)
      }
    }
  })

  it("the kiosk's and the display's first-screen scripts carry no TypeBox: its schemas are the server's", () => {
    for (const page of ['kiosk-ui/index.html', 'display-ui/index.html']) {
      const scripts = firstScreenScripts(page)
      expect(scripts.length, page).toBeGreaterThan(0)
      // every TypeBox schema carries this symbol: its module is in the chunk when the string is
      for (const file of scripts) expect(readFileSync(file, 'utf8').includes('TypeBox.Kind'), `${page}: ${file}`).toBe(false)
    }
  })

  it('kiosk: start-up requests overlap after pairing, none on a restart (the page carries their answers), live changes still arrive, unpairing serves the page plain; bold Arabic loaded when the services show; accessible', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
    const service = await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    await center.openCounterAs('clerk1', counter.id)
    const device = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'kiosk' } })

    const page = await contexts.page(PORTRAIT)
    await page.addInitScript({ content: WATCH_SERVICES })
    await page.addInitScript({ content: FRAMES_BEFORE_APP })
    const fonts: string[] = []
    page.on('response', (res) => {
      if (res.url().endsWith('.woff2')) fonts.push(`${res.status()} ${res.url().split('/').pop()}`)
    })

    // after pairing with ?pair=
    let api = recordApi(page)
    await page.goto(`${url}/kiosk/?pair=${device.json().pairingCode}`)
    expect(await boldArabicAtServices(page), 'the bold Arabic face when the services first showed').toEqual(['loaded'])
    expectOverlap(api, ['/api/v1/devices/me', '/api/v1/center', '/api/v1/services'], 'after pairing')
    expect(
      api.findIndex((s) => s.path === '/api/v1/devices/pair'),
      'pairing came first',
    ).toBe(0)
    for (const name of FIRST_SCREEN_FONTS)
      expect(
        fonts.some((f) => f.startsWith('200 ') && f.includes(name)),
        `${name} fetched: ${fonts}`,
      ).toBe(true)
    expect(await seriousAxeViolations(page, 'moderate')).toEqual([])
    await page.screenshot({ path: join(ROOT, 'test-results', 'kiosk-start', 'kiosk-ar.png') })

    // a restart: the stored token, no pairing; the first screen's data comes with the page
    // (server/ui-start-data.ts), so the kiosk shows its services with the start-up requests refused
    const startUp = /\/api\/v1\/(devices\/me|center|services|service-groups)$/
    await page.route(startUp, (route) => route.abort())
    api = recordApi(page)
    await page.reload()
    // the services are on screen with every start-up request refused: the first screen needed none
    expect(await boldArabicAtServices(page), 'after a reload').toEqual(['loaded'])
    expect(await page.locator('script#tabour-start-data').count(), 'the start data is taken once').toBe(0)
    // the center's first screen was drawn before the kiosk's app began to run (its modules cached,
    // they would otherwise run first: server/first-screen/app-after-first-frame.ts)
    expect(await framesBeforeApp(page), 'frames drawn with the first screen before the app ran').toBeGreaterThanOrEqual(1)
    // once its feed connects (after the services are on screen), the kiosk loads its settings once
    // more (a change pushed before the feed connected would be missed otherwise:
    // ui-common/device-session.ts followsConfig), never the services: once the feed's snapshot is on
    // screen the feed keeps them. Whether that reload has begun by now is a race (stop 36's CI, ci5)
    expect(
      api.map((s) => s.path).filter((path) => !['/api/v1/devices/me', '/api/v1/center', '/api/v1/service-groups'].includes(path)),
      'no start-up request on a restart but the settings reload',
    ).toEqual([])
    await page.unroute(startUp)
    // a change after the page was made still reaches the kiosk, over the live feed
    await kioskAheadReaches(page, service.id, 0)
    await center.issue((await center.createDevice('kiosk')).token, { serviceId: service.id })
    await kioskAheadReaches(page, service.id, 1)

    // unpaired (the token revoked): the next page is served plain and the kiosk asks for a code
    const revoked = await center.request('POST', `/api/v1/devices/${device.json().id}/revoke`, { token: await center.admin() })
    expect(revoked.statusCode, revoked.body).toBe(200)
    await page.reload()
    await page.locator('tabour-pairing-screen').waitFor()
    expect(await page.evaluate(() => document.cookie), 'the start-data cookie is gone').not.toContain('tabour-device=')
  })

  it('display: start-up requests overlap after pairing; the board shows in the preloaded faces', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
    const service = await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    await center.createCounter({ number: 1, serviceIds: [service.id] })
    const device = await center.request('POST', '/api/v1/devices', {
      token: await center.admin(),
      body: { kind: 'display', name: 'display', config: { media: true } },
    })
    expect(device.statusCode, device.body).toBe(201)

    const page = await contexts.page(LANDSCAPE)
    const api = recordApi(page)
    await page.goto(`${url}/display/?pair=${device.json().pairingCode}`)
    await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
    // the media list and the board are asked for with the device and the center, not after them
    expectOverlap(api, ['/api/v1/devices/me', '/api/v1/center', '/api/v1/media', '/api/v1/devices/me/snapshot'], 'display after pairing')
    const bold = await page.evaluate(() => document.fonts.check('700 2rem Cairo', 'ا'))
    expect(bold, 'the bold Arabic face is loaded on the board').toBe(true)
    expect(await seriousAxeViolations(page)).toEqual([])
  })
})
