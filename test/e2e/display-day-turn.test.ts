import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { TestClock } from '../helpers/test-center.ts'
import { useBrowserSuite } from './browser.ts'
import { hallLine, openDisplay } from './open-display.ts'
import { ROOT } from './ui-build.ts'

/**
 * A TV left on over the start of the center's business day (walk s55 finding 2), in real Chromium
 * at 1920×1080 against a real center whose clock the test moves: the calls of the evening are
 * listed greyed under "Recent calls" until midnight; once the day has turned the board lists
 * none and says «لا توجد نداءات هنا اليوم بعد» / "No calls here yet today", as the same TV
 * reloaded does (the snapshot's past calls are the day's). It kept yesterday's calls, and the next
 * morning's B-001 sat beside yesterday's "B-001 → 1". No push marks the day's turn: the TV finds it
 * in the center's hours it reads every minute and at the moments they change (the day's close).
 * Screenshots go to test-results/display-day-turn/.
 */
const SHOTS = join(ROOT, 'test-results', 'display-day-turn')
const suite = useBrowserSuite(SHOTS)

const listed = (page: Page) => page.locator('tabour-display-app ol[data-recent] li')
const past = (page: Page, label: string) =>
  page.locator(`tabour-display-app ol[data-recent] li[data-call-ticket="${label}"][data-past="yes"]`)

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

describe('a TV left on over the turn of the day', { timeout: 120_000 }, () => {
  it("drops the evening's calls from its list once the center's day has turned", async () => {
    // 23:59:50 in Cairo (UTC+2 in March): the day closes at midnight (the default calendar)
    const clock = new TestClock(Date.parse('2026-03-10T21:59:50Z'))
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const { counterId, clerk } = await hallLine(center, 2, 'B')
    // the evening's last two calls, served; the counter closes for the night
    for (const label of ['B-001', 'B-002']) {
      expect((await center.action(clerk, counterId, 'call-next')).json().ticket.label).toBe(label)
      await center.action(clerk, counterId, 'start')
      await center.action(clerk, counterId, 'finish')
    }
    await center.action(clerk, counterId, 'close')

    const page = await openDisplay(suite.contexts, center, url)
    // the hours band has read the center's hours (it says the day's line closes at midnight)
    await page.locator('tabour-display-app tabour-hours-banner [data-hours]').waitFor()
    await past(page, 'B-002').waitFor()
    await past(page, 'B-001').waitFor()
    await shot(page, 'tv-before-midnight')

    // past midnight: the center's day has turned, and the TV, left on, drops yesterday's calls
    clock.set('2026-03-10T22:00:30Z')
    await page.locator('tabour-display-app .recent [data-recent-empty="today"]').waitFor({ timeout: 30_000 })
    expect(await listed(page).count()).toBe(0)
    await shot(page, 'tv-after-midnight')

    // as the same TV reloaded says it
    await page.reload()
    await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
    await page.locator('tabour-display-app .recent [data-recent-empty="today"]').waitFor()
    expect(await listed(page).count()).toBe(0)
  })
})
