import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { daytimeShiftMs, STAFF_PASSWORD, type TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { join } from 'node:path'
import { seriousAxeViolations } from './axe.ts'

/**
 * Parking on the console in real Chromium (issue 21): clerk 1 (Arabic) parks the ticket at the
 * counter with a reason and minutes, the counter is free; clerk 2 (English) at another counter
 * of the same service sees it in "Parked" with the time left and resumes it when the citizen
 * comes back: it becomes clerk 2's current ticket and leaves both lists. Screenshots go to
 * test-results/parking/ (TABOUR_SHOTS to change it).
 */

const SHOTS = process.env.TABOUR_SHOTS ?? join(ROOT, 'test-results', 'parking')
const DESK = { width: 1366, height: 768 } as const
const suite = useBrowserSuite(SHOTS)

async function login(page: Page, url: string, username: string, lang: 'ar' | 'en'): Promise<void> {
  await page.goto(`${url}/counter/${lang === 'en' ? '?lang=en' : ''}`)
  await page.locator('main[data-phase="login"] input[name="username"]').fill(username)
  await page.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
  await page.locator('main[data-phase="login"] [data-action="login"]').click()
  await page.locator('main[data-phase="choose"]').waitFor()
}

async function openCounter(page: Page, counterId: number): Promise<void> {
  await page.locator(`tabour-counter-chooser [data-counter-id="${counterId}"] [data-action="open"]`).click()
  await page.locator('main[data-phase="console"]').waitFor()
}

/** The counter's Pause, its first reason, Enter: the counter is paused. */
async function pause(page: Page): Promise<void> {
  await page.locator('tabour-action-bar button[data-action="pause"]').click()
  await page.locator('tabour-console-dialog form[data-dialog="pause"]').waitFor()
  await page.keyboard.press('Digit1')
  await page.keyboard.press('Enter')
  await page.locator('header [data-counter-state="paused"]').waitFor()
}

/** Service A served by counters 1 and 2 (clerk1, clerk2), a kiosk, on a daytime clock; parks up to 20 minutes. */
async function twoCounters(clock: TestClock = daytimeClock()) {
  const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir, queue: { maxParkMinutes: 20 } }, clock }, suite.cleanups)
  const a = await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
  const c1 = await center.createCounter({ number: 1, name: 'الشباك الأول', serviceIds: [a.id] })
  const c2 = await center.createCounter({ number: 2, name: 'الشباك الثاني', serviceIds: [a.id] })
  await center.createUser('clerk1')
  await center.createUser('clerk2')
  const kiosk = (await center.createDevice('kiosk')).token
  return { center, url, a, c1, c2, kiosk }
}

/** A daytime center clock that runs with real time; `ahead.ms` moves it on. */
function daytimeClock(ahead = { ms: 0 }): TestClock {
  const shift = daytimeShiftMs()
  return { fn: () => Date.now() + shift + ahead.ms } as TestClock
}

/** Clerk 1's console in Arabic at counter 1, clerk 2's in English at counter 2, both open. */
async function consoles(url: string, counter1: number, counter2: number): Promise<[Page, Page]> {
  const [p1, p2] = [await suite.contexts.page(DESK), await suite.contexts.page(DESK, { locale: 'en-US' })]
  await Promise.all([login(p1, url, 'clerk1', 'ar'), login(p2, url, 'clerk2', 'en')])
  await Promise.all([openCounter(p1, counter1), openCounter(p2, counter2)])
  return [p1, p2]
}

const current = (page: Page, label: string) => page.locator(`tabour-current-ticket [data-current-label="${label}"]`)

