import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { daytimeShiftMs, STAFF_PASSWORD, type TestCenter, type TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { overflowing } from './layout.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { dashboardText } from '../../protocol/messages/dashboard.ts'

/**
 * The clerk's counter console in real headless Chromium against a real center on loopback:
 * login, choosing and opening a counter, the whole cycle of a ticket through the buttons and
 * through the keyboard, transfers showing up in the other line, one counter per clerk (live,
 * in a race, and across a manager's takeover), the server going away and back, and a session
 * that ends while a ticket is at the counter. Screenshots go to test-results/counter/; with
 * UPDATE_SCREENSHOTS=1 four of them also refresh docs/screenshots/counter-*.png.
 */

const SHOTS = join(ROOT, 'test-results', 'counter')
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots')
const DESK = { width: 1366, height: 768 } as const

interface Running {
  center: TestCenter
  url: string
  port: number
}

const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

/** A server clock `behindMs` behind the real one (the browser's), so tickets can look issued minutes ago. */
/** A server clock `behind.ms` behind local daytime (see daytimeShiftMs), so the morning a test plays never crosses midnight. */
function clockBehind(behind: { ms: number }): TestClock {
  const shift = daytimeShiftMs()
  return { fn: () => Date.now() + shift - behind.ms } as TestClock
}

async function startCenter(dataDir: string, port = 0, clock?: TestClock): Promise<Running> {
  return listeningCenter({ config: { dataDir, uiDir: suite.uiDir, queue: { policy: 'priority' } }, clock, port })
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

/** No axe violation of impact serious or critical, one h1, landmarks told apart. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAxeViolations(page), what).toEqual([])
}

const button = (page: Page, action: string) => page.locator(`tabour-action-bar button[data-action="${action}"]`)
const dialog = (page: Page, kind: string) => page.locator(`tabour-console-dialog form[data-dialog="${kind}"]`)

async function login(page: Page, run: Running, username: string, lang: 'ar' | 'en' = 'ar'): Promise<void> {
  await page.goto(`${run.url}/counter/${lang === 'en' ? '?lang=en' : ''}`)
  await page.locator('main[data-phase="login"] input[name="username"]').fill(username)
  await page.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
  await page.locator('main[data-phase="login"] [data-action="login"]').click()
  // the chooser, or straight to the counter the clerk already holds
  await page.locator('main[data-phase="choose"], main[data-phase="console"]').waitFor()
}

async function openCounter(page: Page, counterId: number): Promise<void> {
  await page.locator(`tabour-counter-chooser [data-counter-id="${counterId}"] [data-action="open"]`).click()
  await page.locator('main[data-phase="console"]').waitFor()
}

/**
 * Presses a shortcut once the console is free: a push can show an action's result before its HTTP
 * answer is in, and the console (rightly) ignores keys while a request is in flight.
 */
async function pressKey(page: Page, code: string): Promise<void> {
  // the whole toolbar, not one button: a push may have removed the button whose request is still in flight
  await page.locator('tabour-action-bar [role="toolbar"][aria-busy="true"]').waitFor({ state: 'detached' })
  await page.keyboard.press(code)
}

/** The label on screen once it is `label` (or no ticket when null). */
async function expectCurrent(page: Page, label: string | null): Promise<void> {
  if (label === null) await page.locator('tabour-current-ticket [data-current="none"]').waitFor()
  else await page.locator(`tabour-current-ticket [data-current-label="${label}"]`).waitFor()
}

async function actionsShown(page: Page): Promise<string[]> {
  await page.locator('tabour-action-bar button').first().waitFor()
  return page.locator('tabour-action-bar button').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')!))
}

function db(run: Running) {
  return run.center.app.tabour.db
}

function ticketRow(
  run: Running,
  label: string,
): { id: string; status: string; outcome: string | null; counter_id: number | null; service_id: number } {
  return db(run)
    .prepare('SELECT id, status, outcome, counter_id, service_id FROM tickets WHERE label = ? ORDER BY issued_at DESC LIMIT 1')
    .get(label) as never
}

describe('the counter console', { timeout: 180_000 }, () => {
  let run: Running
  let dataDir: string
  const svc: Record<string, number> = {}
  const ctr: Record<number, number> = {}
  let kiosk: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-counter-'))
    run = await startCenter(dataDir)
    svc.A = (
      await run.center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card', targetWaitSeconds: 900 })
    ).id
    svc.B = (
      await run.center.createService({
        prefix: 'B',
        nameAr: 'شهادات الميلاد والوفاة',
        nameEn: 'Birth and death certificates',
        targetWaitSeconds: 900,
      })
    ).id
    svc.C = (
      await run.center.createService({
        prefix: 'C',
        nameAr: 'رخص القيادة والمرور',
        nameEn: 'Driving and traffic licences',
        targetWaitSeconds: 900,
      })
    ).id
    ctr[1] = (await run.center.createCounter({ number: 1, name: 'الشباك الأول', serviceIds: [svc.A, svc.B] })).id
    ctr[2] = (await run.center.createCounter({ number: 2, name: 'الشباك الثاني', serviceIds: [svc.B] })).id
    ctr[3] = (await run.center.createCounter({ number: 3, name: 'الشباك الثالث', serviceIds: [svc.C] })).id
    ctr[4] = (await run.center.createCounter({ number: 4, name: 'الشباك الرابع', serviceIds: [svc.C] })).id
    for (const name of ['clerk1', 'clerk2', 'clerk3', 'clerk4', 'clerk5']) await run.center.createUser(name)
    await run.center.createUser('manager', 'manager')
    kiosk = (await run.center.createDevice('kiosk')).token
  })

  afterAll(async () => {
    await run?.center.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves tickets with the buttons: call next by policy, recall, start, finish with an outcome, no-show, transfer; one call per double click', async () => {
    const page = await contexts.page(DESK)
    await page.goto(`${run.url}/counter/`)
    await page.locator('main[data-phase="login"] input[name="username"]').waitFor()
    await expectAccessible(page, 'login, ar')
    // a wrong password is refused and does not wait in its field on the shared PC; the name stays (walk s52)
    await page.locator('main[data-phase="login"] input[name="username"]').fill('clerk1')
    await page.locator('main[data-phase="login"] input[name="password"]').fill('not-the-password')
    await page.locator('main[data-phase="login"] [data-action="login"]').click()
    await page.locator('main[data-phase="login"] [data-error]').waitFor()
    await expect.poll(() => page.locator('main[data-phase="login"] input[name="password"]').inputValue()).toBe('')
    expect(await page.locator('main[data-phase="login"] input[name="username"]').inputValue()).toBe('clerk1')
    await login(page, run, 'clerk1')
    await expectAccessible(page, 'choose a counter, ar')
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    // the session lives in sessionStorage (closing the browser logs out), never in localStorage
    expect(await page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith('tabour:counter-session')))).toBe(true)
    expect(await page.evaluate(() => localStorage.length)).toBe(0)
    await openCounter(page, ctr[1])
    await expectCurrent(page, null)
    expect(await actionsShown(page)).toEqual(['call_next', 'call_ticket', 'pause', 'issue', 'close'])

    // an ordinary ticket, then a priority one: the priority policy calls the priority one first
    const a1 = await run.center.issue(kiosk, { serviceId: svc.A })
    const b1 = await run.center.issue(kiosk, { serviceId: svc.B, priority: 'elderly' })
    await page
      .locator(`tabour-queue-panel [data-queue-service="${svc.B}"] [data-next-label="${b1.label}"][data-priority="elderly"]`)
      .waitFor()
    await page.locator(`tabour-queue-panel [data-queue-service="${svc.A}"] [data-next-label="${a1.label}"]`).waitFor()

    await button(page, 'call_next').click()
    await expectCurrent(page, b1.label)
    await page.locator('tabour-current-ticket [data-priority="elderly"]').waitFor()
    expect(await actionsShown(page)).toEqual(['start', 'recall', 'no_show', 'transfer', 'issue'])
    // the called ticket leaves the line on screen
    await page.locator(`tabour-queue-panel [data-next-label="${b1.label}"]`).waitFor({ state: 'detached' })

    await button(page, 'recall').click()
    await page.locator('tabour-current-ticket [data-recalls]').filter({ hasText: '1' }).waitFor()
    await button(page, 'start').click()
    await page.locator('tabour-current-ticket [data-ticket-status="serving"]').waitFor()
    expect(await actionsShown(page)).toEqual(['finish', 'transfer', 'issue'])

    await button(page, 'finish').click()
    await dialog(page, 'finish').waitFor()
    await page.locator('tabour-console-dialog [data-outcome="referred"]').check()
    await page.locator('tabour-console-dialog textarea[name="note"]').fill('إلى مكتب السجل المدني')
    await expectAccessible(page, 'finish dialog, ar')
    await page.locator('tabour-console-dialog [data-action="confirm"]').click()
    await expectCurrent(page, null)
    expect(ticketRow(run, b1.label)).toMatchObject({ status: 'done', outcome: 'referred' })
    await page.locator('tabour-my-day [data-served]').filter({ hasText: '1' }).waitFor()
    // a referral is finished, not served: the figure says what it counts
    expect(await page.locator('tabour-my-day dt').allTextContents()).toEqual(['أُنهيت', 'لم يحضروا', 'متوسط المدة من النداء إلى الإنهاء'])

    await button(page, 'call_next').click()
    await expectCurrent(page, a1.label)
    await button(page, 'no_show').click()
    await dialog(page, 'confirm').waitFor()
    await expectAccessible(page, 'confirm dialog, ar')
    await page.locator('tabour-console-dialog [data-action="confirm"]').click()
    await expectCurrent(page, null)
    expect(ticketRow(run, a1.label).status).toBe('no_show')
    await page.locator('tabour-my-day [data-no-show]').filter({ hasText: '1' }).waitFor()

    // transfer to another service: the ticket shows up in that line, keeping its label
    const a2 = await run.center.issue(kiosk, { serviceId: svc.A })
    await button(page, 'call_next').click()
    await expectCurrent(page, a2.label)
    // called from the line it was issued in: "issue to call" is its wait, said once
    expect(await page.locator('tabour-current-ticket [data-waited-in-line]').count()).toBe(0)
    await button(page, 'transfer').click()
    // C is served only by counters 3 and 4, both closed: marked, and choosing it warns before the confirm
    const dlg = page.locator('tabour-console-dialog')
    await dlg.locator(`[data-target-service="${svc.C}"]`).check()
    await dlg.locator('[data-transfer-warning="service-unstaffed"]').waitFor()
    expect(
      await dlg
        .locator('label', { has: page.locator(`[data-target-service="${svc.C}"]`) })
        .locator('[data-unstaffed]')
        .count(),
    ).toBe(1)
    expect(
      await dlg
        .locator('label', { has: page.locator(`[data-target-service="${svc.B}"]`) })
        .locator('[data-unstaffed]')
        .count(),
    ).toBe(0)
    expect(await dlg.locator(`label:has([data-target-counter="${ctr[3]}"]) [data-closed]`).count()).toBe(1)
    await expectAccessible(page, 'transfer dialog with a warning, ar')
    await dlg.locator(`[data-target-service="${svc.B}"]`).check()
    await dlg.locator('[data-transfer-warning]').waitFor({ state: 'detached' })
    await page.locator('tabour-console-dialog [data-action="confirm"]').click()
    await expectCurrent(page, null)
    await page.locator(`tabour-queue-panel [data-queue-service="${svc.B}"] [data-next-label="${a2.label}"]`).waitFor()
    expect(ticketRow(run, a2.label)).toMatchObject({ status: 'waiting', service_id: svc.B })

    // a double click calls once: the button waits for the answer
    const a3 = await run.center.issue(kiosk, { serviceId: svc.A })
    const calls: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/call-next')) calls.push(r.url())
    })
    await button(page, 'call_next').dblclick()
    await expectCurrent(page, a2.label)
    // called again from B's line: beside "issue to call", its wait in this line since the transfer (walk s45)
    await page.locator('tabour-current-ticket [data-waited-in-line]').waitFor()
    await page.waitForTimeout(300)
    expect(calls).toHaveLength(1)
    expect(ticketRow(run, a3.label).status).toBe('waiting')
    await screenshot(page, 'counter-ar-desk-called')
    await expectAccessible(page, 'console with a called ticket, ar')
  })

  it('works from the keyboard: every action has its key, destructive ones confirm, keys wait inside dialogs', async () => {
    const page = await contexts.page(LANDSCAPE, { locale: 'en-US' })
    await login(page, run, 'clerk2', 'en')
    await openCounter(page, ctr[2])
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr')
    const b = await run.center.issue(kiosk, { serviceId: svc.B })
    await page.locator(`tabour-queue-panel [data-next-label="${b.label}"]`).waitFor()
    // each button shows its key
    expect(await button(page, 'call_next').locator('kbd').textContent()).toBe('N')

    // the Arabic layout types "ى" on the N key: shortcuts follow the physical key
    await pressKey(page, 'KeyN')
    await expectCurrent(page, b.label)
    await pressKey(page, 'KeyR')
    await page.locator('tabour-current-ticket [data-recalls]').filter({ hasText: '1' }).waitFor()
    // X asks first; Esc keeps the ticket
    await pressKey(page, 'KeyX')
    await dialog(page, 'confirm').waitFor()
    await pressKey(page, 'KeyS') // ignored: a dialog is open
    await page.keyboard.press('Escape')
    await dialog(page, 'confirm').waitFor({ state: 'detached' })
    expect(ticketRow(run, b.label).status).toBe('called')

    await pressKey(page, 'KeyS')
    await page.locator('tabour-current-ticket [data-ticket-status="serving"]').waitFor()
    await pressKey(page, 'KeyF')
    await dialog(page, 'finish').waitFor()
    await page.keyboard.press('Digit3') // the third outcome: incomplete papers
    await page.keyboard.press('Enter')
    await expectCurrent(page, null)
    expect(ticketRow(run, b.label)).toMatchObject({ status: 'done', outcome: 'incomplete_papers' })

    // nobody waits: N says so
    await pressKey(page, 'KeyN')
    await page.locator('[data-notice="nobody.waiting"]').waitFor()

    // I issues a walk-in ticket at reception; C calls it by its label
    await pressKey(page, 'KeyI')
    await dialog(page, 'issue').waitFor()
    // C, which no open counter serves, is not greyed out as on the kiosk: staff may issue it, and it says why nobody calls it now (walk s54)
    const issueC = page.locator(`[data-issue-service="${svc.C}"]`)
    expect(await page.locator('tabour-console-dialog').locator(issueC).isDisabled()).toBe(false)
    await page
      .locator('tabour-console-dialog label', { has: issueC })
      .locator('[data-issue-mark="transfer.unstaffedService"]')
      .getByText('no counter is serving it now')
      .waitFor()
    await page.locator(`tabour-console-dialog [data-issue-service="${svc.B}"]`).check()
    await page.locator('tabour-console-dialog [data-issue-priority]').selectOption('pregnant')
    await expectAccessible(page, 'walk-in dialog, en')
    await page.keyboard.press('Enter')
    await page.locator('[data-notice="issue.done"]').waitFor()
    // the whole ticket is on screen (no printer at this counter); Escape puts it away
    await page.locator('tabour-walk-in-ticket [data-walk-in][data-printing="none"]').waitFor()
    await expectAccessible(page, 'walk-in ticket on screen, en')
    await page.keyboard.press('Escape')
    await page.locator('tabour-walk-in-ticket').waitFor({ state: 'detached' })
    const walkIn = db(run)
      .prepare('SELECT label, priority, issued_by_type AS type FROM tickets WHERE service_id = ? ORDER BY issued_at DESC LIMIT 1')
      .get(svc.B) as { label: string; priority: string; type: string }
    expect(walkIn).toMatchObject({ priority: 'pregnant', type: 'user' })
    await page.locator(`tabour-queue-panel [data-next-label="${walkIn.label}"]`).waitFor()

    await pressKey(page, 'KeyC')
    await dialog(page, 'call_ticket').waitFor()
    // typing in the filter fires no shortcut (N, S, X are letters of the filter here)
    await page.keyboard.type(walkIn.label.slice(-3))
    await page.keyboard.press('Enter')
    await expectCurrent(page, walkIn.label)
    const called = db(run)
      .prepare(
        "SELECT data FROM events WHERE type = 'ticket.called' AND ticket_id = (SELECT id FROM tickets WHERE label = ? AND service_id = ?)",
      )
      .get(walkIn.label, svc.B) as { data: string }
    expect(JSON.parse(called.data).how).toBe('specific')

    await pressKey(page, 'KeyX')
    await page.keyboard.press('Enter')
    await expectCurrent(page, null)

    // T transfers to a named counter: it waits for that counter only
    const forOne = await run.center.issue(kiosk, { serviceId: svc.B })
    await pressKey(page, 'KeyN')
    await expectCurrent(page, forOne.label)
    await pressKey(page, 'KeyT')
    await dialog(page, 'transfer').waitFor()
    await page.locator(`tabour-console-dialog [data-target-counter="${ctr[1]}"]`).check()
    await page.keyboard.press('Enter')
    await expectCurrent(page, null)
    const moved = db(run).prepare('SELECT status, target_counter_id AS target FROM tickets WHERE id = ?').get(forOne.id)
    expect(moved).toEqual({ status: 'waiting', target: ctr[1] })
    // not in this counter's lines any more: it belongs to counter 1 now
    await page.locator(`tabour-queue-panel [data-next-label="${forOne.label}"]`).waitFor({ state: 'detached' })

    // P pauses (with a reason), P resumes
    await pressKey(page, 'KeyP')
    await dialog(page, 'pause').waitFor()
    await page.keyboard.press('Digit2')
    await page.keyboard.press('Enter')
    await page.locator('header [data-counter-state="paused"]').waitFor()
    await page.locator('tabour-current-ticket [data-pause-reason]').filter({ hasText: 'Prayer' }).waitFor()
    await expectAccessible(page, 'paused, en')
    expect(await actionsShown(page)).toEqual(['resume', 'issue', 'close'])
    await pressKey(page, 'KeyN') // not legal while paused: nothing happens
    await pressKey(page, 'KeyP')
    await page.locator('header [data-counter-state="open"]').waitFor()

    // Q closes, after a confirmation
    await pressKey(page, 'KeyQ')
    await dialog(page, 'confirm').waitFor()
    await page.keyboard.press('Enter')
    await page.locator('main[data-phase="choose"]').waitFor()
    expect((db(run).prepare('SELECT state FROM counters WHERE id = ?').get(ctr[2]) as { state: string }).state).toBe('closed')
  })

  it('one counter, one clerk: taken counters are shown as such, a lost race says so, a stranger gets 403, and a manager takes over only after confirming', async () => {
    const first = await contexts.page(DESK)
    await login(first, run, 'clerk3')
    await openCounter(first, ctr[3])

    const second = await contexts.page(DESK)
    await login(second, run, 'clerk4')
    const taken = second.locator(`tabour-counter-chooser [data-counter-id="${ctr[3]}"]`)
    expect(await taken.getAttribute('data-taken')).toBe('true')
    await taken.getByText('clerk3').first().waitFor()
    expect(await taken.locator('button').isDisabled()).toBe(true)
    await screenshot(second, 'counter-ar-desk-choose')
    await expectAccessible(second, 'choose with a taken counter, ar')

    // a race: counter 4 is free on screen, but clerk5 opens it just before clerk4's request lands
    const clerk5 = await run.center.login('clerk5', STAFF_PASSWORD)
    await second.route(`**/api/v1/counters/${ctr[4]}/open`, async (route) => {
      expect((await run.center.action(clerk5, ctr[4], 'open')).statusCode).toBe(200)
      await route.continue()
    })
    await second.locator(`tabour-counter-chooser [data-counter-id="${ctr[4]}"] [data-action="open"]`).click()
    await second.locator('[data-notice="err.counterTaken"]').waitFor()
    await second.getByText('فتح موظف آخر هذا الشباك للتو').waitFor()
    await second.locator(`tabour-counter-chooser [data-counter-id="${ctr[4]}"][data-taken="true"]`).waitFor()
    expect(await second.locator('main').getAttribute('data-phase')).toBe('choose')

    // the API refuses a clerk acting on another's counter
    const clerk4Token = await second.evaluate(
      () => JSON.parse(Object.entries(sessionStorage).find(([k]) => k.startsWith('tabour:counter-session'))![1]).token as string,
    )
    const refused = await run.center.action(clerk4Token, ctr[3], 'call-next')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe('TABOUR_ERR_NOT_YOUR_COUNTER')

    // a manager takes counter 3 over, after confirming; the clerk's screen says so at once
    await second.locator('header [data-action="logout"]').click()
    await second.locator('main[data-phase="login"] input[name="username"]').fill('manager')
    await second.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await second.locator('main[data-phase="login"] [data-action="login"]').click()
    await second.locator(`tabour-counter-chooser [data-counter-id="${ctr[3]}"] [data-action="takeover"]`).click()
    await second.locator('tabour-console-dialog [data-confirm-message="choose.takeoverConfirm"]').waitFor()
    await second.locator('tabour-console-dialog [data-action="confirm"]').click()
    await second.locator('main[data-phase="console"]').waitFor()
    await second.locator('header [data-counter-number="3"]').waitFor()

    await first.locator('[data-notice="counter.lost"]').getByText('manager').waitFor()
    expect(await first.locator('main').getAttribute('data-phase')).toBe('choose')
    await screenshot(first, 'counter-ar-desk-lost')
  }, 180_000)
})

