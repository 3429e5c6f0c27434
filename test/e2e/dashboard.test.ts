import { afterAll, describe, expect, it } from 'vitest'
import { clockTime } from '../../protocol/messages/clock-time.ts'
import type { Page } from 'playwright-core'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_PASSWORD, daytimeShiftMs, STAFF_PASSWORD, TestCenter, type TestClock } from '../helpers/test-center.ts'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { overflowing } from './layout.ts'
import { readCsv } from '../helpers/read-csv.ts'
import { ROOT } from './ui-build.ts'
import { dayStartMs } from '../../protocol/center-clock.ts'
import type { DeviceHealth } from '../../protocol/stats.ts'
import { lastHeard } from '../../protocol/device-verdict.ts'
import { configText, fieldErrorText } from '../../protocol/messages/config-forms.ts'
import { joinText } from '../../protocol/messages/join.ts'
import { dashboardText } from '../../protocol/messages/dashboard.ts'
import { consoleText } from '../../protocol/messages/console.ts'

/**
 * The manager's dashboard in real headless Chromium against a real center on loopback: live
 * figures that move when a ticket is issued and called (no reload), a report for a range of
 * days and its CSV with the same numbers, an admin creating a service and a counter that a
 * paired kiosk then offers without reload, and a manager kept out of the configuration (UI and
 * API). Screenshots go to test-results/dashboard/; with UPDATE_SCREENSHOTS=1 they also refresh
 * docs/screenshots/dashboard-*.png (1920×1080).
 */

const SHOTS = join(ROOT, 'test-results', 'dashboard')
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots')

interface Running {
  center: TestCenter
  url: string
  /** How far the server's clock is behind real time; the seed walks it forward to 0. */
  behind: { ms: number }
}

const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const { contexts, cleanups } = suite

/** A center on loopback; closed after the test, or after the file when `shared`. */
async function startCenter(shared = false): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-dash-e2e-'))
  const behind = { ms: 0 }
  // local daytime from the first request on (tokens included): the morning the seed plays never crosses midnight
  const shift = daytimeShiftMs()
  const clock = { fn: () => Date.now() + shift - behind.ms } as TestClock
  const center = new TestCenter({
    config: { dataDir, uiDir: suite.uiDir, centerName: { ar: 'المركز التكنولوجي بمدينة نصر', en: 'Nasr City Technology Center' } },
    clock,
  })
  await center.app.ready()
  await center.app.listen({ port: 0, host: '127.0.0.1' })
  if (!shared) cleanups.push(() => center.close())
  const address = center.app.server.address() as AddressInfo
  return { center, url: `http://127.0.0.1:${address.port}`, behind }
}

async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  const path = join(SHOTS, `${name}.png`)
  await page.screenshot({ path })
  if (docsName && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SHOTS, { recursive: true })
    copyFileSync(path, join(DOCS_SHOTS, docsName))
  }
}

