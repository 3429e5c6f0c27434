import { describe, expect, it } from 'vitest'
import { clockTime } from '../../protocol/messages/clock-time.ts'
import type { Locator, Page } from 'playwright-core'
import { join } from 'node:path'
import { daytimeShiftMs, type TestClock } from '../helpers/test-center.ts'
import { listeningCenter, type ListeningCenter } from '../helpers/listening-center.ts'
import { printerHealth } from '../helpers/device-health.ts'
import { useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { consoleAtCounter } from './console-login.ts'
import { ROOT } from './ui-build.ts'

/**
 * What the clerk's console says is true (walk 2026-12-05), in real headless Chromium against a
 * real center: the no-show button waits, counting down, until the server accepts a no-show and
 * enables itself then (a recall at once); the paused card says since when, after a reload too;
 * a name typed in the other script keeps its own direction inside a sentence (isolated).
 * The center's clock runs 12 minutes behind the browser's, as a console's clock may be off: the
 * console must count the server's wait and the minutes since a pause by the server's clock, not
 * its own idea of the time.
 */

const SHOTS = join(ROOT, 'test-results', 'console-truths')
const DESK = { width: 1366, height: 768 } as const
/** The server's clock, this far behind the browser's. */
const SKEW_MS = 12 * 60_000
/** A short no-show minimum (queue.minSecondsBeforeNoShow) so the test waits it out in real time. */
const MIN_SECONDS = 4
const KIOSK_NAME = 'كشك المدخل · Entrance kiosk'
const COUNTER_NAME = 'تراخيص · Permits'

const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

async function startCenter(): Promise<ListeningCenter & { kiosk: string; counterId: number; serviceId: number; kioskId: number }> {
  const shift = daytimeShiftMs()
  const clock = { fn: () => Date.now() + shift - SKEW_MS } as TestClock
  const run = await listeningCenter(
    { config: { uiDir: suite.uiDir, queue: { policy: 'fifo', minSecondsBeforeNoShow: MIN_SECONDS } }, clock },
    cleanups,
  )
  const { center } = run
  const admin = await center.admin()
  expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: 'arabic-indic' } })).statusCode).toBe(200)
  const service = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, name: COUNTER_NAME, serviceIds: [service.id] })
  const clerk = await center.createUser('clerk1')
  expect((await center.request('PATCH', `/api/v1/users/${clerk.id}`, { token: admin, body: { displayName: 'أحمد حسن' } })).statusCode).toBe(
    200,
  )
  const created = await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'kiosk', name: KIOSK_NAME } })
  const paired = await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: created.json().pairingCode } })
  return { ...run, kiosk: paired.json().token, counterId: counter.id, serviceId: service.id, kioskId: created.json().id }
}

async function openConsole(run: ListeningCenter & { counterId: number }, lang: 'ar' | 'en'): Promise<Page> {
  const page = await contexts.page(DESK)
  await consoleAtCounter(page, run.url, 'clerk1', run.counterId, lang)
  return page
}

const button = (page: Page, action: string) => page.locator(`tabour-action-bar button[data-action="${action}"]`)
const ARABIC_INDIC_CLOCK = /^[٠-٩]:[٠-٥][٠-٩]$/

/** Resolves when `locator` is enabled, with the browser's Date.now() at that moment. */
async function enabledAt(locator: Locator, timeout: number): Promise<number> {
  await expect.poll(() => locator.isEnabled(), { timeout, interval: 50 }).toBe(true)
  return Date.now()
}