describe('the console when the server goes away and when the session ends', () => {
  it('shows the banner and disables the buttons while the server is away, and recovers by itself', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-counter-restart-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    let run = await startCenter(dataDir)
    cleanups.push(() => run.center.close())
    const service = await run.center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    const counter = await run.center.createCounter({ number: 1, serviceIds: [service.id] })
    await run.center.createUser('clerk1')
    const kiosk = (await run.center.createDevice('kiosk')).token
    const page = await contexts.page(DESK)
    await login(page, run, 'clerk1')
    await openCounter(page, counter.id)
    expect(await button(page, 'call_next').isEnabled()).toBe(true)

    await run.center.close()
    await page.locator('[data-banner="offline"]').waitFor({ timeout: 20_000 })
    expect(await button(page, 'call_next').isDisabled()).toBe(true)
    await pressKey(page, 'KeyN') // nothing happens, nothing throws
    await screenshot(page, 'counter-ar-desk-offline')
    await expectAccessible(page, 'server away, ar')

    run = await startCenter(dataDir, run.port)
    await page.locator('[data-banner="offline"]').waitFor({ state: 'detached', timeout: 30_000 })
    expect(await button(page, 'call_next').isEnabled()).toBe(true)
    const t = await run.center.issue(kiosk, { serviceId: service.id })
    await page.locator(`tabour-queue-panel [data-next-label="${t.label}"]`).waitFor()
    await button(page, 'call_next').click()
    await expectCurrent(page, t.label)
  }, 180_000)

  it('asks to log in again when the session ends, without losing the counter or its ticket', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-counter-expiry-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const run = await startCenter(dataDir)
    cleanups.push(() => run.center.close())
    const service = await run.center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    const counter = await run.center.createCounter({ number: 1, serviceIds: [service.id] })
    const { id: clerkId } = await run.center.createUser('clerk1')
    const kiosk = (await run.center.createDevice('kiosk')).token
    const page = await contexts.page(DESK)
    await login(page, run, 'clerk1')
    await openCounter(page, counter.id)
    const t = await run.center.issue(kiosk, { serviceId: service.id })
    await button(page, 'call_next').click()
    await expectCurrent(page, t.label)

    const expire = () =>
      db(run)
        .prepare("UPDATE tokens SET expires_at = ? WHERE subject_type = 'user' AND subject_id = ? AND revoked_at IS NULL")
        .run(Date.now() - 1000, clerkId)

    // an action answered 401 TABOUR_ERR_TOKEN_EXPIRED: the dialog, over the same screen
    expire()
    await button(page, 'start').click()
    const relogin = page.locator('[data-dialog="relogin"]')
    await relogin.waitFor()
    await expectCurrent(page, t.label)
    expect(ticketRow(run, t.label).status).toBe('called')
    await screenshot(page, 'counter-ar-desk-relogin')
    await expectAccessible(page, 'log in again, ar')
    expect(await relogin.locator('input[name="username"]').inputValue()).toBe('clerk1')
    await relogin.locator('input[name="password"]').fill(STAFF_PASSWORD)
    await relogin.locator('[data-action="login"]').click()
    await relogin.waitFor({ state: 'detached' })
    await expectCurrent(page, t.label)
    await button(page, 'start').click()
    await page.locator('tabour-current-ticket [data-ticket-status="serving"]').waitFor()

    // the socket refused after a drop: the dialog comes by itself
    expire()
    run.center.app.tabour.realtime.disconnectUser(clerkId)
    await relogin.waitFor({ timeout: 20_000 })
    await relogin.locator('input[name="password"]').fill(STAFF_PASSWORD)
    await relogin.locator('[data-action="login"]').click()
    await relogin.waitFor({ state: 'detached' })
    await page.locator('tabour-current-ticket [data-ticket-status="serving"]').waitFor()
    expect(
      db(run).prepare('SELECT state, clerk_id FROM counters WHERE id = ?').get(counter.id) as { state: string; clerk_id: number },
    ).toMatchObject({ state: 'open', clerk_id: clerkId })

    // a reload keeps the session (sessionStorage) and comes back to the same screen
    await page.reload()
    await expectCurrent(page, t.label)
    await button(page, 'finish').waitFor()
  }, 180_000)
})

