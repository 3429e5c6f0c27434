import { describe, expect, it } from 'vitest'
import type { Page, WebSocketRoute } from 'playwright-core'
import { join } from 'node:path'
import { daytimeShiftMs, STAFF_PASSWORD, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { serviceLabel } from '../../ui-common/service-label.ts'

/**
 * What the walk of 2026-12-07 (s55) found on the clerk's console, two clerks at two counters, in
 * Arabic and English at 1366×768, 1280×800 and 1920×1080, against a center set up as the demo's.
 * Screenshots go to test-results/console-walk-s55/.
 */
const SHOTS = join(ROOT, 'test-results', 'console-walk-s55')
const DESK = { width: 1366, height: 768 } as const
const suite = useBrowserSuite(SHOTS)

async function twoCounterCenter(queue: { minSecondsBeforeNoShow?: number } = {}) {
  const clock = new TestClock(Date.now() + daytimeShiftMs())
  const run = await listeningCenter({ clock, config: { uiDir: suite.uiDir, queue: { policy: 'fifo', ...queue } } }, suite.cleanups)
  const { center } = run
  const a = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
  const b = await center.createService({ prefix: 'B', nameAr: 'طلبات التصالح', nameEn: 'Reconciliation requests' })
  const one = await center.createCounter({ number: 1, name: 'تراخيص · Permits', serviceIds: [a.id, b.id] })
  const two = await center.createCounter({ number: 2, name: 'تصالح · Reconciliation', serviceIds: [b.id] })
  await center.createUser('clerk1')
  return { ...run, a, b, one, two }
}

/** Signs clerk1 in on the console in `lang`, up to the counter chooser (not waiting for anything after the click). */
async function signIn(page: Page, url: string, lang: 'ar' | 'en'): Promise<void> {
  await page.goto(`${url}/counter/${lang === 'en' ? '?lang=en' : ''}`)
  await page.locator('main[data-phase="login"] input[name="username"]').fill('clerk1')
  await page.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
  await page.locator('main[data-phase="login"] [data-action="login"]').click()
}

describe('the counter chooser (walk s55, finding 1)', () => {
  it('names each counter’s services as soon as it shows the counters, before the live feed has answered', async () => {
    const run = await twoCounterCenter()
    const page = await suite.contexts.page(DESK)
    // the staff feed held: nothing comes over the socket (no snapshot), as in the second or so after a
    // login on a busy network; the chooser showed six bare cards, then grew chips under the clerk's pointer
    const held: WebSocketRoute[] = []
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      held.push(ws)
    })
    await signIn(page, run.url, 'ar')
    const first = page.locator('tabour-counter-chooser [data-counter-id="1"]')
    await first.waitFor()
    expect(await first.locator('.services span').allTextContents()).toEqual([serviceLabel(run.a, 'ar'), serviceLabel(run.b, 'ar')])
    expect(await page.locator('tabour-counter-chooser [data-counter-id="2"] .services span').allTextContents()).toEqual([
      serviceLabel(run.b, 'ar'),
    ])
    expect(held.length).toBeGreaterThan(0)
    await suite.shot(page, 'chooser-before-feed-ar')
  })
})

describe('two clerks pick the same ticket (walk s55, finding 2)', () => {
  it('tells the one who lost which counter called it, not "This cannot be done to the ticket now"', async () => {
    const run = await twoCounterCenter()
    const kiosk = (await run.center.createDevice('kiosk')).token
    // the other clerk, at counter 1 over the API; this console is clerk1's at counter 2 (both serve B)
    const other = await run.center.openCounterAs('clerk2', run.one.id)
    const ticket = await run.center.issue(kiosk, { serviceId: run.b.id })
    const page = await suite.contexts.page({ width: 1280, height: 800 })
    await signIn(page, run.url, 'en')
    await page.locator(`tabour-counter-chooser [data-counter-id="${run.two.id}"] [data-action="open"]`).click()
    await page.locator('main[data-phase="console"]').waitFor()
    await page.locator('tabour-action-bar button[data-action="call_ticket"]').click()
    await page.locator(`tabour-console-dialog input[data-call-label="${ticket.label}"]`).check()
    // the other counter calls it first, while this dialog is up with it chosen
    const called = await run.center.request('POST', `/api/v1/counters/${run.one.id}/call`, { token: other, body: { ticketId: ticket.id } })
    expect(called.statusCode, called.body).toBe(200)
    await page.locator('tabour-console-dialog [data-action="confirm"]').click()
    const notice = page.locator('[data-notice="err.calledElsewhere"]')
    await notice.waitFor()
    expect(await notice.textContent()).toContain(`Counter 1 has just called ${ticket.label}.`)
    expect(await page.locator('[data-notice="err.illegal"]').count()).toBe(0)
    await page.locator('tabour-current-ticket [data-current="none"]').waitFor()
    await suite.shot(page, 'called-elsewhere-en')
  })
})

