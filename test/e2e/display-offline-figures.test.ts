import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
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
    const service = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
    const counter = await center.createCounter({ number: 1, name: 'شباك ١', zone: 'hall', serviceIds: [service.id] })
    await center.openCounterAs('clerk1', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token
    for (let i = 0; i < 2; i++) await center.issue(kiosk, { serviceId: service.id })
    const display = await center.request('POST', '/api/v1/devices', {
      token: await center.admin(),
      body: { kind: 'display', name: 'hall', zone: 'hall' },
    })
    const page = await suite.contexts.page(LANDSCAPE)
    await page.goto(`${url}/display/?pair=${display.json().pairingCode}`)
    await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
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