const SERVICES = [
  { prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID', targetWaitSeconds: 900 },
  { prefix: 'B', nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates', targetWaitSeconds: 600 },
  { prefix: 'C', nameAr: 'التموين', nameEn: 'Ration cards', targetWaitSeconds: 1200 },
  { prefix: 'D', nameAr: 'المرور', nameEn: 'Traffic licences', targetWaitSeconds: 900 },
]

/**
 * A morning of a small center, played through the API with the server's clock walking forward
 * over the 4 h before the server's "now" (local daytime: see daytimeShiftMs): a ticket every 2–3 minutes,
 * four counters serving them, one no-show, one transfer, one counter paused; a printer out of
 * paper; plus the same weekday of the four weeks before (event rows) for the charts' baseline.
 */
async function seedMorning(run: Running) {
  const { center, behind } = run
  const admin = await center.admin()
  const tz = 'Africa/Cairo'
  const serverNow = () => center.app.tabour.queue.ctx.clock()
  const finalBehind = 0
  const services = []
  for (const s of SERVICES) services.push(await center.createService(s))
  const counters = []
  for (let n = 1; n <= 4; n++)
    counters.push(
      await center.createCounter({
        number: n,
        name: `شباك ${n}`,
        zone: n <= 2 ? 'hall-a' : 'hall-b',
        services: services.map((s, i) => ({ serviceId: s.id, weight: i === (n - 1) % 4 ? 2 : 1 })),
      }),
    )
  await center.createCounter({ number: 5, name: 'شباك 5', serviceIds: [services[0].id] })
  const printer = await center.createDevice('printer')
  await center.createDevice('display', 'hall-a')
  const kiosk = await center.createDevice('kiosk')
  behind.ms = finalBehind + 4 * 3600_000
  const clerks = []
  const names = ['ahmed', 'mona', 'karim', 'sara']
  for (let i = 0; i < 4; i++) {
    const { id, token } = await center.createUser(names[i]!)
    await center.request('PATCH', `/api/v1/users/${id}`, {
      token: admin,
      body: { displayName: ['أحمد سامي', 'منى علي', 'كريم حسن', 'سارة فؤاد'][i] },
    })
    await center.request('POST', `/api/v1/counters/${counters[i]!.id}/open`, { token })
    clerks.push({ token, counter: counters[i]!, busyUntil: 0 })
  }
  let k = 0
  while (behind.ms > finalBehind + 60_000) {
    // the line grows mid-morning and shrinks towards noon
    const perStep = [2, 2, 1, 2, 1][k % 5]!
    for (let j = 0; j < perStep; j++) await center.issue(kiosk.token, { serviceId: services[(k * 3 + j) % 4]!.id })
    for (const clerk of clerks) {
      if (clerk.busyUntil > serverNow()) continue
      const res = (await center.action(clerk.token, clerk.counter.id, 'call-next')).json()
      if (!res.ticket) continue
      if (k === 9 && clerk === clerks[2]) {
        await center.action(clerk.token, clerk.counter.id, 'no-show')
        continue
      }
      if (k === 14 && clerk === clerks[1]) {
        await center.action(clerk.token, clerk.counter.id, 'transfer', { serviceId: services[0]!.id })
        continue
      }
      await center.action(clerk.token, clerk.counter.id, 'start')
      clerk.busyUntil = serverNow() + (6 + ((k * 7 + clerks.indexOf(clerk) * 3) % 6)) * 60_000
    }
    behind.ms -= 3 * 60_000
    for (const clerk of clerks) {
      if (clerk.busyUntil && clerk.busyUntil <= serverNow()) {
        await center.action(clerk.token, clerk.counter.id, 'finish')
        clerk.busyUntil = 0
      }
    }
    k++
  }
  behind.ms = finalBehind
  const target = serverNow()
  const today = center.app.tabour.queue.ctx.dayOf(target)
  for (const clerk of clerks) if (clerk.busyUntil) await center.action(clerk.token, clerk.counter.id, 'finish')
  await center.action(clerks[3]!.token, clerks[3]!.counter.id, 'pause', { reason: 'break' })
  await center.action(clerks[0]!.token, clerks[0]!.counter.id, 'call-next')
  // the way a printer's poll reports (server/devices/printing.ts): kept for the device list and pushed
  center.app.tabour.queue.deviceStatus.reportPrinter(printer.id, {
    reachable: true,
    online: true,
    coverOpen: false,
    paperNearEnd: true,
    paperOut: true,
    error: false,
    at: new Date().toISOString(),
    heardAt: new Date().toISOString(),
  })
  // the same weekday of the 4 weeks before: a typical curve, straight into the event log
  const db = center.app.tabour.db
  const ins = db.prepare(
    'INSERT INTO events (at, day, type, ticket_id, service_id, counter_id, user_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const lastHour = Math.floor((target - dayStartMs(today, tz)) / 3600_000)
  for (let w = 1; w <= 4; w++) {
    const day = center.app.tabour.queue.ctx.dayOf(target - w * 7 * 86_400_000)
    const start = dayStartMs(day, tz)
    for (let h = lastHour - 5; h <= lastHour + 3; h++) {
      const n = Math.max(2, Math.round(22 * Math.sin(((h - lastHour + 6) / 10) * Math.PI)) + w)
      for (let i = 0; i < n; i++) {
        const at = start + h * 3600_000 + Math.floor((i * 3600_000) / n)
        ins.run(at, day, 'ticket.issued', `baseline-${w}-${h}-${i}`, services[i % 4]!.id, null, null, '{}')
        ins.run(
          at + 25 * 60_000,
          day,
          'ticket.finished',
          `baseline-${w}-${h}-${i}`,
          services[i % 4]!.id,
          1,
          null,
          JSON.stringify({ serviceSeconds: 300 }),
        )
      }
    }
  }
  return { services, counters, kiosk, clerks, admin, printer }
}

/**
 * The seeded morning the live view and the report read, with the manager `boss`: made once for
 * the file (seeding is the slow part of both tests), closed after it. Both tests compare the
 * screen with the API's figures of the moment, so the ticket the live test adds changes nothing.
 */
let morning: Promise<{ run: Running; seed: Awaited<ReturnType<typeof seedMorning>> }> | undefined
function seededMorning() {
  morning ??= (async () => {
    const run = await startCenter(true)
    const seed = await seedMorning(run)
    await run.center.createUser('boss', 'manager')
    return { run, seed }
  })()
  return morning
}
afterAll(async () => {
  if (morning) await (await morning).run.center.close()
})

async function login(page: Page, run: Running, username: string, password: string, lang: 'ar' | 'en' = 'ar', hash = ''): Promise<void> {
  await page.goto(`${run.url}/dashboard/${lang === 'en' ? '?lang=en' : ''}${hash}`)
  await page.locator('form[data-form="login"] input[name="username"]').fill(username)
  await page.locator('form[data-form="login"] input[name="password"]').fill(password)
  await page.locator('form[data-form="login"] button[data-action="login"]').click()
  await page.locator('main[data-phase="ready"]').waitFor()
}

/** No axe violation of impact serious or critical, one h1, landmarks told apart. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAxeViolations(page), what).toEqual([])
}

/** A laptop's screen, where the services table used to spill out of its card in English. */
const LAPTOP = { width: 1366, height: 768 } as const

const kpi = (page: Page, id: string) => page.locator(`tabour-live-view [data-kpi="${id}"] .value`)

interface LineNow {
  prefix: string
  pastTarget: number
  targetWaitSeconds: number
}

/**
 * The lines past their target, as the screen shows them (a marked row with the count in words, and
 * the alert naming the service), equal to the API's at the same moment (walk 2026-12-06: only the
 * SLA cell moved). Both move as tickets cross their target: compared until one refresh agrees.
 */
async function expectLinesPastTargetShown(page: Page, run: Running, token: string): Promise<void> {
  const apiLines = async () =>
    ((await run.center.request('GET', '/api/v1/stats/today', { token })).json().services as LineNow[])
      .filter((l) => l.pastTarget > 0)
      .map((l) => `${l.prefix}:${l.pastTarget}`)
      .join(' ')
  const shown = (selector: string, attr: string) =>
    page
      .locator(selector)
      .evaluateAll(
        (els, a) =>
          els
            .map(
              (e) =>
                `${e.closest('[data-service]')?.getAttribute('data-service') ?? e.getAttribute(a)}:${e.getAttribute('data-past-target')}`,
            )
            .join(' '),
        attr,
      )
  await expect
    .poll(
      async () => {
        const [api, rows, alert] = await Promise.all([
          apiLines(),
          shown('tabour-live-view tr[data-service][data-past-target]', 'data-service'),
          shown('tabour-past-target-alert li[data-past-target-alert]', 'data-past-target-alert'),
        ])
        return api !== '' && rows === api && alert === api ? 'agree' : `api «${api}» rows «${rows}» alert «${alert}»`
      },
      { timeout: 30_000 },
    )
    .toBe('agree')
  const late = (await run.center.request('GET', '/api/v1/stats/today', { token }))
    .json()
    .services.find((l: LineNow) => l.pastTarget > 0) as LineNow
  const lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'ar'
  expect(await page.locator(`tabour-live-view tr[data-service="${late.prefix}"] [data-col="longest"] .pill`).textContent()).toBe(
    dashboardText('live.pastTarget', lang, { n: late.pastTarget }),
  )
  expect(await page.locator(`tabour-past-target-alert [data-past-target-alert="${late.prefix}"]`).textContent()).toContain(
    dashboardText('live.pastTargetLine', lang, { n: late.pastTarget, minutes: late.targetWaitSeconds / 60 }),
  )
  await page.getByRole('alert', { name: dashboardText('live.pastTargetRegion', lang) }).waitFor()
  // the longest wait and the target read as minutes:seconds, said under the table: «١٥:٠٠» beside the
  // header's clock read as a time of day (walk s45)
  expect(await page.locator(`tabour-live-view tr[data-service="${late.prefix}"] [data-col="target"]`).textContent()).toMatch(/^\S+:00$/)
  expect((await page.locator('tabour-live-view [data-durations-note]').textContent())?.trim()).toMatch(
    lang === 'ar' ? /^المدد بالدقائق والثواني: \S+ تعني \S+ دقيقة$/ : /^Durations are minutes:seconds: 15:00 is 15 minutes$/,
  )
}

/**
 * Each counter's ticket now, as the API has it (counter 1: the seed's last call), with the time of
 * the call; the paused counter 4 says why (a break) and since when, in the console's words.
 */
async function expectCountersNowShown(page: Page, run: Running, token: string, lang: 'ar' | 'en'): Promise<void> {
  const today = (await run.center.request('GET', '/api/v1/stats/today', { token })).json()
  const one = today.counters.find((c: { number: number }) => c.number === 1).current
  expect(one).toMatchObject({ status: 'called' })
  const cell = page.locator('tabour-live-view tr[data-counter="1"] [data-col="now"] [data-current]')
  await expect.poll(() => cell.getAttribute('data-current')).toBe(one.label)
  expect(await cell.getAttribute('data-status')).toBe('called')
  expect(await cell.textContent()).toContain(clockTime(one.since, 'Africa/Cairo', lang, 'western'))
  expect(await cell.locator('.pill').textContent()).toBe(dashboardText('live.nowCalled', lang))
  expect(await cell.locator('[data-now-since]').textContent()).toMatch(lang === 'ar' ? /^منذ .+ \(\d+ د\)$/ : /^since .+ \(\d+ min\)$/)
  const paused = page.locator('tabour-live-view tr[data-counter="4"] [data-pause-reason]')
  expect(await paused.getAttribute('data-pause-reason')).toBe('break')
  expect(await paused.textContent()).toContain(consoleText('ticket.pauseReason', lang, { reason: consoleText('pause.break', lang) }))
  expect(await paused.textContent()).toContain(lang === 'ar' ? 'متوقف مؤقتًا منذ' : 'Paused since')
  // a counter with no ticket now says so with a dash, not an empty cell
  expect(await page.locator('tabour-live-view tr[data-counter="4"] [data-col="now"]').textContent()).toBe('—')
}

describe('manager dashboard', () => {
  it('updates live when a ticket is issued and called, with no reload (and the screenshots)', async () => {
    const { run, seed } = await seededMorning()
    const page = await contexts.page(LANDSCAPE)
    await login(page, run, 'boss', STAFF_PASSWORD, 'ar')
    await kpi(page, 'issued').waitFor()
    const stats = (await run.center.request('GET', '/api/v1/stats/today', { token: seed.admin })).json()
    await expect.poll(() => kpi(page, 'issued').textContent()).toBe(String(stats.totals.issued))
    // each figure may arrive in its own push after the first paint: wait for each to agree with the API
    await expect.poll(() => kpi(page, 'waiting').textContent(), { timeout: 15_000 }).toBe(String(stats.totals.waiting))
    await expect.poll(() => kpi(page, 'served').textContent()).toBe(String(stats.totals.served))
    // the within-target figure says which tickets it covers (calls, misses that left, misses still waiting)
    expect(Number(await page.locator('tabour-live-view [data-kpi="sla"] [data-sla-counted]').getAttribute('data-sla-counted'))).toBe(
      stats.totals.slaCounted,
    )
    // and calls them waits, not tickets: the morning's transferred ticket waited, and counts, twice
    const slaNote = await page.locator('tabour-live-view [data-kpi="sla"] [data-sla-counted]').textContent()
    expect(slaNote).toBe(dashboardText('kpi.slaOf', 'ar', { n: stats.totals.slaCounted }))
    expect(slaNote).not.toMatch(/تذكر/)
    await page.locator('tabour-hour-chart[data-chart="hourly"] canvas').waitFor()
    expect(await page.locator('tabour-live-view tr[data-counter="1"]').textContent()).toContain('أحمد سامي')
    await expectLinesPastTargetShown(page, run, seed.admin)
    // each line's target in its own column (A: 15 min)
    expect(await page.locator('tabour-live-view tr[data-service="A"] [data-col="target"]').textContent()).toBe('15:00')
    await expectCountersNowShown(page, run, seed.admin, 'ar')
    await expect
      .poll(() => page.locator(`tabour-live-view [data-device="${seed.printer.id}"]`).getAttribute('data-health'))
      .toBe('health.paperOut')
    // last seen on the center's clock (Cairo), not the browser's zone (UTC here), in the center's digits
    const seen = ((await run.center.request('GET', '/api/v1/stats/devices', { token: seed.admin })).json() as DeviceHealth[]).filter(
      (d) => d.lastSeenAt,
    )
    expect(seen.length).toBeGreaterThan(0)
    for (const d of seen) {
      // a screen's last call, a stand-alone printer's last answer (protocol/device-verdict.ts lastHeard)
      const heard = lastHeard(d)
      expect(heard, `device ${d.id}`).toMatch(/^\d{4}-/)
      expect(await page.locator(`tabour-live-view [data-device="${d.id}"] [data-seen]`).textContent()).toBe(
        clockTime(heard, 'Africa/Cairo', 'ar', 'western'),
      )
    }
    await page.waitForTimeout(500)
    await screenshot(page, 'dashboard-ar-live', 'dashboard-ar.png')
    await expectAccessible(page, 'live, ar')
    // what a counter serves, in words: counter 1 has the first service twice (was "A×2 B C D")
    expect(await page.locator('tabour-live-view tr[data-counter="1"] [data-col="serves"]').textContent()).toBe(
      'الرقم القومي (انتظارها مضاعف)، شهادات الميلاد، التموين، المرور',
    )
    // no service takes joins from phones here: the card says so and how to turn it on, and offers no poster
    await page.locator('tabour-remote-join-card [data-remote-off]').waitFor()
    expect(await page.locator('tabour-remote-join-card [data-remote-off]').textContent()).toBe(joinText('poster.off', 'ar'))
    expect(await page.locator('tabour-remote-join-card [data-poster-link]').count()).toBe(0)
    // a new minute reads the day's figures again, not the list of joinable services (fixed by the config file)
    const asked: string[] = []
    page.on('request', (r) => asked.push(new URL(r.url()).pathname))
    await page.locator('tabour-remote-join-card').evaluate((card: HTMLElement & { now: number }) => {
      card.now += 60_000
    })
    await expect.poll(() => asked.filter((p) => p.endsWith('/remote/figures')).length).toBeGreaterThan(0)
    expect(asked.filter((p) => p.endsWith('/remote/services'))).toEqual([])

    const en = await contexts.page(LANDSCAPE, { locale: 'en-GB' })
    await login(en, run, 'admin', ADMIN_PASSWORD, 'en')
    await en.locator('tabour-hour-chart[data-chart="hourly"] canvas').waitFor()
    await en.waitForTimeout(500)
    await screenshot(en, 'dashboard-en-live', 'dashboard-en.png')
    // Latin letters and digits fall through Noto Naskh Arabic (Arabic only) to Cairo, not to Naskh's serif Latin
    const naskhLatin = await en.evaluate(() =>
      [...document.fonts].filter((f) => f.family.includes('Naskh') && /U\+0*0-0*FF\b/i.test(f.unicodeRange)).map((f) => f.unicodeRange),
    )
    expect(naskhLatin).toEqual([])
    await expectAccessible(en, 'live, en')
    await expectCountersNowShown(en, run, seed.admin, 'en')
    expect(await en.locator('tabour-live-view tr[data-counter="2"] [data-col="serves"]').textContent()).toBe(
      'National ID, Birth certificates (wait counts double), Ration cards, Traffic licences',
    )
    // at 1366 px the tables scroll inside their cards; nothing spills out of a card or the page
    await en.setViewportSize(LAPTOP)
    // the hour charts redraw their canvases for the narrower cards from a ResizeObserver, a frame or
    // more after the resize: CI (screenshots off, so no screenshot's wait in between) once read the
    // 1920 px charts in the 1366 px cards on a loaded box. What counts is that they settle.
    await expect.poll(() => overflowing(en, 'tabour-live-view .card'), { timeout: 5_000 }).toEqual([])
    await screenshot(en, 'dashboard-en-live-1366', 'dashboard-en-1366.png')
    // and no service name is broken inside a word to fit (the table scrolls in its card instead)
    const brokenWords = await en.locator('tabour-live-view tr[data-service] td:first-child').evaluateAll((cells) =>
      cells.flatMap((td) => {
        const texts: Text[] = []
        const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('.prefix')) texts.push(n as Text)
        return texts.flatMap((text) =>
          [...(text.textContent ?? '').matchAll(/\S+/g)].flatMap((m) => {
            const range = document.createRange()
            range.setStart(text, m.index!)
            range.setEnd(text, m.index! + m[0].length)
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1 ? [m[0]] : []
          }),
        )
      }),
    )
    expect(brokenWords).toEqual([])
    await en.setViewportSize(LANDSCAPE)
    await en.locator('a[data-tab="reports"]').click()
    await en.locator('tabour-reports-view button[data-by="clerk"]').click()
    await en.locator('tabour-reports-view table[data-report="clerk"]').waitFor()
    await screenshot(en, 'dashboard-en-reports', 'dashboard-en-reports.png')
    await expectAccessible(en, 'reports by clerk, en')
    // the grouping is one radio group named "By", the chosen one checked (not a label read as all five names)
    await en.getByRole('radiogroup', { name: 'By' }).getByRole('radio', { name: 'Clerk', checked: true }).waitFor()
    expect(await en.getByRole('radiogroup', { name: 'By' }).getByRole('radio').count()).toBe(5)
    await en.locator('a[data-tab="config"]').click()
    await en.locator('tabour-config-view button[data-section="center"]').click()
    await en.locator('tabour-config-view form[data-form="center"] input[name="nameAr"]').waitFor()
    await screenshot(en, 'dashboard-en-config', 'dashboard-en-config.png')
    await expectAccessible(en, 'configuration, center, en')
    await en.locator('tabour-lang-switch button').click()
    await en.locator('tabour-config-view button[data-section="services"]').click()
    await en.locator('tabour-config-view table[data-table="services"] tr[data-service="A"] button[data-edit]').click()
    await en.waitForTimeout(300)
    await screenshot(en, 'dashboard-ar-config-services', 'dashboard-ar-config.png')
    await expectAccessible(en, 'configuration, services, ar')
    const navigations: string[] = []
    page.on('framenavigated', (f) => navigations.push(f.url()))
    // a ticket issued at the kiosk: waiting and issued go up by one
    const issued = await run.center.issue(seed.kiosk.token, { serviceId: seed.services[2]!.id })
    await expect.poll(() => kpi(page, 'issued').textContent(), { timeout: 15_000 }).toBe(String(stats.totals.issued + 1))
    await expect.poll(() => kpi(page, 'waiting').textContent(), { timeout: 15_000 }).toBe(String(stats.totals.waiting + 1))
    // called and finished at counter 1: served goes up, the line goes down
    const clerk = seed.clerks[0]!
    let called = null
    while (called?.ticket?.id !== issued.id) {
      called = (await run.center.action(clerk.token, clerk.counter.id, 'call-next')).json()
      if (called.ticket?.id !== issued.id) {
        await run.center.action(clerk.token, clerk.counter.id, 'start')
        await run.center.action(clerk.token, clerk.counter.id, 'finish')
      }
    }
    await run.center.action(clerk.token, clerk.counter.id, 'start')
    await run.center.action(clerk.token, clerk.counter.id, 'finish')
    const after = (await run.center.request('GET', '/api/v1/stats/today', { token: seed.admin })).json()
    await expect.poll(() => kpi(page, 'served').textContent(), { timeout: 15_000 }).toBe(String(after.totals.served))
    await expect.poll(() => kpi(page, 'waiting').textContent(), { timeout: 15_000 }).toBe(String(after.totals.waiting))
    expect(navigations).toEqual([])
  }, 240_000)

  it('renders a report for a date range and downloads its CSV with the same numbers', async () => {
    const { run, seed } = await seededMorning()
    const page = await contexts.page(LANDSCAPE, { locale: 'en-GB' })
    await login(page, run, 'boss', STAFF_PASSWORD, 'en', '#reports')
    const today = run.center.app.tabour.queue.ctx.dayOf(run.center.app.tabour.queue.ctx.clock())
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10)
    await page.locator('tabour-reports-view input[name="from"]').fill(from)
    await page.locator('tabour-reports-view input[name="to"]').fill(today)
    await page.locator('tabour-reports-view button[data-by="service"]').click()
    const table = page.locator('tabour-reports-view table[data-report="service"]')
    await table.waitFor()
    const api = (await run.center.request('GET', `/api/v1/stats/report?from=${from}&to=${today}&by=service`, { token: seed.admin })).json()
    const rowA = table.locator('tr[data-key]').filter({ hasText: 'National ID' })
    const cells = await rowA.locator('td').allTextContents()
    const a = api.rows.find((r: { label: string }) => r.label.startsWith('A'))
    expect(cells.slice(1, 6)).toEqual([a.issued, a.called, a.served, a.noShow, a.transferred].map(String))
    expect(await table.locator('tr[data-key="total"] td').nth(1).textContent()).toBe(String(api.totals.issued))
    await expectAccessible(page, 'report by service, en')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('tabour-reports-view button[data-action="csv"]').click(),
    ])
    // the server's file name, with the center's zone; headers in the page's language, the service by code and both names
    expect(download.suggestedFilename()).toBe(`tabour-service-${from}-${today}-Africa_Cairo.csv`)
    const csv = readCsv(readFileSync((await download.path())!, 'utf8'))
    const line = csv.rows.find((r) => r['Service code'] === 'A')!
    expect(line['Service (English)']).toBe('National ID')
    expect([
      line['Tickets issued'],
      line['Tickets called'],
      line['Finishes at counters (any outcome; a visit of 2 steps counts 2)'],
      line['Tickets cancelled'],
    ]).toEqual([a.issued, a.called, a.served, a.cancelled].map(String))
    const total = csv.rows.at(-1)!
    expect([
      total['Service code'],
      total['Tickets issued'],
      total['Tickets called'],
      total['Finishes at counters (any outcome; a visit of 2 steps counts 2)'],
    ]).toEqual(['Total', String(api.totals.issued), String(api.totals.called), String(api.totals.served)])

    const [log] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('tabour-reports-view button[data-action="tickets-csv"]').click(),
    ])
    const logCsv = readCsv(readFileSync((await log.path())!, 'utf8'))
    // every ticket issued in the range (the seeded morning and the baseline has none in tickets)
    expect(logCsv.rows.length).toBe(api.totals.issued - (await baselineIssued(run, from, today)))
    expect(logCsv.header).not.toContain('Phone number')
    expect(logCsv.header).toContain('Issued at (local time)')
    await screenshot(page, 'dashboard-en-report-range')
    // the grouping is one tab stop; the arrow keys move the choice and show that report
    await page.locator('tabour-reports-view button[data-by="service"]').focus()
    await page.keyboard.press('ArrowRight')
    await page.locator('tabour-reports-view table[data-report="counter"]').waitFor()
    expect(await page.locator('tabour-reports-view button[data-by="counter"]').getAttribute('aria-checked')).toBe('true')
    expect(await page.locator('tabour-reports-view [role="radio"][tabindex="0"]').getAttribute('data-by')).toBe('counter')
    // a counter issues nothing: "—" on its rows, not 0 under a total of every issue, and a note says why (walk 2026-12-06)
    const counterIssued = page.locator('tabour-reports-view table[data-report="counter"] tbody td[data-col="col.issued"]')
    expect(await counterIssued.count()).toBeGreaterThan(0)
    expect(new Set(await counterIssued.allTextContents())).toEqual(new Set(['—']))
    expect(await page.locator('tabour-reports-view tfoot td').nth(1).textContent()).not.toBe('—')
    expect(await page.locator('tabour-reports-view p[data-note="by-desk"]').textContent()).toContain('belong to no counter or clerk')
  }, 240_000)

  it('an admin creates a service and a counter; a paired kiosk shows the new service without reload', async () => {
    const run = await startCenter()
    const admin = await run.center.admin()
    const first = await run.center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID' })
    const device = (await run.center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'kiosk', name: 'kiosk 1' } })).json()
    const kiosk = await contexts.page(LANDSCAPE)
    await kiosk.goto(`${run.url}/kiosk/?pair=${device.pairingCode}`)
    await kiosk.locator(`tabour-service-grid button[data-service-id="${first.id}"]`).waitFor()

    const page = await contexts.page(LANDSCAPE)
    await login(page, run, 'admin', ADMIN_PASSWORD, 'ar', '#config')
    const form = page.locator('tabour-config-view form[data-form="services"]')
    await form.waitFor()
    // the server's 400 is shown under the field it names, in the screen's language (issue 15: not the server's English)
    await form.locator('input[name="prefix"]').fill('1x')
    await form.locator('input[name="nameAr"]').fill('جوازات السفر')
    await form.locator('input[name="nameEn"]').fill('Passports')
    await form.locator('button[data-action="save"]').click()
    await expect
      .poll(() => form.locator('[data-field-error="prefix"]').textContent())
      .toBe(
        fieldErrorText(
          { code: 'TABOUR_ERR_VALIDATION', detail: { field: 'prefix', reason: 'pattern' } },
          configText('f.prefix', 'ar'),
          'ar',
        ),
      )
    await form.locator('input[name="prefix"]').fill('P')
    await form.locator('button[data-action="save"]').click()
    await page.locator('tabour-config-view table[data-table="services"] tr[data-service="P"]').waitFor()
    const created = (await run.center.request('GET', '/api/v1/services', { token: admin }))
      .json()
      .find((s: { prefix: string }) => s.prefix === 'P')
    expect(created).toMatchObject({ nameAr: 'جوازات السفر', nameEn: 'Passports', targetWaitSeconds: 900 })

    await page.locator('tabour-config-view button[data-section="counters"]').click()
    const cform = page.locator('tabour-config-view form[data-form="counters"]')
    await cform.locator('input[name="name"]').fill('شباك الجوازات')
    await cform.locator(`input[name="w${created.id}"]`).fill('2')
    await cform.locator(`input[name="w${first.id}"]`).fill('0')
    await cform.locator('button[data-action="save"]').click()
    await page.locator('tabour-config-view table[data-table="counters"] tr[data-counter="1"]').waitFor()
    const counter = (await run.center.request('GET', '/api/v1/counters', { token: admin })).json()[0]
    expect(counter.services).toEqual(
      expect.arrayContaining([
        { serviceId: created.id, weight: 2 },
        { serviceId: first.id, weight: 0 },
      ]),
    )

    // the kiosk, paired before, shows the new service without a reload: greyed while no counter
    // serving it is open (the new counter is closed), on sale once one opens
    const navigations: string[] = []
    kiosk.on('framenavigated', (f) => navigations.push(f.url()))
    const tile = kiosk.locator(`tabour-service-grid button[data-service-id="${created.id}"]`)
    await tile.locator('[data-unstaffed="true"]').waitFor({ timeout: 15_000 })
    expect(await tile.isDisabled()).toBe(true)
    expect(navigations).toEqual([])

    // audited with the actor
    const audit = (await run.center.request('GET', '/api/v1/settings/audit', { token: admin })).json()
    expect(audit.slice(0, 2).map((e: { route: string; username: string }) => `${e.route} ${e.username}`)).toEqual([
      '/counters admin',
      '/services admin',
    ])
    // a clerk opens the counter: the service goes on sale on the kiosk at once
    await run.center.openCounterAs('passport-clerk', counter.id)
    await kiosk.locator(`tabour-service-grid button[data-service-id="${created.id}"][data-available="true"]`).waitFor()
    await screenshot(page, 'dashboard-ar-config-counters')

    // the change log says each change as a sentence in the page's language and who made it (the
    // walk of 2026-12-06 read `POST /devices/pair {"pairingCode":"***"}` by «—»); the request stays folded under it
    await page.locator('tabour-config-view button[data-section="center"]').click()
    const said = async (command: string) => {
      const row = page.locator(`tabour-center-config table[data-table="audit"] tr[data-command="${command}"]`).first()
      await row.waitFor()
      const texts = [await row.locator('[data-who]').textContent(), await row.locator('[data-sentence]').textContent()]
      return texts.map((t) => t!.replace(/[\u2068\u2069]/g, '').trim())
    }
    expect(await said('counter.create')).toEqual(['admin', 'أُضيف الشباك «شباك الجوازات»'])
    expect(await said('service.create')).toEqual(['admin', 'أُضيفت الخدمة «جوازات السفر»'])
    expect(await said('device.pair')).toEqual(['الجهاز «kiosk 1»', 'رُبط الجهاز «kiosk 1»'])
    const request = page.locator('tabour-center-config tr[data-command="device.pair"] [data-request]').first()
    expect(await request.isVisible()).toBe(false)
    await page.locator('tabour-center-config tr[data-command="device.pair"] summary').first().click()
    expect(await request.textContent()).toBe('POST /devices/pair {"pairingCode":"***"}')
    expect(await seriousAxeViolations(page)).toEqual([])
  }, 240_000)

  it('a manager configures only what the API lets a manager change (the news line, the finish outcomes); the rest is hidden and answers 403', async () => {
    const run = await startCenter()
    const manager = (await run.center.createUser('boss', 'manager')).token
    const page = await contexts.page(LANDSCAPE)
    // every answer the manager's screens get: not one refusal after a click (walk 2026-12-06 item 6)
    const refused: string[] = []
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(`${r.request().method()} ${new URL(r.url()).pathname}`)
    })
    await login(page, run, 'boss', STAFF_PASSWORD, 'ar')
    await page.locator('tabour-live-view').waitFor()
    // a center with no ticket yet: the charts say so in words rather than drawing fractional axes
    for (const chart of ['hourly', 'wait', 'per-service']) {
      await page.locator(`tabour-hour-chart[data-chart="${chart}"] [data-empty]`).getByText('لا توجد تذاكر بعد اليوم').waitFor()
    }
    await expectAccessible(page, 'live, no ticket yet, ar')
    // the first ticket: whole hours and whole tickets on the axes (uPlot picked 7.5:00 and 0.3 before)
    const service = await run.center.createService({ prefix: 'A' })
    const kiosk = (await run.center.createDevice('kiosk')).token
    await run.center.issue(kiosk, { serviceId: service.id })
    const hourly = page.locator('tabour-hour-chart[data-chart="hourly"]')
    await hourly.locator('canvas').waitFor()
    const ticks = async (axis: 'x' | 'y') => ((await hourly.getAttribute(`data-${axis}-ticks`)) ?? '').split(' ')
    expect((await ticks('x')).length).toBeGreaterThan(2)
    // whole hours, written as the page writes a time (12-hour, its digits: «6:00 ص»)
    for (const t of await ticks('x')) expect(t).toMatch(/^\d{1,2}:00\s[صم]$/u)
    expect(await ticks('y')).toContain('1')
    for (const t of await ticks('y')) expect(t).toMatch(/^\d+$/)
    expect(await page.locator('a[data-tab]').evaluateAll((as) => as.map((a) => a.getAttribute('data-tab')))).toEqual([
      'live',
      'reports',
      'config',
    ])
    await page.locator('a[data-tab="config"]').click()
    // one section, the news line and the finish outcomes: no center settings, no change log, no other section
    const config = page.locator('tabour-config-view')
    await config.locator('form[data-form="center"] input[name="newsAr"]').waitFor()
    expect(await config.locator('nav button[data-section]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-section')))).toEqual([
      'news',
    ])
    expect(await config.locator('form[data-form="center"] [name="nameAr"], form[data-form="center"] [name="callPolicy"]').count()).toBe(0)
    expect(await config.locator('table[data-table="audit"]').count()).toBe(0)
    expect(await config.locator('form[data-form="center"] h2').textContent()).toBe(configText('config.newsLine', 'ar'))
    await config.locator('tabour-finish-outcomes-config ol[data-list="finish-outcomes"]').waitFor()
    await expectAccessible(page, 'configuration, manager, ar')
    await screenshot(page, 'dashboard-ar-config-manager')
    // the news line saved by the manager reaches the center
    await config.locator('form[data-form="center"] input[name="newsAr"]').fill('المركز يعمل حتى الثالثة اليوم')
    await config.locator('form[data-form="center"] button[data-action="save"]').click()
    await expect
      .poll(async () => (await run.center.request('GET', '/api/v1/center/news', { token: manager })).json().ar)
      .toBe('المركز يعمل حتى الثالثة اليوم')
    // and so do the finish outcomes: "referred" renamed in Arabic
    await page.locator('tabour-finish-outcomes-config li[data-code="referred"] input[name$="/nameAr"]').fill('أُحيل إلى جهة أخرى')
    await page.locator('tabour-finish-outcomes-config [data-action="save"]').click()
    await expect
      .poll(
        async () =>
          (await run.center.request('GET', '/api/v1/center/finish-outcomes', { token: manager }))
            .json()
            .outcomes.find((o: { code: string }) => o.code === 'referred')?.nameAr,
      )
      .toBe('أُحيل إلى جهة أخرى')
    // the hours editor stays an admin's (its writes are): no tab, and its hash opens the live view
    await page.goto(`${run.url}/dashboard/#hours`)
    await page.locator('tabour-live-view').waitFor()
    expect(await page.locator('tabour-hours-view').count()).toBe(0)
    expect(refused).toEqual([])
    for (const [method, url, body] of [
      ['POST', '/api/v1/services', { prefix: 'Z', nameAr: 'ز', nameEn: 'Z', targetWaitSeconds: 60 }],
      ['POST', '/api/v1/counters', { number: 9, name: 'x' }],
      ['POST', '/api/v1/users', { username: 'eve', password: 'password123', role: 'admin' }],
      ['POST', '/api/v1/devices', { kind: 'kiosk', name: 'k' }],
      ['PUT', '/api/v1/settings', { callPolicy: 'sla' }],
      ['GET', '/api/v1/settings/audit', undefined],
    ] as const) {
      const res = await run.center.request(method, url, { token: manager, body })
      expect(res.statusCode, `${method} ${url}`).toBe(403)
    }
    // a clerk cannot use the dashboard at all
    await run.center.createUser('clerk1')
    const clerkPage = await contexts.page(LANDSCAPE)
    await clerkPage.goto(`${run.url}/dashboard/`)
    await clerkPage.locator('form[data-form="login"] input[name="username"]').fill('clerk1')
    await clerkPage.locator('form[data-form="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await clerkPage.locator('form[data-form="login"] button[data-action="login"]').click()
    await clerkPage.locator('[data-login-error="login.notManager"]').waitFor()
    // the refused password does not wait in its field for the next person; the name stays (walk s52)
    await expect.poll(() => clerkPage.locator('form[data-form="login"] input[name="password"]').inputValue()).toBe('')
    expect(await clerkPage.locator('form[data-form="login"] input[name="username"]').inputValue()).toBe('clerk1')
    await expectAccessible(clerkPage, 'login refused, ar')
  }, 180_000)
})

/** Issued events of the baseline weeks (event rows without tickets) inside from..to. */
async function baselineIssued(run: Running, from: string, to: string): Promise<number> {
  const db = run.center.app.tabour.db
  return (
    db
      .prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.issued' AND ticket_id LIKE 'baseline-%' AND day BETWEEN ? AND ?")
      .get(from, to) as { n: number }
  ).n
}
