import { describe, expect, it } from 'vitest'
import { copyFileSync, mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { listeningCenter } from '../helpers/listening-center.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * The public ticket status page on a phone (390×844) in real Chromium, against a real center on
 * loopback (issue 14, item 7): it follows the line live, pushed over its watch socket (no reload;
 * the waits below are far shorter than the 60 s fallback poll, so only a push passes them), says
 * "nobody ahead of you now" once the ticket ahead is called, shows the counter once called and
 * the center's name, and cancels its own ticket.
 * Screenshots go to test-results/status-page/; with UPDATE_SCREENSHOTS=1 they also refresh
 * docs/screenshots/status-*.png (the README's), so an ordinary run never dirties the tree.
 */
const SHOTS = join(ROOT, 'test-results', 'status-page')
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots')

/** A full-page screenshot of the phone as `<name>.png`, copied to docs/ under UPDATE_SCREENSHOTS=1. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  const path = join(SHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SHOTS, { recursive: true })
    copyFileSync(path, join(DOCS_SHOTS, `${name}.png`))
  }
}
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

/** A center with one service served by counter 3, listening on loopback. */
async function startCenter() {
  const { center, url } = await listeningCenter(
    { config: { uiDir: suite.uiDir, centerName: { ar: 'مركز خدمات الدقي', en: 'Dokki Service Center' } } },
    cleanups,
  )
  const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
  const counter = await center.createCounter({ number: 3, name: 'Passports desk', serviceIds: [service.id] })
  const kiosk = await center.createDevice('kiosk')
  return { center, url, service, counter, kiosk }
}

const status = (page: Page) => page.locator('tabour-ticket-status')

/** A public page: no axe violation of impact moderate or worse. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAxeViolations(page, 'moderate'), what).toEqual([])
}

describe('the ticket status page on a phone', () => {
  it('is live: "nobody ahead" and then the counter, pushed on each call, with the center name; nothing personal', async () => {
    const { center, url, service, counter, kiosk } = await startCenter()
    const ahead = await center.issue(kiosk.token, { serviceId: service.id })
    const mine = await center.issue(kiosk.token, { serviceId: service.id, phone: '01099998888' })
    const clerk = await center.openCounterAs('clerk-live', counter.id)

    const page = await contexts.page(PHONE)
    await page.goto(`${url}/t/${mine.id}`)
    await status(page).locator('[data-status="waiting"] [data-position="1"]').waitFor()
    await status(page).getByText('مركز خدمات الدقي').waitFor()
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))

    // the ticket ahead is called: pushed, no reload, no visibility change
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(ahead.id)
    await status(page).locator('[data-status="waiting"] [data-position="0"]').waitFor({ timeout: 15_000 })
    expect(await status(page).locator('[data-position]').textContent()).toContain('لا أحد أمامك الآن')
    await shot(page, 'status-ar-next')
    await expectAccessible(page, 'ar, nobody ahead')

    // this ticket is called: the counter, prominently, pushed
    await center.action(clerk, counter.id, 'start')
    await center.action(clerk, counter.id, 'finish')
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(mine.id)
    const turn = status(page).locator('[data-status="called"] [data-counter="3"]')
    await turn.waitFor({ timeout: 15_000 })
    expect(await turn.textContent()).toContain('توجّه إلى الشباك 3')
    expect(await turn.textContent()).toContain('Passports desk')
    await shot(page, 'status-ar-called')
    await expectAccessible(page, 'ar, called')

    await status(page).locator('tabour-lang-switch button').click()
    await status(page).getByText('Dokki Service Center').waitFor()
    await status(page).getByText('Please go to counter 3').waitFor()
    await shot(page, 'status-en-called')
    await expectAccessible(page, 'en, called')

    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42)
    const text = await status(page).evaluate((el) => el.shadowRoot!.textContent ?? '')
    expect(text).not.toContain('01099998888')
    expect(text).not.toContain('clerk-live')
  })

  it('cancels its own waiting ticket after a confirm step; the line shrinks', async () => {
    const { center, url, service, kiosk } = await startCenter()
    await center.issue(kiosk.token, { serviceId: service.id })
    const mine = await center.issue(kiosk.token, { serviceId: service.id })
    const admin = await center.admin()
    const waiting = async () =>
      ((await center.request('GET', '/api/v1/services', { token: admin })).json() as { id: number; waiting: number }[]).find(
        (s) => s.id === service.id,
      )!.waiting
    expect(await waiting()).toBe(2)

    const page = await contexts.page(PHONE, { locale: 'en-GB' })
    await page.goto(`${url}/t/${mine.id}`)
    await status(page).locator('[data-status="waiting"]').waitFor()
    await status(page).locator('[data-cancel]').click()
    // a stray tap is not enough: the confirm step can be declined
    await status(page).locator('[data-cancel-no]').click()
    expect(await waiting()).toBe(2)
    await status(page).locator('[data-cancel]').click()
    await shot(page, 'status-cancel-confirm')
    await expectAccessible(page, 'cancel, confirm step')
    await status(page).locator('[data-cancel-yes]').click()
    await status(page).locator('[data-status="cancelled"]').waitFor({ timeout: 15_000 })
    await expectAccessible(page, 'cancelled')
    expect(await waiting()).toBe(1)
    const ticket = (await center.request('GET', `/api/v1/tickets/${mine.id}`)).json()
    expect(ticket.status).toBe('cancelled')
    expect(await status(page).locator('[data-cancel]').count()).toBe(0)
  })
})