describe('the console, for the README', { timeout: 180_000 }, () => {
  it('looks the same in Arabic and English, at 1366×768 and 1920×1080', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-counter-shots-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    // the center's clock runs 40 minutes behind and catches up, so the waits and the day look like a real morning
    const behind = { ms: 40 * 60_000 }
    const run = await startCenter(dataDir, 0, clockBehind(behind))
    cleanups.push(() => run.center.close())
    const a = await run.center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    const b = await run.center.createService({ prefix: 'B', nameAr: 'شهادات الميلاد والوفاة', nameEn: 'Birth and death certificates' })
    const e = await run.center.createService({ prefix: 'E', nameAr: 'الشهر العقاري والتوثيق', nameEn: 'Real estate registration' })
    const counter = await run.center.createCounter({
      number: 4,
      name: 'الشباك الرابع',
      services: [
        { serviceId: a.id, weight: 1 },
        { serviceId: b.id, weight: 1 },
        { serviceId: e.id, weight: 0 },
      ],
    })
    const clerk = await run.center.openCounterAs('clerk1', counter.id)
    const kiosk = (await run.center.createDevice('kiosk')).token
    const issue = (serviceId: number, priority?: string) => run.center.issue(kiosk, { serviceId, ...(priority ? { priority } : {}) })
    // two citizens served this morning (6 and 4 minutes), one did not come
    await issue(a.id)
    await issue(b.id)
    await issue(a.id)
    await run.center.action(clerk, counter.id, 'call-next')
    await run.center.action(clerk, counter.id, 'start')
    behind.ms -= 6 * 60_000
    await run.center.action(clerk, counter.id, 'finish', { outcome: 'served' })
    await run.center.action(clerk, counter.id, 'call-next')
    await run.center.action(clerk, counter.id, 'no-show')
    await run.center.action(clerk, counter.id, 'call-next')
    await run.center.action(clerk, counter.id, 'start')
    behind.ms -= 4 * 60_000
    await run.center.action(clerk, counter.id, 'finish', { outcome: 'referred' })
    await issue(a.id, 'elderly')
    for (const [serviceId, priority] of [
      [a.id],
      [b.id],
      [a.id],
      [b.id, 'disabled'],
      [a.id],
      [e.id],
      [a.id],
      [b.id],
      [a.id, 'pregnant'],
    ] as [number, string?][]) {
      behind.ms -= 150_000
      await issue(serviceId, priority)
    }
    behind.ms = 0
    const page = await contexts.page(DESK)
    await login(page, run, 'clerk1')
    // the clerk's counter is already open in their name: the console goes straight to it
    await page.locator('main[data-phase="console"]').waitFor()
    await button(page, 'call_next').click()
    await page.locator('tabour-current-ticket [data-priority="elderly"]').waitFor()
    await button(page, 'recall').click()
    await page.locator('tabour-current-ticket [data-recalls]').filter({ hasText: '1' }).waitFor()
    await button(page, 'start').click()
    await page.locator('tabour-current-ticket [data-ticket-status="serving"]').waitFor()
    await page.locator('tabour-my-day [data-served]').filter({ hasText: '2' }).waitFor()
    // a line's next labels in the order "call next" takes them (walk of 2026-12-06): the pregnant
    // citizen's A ticket, issued last, goes before the four ordinary A tickets, and was not listed
    const aNext = page.locator(`tabour-queue-panel [data-queue-service="${a.id}"] [data-next-label]`)
    expect(await aNext.count()).toBe(4)
    expect(await aNext.first().getAttribute('data-priority')).toBe('pregnant')
    // five wait in A: the fifth is said, not dropped (walk s45: «٦ منتظر» beside four labels)
    const aLine = page.locator(`tabour-queue-panel [data-queue-service="${a.id}"]`)
    expect(await aLine.locator('[data-more]').getAttribute('data-more')).toBe('1')
    // and the line is marked past its target as the manager's live view counts it (walk s45: plain grey here, a red alert there)
    const manager = (await run.center.createUser('boss', 'manager')).token
    const today = (await run.center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    const pastTarget = today.services.find((s: { serviceId: number }) => s.serviceId === a.id).pastTarget
    expect(pastTarget).toBeGreaterThan(0)
    expect(await aLine.locator('[data-past-target]').getAttribute('data-past-target')).toBe(String(pastTarget))
    expect(await aLine.locator('[data-past-target]').textContent()).toBe(dashboardText('live.pastTarget', 'ar', { n: pastTarget }))
    await page.mouse.move(5, 760)

    await screenshot(page, 'counter-ar-1366', 'counter-ar-1366.png')
    // a backup line (weight 0) included: it was faded to 3.2:1 contrast
    await expectAccessible(page, 'console serving, ar, 1366')
    await page.setViewportSize(LANDSCAPE)
    await screenshot(page, 'counter-ar-1920', 'counter-ar-1920.png')
    await page.locator('tabour-lang-switch button').click()
    await page.locator('tabour-action-bar button[data-action="finish"]').getByText('Finish').waitFor()
    await screenshot(page, 'counter-en-1920', 'counter-en-1920.png')
    await page.setViewportSize(DESK)
    await screenshot(page, 'counter-en-1366', 'counter-en-1366.png')
    await expectAccessible(page, 'console serving, en, 1366')
    await button(page, 'finish').click()
    await dialog(page, 'finish').waitFor()
    await screenshot(page, 'counter-en-1366-finish')
    await expectAccessible(page, 'finish dialog, en')
  })
})

