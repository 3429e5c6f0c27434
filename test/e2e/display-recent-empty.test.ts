import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { hallLine, openDisplay } from './open-display.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * The TV's "recent calls" panel before there is anything in it (walk of 2026-12-05,
 * d1-tv-ar-empty: a heading over nothing), in real Chromium at 1920×1080 against a real center:
 * a quiet «لا توجد نداءات هنا اليوم بعد» / "No calls here yet today" before the day's first call,
 * «لا توجد نداءات سابقة اليوم» / "No earlier calls today" beside the first one, nothing once a call
 * is listed; and after the center restarts the panel still lists the day's calls (the snapshot's
 * past calls come from the day's log), so "yet today" is never said of a day that had calls.
 * Screenshots go to test-results/display-recent-empty/.
 */
const SHOTS = join(ROOT, 'test-results', 'display-recent-empty')
// the calls are announced (spoken-board.ts: a call is the big one once its clip has played)
const suite = useBrowserSuite(SHOTS, { extraArgs: ['--autoplay-policy=no-user-gesture-required'] })

const empty = (page: Page) => page.locator('tabour-display-app .recent [data-recent-empty]')
/** The placeholder's Arabic, then its English line (a block of its own, so no space between them in the text). */
const said = async (page: Page) => ((await empty(page).textContent()) ?? '').replace(/\s+/g, ' ').trim()
const now = (page: Page, label: string) => page.locator(`tabour-display-app section.now[data-now="${label}"]`)

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

describe("the TV's recent calls before any call", { timeout: 180_000 }, () => {
  it('says none yet today, then none before the first call, then lists; a restart keeps the day’s calls listed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-recent-empty-'))
    suite.cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await listeningCenter({ config: { dataDir, uiDir: suite.uiDir } })
    let close = () => first.center.close()
    suite.cleanups.push(() => close())
    const { center, url, port } = first
    const { counterId, clerk } = await hallLine(center, 2)
    const page = await openDisplay(suite.contexts, center, url)

    // before any call: the placeholder, in both languages, quiet (axe: nothing serious or critical)
    await empty(page).waitFor()
    expect(await empty(page).getAttribute('data-recent-empty')).toBe('today')
    expect(await said(page)).toBe('لا توجد نداءات هنا اليوم بعدNo calls here yet today')
    expect(await page.locator('tabour-display-app ol[data-recent] li').count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'tv-ar-no-calls-yet')

    // the first call is the big one: nothing before it today
    expect((await center.action(clerk, counterId, 'call-next')).json().ticket.label).toBe('A-001')
    await now(page, 'A-001').waitFor({ timeout: 20_000 })
    await page.locator('tabour-display-app .recent [data-recent-empty="earlier"]').waitFor()
    expect(await said(page)).toBe('لا توجد نداءات سابقة اليومNo earlier calls today')
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'tv-ar-first-call')

    // the second call: A-001 is listed, and the placeholder goes
    await center.action(clerk, counterId, 'start')
    await center.action(clerk, counterId, 'finish')
    expect((await center.action(clerk, counterId, 'call-next')).json().ticket.label).toBe('A-002')
    await now(page, 'A-002').waitFor({ timeout: 20_000 })
    await page.locator('tabour-display-app ol[data-recent] li[data-call-ticket="A-001"]').waitFor()
    expect(await empty(page).count()).toBe(0)

    // the center restarts on the same data: the display comes back with the day's calls still listed
    await center.close()
    const again = await listeningCenter({ config: { dataDir, uiDir: suite.uiDir }, port })
    close = () => again.center.close()
    await page.locator('tabour-display-app [data-offline]').waitFor({ state: 'detached', timeout: 30_000 })
    await page.reload()
    await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
    await now(page, 'A-002').waitFor()
    await page.locator('tabour-display-app ol[data-recent] li[data-call-ticket="A-001"][data-past="yes"]').waitFor()
    expect(await empty(page).count()).toBe(0)
    await shot(page, 'tv-ar-after-restart')
  })
})
