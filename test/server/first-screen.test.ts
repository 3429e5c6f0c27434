import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FACES_FIRST_SCRIPT, FACES_FIRST_STYLE } from '../../server/first-screen/faces-first.ts'
import { CONTENT_SECURITY_POLICY } from '../../server/security-headers.ts'
import { EARLY_TAP_SCRIPT, FIRST_SCREEN_SLOT } from '../../ui-common/first-screen.ts'
import { TestCenter, TestClock } from '../helpers/test-center.ts'

/**
 * A paired kiosk's page arrives with its first screen drawn (issue 22, server/first-screen/):
 * in the slot the built page keeps for it (an older build without the slot is served as built),
 * in the kiosk's start language unless `?lang=` says otherwise, with text from the database
 * escaped, and a CSP that allows exactly its inline styles and its one script by hash. What it
 * looks like and the early tap are test/e2e/kiosk-first-screen.test.ts's.
 */
const STYLESHEETS =
  '<link rel="stylesheet" crossorigin href="../assets/first~kiosk.css"><link rel="stylesheet" crossorigin href="../assets/not-built.css">'
/** As vite writes it: the faces relative to the stylesheet's own folder. */
const FIRST_CSS = '@font-face{font-family:Cairo;src:url(./cairo-400.woff2)format("woff2"),url(data:font/woff2;base64,AA)}body{margin:0}'
const WITH_SLOT = `<!doctype html><html lang="ar" dir="rtl"><head>${STYLESHEETS}<script type="module" crossorigin src="../assets/first~kiosk.js"></script><script type="module" crossorigin src="../assets/kiosk.js"></script></head><body><tabour-kiosk-app></tabour-kiosk-app>${FIRST_SCREEN_SLOT}</body></html>`
const WITHOUT_SLOT = '<!doctype html><html lang="ar" dir="rtl"><head></head><body><tabour-kiosk-app></tabour-kiosk-app></body></html>'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
/** The sources a CSP directive allows. */
const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))!
    .split(' ')
    .slice(1)