describe('the transfer dialog of a real center (walk of 2026-12-05)', { timeout: 180_000 }, () => {
  it("lists a center's six services and six counters whole at 1366×768, in Arabic and English, with the marks under the names", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-counter-transfer-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const run = await startCenter(dataDir)
    cleanups.push(() => run.center.close())
    // the demo center's lines: long Arabic names, which the walk saw cut mid-word in a narrow dialog
    const names: [string, string, string][] = [
      ['A', 'تراخيص البناء', 'Building permits'],
      ['B', 'طلبات التصالح', 'Reconciliation requests'],
      ['C', 'مستخرجات السجل المدني', 'Civil registry extracts'],
      ['D', 'توصيل المرافق (كهرباء ومياه وغاز)', 'Utility connections (power, water, gas)'],
      ['E', 'خدمات المستثمرين', 'Investor services'],
      ['F', 'الاستعلامات والشكاوى', 'Enquiries and complaints'],
    ]
    const services = []
    for (const [prefix, nameAr, nameEn] of names) services.push(await run.center.createService({ prefix, nameAr, nameEn }))
    const counters = []
    for (const [i, s] of services.entries())
      counters.push(await run.center.createCounter({ number: i + 1, name: s.nameAr, serviceIds: [s.id] }))
    await run.center.openCounterAs('clerk1', counters[0].id)
    const kiosk = (await run.center.createDevice('kiosk')).token
    await run.center.issue(kiosk, { serviceId: services[0].id })
    const page = await contexts.page(DESK)
    await login(page, run, 'clerk1')
    await page.locator('main[data-phase="console"]').waitFor()
    await button(page, 'call_next').click()
    await expectCurrent(page, 'A-001')
    for (const lang of ['ar', 'en'] as const) {
      if (lang === 'en') {
        await page.locator('tabour-lang-switch button').click()
        await page.waitForFunction(() => document.documentElement.lang === 'en')
      }
      await button(page, 'transfer').click()
      const dlg = page.locator('tabour-console-dialog')
      await dlg.locator('[data-target-service]').first().waitFor()
      // every choice whole inside its list, and no list that must be scrolled to find one
      const clipped = await dlg.locator('.choices').evaluateAll((lists) =>
        lists.flatMap((list) => {
          const box = list.getBoundingClientRect()
          const cut = [...list.querySelectorAll('.choice')]
            .filter((c) => {
              const r = c.getBoundingClientRect()
              return r.top < box.top - 1 || r.bottom > box.bottom + 1
            })
            .map((c) => (c.textContent ?? '').trim())
          return list.scrollHeight > list.clientHeight + 1
            ? [...cut, `a list scrolls: ${list.scrollHeight} in ${list.clientHeight} px`]
            : cut
        }),
      )
      expect(clipped).toEqual([])
      // the others: not the ticket's own line, not this counter
      expect(await dlg.locator('[data-target-service]').count()).toBe(5)
      expect(await dlg.locator('[data-target-counter]').count()).toBe(5)
      // the dialog fits the desk's window, its buttons in view
      const confirm = (await dlg.locator('[data-action="confirm"]').boundingBox())!
      expect(confirm.y + confirm.height).toBeLessThanOrEqual(DESK.height)
      expect(await overflowing(page, 'tabour-console-dialog .choice')).toEqual([])
      await screenshot(page, `counter-${lang}-1366-transfer`)
      await expectAccessible(page, `transfer dialog of six lines, ${lang}`)
      await dlg.locator('[data-action="cancel"]').click()
      await dlg.locator('form').waitFor({ state: 'detached' })
    }
  })
})

