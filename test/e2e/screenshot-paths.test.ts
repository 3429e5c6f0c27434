import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PHONE, screenshotPathAllowed, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * A test run leaves the tree as it found it (walk s53: printer-truth.test.ts rewrote
 * docs/screenshots/kiosk-printer-fault-en.png on every `npm test`): a browser test's screenshots go
 * under test-results/, or a folder named for the run, and into docs/screenshots/ only when a person
 * asks with UPDATE_SCREENSHOTS=1.
 */
const SHOTS = join(ROOT, 'test-results', 'screenshot-paths')
const suite = useBrowserSuite(SHOTS)
const DOCS = join(ROOT, 'docs', 'screenshots')

describe('where a test may write a screenshot', () => {
  it('under test-results/ and a folder named for the run; under docs/screenshots/ only with UPDATE_SCREENSHOTS=1', () => {
    expect(screenshotPathAllowed(join(SHOTS, 'a.png'), {})).toBe(true)
    expect(screenshotPathAllowed('test-results/kiosk/b.png', {})).toBe(true)
    expect(screenshotPathAllowed(join(DOCS, 'kiosk-printer-fault-en.png'), {})).toBe(false)
    expect(screenshotPathAllowed(join(DOCS, 'kiosk-printer-fault-en.png'), { UPDATE_SCREENSHOTS: '1' })).toBe(true)
    // anywhere else in the tree or outside it, unless the run named it
    for (const path of [
      join(ROOT, 'README.png'),
      join(ROOT, 'test-results-old', 'c.png'),
      join(SHOTS, '..', '..', 'd.png'),
      '/tmp/s14-printer/e.png',
    ])
      expect(screenshotPathAllowed(path, { UPDATE_SCREENSHOTS: '1' }), path).toBe(false)
    expect(screenshotPathAllowed('/tmp/s14-printer/e.png', { TABOUR_SHOTS: '/tmp/s14-printer' })).toBe(true)
    expect(screenshotPathAllowed('/tmp/s14-printer/e.png', { TABOUR_SHOTS_DIR: '/tmp/s14-printer/' })).toBe(true)
  })

  it("a test's page refuses a screenshot into docs/ without the opt-in, and writes nothing there", async () => {
    const page = await suite.contexts.page(PHONE)
    await page.setContent('<p>a page</p>')
    const path = join(DOCS, 'screenshot-paths-refused.png')
    const opted = process.env.UPDATE_SCREENSHOTS === '1'
    if (!opted) await expect(page.screenshot({ path })).rejects.toThrow(/under test-results\//)
    expect(existsSync(path)).toBe(false)
    await page.screenshot({ path: join(SHOTS, 'allowed.png') })
  })
})
