import { mkdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { ensureUiBuilt, ROOT } from './ui-build.ts'

/**
 * Real headless Chromium for the UI tests: Debian's build driven by playwright-core (never
 * `playwright install`). TABOUR_CHROMIUM points at another binary.
 */
export const CHROMIUM_PATH = process.env.TABOUR_CHROMIUM ?? '/usr/bin/chromium'

/** Kiosk screens the tests (and the screenshots) use. */
export const PORTRAIT = { width: 1080, height: 1920 } as const
export const LANDSCAPE = { width: 1920, height: 1080 } as const
/** A mid-size phone, for the public status page. */
export const PHONE = { width: 390, height: 844 } as const

/**
 * Whether the screenshots a test saves to a file (`screenshot({ path })`: test-results/, and
 * docs/screenshots/ with UPDATE_SCREENSHOTS=1) are written. They are evidence for a person and no
 * assertion reads them. CI's clone is thrown away after the run, so .ci/run sets
 * TABOUR_TEST_SHOTS=off: the suite has about 270 such calls, a PNG encode each (a full-page 1080×1920
 * is the slowest: kiosk.test.ts spent 6 % of its time in its 14), on a 2-core box near its 30-minute limit. A screenshot a test reads (its
 * buffer: a QR code, first-frame pixels, a poster) has no `path` and is always taken.
 */
export const SAVE_SCREENSHOTS = process.env.TABOUR_TEST_SHOTS !== 'off' || process.env.UPDATE_SCREENSHOTS === '1'

/**
 * Where a test may write a screenshot: under test-results/ (ignored by git), under the folder a person
 * named for this run (TABOUR_SHOTS, TABOUR_SHOTS_DIR, WEBHOOK_SHOTS), and under docs/screenshots/ only with
 * UPDATE_SCREENSHOTS=1. A test wrote docs/screenshots/kiosk-printer-fault-*.png on every run, so
 * `npm test` left the tree dirty (walk s53); a screenshot elsewhere is now an error, not a surprise in
 * `git status`.
 */
export function screenshotPathAllowed(path: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const inside = (dir: string) => {
    const rel = relative(resolve(dir), resolve(path))
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/')
  }
  const named = [env.TABOUR_SHOTS, env.TABOUR_SHOTS_DIR, env.WEBHOOK_SHOTS].filter((d): d is string => !!d)
  return (
    inside(join(ROOT, 'test-results')) ||
    named.some(inside) ||
    (env.UPDATE_SCREENSHOTS === '1' && inside(join(ROOT, 'docs', 'screenshots')))
  )
}

/** A page whose `screenshot({ path })` refuses a path `screenshotPathAllowed` does not allow. */
function guardedScreenshots(page: Page): Page {
  const take = page.screenshot.bind(page)
  page.screenshot = async (options) => {
    if (options?.path && !screenshotPathAllowed(options.path))
      throw new Error(
        `a test writes screenshots under test-results/ (docs/screenshots/ only with UPDATE_SCREENSHOTS=1), not ${options.path}`,
      )
    return take(options)
  }
  return page
}

/** A page whose `screenshot({ path })` writes nothing (SAVE_SCREENSHOTS off); without a path it is Playwright's own. */
function withoutSavedScreenshots(page: Page): Page {
  const take = page.screenshot.bind(page)
  page.screenshot = async (options) => (options?.path ? Buffer.alloc(0) : take(options))
  return page
}

/** The flags every test's Chromium needs; this machine has no internet: no background fetches to wait for or to fail. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']

/** Chromium with the flags every test needs, plus `extraArgs`. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] })
}

/**
 * Chromium with a profile kept in `userDataDir` (its HTTP cache, cookies and storage survive a
 * close), as a kiosk's browser keeps its own across a restart.
 */
export async function launchWithProfile(userDataDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, ...options })
}

export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await browser?.close()
}

