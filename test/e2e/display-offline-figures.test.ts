import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { hallLine, openDisplay } from './open-display.ts'
import { ROOT } from './ui-build.ts'

/**
 * The TV while it cannot reach its center (walk s55 finding 3), in real Chromium at 1920×1080:
 * under «جارٍ إعادة الاتصال بالمركز…» / "Reconnecting to the center…" the calls were dimmed but the
 * waiting figures stayed bright, as if still live, though nobody updated them. Both are dimmed
 * alike now, and both come back bright with the center. Screenshots go to
 * test-results/display-offline-figures/.
 */
const SHOTS = join(ROOT, 'test-results', 'display-offline-figures')
const suite = useBrowserSuite(SHOTS)

const opacity = (page: Page, selector: string): Promise<string> =>
  page.locator(`tabour-display-app ${selector}`).evaluate((el) => getComputedStyle(el).opacity)

describe('the TV out of touch with its center', { timeout: 120_000 }, () => {
  it('dims its waiting figures with its calls, and brings both back with the center', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-offline-figures-'))
    suite.cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await listeningCenter({ config: { dataDir, uiDir: suite.uiDir } })
    let close = () => first.center.close()
    suite.cleanups.push(() => close())
    const { center, url, port } = first
    await hallLine(center, 2)
    const page = await openDisplay(suite.contexts, center, url)
    await page.locator('tabour-display-app .waiting .svc[data-service="A"] [data-waiting-count]', { hasText: /^2$/ }).waitFor()
    expect(await opacity(page, 'section.waiting')).toBe('1')

    // the center goes: once the board says it is reconnecting, the figures are dimmed like the calls
    await center.close()
    await page.locator('tabour-display-app [data-offline]').waitFor({ timeout: 30_000 })
    expect(await opacity(page, 'main[data-screen="board"]')).toBe('0.55')
    expect(await opacity(page, 'section.waiting')).toBe('0.55')
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: join(SHOTS, 'tv-reconnecting.png') })

    // back: both bright again
    const again = await listeningCenter({ config: { dataDir, uiDir: suite.uiDir }, port })
    close = () => again.center.close()
    await page.locator('tabour-display-app [data-offline]').waitFor({ state: 'detached', timeout: 30_000 })
    expect(await opacity(page, 'section.waiting')).toBe('1')
    expect(await opacity(page, 'main[data-screen="board"]')).toBe('1')
  })
})
