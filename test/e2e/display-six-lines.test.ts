import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { overflowing } from './layout.ts'
import { openDisplay } from './open-display.ts'
import { ROOT } from './ui-build.ts'
import { DEMO_SERVICES } from '../../server/demo/seed.ts'

/**
 * A TV that lists six lines under "waiting" (walk s55 finding 4: a TV without a zone where the
 * demo's six services are all served), in real Chromium at 1920×1080 and 1280×720: the six tiles
 * shared one row, about 265 px each, and «Reconciliatio|n requests» broke inside its word while
 * «توصيل المرافق (كهرباء ومياه وغاز)» took three or four lines. Now a name breaks only between words,
 * on two lines at most, and the tiles that do not fit take a second row. Screenshots go to test-results/display-six-lines/.
 */
const SHOTS = join(ROOT, 'test-results', 'display-six-lines')
const suite = useBrowserSuite(SHOTS)

/** The demo's six services, their names only (the names are what this test reads). */
const SERVICES = DEMO_SERVICES.map(({ prefix, nameAr, nameEn }) => ({ prefix, nameAr, nameEn }))

/** What in the waiting tiles' names is hard to read: a word broken over two lines ("name: word"), a name on more than two lines. */
const badlyWrapped = (page: Page): Promise<string[]> =>
  page.locator('tabour-display-app .waiting .svc .names span').evaluateAll((spans) =>
    spans.flatMap((span) => {
      // lit's markers are comments beside the name's text node
      const text = [...span.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
      if (!text) return [`${span.textContent}: no text`]
      const broken: string[] = []
      const all = document.createRange()
      all.selectNodeContents(text)
      const lines = new Set([...all.getClientRects()].map((r) => Math.round(r.top))).size
      if (lines > 2) broken.push(`${span.textContent}: ${lines} lines`)
      for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange()
        range.setStart(text, match.index)
        range.setEnd(text, match.index + match[0].length)
        const rows = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
        if (rows.size > 1) broken.push(`${span.textContent}: ${match[0]}`)
      }
      return broken
    }),
  )

describe('a TV listing six lines', { timeout: 120_000 }, () => {
  it('breaks their names only between words and over two lines at most, at 1920×1080 and 1280×720', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const ids: number[] = []
    for (const s of SERVICES) ids.push((await center.createService(s)).id)
    // one counter serving all six, open: a TV without a zone lists every line it serves
    const counter = await center.createCounter({ number: 1, name: 'شباك ١', serviceIds: ids })
    await center.openCounterAs('clerk1', counter.id)
    const page = await openDisplay(suite.contexts, center, url, null)
    await page.locator('tabour-display-app .waiting .svc').nth(5).waitFor()
    expect(await page.locator('tabour-display-app .waiting .svc').count()).toBe(6)
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size)
      await page.evaluate(() => document.fonts.ready)
      expect(await badlyWrapped(page), `${size.width}×${size.height}`).toEqual([])
      expect(await overflowing(page, 'tabour-display-app main, tabour-display-app section.now, tabour-display-app .waiting .svc')).toEqual(
        [],
      )
      await page.screenshot({ path: join(SHOTS, `tv-six-lines-${size.width}.png`) })
    }
  })
})