describe('a late citizen (issue 14, item 8)', { timeout: 180_000 }, () => {
  it('a no-show waits a minute after the call, and a clerk undoes it from the console: the ticket is called again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-counter-late-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    // the center's clock starts 5 minutes behind; moving it forward plays the minute the clerk waits
    const behind = { ms: 5 * 60_000 }
    const run: Running = await listeningCenter(
      {
        config: { dataDir, uiDir: suite.uiDir, queue: { policy: 'fifo', minSecondsBeforeNoShow: 60, noShowGraceMinutes: 30 } },
        clock: clockBehind(behind),
      },
      cleanups,
    )
    const { center } = run
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.createUser('clerk1')
    const kiosk = (await center.createDevice('kiosk')).token
    const late = await center.issue(kiosk, { serviceId: a.id })
    behind.ms -= 30_000
    const next = await center.issue(kiosk, { serviceId: a.id })

    const page = await contexts.page(DESK)
    await login(page, run, 'clerk1')
    await openCounter(page, counter.id)
    await button(page, 'call_next').click()
    await expectCurrent(page, late.label)

    // just after the call the console does not offer what the server would refuse: the button
    // waits, and says in Arabic that a recall lifts the wait (test/e2e/console-truths.test.ts counts it down)
    await expect.poll(() => button(page, 'no_show').isDisabled()).toBe(true)
    await page.locator('tabour-action-bar [data-hint="no-show-wait"]').getByText('أو فورًا بعد إعادة النداء').waitFor()
    expect(ticketRow(run, late.label).status).toBe('called')

    // a minute later the citizen still has not come: no-show (the center's clock jumped; the
    // console, which counts real time, learns it from a reload's snapshot)
    behind.ms -= 61_000
    await page.reload()
    await expectCurrent(page, late.label)
    await button(page, 'no_show').click()
    await page.locator('tabour-console-dialog [data-action="confirm"]').click()
    await expectCurrent(page, null)
    expect(ticketRow(run, late.label).status).toBe('no_show')

    // they come back from the washroom: the clerk undoes it from the recent no-shows
    const row = page.locator(`tabour-no-show-list li[data-ticket-id="${late.id}"]`)
    await row.waitFor()
    behind.ms -= 5 * 60_000
    await row.locator('[data-action="reinstate"]').click()
    await page.locator('[data-notice="noShows.done"]').waitFor()
    await row.waitFor({ state: 'detached' })
    expect(ticketRow(run, late.label).status).toBe('waiting')
    await screenshot(page, 'counter-ar-reinstated')

    // back at the place their ticket had: called before the one issued after it
    await button(page, 'call_next').click()
    await expectCurrent(page, late.label)
    expect(ticketRow(run, late.label).status).toBe('called')
    expect(ticketRow(run, next.label).status).toBe('waiting')
    // this call ended no wait: the card shows the wait its first call recorded, named so, not the time since the undo (walk s54)
    await page
      .locator('tabour-current-ticket [data-in-line-label="ticket.waitedInLineToFirstCall"]')
      .getByText('الانتظار في هذا الدور حتى أول نداء')
      .waitFor()

    // a no-show marked at another counter of the same service shows up here at once (a push)
    const counter2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const clerk2 = await center.openCounterAs('clerk2', counter2.id)
    await center.action(clerk2, counter2.id, 'call-next')
    behind.ms -= 61_000
    expect((await center.action(clerk2, counter2.id, 'no-show')).statusCode).toBe(200)
    await page.locator(`tabour-no-show-list li[data-ticket-id="${next.id}"]`).waitFor()
  })
  it('"my day" follows the pushes: a ticket of this counter finished from elsewhere (the keypad, another device) counts at once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-counter-myday-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const run: Running = await listeningCenter({ config: { dataDir, uiDir: suite.uiDir } }, cleanups)
    const { center } = run
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.createUser('clerk1')
    const kiosk = (await center.createDevice('kiosk')).token
    const page = await contexts.page(DESK)
    await login(page, run, 'clerk1')
    await openCounter(page, counter.id)
    await page.locator('tabour-my-day [data-served]').filter({ hasText: '0' }).waitFor()

    // the clerk's other device (or the keypad) calls and finishes two tickets; the console is not touched
    const elsewhere = await center.login('clerk1', STAFF_PASSWORD)
    for (let i = 0; i < 2; i++) {
      await center.issue(kiosk, { serviceId: a.id })
      expect((await center.action(elsewhere, counter.id, 'call-next')).statusCode).toBe(200)
      expect((await center.action(elsewhere, counter.id, 'start')).statusCode).toBe(200)
      expect((await center.action(elsewhere, counter.id, 'finish')).statusCode).toBe(200)
    }
    await page.locator('tabour-my-day [data-served]').filter({ hasText: '2' }).waitFor({ timeout: 15_000 })
    await center.issue(kiosk, { serviceId: a.id })
    expect((await center.action(elsewhere, counter.id, 'call-next')).statusCode).toBe(200)
    expect((await center.action(elsewhere, counter.id, 'no-show')).statusCode).toBe(200)
    await page.locator('tabour-my-day [data-no-show]').filter({ hasText: '1' }).waitFor({ timeout: 15_000 })
  })
})
