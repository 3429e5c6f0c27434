import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useBrowserSuite } from '../e2e/browser.ts'
import { seriousAxeViolations } from '../e2e/axe.ts'
import { freePort, REPO_ROOT } from '../helpers/child-server.ts'
import { installTarballsOffline } from '../helpers/offline-install.ts'

const run = promisify(execFile)

/**
 * Proof that Tabour embeds as packages (issue 22, docs/packages.md): the workspaces are packed
 * with `npm pack`, examples/host-app is copied to a fresh project outside the repository, the
 * @tabour/server and @tabour/ui tarballs are installed there with npm offline (the registry set
 * to an address that refuses connections; dependencies come from the repository's node_modules,
 * see test/helpers/offline-install.ts), and the host app runs as its own process: its own routes
 * and page, the center at /queue. In Chromium, a ticket taken on the host page's <tabour-kiosk>
 * is called by a clerk over the API and shown on the same page's <tabour-display>.
 */

const WORKSPACES = ['protocol', 'drivers', 'server', 'hub', 'ui']
const ADMIN_PASSWORD = 'embed-admin-password'
const CLERK_PASSWORD = 'embed-clerk-password'
/** What the package builds read (scripts/build-packages.mjs): newer than a build, the build is stale. */
const SOURCES = [
  ...WORKSPACES,
  'ui-common',
  'kiosk-ui',
  'display-ui',
  'counter-ui',
  'dashboard-ui',
  'scripts/build-packages.mjs',
  'tsconfig.packages.json',
]

/** The file paths an `exports` map points at (its values, not its keys). */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports]
  return Object.values(exports as Record<string, unknown>).flatMap(exportTargets)
}

/** The newest mtime of a file under `path`, leaving out build outputs (a folder's own mtime moves when the build makes its dist/). */
function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let max = 0
  for (const entry of readdirSync(path)) if (entry !== 'dist' && entry !== 'node_modules') max = Math.max(max, newest(join(path, entry)))
  return max
}

/** Builds the packages (and the UIs they ship) unless every package's dist/ is newer than its sources. */
async function ensurePackagesBuilt(uiDir: string): Promise<void> {
  const sources = Math.max(statSync(join(uiDir, 'kiosk-ui', 'index.html')).mtimeMs, ...SOURCES.map((s) => newest(join(REPO_ROOT, s))))
  const fresh = WORKSPACES.every((dir) => {
    try {
      return statSync(join(REPO_ROOT, dir, 'dist', 'types')).mtimeMs > sources
    } catch {
      return false
    }
  })
  if (!fresh) await run(process.execPath, ['scripts/build-packages.mjs'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 })
}

const suite = useBrowserSuite(join(REPO_ROOT, 'test-results', 'embed'), { setupTimeoutMs: 300_000 })

