import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * The TV's recent calls and its "Recall" pill, in real Chromium at 1920×1080 against a real
 * center (walk of 2026-12-05): a recent row says «الشباك» and "Counter", as the big call does
 * (it said only «الشباك»); the pill's English word is dark on its yellow (it was the heading's
 * soft blue, 1.1:1), and axe sees the pill: the board's earlier axe runs never had a recall on it.
 * A TV reloaded after the recall shows the pill too (the snapshot says it); once the clerk starts
 * the recalled ticket, the live board drops the pill, as a reload does.
 * Western and Arabic-Indic digits (the English caption then carries the number too).
 * Screenshots go to test-results/display-recall-rows/.
 */
const SHOTS = join(ROOT, 'test-results', 'display-recall-rows')
// the calls are announced (spoken-board.ts: a call is the big one once its clip has played)
const suite = useBrowserSuite(SHOTS, { extraArgs: ['--autoplay-policy=no-user-gesture-required'] })

const now = (page: Page, label: string) => page.locator(`tabour-display-app section.now[data-now="${label}"]`)
const text = async (page: Page, selector: string) =>
  ((await page.locator(`tabour-display-app ${selector}`).textContent()) ?? '').replace(/\s+/g, ' ').trim()

describe("the TV's recent rows and recall pill", { timeout: 180_000 }, () => {
  it('rows name the counter in both languages; the recall pill reads dark on yellow and passes axe', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const service = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
    const counter = await center.createCounter({ number: 3, name: 'شباك ٣', zone: 'hall', serviceIds: [service.id] })
    const clerk = await center.openCounterAs('clerk3', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token
    for (let i = 0; i < 3; i++) await center.issue(kiosk, { serviceId: service.id })
    const admin = await center.admin()
    // no flash: the board as it stands between calls, where the pill's colours are its own
    const display = await center.request('POST', '/api/v1/devices', {
      token: admin,
      body: { kind: 'display', name: 'hall', zone: 'hall', config: { flashSeconds: 0 } },
    })
    const page = await suite.contexts.page(LANDSCAPE)
    await page.goto(`${url}/display/?pair=${display.json().pairingCode}`)
    await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()

    await center.action(clerk, counter.id, 'call-next')
    await center.action(clerk, counter.id, 'start')
    await center.action(clerk, counter.id, 'finish')
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.label).toBe('A-002')
    await now(page, 'A-002').waitFor({ timeout: 20_000 })
    const row = 'ol[data-recent] li[data-call-ticket="A-001"]'
    await page.locator(`tabour-display-app ${row}`).waitFor()
    expect(await text(page, `${row} .counter`)).toBe('الشباكCounter3')
    expect(await text(page, `${row} [data-counter-en]`)).toBe('Counter')

    // a recall: the pill, in both languages, dark on yellow
    expect((await center.action(clerk, counter.id, 'recall')).statusCode).toBe(200)
    const pill = page.locator('tabour-display-app section.now[data-now="A-002"] .badge')
    await pill.waitFor({ timeout: 20_000 })
    expect(((await pill.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe('نداء متكرر Recall')
    const inks = await pill.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.querySelector('.en')!).color])
    expect(inks[1]).toBe(inks[0])
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: join(SHOTS, 'tv-recall-western.png') })

    // a TV switched on after the recall (a reload: the center's first screen, then the feed's
    // snapshot) shows the same call as a recall, as the TV that got the push does
    await page.reload()
    await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor({ timeout: 20_000 })
    await pill.waitFor({ timeout: 20_000 })
    expect(((await pill.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe('نداء متكرر Recall')

    // the citizen came: Start takes the pill off the live board (and off a reload's), the call stays
    expect((await center.action(clerk, counter.id, 'start')).statusCode).toBe(200)
    await pill.waitFor({ state: 'detached', timeout: 20_000 })
    expect(await now(page, 'A-002').count()).toBe(1)

    // Arabic-Indic digits: the row's English caption carries the number in Western digits
    expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: 'arabic-indic' } })).statusCode).toBe(200)
    await page.reload()
    await page.locator(`tabour-display-app ${row} [data-counter-en]`).waitFor({ timeout: 20_000 })
    expect(await text(page, `${row} .counter`)).toBe('الشباكCounter 3٣')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: join(SHOTS, 'tv-rows-arabic-indic.png') })
  })
})