/** The Chromium of this test process for each set of extra flags, launched at first use. */
const shared = new Map<string, Promise<Browser>>()

/**
 * One Chromium per test process and set of flags: the browser test files run one after another
 * in each worker process, isolate off (vite.config.ts, projects `browser` and `serial`), so each
 * file launches nothing but its contexts.
 * A file leaves no context open (Contexts.closeAll after each test); the browser goes when the
 * process does (playwright kills what it launched), or is launched again if it crashed.
 */
export function sharedBrowser(extraArgs: string[] = []): Promise<Browser> {
  const key = extraArgs.join(' ')
  let browser = shared.get(key)
  if (!browser) {
    browser = launchBrowser(extraArgs)
    shared.set(key, browser)
    browser.then(
      (b) => b.on('disconnected', () => shared.delete(key)),
      () => shared.delete(key),
    )
  }
  return browser
}

/**
 * Browser contexts opened by a test (one per kiosk or phone: each has its own localStorage),
 * all closed by `closeAll()` in afterEach.
 */
export class Contexts {
  private readonly open = new Set<BrowserContext>()

  constructor(private readonly browser: () => Browser) {}

  async page(viewport: { width: number; height: number }, options: { locale?: string } = {}): Promise<Page> {
    const context = await this.browser().newContext({ viewport, deviceScaleFactor: 1, locale: options.locale ?? 'ar-EG' })
    this.open.add(context)
    const page = await context.newPage()
    // a page error is a test failure: collect them where the test can see them
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`))
    // the guard outermost: a path it refuses is refused whether screenshots are saved or not (CI J: with
    // TABOUR_TEST_SHOTS=off the unsaved screenshot answered first and a docs/ path went unnoticed)
    return guardedScreenshots(SAVE_SCREENSHOTS ? page : withoutSavedScreenshots(page))
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((c) => c.close().catch(() => {})))
    this.open.clear()
  }
}

/** Uncaught errors in any page since the last `takePageErrors()`. */
const pageErrors: string[] = []
export function takePageErrors(): string[] {
  return pageErrors.splice(0)
}

/** What `useBrowserSuite` gives a test file; `browser` and `uiDir` are set once its beforeAll ran. */
export interface BrowserSuite {
  browser: Browser
  /** The built UIs (dist/ui), for the centers the tests start. */
  uiDir: string
  contexts: Contexts
  /** Run after each test, last registered first (servers, child processes, temp dirs). */
  cleanups: (() => Promise<void> | void)[]
  /** A full-page screenshot `<shots>/<name>.png`, once the page's fonts are in (not a fallback face's metrics). */
  shot(page: Page, name: string): Promise<void>
}

/**
 * The shared frame of a browser test file: build the UIs and take the process's Chromium
 * (`sharedBrowser`, `extraArgs` added to the usual flags), close every context and run the
 * cleanups after each test, and fail a test whose pages threw. `shots` is made for screenshots.
 */
export function useBrowserSuite(shots: string, options: { extraArgs?: string[]; setupTimeoutMs?: number } = {}): BrowserSuite {
  const suite: BrowserSuite = {
    browser: undefined as unknown as Browser,
    uiDir: '',
    contexts: new Contexts(() => suite.browser),
    cleanups: [],
    async shot(page, name) {
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
    },
  }
  beforeAll(async () => {
    suite.uiDir = await ensureUiBuilt()
    suite.browser = await sharedBrowser(options.extraArgs)
    mkdirSync(shots, { recursive: true })
  }, options.setupTimeoutMs ?? 120_000)
  afterEach(async () => {
    await suite.contexts.closeAll()
    for (const cleanup of suite.cleanups.splice(0).reverse()) await cleanup()
    expect(takePageErrors()).toEqual([])
  })
  afterAll(async () => {
    // the next file's pages start from a browser with no context of this one
    await suite.contexts.closeAll()
    await Promise.all(suite.browser?.contexts().map((c) => c.close()) ?? [])
  })
  return suite
}
