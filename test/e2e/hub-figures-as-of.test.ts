import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { localDay } from '../../protocol/center-clock.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { toArabicIndic } from '../../ui-common/digits.ts'
import { finalHour } from '../hub/final-hour.ts'
import { registerCenter, startTestHub } from '../hub/hub-harness.ts'

/**
 * Deferred rollups on the national page: while a stored batch waits to be folded, the figures
 * say until when they hold every batch («الأرقام حتى …» / "Figures as of …", the oldest waiting
 * change's time); once it is folded the line is gone.
 */

const SHOTS = join(ROOT, 'test-results', 'hub-figures-as-of')
const suite = useBrowserSuite(SHOTS)

describe('the hub page on a hub that defers its rollups', () => {
  it('says until when the figures hold every batch while one waits to be folded, and nothing once it is folded', {
    timeout: 180_000,
  }, async () => {
    // a refresher that would fold only in an hour: the batch waits until the test folds it
    const hub = await startTestHub({ config: { uiDir: suite.uiDir, rollupRefreshMs: 3_600_000 } })
    suite.cleanups.push(() => hub.close())
    await registerCenter(hub, 'EG-CAI-001', { nameAr: 'مركز مدينة نصر', nameEn: 'Nasr City center' })
    const rows = [{ serviceCode: 'A', serviceNameAr: 'جوازات', serviceNameEn: 'Passports', ...zeroCounts(), issued: 4 }]
    const stored = Date.now() - 7 * 60_000
    await hub.store.ingestHours([finalHour('EG-CAI-001', localDay(Date.now(), 'Africa/Cairo'), rows)], randomUUID(), stored)

    const page = await suite.contexts.page(LANDSCAPE)
    await page.goto(`${hub.url}/hub/ui/`)
    const asOf = page.locator('[data-figures-as-of]')
    await expect.poll(() => asOf.count()).toBe(1)
    // the minute of the waiting batch, as the page's clock writes it (Arabic-Indic digits)
    const minute = await page.evaluate((at) => String(new Date(at).getMinutes()).padStart(2, '0'), stored)
    const text = (await asOf.textContent()) ?? ''
    expect(text).toMatch(/^الأرقام حتى /)
    expect(text).toContain(`:${toArabicIndic(minute)}`)
    // nothing of the waiting batch counted yet: as of that minute no center's figures are in
    expect(await page.locator('[data-kpi="issued"] .v').textContent()).toBe('لا بيانات')
    await page.screenshot({ path: join(SHOTS, 'as-of-ar.png') })
    await page.locator('tabour-lang-switch button').click()
    await expect.poll(() => asOf.textContent()).toMatch(new RegExp(`^Figures as of .*:${minute}`))

    expect(await hub.store.flushRollups()).toBe(1)
    await page.locator('form.range button[type="submit"]').click()
    await expect.poll(() => page.locator('[data-kpi="issued"] .v').textContent()).toBe('4')
    expect(await asOf.count()).toBe(0)
  })
})
