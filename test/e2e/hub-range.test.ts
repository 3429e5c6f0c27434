import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { localDay } from '../../protocol/center-clock.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { batchPath, postSigned, registerCenter, startTestHub } from '../hub/hub-harness.ts'

/**
 * Issue 23, bad input: an analyst asking the national page for a range longer than a year is
 * told so (HUB_ERR_RANGE_TOO_LONG), in Arabic and English, instead of "could not load"; a
 * year's range then shows the figures again; a reversed range is said to be reversed, with no
 * figures left on screen. Dashboard size (1366×768).
 */

const SHOTS = join(ROOT, 'test-results', 'hub-range')
const suite = useBrowserSuite(SHOTS)
const DASHBOARD = { width: 1366, height: 768 } as const

describe('the hub page and a huge range', () => {
  it('says the range is too long, in Arabic and English, and shows figures again for a year', { timeout: 180_000 }, async () => {
    const hub = await startTestHub({ config: { uiDir: suite.uiDir } })
    suite.cleanups.push(() => hub.close())
    const secret = await registerCenter(hub, 'EG-CAI-001', { nameAr: 'مركز مدينة نصر', nameEn: 'Nasr City center' })
    const day = localDay(Date.now(), 'Africa/Cairo')
    const rows = [{ serviceCode: 'A', serviceNameAr: 'جوازات', serviceNameEn: 'Passports', ...zeroCounts(), issued: 4 }]
    const batch = {
      centerId: 'EG-CAI-001',
      seq: 1,
      day,
      hour: 9,
      timeZone: 'Africa/Cairo',
      revision: 1,
      final: true,
      generatedAt: Date.now(),
      rows,
    }
    expect((await postSigned(hub.url, batchPath, 'EG-CAI-001', secret, batch)).status).toBe(200)

    const page = await suite.contexts.page(DASHBOARD)
    await page.goto(`${hub.url}/hub/ui/`)
    const tooLong = page.locator('[data-range-too-long]')
    const ask = async (from: string, to: string) => {
      await page.locator('input[name="from"]').fill(from)
      await page.locator('input[name="to"]').fill(to)
      await page.locator('form.range button[type="submit"]').click()
    }
    await ask('2016-01-01', day)
    await expect.poll(() => tooLong.count()).toBe(1)
    await expect.poll(() => page.locator('[data-table="center"]').count()).toBe(0) // no figures of the range asked before shown under this one
    expect(await tooLong.textContent()).toBe('الفترة أطول من سنة (٣٦٦ يومًا)، ولساعات اليوم أطول من ٣١ يومًا. اختر فترة أقصر.')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'too-long-ar.png') })

    await page.locator('tabour-lang-switch button').click()
    await expect
      .poll(() => tooLong.textContent())
      .toBe('The range is longer than a year (366 days), or than 31 days by hour. Choose a shorter range.')
    await page.screenshot({ path: join(SHOTS, 'too-long-en.png') })

    const yearAgo = new Date(Date.parse(`${day}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10)
    await ask(yearAgo, day)
    await expect.poll(() => tooLong.count()).toBe(0)
    await expect
      .poll(() => page.locator('[data-table="center"] tr[data-center-id="EG-CAI-001"] [data-col="issued"]').textContent())
      .toBe('4')
    await page.screenshot({ path: join(SHOTS, 'year-en.png') })

    // To before From: said so (the hub would answer 400), not "retrying", and the year's figures are gone
    await ask(day, yearAgo)
    const reversed = page.locator('[data-range-reversed]')
    await expect.poll(() => reversed.textContent()).toBe('The “To” date is before the “From” date. Choose a “To” date on or after “From”.')
    expect(await page.locator('[data-table="center"]').count()).toBe(0)
    expect(await page.locator('form.range .error').count()).toBe(1)
    await page.locator('tabour-lang-switch button').click()
    await expect.poll(() => reversed.textContent()).toBe('تاريخ «إلى» قبل تاريخ «من». اختر تاريخ «إلى» في يوم «من» أو بعده.')
    expect(await seriousAxeViolations(page)).toEqual([])

    // a day that does not exist, from the address: the hub's 400 is said with its reason, not "retrying…"
    await page.goto(`${hub.url}/hub/ui/?from=2026-02-30&to=2026-03-01`)
    const refused = page.locator('[data-request-refused]')
    // in the page's words for the hub's code; which value, as the hub names it, after them (marked English)
    await expect.poll(() => refused.textContent()).toContain('رفضت الجهة المركزية هذا الطلب: بعض البيانات المرسلة غير صحيحة.')
    expect(await refused.getAttribute('data-request-refused')).toBe('HUB_ERR_VALIDATION')
    expect(await refused.locator('bdi[data-detail]').textContent()).toContain('2026-02-30 is not a calendar day')
    expect(await refused.locator('bdi[data-detail]').getAttribute('lang')).toBe('en')
    await page.locator('tabour-lang-switch button').click()
    await expect.poll(() => refused.textContent()).toContain('The hub refused this request: Some of the data sent is not valid.')
    expect(await page.locator('[data-table="center"]').count()).toBe(0)
  })
})