describe('the kiosk page with its first screen drawn', () => {
  let center: TestCenter
  let uiDir: string
  let oldUiDir: string
  let oldCenter: TestCenter
  let kiosk: { token: string }
  let display: { token: string }
  let service: { id: number }
  let counter: { id: number }
  let clerk: string
  const get = (c: TestCenter, url: string, token: string) =>
    c.app.inject({ method: 'GET', url, headers: { cookie: `tabour-device=${encodeURIComponent(token)}` } })
  /** The page's inline scripts, in order. */
  const inlineScripts = (body: string) => [...body.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1])
  /**
   * The app's modules are preloaded, not run with the page: one inline script after the first
   * screen imports them, in the page's order, once a frame has been drawn (app-after-first-frame.ts).
   */
  const expectAppAfterFirstFrame = (body: string, starter: string) => {
    expect(body).not.toContain('<script type="module"')
    expect(body).toContain(
      '<link rel="modulepreload" crossorigin href="../assets/first~kiosk.js"><link rel="modulepreload" crossorigin href="../assets/kiosk.js">',
    )
    expect(body.indexOf(`<script>${starter}</script>`)).toBeGreaterThan(body.indexOf('</template>'))
    expect(starter).toContain('["../assets/first~kiosk.js","../assets/kiosk.js"]')
    expect(starter).toContain('requestAnimationFrame')
    // once the screen is shown: its faces there (faces-first.ts)
    expect(starter).toContain('hasAttribute("data-faces")')
  }

  const built = (page: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-ui-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'assets', 'first~kiosk.css'), FIRST_CSS)
    for (const folder of ['kiosk-ui', 'display-ui']) {
      mkdirSync(join(dir, folder))
      writeFileSync(join(dir, folder, 'index.html'), page)
    }
    return dir
  }

  beforeAll(async () => {
    uiDir = built(WITH_SLOT)
    oldUiDir = built(WITHOUT_SLOT)
    center = await TestCenter.start({ config: { uiDir }, clock: new TestClock() })
    service = await center.createService({ prefix: 'A', nameAr: 'بطاقة </template><script>alert(1)</script>', nameEn: 'ID <b>card</b>' })
    counter = await center.createCounter({ number: 7, name: 'شباك </template><b>', serviceIds: [service.id] })
    clerk = await center.openCounterAs('clerk1', counter.id)
    kiosk = await center.createDevice('kiosk')
    display = await center.createDevice('display')
    await center.issue(kiosk.token, { serviceId: service.id })
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    oldCenter = await TestCenter.start({ config: { uiDir: oldUiDir }, clock: new TestClock() })
  })
  afterAll(async () => {
    await center.close()
    await oldCenter.close()
    rmSync(uiDir, { recursive: true, force: true })
    rmSync(oldUiDir, { recursive: true, force: true })
  })

  it('draws the services in the slot, names escaped, its app started after its first frame, with a CSP allowing exactly its styles and its two scripts', async () => {
    const res = await get(center, '/kiosk/', kiosk.token)
    expect(res.statusCode).toBe(200)
    const body = res.body
    expect(body).not.toContain(FIRST_SCREEN_SLOT)
    expect(body).toContain(
      `<style>${FACES_FIRST_STYLE}</style><script>${FACES_FIRST_SCRIPT}</script><script>${EARLY_TAP_SCRIPT}</script><div id="tabour-first-screen" data-first-screen="kiosk"><template shadowrootmode="open">`,
    )
    expect(body).toMatch(new RegExp(`<button[^>]*data-service-id="${service.id}"`))
    expect(body).toContain('اختر الخدمة')
    expect(body).toContain('بطاقة &lt;/template&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).not.toContain('<script>alert(1)')
    expect(body).toContain('ID &lt;b&gt;card&lt;/b&gt;')
    const csp = String(res.headers['content-security-policy'])
    const styles = [...body.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1])
    expect(styles.length, 'the stylesheet, the faces-first rule, the frame, the grid and the language switch').toBe(5)
    expect(directive(csp, 'style-src').sort()).toEqual(["'self'", ...new Set(styles.map(sha256))].sort())
    const [faces, tap, starter, ...more] = inlineScripts(body)
    expect(faces).toBe(FACES_FIRST_SCRIPT)
    expect(tap).toBe(EARLY_TAP_SCRIPT)
    expect(more).toEqual([])
    expectAppAfterFirstFrame(body, starter)
    expect(directive(csp, 'script-src')).toEqual(["'self'", sha256(FACES_FIRST_SCRIPT), sha256(EARLY_TAP_SCRIPT), sha256(starter)])
    // everything else as on every other answer of the center
    expect(csp.replace(/ 'sha256-[^']+'/g, '')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('holds its stylesheets in the page, their faces at the files the page preloads, so no stylesheet request stands before its first frame', async () => {
    const body = (await get(center, '/kiosk/', kiosk.token)).body
    // the link kept disabled (not fetched) for vite's preload helper, which looks for it
    expect(body).toContain(
      '<head><style>@font-face{font-family:Cairo;src:url(../assets/cairo-400.woff2)format("woff2"),url(data:font/woff2;base64,AA)}body{margin:0}</style>' +
        '<link rel="stylesheet" crossorigin href="../assets/first~kiosk.css" disabled>',
    )
    // a stylesheet the build does not hold stays linked: the page works as built
    expect(body).toContain('<link rel="stylesheet" crossorigin href="../assets/not-built.css">')
    expect((await get(center, '/display/', display.token)).body).toContain('url(../assets/cairo-400.woff2)')
  })

  it("in the page's language: ?lang=en draws it in English, on an English page", async () => {
    const res = await get(center, '/kiosk/?lang=en', kiosk.token)
    expect(res.body).toContain('<html lang="en" dir="ltr">')
    expect(res.body).toContain('Choose a service')
    expect(res.body).not.toContain('اختر الخدمة')
  })

  it("draws the display's board from its snapshot: the call, its counter's name escaped; its styles and its app's start by hash", async () => {
    const res = await get(center, '/display/', display.token)
    const body = res.body
    expect(body).toContain('<div id="tabour-first-screen" data-first-screen="display"><template shadowrootmode="open">')
    expect(body).toMatch(/<section class="now[^"]*"[^>]*data-now="A-001"[^>]*data-counter="7"/)
    expect(body).toMatch(/<main[^>]*data-screen="board"[^>]*data-board="http"/)
    expect(body).toContain('شباك &lt;/template&gt;&lt;b&gt;')
    expect(body).not.toContain(EARLY_TAP_SCRIPT)
    const csp = String(res.headers['content-security-policy'])
    const styles = [...body.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1])
    expect(directive(csp, 'style-src').sort()).toEqual(["'self'", ...styles.map(sha256)].sort())
    const [faces, starter, ...more] = inlineScripts(body)
    expect(faces).toBe(FACES_FIRST_SCRIPT)
    expect(more).toEqual([])
    expectAppAfterFirstFrame(body, starter)
    expect(directive(csp, 'script-src')).toEqual(["'self'", sha256(FACES_FIRST_SCRIPT), sha256(starter)])
  })

  it('draws a recalled call with its "Recall" mark, as the live board shows it, until the ticket is started', async () => {
    // the big call's heading, where the mark goes (lit's part comments between its tags)
    const heading = async () => (await get(center, '/display/', display.token)).body.match(/data-now="A-001".*?<\/h2>/s)?.[0] ?? ''
    expect(await heading()).not.toContain('class="badge"')
    expect((await center.action(clerk, counter.id, 'recall')).statusCode).toBe(200)
    expect(await heading()).toMatch(/class="badge">(<!--[^>]*-->)*نداء متكرر/)
    expect((await center.action(clerk, counter.id, 'start')).statusCode).toBe(200)
    const started = await heading()
    expect(started).toContain('data-now="A-001"')
    expect(started).not.toContain('class="badge"')
  })

  it('an older build without the slot, and a kiosk without a working token, get no first screen and the usual CSP', async () => {
    const old = await get(oldCenter, '/kiosk/', (await oldCenter.createDevice('kiosk')).token)
    expect(old.body).not.toContain('tabour-first-screen')
    expect(old.body).toContain('<tabour-kiosk-app></tabour-kiosk-app></body>')
    expect(old.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    const unpaired = await get(center, '/kiosk/', 'not-a-token')
    // the page as built, saying the token was refused (server/ui-start-data.ts): the kiosk shows pairing from the start
    expect(unpaired.body).toBe(WITH_SLOT.replace('</head>', '<meta name="tabour-device" content="refused"></head>'))
    expect(unpaired.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  })
})