describe('the no-show button waits for the server', { timeout: 180_000 }, () => {
  it('is disabled after a call, counting down in Arabic-Indic digits with the recall hint, and enables itself when the server accepts', async () => {
    const run = await startCenter()
    const first = await run.center.issue(run.kiosk, { serviceId: run.serviceId })
    const second = await run.center.issue(run.kiosk, { serviceId: run.serviceId })
    const page = await openConsole(run, 'ar')

    await button(page, 'call_next').click()
    await page.locator(`tabour-current-ticket [data-current-label="${first.label}"]`).waitFor()
    const calledAt = Date.now()
    const noShow = button(page, 'no_show')
    // right after the call: disabled, with the time left and the hint under it
    await expect.poll(() => noShow.isDisabled()).toBe(true)
    const countdown = await noShow.locator('[data-no-show-countdown]').textContent()
    expect(countdown).toMatch(ARABIC_INDIC_CLOCK)
    const hint = page.locator('tabour-action-bar [data-hint="no-show-wait"]')
    await expect.poll(() => hint.textContent()).toMatch(/يمكن تسجيل «لم يحضر» بعد [٠-٩]:[٠-٩]{2}، أو فورًا بعد إعادة النداء/)
    expect(await noShow.getAttribute('aria-describedby')).toBe('no-show-wait')
    await page.screenshot({ path: join(SHOTS, 'ar-no-show-wait.png') })
    // the key does not get round it: no confirm dialog
    await page.keyboard.press('KeyX')
    expect(await page.locator('tabour-console-dialog').count()).toBe(0)

    // it enables itself, not before the server's minimum, and the server then takes the no-show
    const enabled = await enabledAt(noShow, 10_000)
    expect(enabled - calledAt).toBeGreaterThanOrEqual(MIN_SECONDS * 1000 - 1000)
    expect(await hint.count()).toBe(0)
    await noShow.click()
    await page.locator('tabour-console-dialog [data-action="confirm"]').click()
    await page.locator('tabour-current-ticket [data-current="none"]').waitFor()
    expect(await page.locator('[data-notice="err.noShowTooSoon"]').count()).toBe(0)
    const row = run.center.app.tabour.db.prepare('SELECT status FROM tickets WHERE id = ?').get(first.id) as { status: string }
    expect(row.status).toBe('no_show')

    // the next call waits again; a recall lifts the wait at once
    await button(page, 'call_next').click()
    await page.locator(`tabour-current-ticket [data-current-label="${second.label}"]`).waitFor()
    await expect.poll(() => noShow.isDisabled()).toBe(true)
    await button(page, 'recall').click()
    await expect.poll(() => noShow.isEnabled(), { timeout: 15_000 }).toBe(true)
    expect(await hint.count()).toBe(0)

    // the park dialog writes its minutes and their bound in the center's digits (walk of 2026-12-06:
    // «15» in the box under «(حتى ٣٠)»), and takes them back as typed
    await page.locator('tabour-park-button button[data-action="park"]').click()
    const minutes = page.locator('tabour-park-dialog input[data-park-minutes]')
    expect(await minutes.inputValue()).toBe('١٥')
    expect(await page.locator('tabour-park-dialog label.field').first().textContent()).toContain('(حتى ٣٠)')
    // more than the bound: said in the dialog, which stays open (the server's refusal closed it)
    await minutes.fill('٤٥')
    await page.locator('tabour-park-dialog [data-action="confirm"]').click()
    const minutesError = page.locator('tabour-park-dialog [data-error="minutes"]')
    await minutesError.waitFor()
    expect(await minutesError.textContent()).toBe('اكتب عدد الدقائق من ١ إلى ٣٠')
    expect(await minutes.getAttribute('aria-invalid')).toBe('true')
    expect(await minutes.getAttribute('aria-describedby')).toBe('park-minutes-error')
    expect(await seriousAxeViolations(page)).toEqual([])
    await minutes.fill('٧')
    await page.locator('tabour-park-dialog [data-action="confirm"]').click()
    await page.locator(`tabour-parked-list [data-parked-ticket="${second.id}"]`).waitFor()
    const parked = run.center.app.tabour.db
      .prepare('SELECT deadline_at - parked_at AS ms FROM parked_tickets WHERE ticket_id = ?')
      .get(second.id)
    expect(parked).toEqual({ ms: 7 * 60_000 })
  })

  it('says it in English too, with Western digits, and a reloaded console still waits the rest', async () => {
    const run = await startCenter()
    const ticket = await run.center.issue(run.kiosk, { serviceId: run.serviceId })
    const page = await openConsole(run, 'en')
    await button(page, 'call_next').click()
    await page.locator(`tabour-current-ticket [data-current-label="${ticket.label}"]`).waitFor()
    const hint = page.locator('tabour-action-bar [data-hint="no-show-wait"]')
    await expect.poll(() => hint.textContent()).toMatch(/No-show possible in 0:0[0-9], or at once after a recall/)
    await page.reload()
    await page.locator(`tabour-current-ticket [data-current-label="${ticket.label}"]`).waitFor()
    const noShow = button(page, 'no_show')
    await expect.poll(() => noShow.isDisabled()).toBe(true)
    expect(await noShow.locator('[data-no-show-countdown]').textContent()).toMatch(/^0:0[0-9]$/)
    await enabledAt(noShow, 10_000)
  })
})