describe('the packages embed in a host application (npm pack → offline install → Chromium)', () => {
  let dir: string
  let project: string
  let host: ChildProcess | null = null
  let url: string
  let packed: { name: string; filename: string; files: { path: string }[] }[]

  beforeAll(async () => {
    await ensurePackagesBuilt(suite.uiDir)
    dir = mkdtempSync(join(tmpdir(), 'tabour-embed-'))
    const packs = join(dir, 'packs')
    mkdirSync(packs)
    const { stdout } = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', packs, ...WORKSPACES.flatMap((w) => ['-w', w])],
      {
        cwd: REPO_ROOT,
        maxBuffer: 16 * 1024 * 1024,
      },
    )
    packed = JSON.parse(stdout)
    project = join(dir, 'host-app')
    cpSync(join(REPO_ROOT, 'examples', 'host-app'), project, { recursive: true })
    const wanted = ['@tabour/server', '@tabour/ui']
    await installTarballsOffline(
      REPO_ROOT,
      project,
      wanted.map((name) => join(packs, packed.find((p) => p.name === name)!.filename)),
      wanted,
      { npm_config_registry: 'http://127.0.0.1:9/' },
    )
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    host = spawn(process.execPath, ['server.mjs'], {
      cwd: project,
      env: {
        ...process.env,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        TABOUR_DATA_DIR: join(dir, 'data'),
        TABOUR_ADMIN_PASSWORD: ADMIN_PASSWORD,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    // about a second on an idle machine; far longer on a loaded 2-core one
    const deadline = Date.now() + 90_000
    for (;;) {
      const res = await fetch(`${url}/queue/healthz`).catch(() => null)
      if (res?.ok) break
      if (Date.now() > deadline || host.exitCode !== null) throw new Error(`the host app did not answer on ${url}/queue/healthz`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }, 300_000)

  afterAll(() => {
    host?.kill('SIGKILL')
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('packs every workspace with the files its exports map names', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(['@tabour/drivers', '@tabour/hub', '@tabour/protocol', '@tabour/server', '@tabour/ui'])
    for (const pack of packed) {
      const json = JSON.parse(readFileSync(join(REPO_ROOT, WORKSPACES.find((w) => pack.name.endsWith(`/${w}`))!, 'package.json'), 'utf8'))
      const files = new Set(pack.files.map((f) => f.path))
      // the files the exports map names; for a pattern ("./*": protocol's modules), one module it matches
      const targets = exportTargets(json.exports).map((t) => t.replace('*', 'error-codes').slice(2))
      for (const target of targets) expect(files, `${pack.name}: ${target}`).toContain(target)
      expect(
        [...files].some((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
        `${pack.name} ships TypeScript sources`,
      ).toBe(false)
    }
    // the ticket renderer's thread, which the server's printers start from beside its entry (drivers/printer/job-worker.ts)
    expect(new Set(packed.find((p) => p.name === '@tabour/server')!.files.map((f) => f.path))).toContain('dist/printer-worker.js')
    // installed from the tarballs, not linked to the repository
    expect(statSync(join(project, 'node_modules', '@tabour', 'server', 'dist', 'index.js')).isFile()).toBe(true)
  })

  // about 9 s of CPU: skipLibCheck is off, so every declaration the packages ship is checked
  it("type-checks the host against the installed packages' declarations (tsc, no library skipped)", { timeout: 120_000 }, async () => {
    // examples/host-app/tsconfig.json: a library whose types a package's declarations import but
    // whose @types/ package is not among its dependencies (better-sqlite3, pg) is an error here
    const tsc = run(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project })
    await expect(tsc.catch((err: { stdout?: string }) => Promise.reject(new Error(err.stdout)))).resolves.toBeDefined()
  })

  it("serves the host's own routes next to the center at /queue", async () => {
    expect(await (await fetch(`${url}/api/opening-times`)).json()).toEqual({ weekdays: '08:00–15:00', fridays: 'closed' })
    const health = await (await fetch(`${url}/queue/healthz`)).json()
    expect(health.version).toBe(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version)
    // the center is mounted only under its prefix; its own pages come from @tabour/ui
    expect((await fetch(`${url}/api/v1/center`)).status).toBe(404)
    expect((await fetch(`${url}/queue/kiosk/`)).status).toBe(200)
    expect((await fetch(`${url}/tabour-ui/tabour-ui.js`)).headers.get('content-type')).toMatch(/javascript/)
  })

  // a few seconds on an idle machine; the limit is for a loaded one
  it("issues a ticket on the host page's <tabour-kiosk>, a clerk calls it, the page's <tabour-display> shows it", {
    timeout: 90_000,
  }, async () => {
    const api = async (method: string, path: string, token: string | null, body?: unknown) => {
      const res = await fetch(`${url}/queue/api/v1${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
      return text ? JSON.parse(text) : null
    }
    const admin = (await api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).token
    const service = await api('POST', '/services', admin, {
      prefix: 'H',
      nameAr: 'خدمات البلدية',
      nameEn: 'Town hall services',
      targetWaitSeconds: 600,
    })
    const counter = await api('POST', '/counters', admin, { number: 1, name: 'Counter 1', serviceIds: [service.id] })
    await api('POST', '/users', admin, { username: 'amal', password: CLERK_PASSWORD, role: 'clerk' })
    const clerk = (await api('POST', '/auth/login', null, { username: 'amal', password: CLERK_PASSWORD })).token
    await api('POST', `/counters/${counter.id}/open`, clerk)
    const tokens: Record<string, string> = {}
    for (const kind of ['kiosk', 'display']) {
      const device = await api('POST', '/devices', admin, { kind, name: `host page ${kind}`, zone: null })
      tokens[kind] = (await api('POST', '/devices/pair', null, { pairingCode: device.pairingCode })).token
    }

    const page = await suite.contexts.page({ width: 1920, height: 1080 }, { locale: 'en-GB' })
    // paired already: each screen keeps its token under its kind and the center's prefix (ui-common/token-store.ts)
    await page.addInitScript((t) => {
      localStorage.setItem('tabour:kiosk-token:/queue', t.kiosk)
      localStorage.setItem('tabour:display-token:/queue', t.display)
    }, tokens)
    await page.goto(`${url}/`)
    await page.locator('h1', { hasText: 'Town hall · services' }).waitFor()
    await page.locator('tabour-display main[data-screen="board"][data-synced="yes"]').waitFor()
    const serviceButton = page.locator(`tabour-kiosk tabour-service-grid button[data-service-id="${service.id}"]`)
    await serviceButton.waitFor()

    // each screen shows its language on itself, never on the host's English <html>: a kiosk
    // switched to English is laid out left to right beside the Arabic display (docs/packages.md)
    const languages = () =>
      page.evaluate(() => {
        const shown = (selector: string) => {
          const element = document.querySelector(selector) as (HTMLElement & { screen: HTMLElement }) | null
          const main = element?.screen.shadowRoot?.querySelector('main')
          return `${element?.getAttribute('lang')} ${element?.getAttribute('dir')} ${main ? getComputedStyle(main).direction : 'no main'}`
        }
        const html = document.documentElement
        return {
          page: `${html.lang} ${html.dir} ${getComputedStyle(document.body).direction}`,
          kiosk: shown('tabour-kiosk'),
          display: shown('tabour-display'),
        }
      })
    // the kiosk starts in its page's English, then takes the center's start language (Arabic) with its settings
    await expect.poll(languages).toEqual({ page: 'en ltr ltr', kiosk: 'ar rtl rtl', display: 'ar rtl rtl' })
    await page.locator('tabour-kiosk tabour-lang-switch button').click()
    expect(await languages()).toEqual({ page: 'en ltr ltr', kiosk: 'en ltr ltr', display: 'ar rtl rtl' })

    await serviceButton.click()
    const label = (await page.locator('tabour-kiosk tabour-ticket-confirmation [data-ticket-label]').getAttribute('data-ticket-label'))!
    expect(label).toMatch(/^H/)

    const called = await api('POST', `/counters/${counter.id}/call-next`, clerk)
    expect(called.ticket.label).toBe(label)
    await page.locator(`tabour-display :is([data-now="${label}"], [data-call-ticket="${label}"])`).first().waitFor()
    await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'embed', 'host-page.png'), fullPage: true })
    // each screen is a whole page's worth (its <main>, its h1): two on one page repeat those, and
    // nothing else may be found (docs/packages.md, "Embedding")
    const repeated = new Set(['landmark-no-duplicate-main', 'landmark-no-duplicate-banner', 'landmark-unique', 'one-h1'])
    expect((await seriousAxeViolations(page)).filter((f) => !repeated.has(f.id))).toEqual([])
  })
})