describe('parking a ticket on the console', { timeout: 180_000 }, () => {
  it('parks at counter 1, shows it in Parked at counter 2 with the time left, and resumes it there', async () => {
    const { center, url, a, c1, c2, kiosk } = await twoCounters()
    const first = await center.issue(kiosk, { serviceId: a.id })
    const second = await center.issue(kiosk, { serviceId: a.id })

    const [p1, p2] = await consoles(url, c1.id, c2.id)

    // clerk 1 calls A-001 and parks it: the citizen goes to fetch a document
    await p1.locator('tabour-action-bar button[data-action="call_next"]').click()
    await current(p1, first.label).waitFor()
    await p1.locator('tabour-park-button button[data-action="park"]').click()
    const form = p1.locator('tabour-park-dialog form[data-dialog="park"]')
    await form.waitFor()
    // the bound as the server set it (queue.maxParkMinutes), in the label beside the box (a text box in the screen's digits)
    expect(await form.locator('label.field').first().textContent()).toContain('(حتى 20)')
    expect(await p1.locator('tabour-park-dialog input[data-park-minutes]').inputValue()).toBe('15')
    await p1.locator('tabour-park-dialog input[data-park-reason="missing_document"]').check()
    await p1.locator('tabour-park-dialog input[data-park-minutes]').fill('10')
    await p1.locator('tabour-park-dialog input[data-park-note]').fill('شهادة الميلاد')
    expect(await seriousAxeViolations(p1), 'park dialog, ar').toEqual([])
    await p1.screenshot({ path: `${SHOTS}/console-park-dialog-ar.png` })
    await p1.locator('tabour-park-dialog [data-action="confirm"]').click()
    await p1.locator('tabour-current-ticket [data-current="none"]').waitFor()
    await p1.locator(`[data-notice="park.done"]`).waitFor()
    await p1.locator(`tabour-parked-list [data-parked-ticket="${first.id}"]`).waitFor()

    // the citizen's status page says the turn is kept (not "cancelled")
    const phone = await suite.contexts.page(PHONE, { locale: 'en-US' })
    await phone.goto(`${url}/t/${first.id}?lang=en`)
    await phone.locator('tabour-ticket-status [data-state="parked"]').waitFor()
    expect(await phone.locator('tabour-ticket-status [data-state="parked"]').textContent()).toContain('Your turn is kept')
    await phone.screenshot({ path: `${SHOTS}/status-parked-en.png` })

    // the counter is free: clerk 1 calls the next citizen, so Resume waits there
    await p1.locator('tabour-action-bar button[data-action="call_next"]').click()
    await current(p1, second.label).waitFor()
    expect(await p1.locator(`tabour-parked-list [data-parked-ticket="${first.id}"] button`).isDisabled()).toBe(true)

    // clerk 2 (English) sees it with its reason and the minutes left
    const row = p2.locator(`tabour-parked-list [data-parked-ticket="${first.id}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain('Fetching a missing document')
    expect(await row.locator('[data-left]').textContent()).toMatch(/\b(10|9) min left/)
    expect(await seriousAxeViolations(p2), 'console with a parked ticket, en').toEqual([])
    await p2.screenshot({ path: `${SHOTS}/console-parked-list-en.png` })
    expect(center.app.tabour.db.prepare('SELECT status, counter_id AS c FROM tickets WHERE id = ?').get(first.id)).toEqual({
      status: 'parked',
      c: null,
    })

    // the citizen is back: clerk 2 resumes it, ahead of anyone waiting
    await row.locator('button[data-action="resume-parked"]').click()
    await current(p2, first.label).waitFor()
    await p2.locator('tabour-parked-list [data-panel="parked"]').waitFor({ state: 'detached' })
    await p1.locator('tabour-parked-list [data-panel="parked"]').waitFor({ state: 'detached' })
    await p2.screenshot({ path: `${SHOTS}/console-resumed-en.png` })
    expect(center.app.tabour.db.prepare('SELECT status, counter_id AS c FROM tickets WHERE id = ?').get(first.id)).toEqual({
      status: 'called',
      c: c2.id,
    })
  })
})

/**
 * A clerk's break and a parked citizen (walk s40: a paused counter's parked list said "Finish the
 * current ticket first" though it held none, the park clock ran through the break, and the status
 * page named neither the reason nor the counter). Clerk 1 (Arabic) parks A-001 for a payment and
 * pauses; clerk 2 (English) pauses too. Both lists say to resume the counter first and that the
 * time stands still; the status page, in English and Arabic, names the reason and counter 1 and
 * says the clock stopped. Clerk 1 comes back and resumes the citizen.
 */
describe('a parked citizen and the clerk on a break', { timeout: 180_000 }, () => {
  it('says to resume the counter first, stops the park clock, and the status page names the reason and the counter', async () => {
    const { center, url, a, c1, c2, kiosk } = await twoCounters()
    const first = await center.issue(kiosk, { serviceId: a.id })

    const [p1, p2] = await consoles(url, c1.id, c2.id)

    // clerk 1 calls A-001 and parks it for a payment, then goes on a break
    await p1.locator('tabour-action-bar button[data-action="call_next"]').click()
    await p1.locator(`tabour-current-ticket [data-current-label="${first.label}"]`).waitFor()
    await p1.locator('tabour-park-button button[data-action="park"]').click()
    await p1.locator('tabour-park-dialog form[data-dialog="park"]').waitFor()
    await p1.locator('tabour-park-dialog input[data-park-reason="payment"]').check()
    await p1.locator('tabour-park-dialog input[data-park-minutes]').fill('15')
    await p1.locator('tabour-park-dialog [data-action="confirm"]').click()
    await p1.locator(`tabour-parked-list [data-parked-ticket="${first.id}"]`).waitFor()
    await pause(p1)
    await pause(p2)

    // both paused consoles: the true reason Resume waits, and the ticket's time standing still
    const hint1 = p1.locator('tabour-parked-list [data-parked-hint="paused"]')
    await hint1.waitFor()
    expect(await hint1.textContent()).toContain('استأنف عمل الشباك أولًا')
    const row1 = p1.locator(`tabour-parked-list [data-parked-ticket="${first.id}"]`)
    await row1.locator('[data-left][data-clock-stopped]').waitFor()
    expect(await row1.locator('[data-left]').textContent()).toContain('متوقف أثناء استراحة شباكه')
    expect(await row1.locator('button[data-action="resume-parked"]').isDisabled()).toBe(true)
    expect(await seriousAxeViolations(p1), 'paused console with a parked ticket, ar').toEqual([])
    await p1.screenshot({ path: `${SHOTS}/console-paused-parked-ar.png` })

    const hint2 = p2.locator('tabour-parked-list [data-parked-hint="paused"]')
    await hint2.waitFor()
    expect(await hint2.textContent()).toContain('Resume the counter first')
    expect(await hint2.textContent()).not.toContain('Finish the current ticket')
    const row2 = p2.locator(`tabour-parked-list [data-parked-ticket="${first.id}"]`)
    await row2.locator('[data-left][data-clock-stopped]').waitFor()
    expect(await row2.locator('[data-left]').textContent()).toMatch(/\b(15|14) min left · stopped during its counter's break/)
    expect(await seriousAxeViolations(p2), 'paused console with a parked ticket, en').toEqual([])
    await p2.screenshot({ path: `${SHOTS}/console-paused-parked-en.png` })

    // the citizen's page, English then Arabic: the reason, the counter, the clock stopped
    const phone = await suite.contexts.page(PHONE, { locale: 'en-US' })
    await phone.goto(`${url}/t/${first.id}?lang=en`)
    const status = phone.locator('tabour-ticket-status')
    await status.locator('[data-state="parked"]').waitFor()
    expect(await status.locator('[data-parked-reason]').textContent()).toContain('Reason: Making a payment')
    expect(await status.locator('[data-parked-counter="1"]').textContent()).toContain('Come back to counter 1.')
    // the time left, not an hour: the hour moves later every second of the break (it would be stale at once)
    const stopped = status.locator('[data-parked-clock-stopped]')
    await stopped.waitFor()
    expect(await stopped.textContent()).toMatch(/You have (15|14) minutes left, counted from when the counter is back from its break\./)
    expect(await status.locator('[data-parked-until]').count()).toBe(0)
    expect(await seriousAxeViolations(phone), 'status page of a parked ticket, en').toEqual([])
    await phone.screenshot({ path: `${SHOTS}/status-parked-paused-en.png`, fullPage: true })

    const phoneAr = await suite.contexts.page(PHONE)
    await phoneAr.goto(`${url}/t/${first.id}?lang=ar`)
    const statusAr = phoneAr.locator('tabour-ticket-status')
    await statusAr.locator('[data-state="parked"]').waitFor()
    expect(await statusAr.locator('[data-parked-reason]').textContent()).toContain('السبب: السداد')
    expect(await statusAr.locator('[data-parked-counter="1"]').textContent()).toContain('عُد إلى الشباك')
    await statusAr.locator('[data-parked-clock-stopped]').waitFor()
    expect(await statusAr.locator('[data-parked-clock-stopped]').textContent()).toMatch(
      /يبقى لك (١٥|١٤|15|14) دقيقة تُحسب بعد عودة الشباك من الاستراحة\./,
    )
    expect(await seriousAxeViolations(phoneAr), 'status page of a parked ticket, ar').toEqual([])
    await phoneAr.screenshot({ path: `${SHOTS}/status-parked-paused-ar.png`, fullPage: true })

    // clerk 1 is back: the clock runs again (the page says so at once), and the citizen is resumed at counter 1
    await p1.locator('tabour-action-bar button[data-action="resume"]').click()
    await p1.locator('header [data-counter-state="open"]').waitFor()
    await p1.locator('tabour-parked-list [data-parked-hint="none"]').waitFor()
    await row1.locator('[data-left]:not([data-clock-stopped])').waitFor()
    await status.locator('[data-parked-clock-stopped]').waitFor({ state: 'detached' })
    await status.locator('[data-parked-until]').waitFor()
    await row1.locator('button[data-action="resume-parked"]').click()
    await p1.locator(`tabour-current-ticket [data-current-label="${first.label}"]`).waitFor()
    expect(center.app.tabour.db.prepare('SELECT status, counter_id AS c FROM tickets WHERE id = ?').get(first.id)).toEqual({
      status: 'called',
      c: c1.id,
    })
  })
})

/**
 * A parked ticket whose time runs out (walk s54): the server gives it up at its deadline and it leaves
 * the Parked list; the banner above, which still said "A-001 is parked; the counter is free", now says
 * it lost its place.
 */
describe('a parked ticket whose time runs out', { timeout: 180_000 }, () => {
  it('leaves the Parked list and the banner says it lost its place, in Arabic and English', async () => {
    const ahead = { ms: 0 }
    const { center, url, a, c1, c2, kiosk } = await twoCounters(daytimeClock(ahead))
    const first = await center.issue(kiosk, { serviceId: a.id })
    const [p1, p2] = await consoles(url, c1.id, c2.id)
    await p1.locator('tabour-action-bar button[data-action="call_next"]').click()
    await current(p1, first.label).waitFor()
    await p1.locator('tabour-park-button button[data-action="park"]').click()
    await p1.locator('tabour-park-dialog input[data-park-minutes]').fill('1')
    await p1.locator('tabour-park-dialog [data-action="confirm"]').click()
    await p1.locator('[data-notice="park.done"]').waitFor()
    await p2.locator(`tabour-parked-list [data-parked-ticket="${first.id}"]`).waitFor()

    // two minutes on, the sweep (it runs before any read) gives it up
    ahead.ms += 2 * 60_000
    expect((await center.request('GET', '/api/v1/services', { token: kiosk })).statusCode).toBe(200)
    expect(center.app.tabour.db.prepare('SELECT status FROM tickets WHERE id = ?').pluck().get(first.id)).toBe('abandoned')
    await p1.locator('[data-notice="parked.givenUp"]').getByText(`انتهت مدة ركن التذكرة ${first.label}`).waitFor()
    await p1.locator('[data-notice="park.done"]').waitFor({ state: 'detached' })
    await p1.locator('tabour-parked-list [data-panel="parked"]').waitFor({ state: 'detached' })
    await p2
      .locator('[data-notice="parked.givenUp"]')
      .getByText(`Ticket ${first.label} was parked past its time and has lost its place`)
      .waitFor()
    await p1.screenshot({ path: `${SHOTS}/console-park-given-up-ar.png` })
    await p2.screenshot({ path: `${SHOTS}/console-park-given-up-en.png` })
  })
})
