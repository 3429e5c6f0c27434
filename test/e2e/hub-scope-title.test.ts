import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { addAnalyst, startTestHub } from '../hub/hub-harness.ts'

/**
 * A governorate analyst's page names his governorate, not the nation, from its first paint after
 * a reload, whichever view the address opens (the scope is kept with the session's token): the
 * hub's answers are held back while the title is read, so it cannot come from them. A reload on
 * `?view=bundles` (national only) opens his figures instead.
 */

const SHOTS = join(ROOT, 'test-results', 'hub-scope-title')
const suite = useBrowserSuite(SHOTS)
const TITLE = 'الإسكندرية\u00a0— لوحة المتابعة'
const DOCUMENT_TITLE = 'الإسكندرية\u00a0— لوحة المتابعة · طابور'

describe('the hub page of a governorate analyst, reloaded', () => {
  it('names his governorate from the first paint on every view, before any answer of the hub', { timeout: 180_000 }, async () => {
    const hub = await startTestHub({ config: { uiDir: suite.uiDir, readToken: 'machine-read-token-for-tests' } })
    suite.cleanups.push(() => hub.close())
    await addAnalyst(hub, 'alex', 'a long enough password', 'الإسكندرية')

    const page = await suite.contexts.page(LANDSCAPE)
    await page.goto(`${hub.url}/hub/ui/`)
    const form = page.locator('form[data-analyst-sign-in]')
    await form.locator('input[name="username"]').fill('alex')
    await form.locator('input[name="password"]').fill('a long enough password')
    await form.locator('button[type="submit"]').click()
    await expect.poll(() => page.locator('h1[data-title]').textContent()).toBe(TITLE)

    // from here on the hub's answers wait until the title has been read
    const held = () => {
      let resolve = () => {}
      const promise = new Promise<void>((r) => {
        resolve = r
      })
      return { promise, resolve }
    }
    let gate = held()
    await page.route('**/api/hub/v1/**', async (route) => {
      await gate.promise
      // a request of the page before the reload has nobody left to answer
      await route.continue().catch(() => undefined)
    })
    for (const view of ['fleet', 'analysis', 'bundles', 'figures']) {
      gate = held()
      await page.goto(`${hub.url}/hub/ui/?view=${view}`)
      const title = page.locator('h1[data-title]')
      await title.waitFor()
      expect(await title.textContent(), view).toBe(TITLE)
      expect(await page.title(), view).toBe(DOCUMENT_TITLE)
      // bundles are national: not offered, and the address's view gives way to his figures
      expect(await page.locator('button[data-view="bundles"]').count(), view).toBe(0)
      const shown = view === 'bundles' ? 'figures' : view
      expect(await page.locator(`button[data-view="${shown}"]`).getAttribute('aria-pressed'), view).toBe('true')
      gate.resolve()
    }
    await page.unroute('**/api/hub/v1/**')
    await page.reload()
    await expect.poll(() => page.locator('[data-scope]').textContent()).toBe('تعرض محافظة الإسكندرية فقط (صلاحيات حسابك).')
    expect(await page.locator('h1[data-title]').textContent()).toBe(TITLE)

    // signed out: the next sign-in (the read token, national) is not his governorate's
    await page.locator('button[data-sign-out]').click()
    await page.locator('form[data-sign-in] input[name="token"]').fill('machine-read-token-for-tests')
    await page.locator('form[data-sign-in] button[type="submit"]').click()
    await page.reload()
    await expect.poll(() => page.locator('h1[data-title]').textContent()).toBe('لوحة المتابعة القومية لمراكز خدمة المواطنين')
  })
})