describe('a ticket found in the ticket tools (walk s55, finding 4)', () => {
  it('follows the ticket as it is called, served and finished beside it, or called from elsewhere', async () => {
    const run = await twoCounterCenter()
    const kiosk = (await run.center.createDevice('kiosk')).token
    const first = await run.center.issue(kiosk, { serviceId: run.a.id })
    const second = await run.center.issue(kiosk, { serviceId: run.a.id })
    const page = await suite.contexts.page(DESK)
    await signIn(page, run.url, 'en')
    await page.locator(`tabour-counter-chooser [data-counter-id="${run.one.id}"] [data-action="open"]`).click()
    await page.locator('main[data-phase="console"]').waitFor()
    const tools = page.locator('tabour-ticket-tools')
    const card = (label: string) => tools.locator(`article[data-ticket="${label}"]`)
    await tools.locator('input[data-input="find"]').fill(first.label)
    await tools.locator('button[data-action="find"]').click()
    await expect.poll(() => card(first.label).getAttribute('data-status')).toBe('waiting')

    const button = (action: string) => page.locator(`tabour-action-bar button[data-action="${action}"]`)
    await button('call_next').click()
    await expect.poll(() => card(first.label).getAttribute('data-status')).toBe('called')
    expect(await card(first.label).locator('li[data-step="called"]').count()).toBe(1)
    await button('start').click()
    await expect.poll(() => card(first.label).getAttribute('data-status')).toBe('serving')
    await button('finish').click()
    await page.locator('tabour-console-dialog [data-action="confirm"]').click()
    await expect.poll(() => card(first.label).getAttribute('data-status')).toBe('done')
    await expect.poll(() => card(first.label).locator('li[data-step="finished"]').count()).toBe(1)

    // a change made elsewhere (the same clerk's counter over the API: a keypad, another device) is followed too
    await tools.locator('input[data-input="find"]').fill(second.label)
    await tools.locator('button[data-action="find"]').click()
    await expect.poll(() => card(second.label).getAttribute('data-status')).toBe('waiting')
    const token = await run.center.login('clerk1', STAFF_PASSWORD)
    const called = await run.center.request('POST', `/api/v1/counters/${run.one.id}/call`, { token, body: { ticketId: second.id } })
    expect(called.statusCode, called.body).toBe(200)
    await expect.poll(() => card(second.label).getAttribute('data-status')).toBe('called')
    await suite.shot(page, 'ticket-tools-follow-en')
  })
})

describe('the action bar at 1280×800 (walk s55, finding 5)', () => {
  it('keeps each button’s label on one line, "No-show" beside its countdown included, in English and Arabic', async () => {
    // the demo's minute before a no-show: the button carries its countdown
    const run = await twoCounterCenter({ minSecondsBeforeNoShow: 60 })
    const kiosk = (await run.center.createDevice('kiosk')).token
    await run.center.issue(kiosk, { serviceId: run.a.id })
    const page = await suite.contexts.page({ width: 1280, height: 800 })
    await signIn(page, run.url, 'en')
    await page.locator(`tabour-counter-chooser [data-counter-id="${run.one.id}"] [data-action="open"]`).click()
    await page.locator('main[data-phase="console"]').waitFor()
    await page.locator('tabour-action-bar button[data-action="call_next"]').click()
    await page.locator('tabour-action-bar [data-no-show-countdown]').waitFor()
    /** Each button label with the number of lines its words take. */
    const lines = () =>
      page.locator('tabour-action-bar button > span:not(.wait)').evaluateAll((spans) =>
        spans.map((span) => {
          const range = document.createRange()
          range.selectNodeContents(span)
          return `${span.textContent?.trim()}: ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size}`
        }),
      )
    for (const lang of ['en', 'ar'] as const) {
      if (lang === 'ar') await page.locator('tabour-lang-switch button').click()
      await page.locator(`tabour-counter-app[lang="${lang}"], html[lang="${lang}"]`).first().waitFor()
      const seen = await lines()
      expect(seen.length).toBeGreaterThanOrEqual(4)
      expect(seen.filter((l) => !l.endsWith(': 1'))).toEqual([])
      await suite.shot(page, `action-bar-1280-${lang}`)
    }
  })
})