describe('the paused card says since when', { timeout: 180_000 }, () => {
  it('"Paused since HH:MM (N min)" in the center\'s zone, in both languages, after a reload too', async () => {
    const run = await startCenter()
    const page = await openConsole(run, 'ar')
    await button(page, 'pause').click()
    await page.locator('tabour-console-dialog form[data-dialog="pause"]').waitFor()
    await page.locator('tabour-console-dialog input[value="prayer"]').check()
    await page.locator('tabour-console-dialog [data-action="confirm"]').click()
    await page.locator('header [data-counter-state="paused"]').waitFor()
    const pausedSince = run.center.app.tabour.queue.view.counters().find((c) => c.id === run.counterId)!.pausedSince!
    // the time as every screen writes one (test/protocol/clock-time.test.ts pins the format)
    const time = (lang: 'ar' | 'en') => clockTime(pausedSince, 'Africa/Cairo', lang, lang === 'ar' ? 'arabic-indic' : 'western')
    const indic = (s: string) => s.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)
    // the server's clock is 12 minutes behind this browser's (and hours, when the test shifts it into
    // opening hours): the pause began just now all the same, and the console counts from the server's clock
    const card = page.locator('tabour-current-ticket [data-current="none"]')
    await expect.poll(() => card.textContent()).toBe(`متوقف مؤقتًا منذ ${time('ar')} (${indic('0')} د)`)
    expect(await card.getAttribute('data-paused-since')).toBe(pausedSince)
    await page.screenshot({ path: join(SHOTS, 'ar-paused-since.png') })
    await page.reload()
    await expect.poll(() => card.textContent()).toBe(`متوقف مؤقتًا منذ ${time('ar')} (${indic('0')} د)`)
    await page.locator('tabour-lang-switch button').click()
    await expect.poll(() => card.textContent()).toBe(`Paused since ${time('en')} (0 min)`)
  })
})

describe('a name in the other script keeps its own direction', { timeout: 180_000 }, () => {
  it('the printer alert and the header isolate the kiosk and counter names, in English and in Arabic', async () => {
    const run = await startCenter()
    const page = await openConsole(run, 'en')
    run.center.app.tabour.queue.deviceStatus.report(run.kioskId, printerHealth({ reachable: false, kioskName: KIOSK_NAME }))
    const alert = page.locator('tabour-printer-alert-banner li').first()
    await alert.waitFor()
    // the name in the screen's language, as the device card names it (s51), in an isolate (FSI … PDI) inside the quotes
    await expect.poll(() => alert.textContent()).toContain('Kiosk “\u2068Entrance kiosk\u2069”')
    expect(await alert.textContent()).not.toContain('كشك')
    const x = (text: string) => xOf(alert, text)
    expect(await x('“')).toBeLessThan(await x('Entrance'))
    expect(await x('Entrance')).toBeLessThan(await x('”'))
    await page.screenshot({ path: join(SHOTS, 'en-kiosk-name-isolated.png') })
    // each language's part isolated, the screen's first (counter-ui/counter-name.ts)
    expect(await page.locator('header h1.where bdi').allTextContents()).toEqual(['Permits', 'تراخيص'])
    // the clerk by name, as the center knows them, not by login (console walk, 2026-12-06)
    expect(await page.locator('header .user[data-user="clerk1"]').textContent()).toBe('أحمد حسن')

    await page.locator('tabour-lang-switch button').click()
    await expect.poll(() => alert.textContent()).toContain('الكشك «\u2068كشك المدخل\u2069»')
  })
})

/** The left edge, in CSS pixels, of the first occurrence of `text` in `host`'s text (through its shadow root). */
function xOf(host: Locator, text: string): Promise<number> {
  return host.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      return range.getBoundingClientRect().left
    }
    throw new Error(`no "${wanted}" in ${el.textContent}`)
  }, text)
}
