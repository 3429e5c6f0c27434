import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { consoleAtCounter } from './console-login.ts'
import { consoleText } from '../../protocol/messages/console.ts'
import { seriousAxeViolations } from './axe.ts'

/**
 * Walk s55, console finding 6: logging out with a ticket at the counter said «أنهِ التذكرة الحالية أو
 * حوّلها قبل الخروج» / "Finish or transfer the current ticket": two ways to free the counter, where
 * the console shows more (park, no-show). The dialog names the buttons the ticket has now.
 */
const SHOTS = join(ROOT, 'test-results', 'console-logout-ways')
const suite = useBrowserSuite(SHOTS)

describe('logging out with a ticket at the counter (walk s55, console F6)', () => {
  it('names every button that frees the counter now, by its label, in Arabic and English', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const run = await listeningCenter({ clock, config: { uiDir: suite.uiDir, queue: { policy: 'fifo' } } }, suite.cleanups)
    const a = await run.center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    // a counter and a clerk for each language
    const counters = {
      ar: await run.center.createCounter({ number: 1, serviceIds: [a.id] }),
      en: await run.center.createCounter({ number: 2, serviceIds: [a.id] }),
    }
    const clerks = { ar: 'clerk1', en: 'clerk2' }
    for (const clerk of Object.values(clerks)) await run.center.createUser(clerk)
    const kiosk = (await run.center.createDevice('kiosk')).token
    await run.center.issue(kiosk, { serviceId: a.id })
    await run.center.issue(kiosk, { serviceId: a.id })
    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page({ width: 1366, height: 768 })
      await consoleAtCounter(page, run.url, clerks[lang], counters[lang].id, lang)
      await page.locator('tabour-action-bar button[data-action="call_next"]').click()
      // serving it: finish, transfer, park and no-show each take it off the counter
      await page.locator('tabour-action-bar button[data-action="start"]').click()
      await page.locator('tabour-action-bar button[data-action="finish"]').waitFor()
      const shown: string[] = []
      for (const way of ['finish', 'transfer', 'park', 'no_show'] as const)
        if ((await page.locator(`[data-action="${way}"]`).count()) > 0) shown.push(consoleText(`action.${way}`, lang))
      expect(shown.length, lang).toBeGreaterThanOrEqual(3)
      await page.locator('header [data-action="logout"]').click()
      const why = page.locator('tabour-logout-dialog [data-dialog="logout"] p')
      await why.waitFor()
      const text = (await why.textContent()) ?? ''
      for (const label of shown) expect(text, lang).toContain(label)
      await page.locator('tabour-logout-dialog [data-dialog="logout"]').screenshot({ path: join(SHOTS, `logout-busy-${lang}.png`) })
      expect(await seriousAxeViolations(page), `logout dialog, ticket held, ${lang}`).toEqual([])
      await page.close()
    }
  }, 120_000)
})
