import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { STAFF_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { LANDSCAPE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 14, item 4, as a person would see it, in real Chromium against a real center: a service
 * assigned to no counter is not offered; the only counter of a service closes and the kiosk stops
 * offering it at once; with every counter closed nothing says "less than a minute" (kiosk
 * confirmation, status page); the clerk logging out is asked to close or pause the counter, and
 * closing closes it; a console that goes away shows as away on the dashboard after
 * queue.awayAfterSeconds (1 s here) and a manager closes the counter. Screenshots go to
 * test-results/staffing/ (and TABOUR_SHOTS_DIR when set).
 */

const SHOTS = join(ROOT, 'test-results', 'staffing')
const EXTRA_SHOTS = process.env.TABOUR_SHOTS_DIR
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

const LESS_THAN_A_MINUTE = /less than a minute|أقل من دقيقة/

async function startCenter() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-staffing-e2e-'))
  return listeningCenter({ config: { dataDir, uiDir: suite.uiDir, queue: { awayAfterSeconds: 1 } } }, cleanups)
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
  if (EXTRA_SHOTS) {
    mkdirSync(EXTRA_SHOTS, { recursive: true })
    await page.screenshot({ path: join(EXTRA_SHOTS, `${name}.png`) })
  }
}

const card = (page: Page, serviceId: number) => page.locator(`tabour-service-grid button[data-service-id="${serviceId}"]`)
const availability = (page: Page, serviceId: number) => card(page, serviceId).getAttribute('data-available')

async function waitAvailable(page: Page, serviceId: number, available: boolean): Promise<void> {
  await page.locator(`tabour-service-grid button[data-service-id="${serviceId}"][data-available="${available}"]`).waitFor()
}

async function consoleLogin(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/counter/?lang=en`)
  await page.locator('main[data-phase="login"] input[name="username"]').fill(username)
  await page.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
  await page.locator('main[data-phase="login"] [data-action="login"]').click()
  await page.locator('main[data-phase="choose"], main[data-phase="console"]').waitFor()
}

async function openCounter(page: Page, counterId: number): Promise<void> {
  await page.locator(`tabour-counter-chooser [data-counter-id="${counterId}"] [data-action="open"]`).click()
  await page.locator('main[data-phase="console"]').waitFor()
}

describe('a service is on sale only when someone can serve it', () => {
  it('kiosk, console and dashboard tell the truth about who serves what', { timeout: 180_000 }, async () => {
    const { center, url } = await startCenter()
    const idCard = await center.createService({
      prefix: 'A',
      nameAr: 'بطاقة الرقم القومي',
      nameEn: 'National ID card',
      whenUnstaffed: 'not-offered',
    })
    const nobody = await center.createService({
      prefix: 'B',
      nameAr: 'الشهر العقاري',
      nameEn: 'Real estate registration',
      whenUnstaffed: 'not-offered',
    })
    const rations = await center.createService({
      prefix: 'C',
      nameAr: 'بطاقات التموين',
      nameEn: 'Ration cards',
      whenUnstaffed: 'offer-without-estimate',
    })
    const counter = await center.createCounter({ number: 1, name: 'Window 1', serviceIds: [idCard.id, rations.id] })
    await center.createUser('clerk1')
    await center.createUser('manager', 'manager')
    const kioskDevice = (
      await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'kiosk' } })
    ).json()

    // the kiosk, every counter closed: nothing that needs a counter is offered
    const kiosk = await contexts.page(PORTRAIT)
    await kiosk.goto(`${url}/kiosk/?pair=${kioskDevice.pairingCode}`)
    await card(kiosk, idCard.id).waitFor()
    expect(await availability(kiosk, idCard.id)).toBe('false')
    expect(await availability(kiosk, nobody.id)).toBe('false')
    await expect(card(kiosk, nobody.id).textContent()).resolves.toContain('لا يوجد شباك يعمل لهذه الخدمة الآن')

    // the clerk opens the counter: A is on sale at once, B (assigned to no counter) still is not
    const desk = await contexts.page(LANDSCAPE)
    await consoleLogin(desk, url, 'clerk1')
    await openCounter(desk, counter.id)
    await waitAvailable(kiosk, idCard.id, true)
    expect(await availability(kiosk, nobody.id)).toBe('false')
    expect(await availability(kiosk, rations.id)).toBe('true')
    await screenshot(kiosk, 'kiosk-ar-one-unstaffed')
    // the kiosk is public: no axe violation of impact moderate or worse; staff screens: none serious
    expect(await seriousAxeViolations(kiosk, 'moderate'), 'kiosk, one service unstaffed, ar').toEqual([])
    await kiosk.locator('tabour-lang-switch button').click()
    await expect(card(kiosk, nobody.id).textContent()).resolves.toContain('No counter is serving this service now')
    await screenshot(kiosk, 'kiosk-en-one-unstaffed')
    expect(await seriousAxeViolations(kiosk, 'moderate'), 'kiosk, one service unstaffed, en').toEqual([])

    // logging out asks: close, pause or cancel; cancel keeps everything, close closes the counter
    await desk.locator('header [data-action="logout"]').click()
    const ask = desk.locator('tabour-logout-dialog [data-dialog="logout"]')
    await ask.waitFor()
    await expect(ask.locator('[data-choice]').evaluateAll((b) => b.map((x) => x.getAttribute('data-choice')))).resolves.toEqual([
      'close',
      'pause',
      'cancel',
    ])
    await screenshot(desk, 'console-logout-dialog')
    expect(await seriousAxeViolations(desk), 'console logout dialog, en').toEqual([])
    await ask.locator('[data-choice="cancel"]').click()
    await ask.waitFor({ state: 'detached' })
    expect((await center.request('GET', `/api/v1/counters/${counter.id}`, { token: await center.admin() })).json().state).toBe('open')
    await desk.locator('header [data-action="logout"]').click()
    await ask.locator('[data-choice="close"]').click()
    await desk.locator('main[data-phase="login"]').waitFor()
    expect((await center.request('GET', `/api/v1/counters/${counter.id}`, { token: await center.admin() })).json()).toMatchObject({
      state: 'closed',
      clerk: null,
    })

    // its only counter closed: the kiosk stops offering A, live
    await waitAvailable(kiosk, idCard.id, false)
    await expect(card(kiosk, rations.id).textContent()).resolves.toContain('No counter is serving now, you may wait')
    await expect(card(kiosk, rations.id).textContent()).resolves.not.toMatch(LESS_THAN_A_MINUTE)

    // every counter closed, the first ticket of C: no "less than a minute" on the kiosk or the status page
    await card(kiosk, rations.id).click()
    const confirmation = kiosk.locator('tabour-ticket-confirmation')
    await confirmation.locator('[data-ticket-label]').waitFor()
    const shown = await confirmation.evaluate((el) => el.shadowRoot?.textContent ?? '')
    expect(shown).not.toMatch(LESS_THAN_A_MINUTE)
    await expect(confirmation.locator('[data-wait]').getAttribute('data-wait')).resolves.toBe('unknown')
    expect(shown).toContain('unknown, no counter is serving now')
    // the citizen taps "done", as one does: the kiosk is home again at once, not after its 30 s idle
    // (the checks of the home screen below would otherwise wait on that timer, and race their own timeout)
    await confirmation.locator('[data-action="done"]').click()
    await card(kiosk, idCard.id).waitFor()
    const ticketId = (await center.request('GET', '/api/v1/tickets', { token: await center.admin() })).json()[0].id
    const status = await contexts.page({ width: 390, height: 844 })
    await status.goto(`${url}/t/${ticketId}?lang=en`)
    await status.locator('[data-wait]').waitFor()
    expect(await status.locator('[data-wait]').getAttribute('data-wait')).toBe('unknown')
    expect(await status.locator('body').textContent()).not.toMatch(LESS_THAN_A_MINUTE)
    expect(await seriousAxeViolations(status, 'moderate'), 'status page, wait unknown, en').toEqual([])

    // the clerk comes back, opens the counter, then the console goes away (the tab is closed)
    const dashboard = await contexts.page(LANDSCAPE)
    await dashboard.goto(`${url}/dashboard/?lang=en`)
    await dashboard.locator('form[data-form="login"] input[name="username"]').fill('manager')
    await dashboard.locator('form[data-form="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await dashboard.locator('form[data-form="login"] button[data-action="login"]').click()
    await dashboard.locator('main[data-phase="ready"]').waitFor()
    await consoleLogin(desk, url, 'clerk1')
    await openCounter(desk, counter.id)
    await waitAvailable(kiosk, idCard.id, true)
    await desk.close()
    const row = dashboard.locator(`tabour-live-view tr[data-counter="${counter.number}"]`)
    await row.locator('[data-away="true"]').waitFor({ timeout: 10_000 })
    // since when, as a paused row says (walk s54)
    await row
      .locator('[data-away-since]')
      .getByText(/^since \d{1,2}:\d{2}\s?[AP]M \(\d+ min\)$/)
      .waitFor()
    // away: it no longer staffs A
    await waitAvailable(kiosk, idCard.id, false)
    await screenshot(dashboard, 'dashboard-away-counter')
    expect(await seriousAxeViolations(dashboard), 'dashboard with an away counter, en').toEqual([])
    await row.locator('[data-action="close-away"]').click()
    await row.locator('[data-action="confirm-close-away"]').click()
    await row.locator('[data-state="closed"]').waitFor()
    expect(await row.locator('[data-away]').count()).toBe(0)
    // the C ticket still waits and no counter serves C now: the live view says so, in both languages
    const unserved = dashboard.locator('tabour-live-view [data-unserved-service="C"]')
    await unserved.waitFor()
    expect(await unserved.getAttribute('data-waiting')).toBe('1')
    expect(await unserved.textContent()).toContain('1 ticket waits: no counter is serving this service now')
    expect(await dashboard.locator('tabour-live-view [data-unserved-service="A"]').count()).toBe(0)
    await screenshot(dashboard, 'dashboard-unserved')
    expect(await seriousAxeViolations(dashboard), 'dashboard with a line nobody serves, en').toEqual([])
    const closedBy = center.app.tabour.queue.ctx.db
      .prepare(`SELECT data FROM events WHERE counter_id = ? AND type = 'counter.closed' ORDER BY id DESC LIMIT 1`)
      .get(counter.id) as { data: string }
    expect(JSON.parse(closedBy.data)).toMatchObject({ by: 'manager', reason: 'away' })
  })
})
