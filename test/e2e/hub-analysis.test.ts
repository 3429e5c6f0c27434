import { describe, expect, it } from 'vitest'
import { localDay } from '../../protocol/center-clock.ts'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { overflowing } from './layout.ts'
import { ROOT } from './ui-build.ts'
import { formatNumber } from '../../ui-common/digits.ts'
import { expectedSums, type FixtureRow, ingestFixture, isoWeek, sendCenterRows, shiftDay } from '../hub/analysis-fixture.ts'
import { addAnalyst, startTestHub } from '../hub/hub-harness.ts'
import { HUB_MESSAGES } from '../../protocol/messages/hub.ts'

/**
 * Issue 23, analysis in Chromium: an analyst signs in, opens the analysis; the weekly trend and
 * the period before show the sums of the rows the test sent, the map colours the three
 * governorates that reported (and its table lists them), and the drill-down goes governorate →
 * center → service → hour with the right numbers, by mouse and by keyboard. Arabic at 1920×1080,
 * English at 1366×768, no serious axe finding, nothing spilling sideways.
 */

const SHOTS = join(ROOT, 'test-results', 'hub-analysis')
const suite = useBrowserSuite(SHOTS)
const FROM = '2026-11-02'
const TO = '2026-11-29'
const ar = (n: number) => formatNumber(n, { digits: 'arabic-indic', grouping: true, maximumFractionDigits: 1 })
const en = (n: number) => formatNumber(n, { digits: 'western', grouping: true, maximumFractionDigits: 1 })
const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()))
/** How many lines of text each element takes (its text's boxes, those within a few pixels of each other's top one line). */
const lineCounts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const tops: number[] = []
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim()) continue
        const range = document.createRange()
        range.selectNodeContents(n)
        for (const r of Array.from(range.getClientRects())) if (!tops.some((t) => Math.abs(t - r.top) < 4)) tops.push(r.top)
      }
      return tops.length
    }),
  )
/** The trend chart's plot and legend directions, and whether the legend's first item («هذه الفترة» / "This period") is its rightmost. */
const trendDirections = (page: Page) =>
  page.locator('tabour-hub-trend').evaluate((el) => {
    const root = el.shadowRoot!
    const items = [...root.querySelectorAll('.u-legend .u-series')].filter((e) => (e as HTMLElement).offsetParent !== null)
    const lefts = items.map((e) => e.getBoundingClientRect().left)
    return {
      plot: getComputedStyle(root.querySelector('.plot')!).direction,
      legend: getComputedStyle(root.querySelector('.u-legend')!).direction,
      firstItemRightmost: lefts.length > 1 && lefts[0] === Math.max(...lefts),
    }
  })
/** Whether the drill-down's table stands beside the map (its top above the map's bottom) rather than under it. */
const besideMap = async (page: Page) => {
  const map = await page.locator('tabour-hub-map').boundingBox()
  const drill = await page.locator('tabour-hub-drill').boundingBox()
  return drill!.y < map!.y + map!.height
}

describe('the hub page: analysis', () => {
  it('an analyst sees the trend beside the period before, the map, and drills down to the hour, in Arabic and English', {
    timeout: 180_000,
  }, async () => {
    const hub = await startTestHub({ config: { uiDir: suite.uiDir, readToken: 'machine-read-token-for-tests' } })
    suite.cleanups.push(() => hub.close())
    // an hour whose only tickets waited on past their target, uncalled: it read "0 issued, 0 called, ٠٪" and nothing else (walk of 2026-12-06)
    const pastTargetOnly: FixtureRow = {
      centerId: 'EG-CAI-001',
      governorate: 'القاهرة',
      day: FROM,
      hour: 10,
      nationalCode: 'PASSPORT',
      issued: 0,
      served: 0,
      noShow: 0,
      waitCount: 0,
      waitSumSeconds: 0,
      waitWithinTarget: 0,
      waitMissedUncalled: 3,
      // of which 2 were still in the line when the center sent the hour: not known misses (walk of 2026-12-06)
      waitingPastTarget: 2,
    }
    const rows = await ingestFixture(hub, [pastTargetOnly])
    await addAnalyst(hub, 'nour', 'a long enough password')
    await addAnalyst(hub, 'alex', 'a long enough password', 'الإسكندرية')
    const within = (from: string, to: string, keep: (r: FixtureRow) => boolean = () => true) =>
      rows.filter((r) => r.day >= from && r.day <= to && keep(r))

    const page = await suite.contexts.page(LANDSCAPE)
    await page.goto(`${hub.url}/hub/ui/?view=analysis&from=${FROM}&to=${TO}`)
    const form = page.locator('form[data-analyst-sign-in]')
    await form.waitFor()
    await form.locator('input[name="username"]').fill('nour')
    await form.locator('input[name="password"]').fill('a long enough password')
    await form.locator('button[type="submit"]').click()

    // the trend by ISO week: four weeks, each beside the same days four weeks earlier
    const trendRows = page.locator('[data-table="trend"] tbody tr')
    await expect.poll(() => trendRows.count()).toBe(4)
    const weeks = ['2026-W45', '2026-W46', '2026-W47', '2026-W48']
    expect(await trendRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-point')))).toEqual(weeks)
    for (const [i, week] of weeks.entries()) {
      const from = shiftDay(FROM, 7 * i)
      const mine = within(from, shiftDay(from, 6))
      expect(new Set(mine.map((r) => isoWeek(r.day)))).toEqual(new Set([week]))
      const row = page.locator(`[data-table="trend"] tr[data-point="${week}"]`)
      expect(await row.locator('[data-col="current"]').textContent()).toBe(ar(expectedSums(mine).issued))
      expect(await row.locator('[data-col="previous"]').textContent()).toBe(
        ar(expectedSums(within(shiftDay(from, -28), shiftDay(from, -22))).issued),
      )
    }
    expect(await page.locator('tr[data-point="2026-W45"] th').textContent()).toBe('أسبوع ٤٥ من ٢٠٢٦')
    const now = expectedSums(within(FROM, TO))
    const before = expectedSums(within('2026-10-05', '2026-11-01'))
    expect(await page.locator('[data-total="current"]').textContent()).toBe(
      `هذه الفترة (٢ نوفمبر ٢٠٢٦ – ٢٩ نوفمبر ٢٠٢٦): ${ar(now.issued)}`,
    )
    expect(await page.locator('[data-total="previous"]').textContent()).toBe(
      `الفترة السابقة (٥ أكتوبر ٢٠٢٦ – ١ نوفمبر ٢٠٢٦): ${ar(before.issued)}`,
    )
    const change = Math.round((1000 * (now.issued - before.issued)) / before.issued) / 10
    expect(await page.locator('[data-total="change"] strong').textContent()).toBe(`${change > 0 ? '+' : '−'}${ar(Math.abs(change))}٪`)
    expect(await page.locator('tabour-hub-trend canvas').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-trend] h2').textContent()).toBe('التذاكر الصادرة – كل المحافظات: هذه الفترة والفترة السابقة')
    // the weeks run left to right as the center's hour charts' hours do (dashboard-ui/hour-chart.ts), but the legend
    // is text: «هذه الفترة» first, at the right, on the Arabic page (it read left to right)
    expect(await trendDirections(page)).toEqual({ plot: 'ltr', legend: 'rtl', firstItemRightmost: true })

    // the map: the three governorates that reported are coloured, the other 24 not; the table lists the three
    const coloured = await page
      .locator('[data-map] g[data-governorate]')
      .evaluateAll((els) => els.filter((e) => e.getAttribute('data-class') !== 'none').map((e) => e.getAttribute('data-governorate')))
    expect(coloured.sort()).toEqual(['EG-ALX', 'EG-ASN', 'EG-C'])
    expect(await page.locator('[data-map] g[data-governorate]').count()).toBe(27)
    // the drill-down lists the governorates in the map table's order, by Arabic name (the hub answers by code: الإسكندرية first)
    await expect
      .poll(() => page.locator('[data-table="drill"] tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))))
      .toEqual(['EG-ASN', 'EG-ALX', 'EG-C'])
    const mapTable = await page
      .locator('[data-table="map"] tbody tr')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-code'), e.querySelector('[data-col="value"]')?.textContent]))
    expect(mapTable).toEqual(
      [
        ['EG-ASN', 'أسوان'],
        ['EG-ALX', 'الإسكندرية'],
        ['EG-C', 'القاهرة'],
      ].map(([code, g]) => [code, ar(expectedSums(within(FROM, TO, (r) => r.governorate === g)).issued)]),
    )
    // the legend: the colours used, each with the values it stands for (Aswan and Alexandria in the lowest fifth, Cairo the highest)
    const issuedIn = (g: string) => expectedSums(within(FROM, TO, (r) => r.governorate === g)).issued
    const [low, high] = [issuedIn('أسوان'), issuedIn('الإسكندرية')].sort((x, y) => x - y)
    const cairo = ar(issuedIn('القاهرة'))
    expect(await page.locator('[data-legend] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-legend-class')))).toEqual([
      '0',
      '4',
      'none',
    ])
    expect(await texts(page, '[data-legend] li')).toEqual([`${ar(low)} – ${ar(high)}`, cairo, 'لا بيانات'])
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await overflowing(page, 'tabour-hub-analysis')).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'analysis-ar-1920.png'), fullPage: true })

    // the drill-down by mouse: Cairo → Nasr City → Passports → by hour
    await page.locator('button[data-drill="EG-C"]').click()
    const drill = page.locator('[data-table="drill"] tbody tr')
    await expect.poll(() => page.locator('[data-table="drill"]').getAttribute('data-level')).toBe('center')
    expect(
      await drill.evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.querySelector('[data-col="issued"]')?.textContent])),
    ).toEqual(['EG-CAI-001', 'EG-CAI-002'].map((id) => [id, ar(expectedSums(within(FROM, TO, (r) => r.centerId === id)).issued)]))
    // the trend follows: Cairo's
    await expect
      .poll(() => page.locator('[data-total="current"] strong').textContent())
      .toBe(ar(expectedSums(within(FROM, TO, (r) => r.governorate === 'القاهرة')).issued))
    expect(await page.locator('[data-map] g[data-governorate="EG-C"] rect').getAttribute('stroke')).toBe('#ffc20e')
    await page.locator('button[data-drill="EG-CAI-001"]').click()
    await expect.poll(() => page.locator('[data-table="drill"]').getAttribute('data-level')).toBe('service')
    const nasr = (r: FixtureRow) => r.centerId === 'EG-CAI-001'
    expect(
      await drill.evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.querySelector('[data-col="issued"]')?.textContent])),
    ).toEqual(
      ['BIRTH-CERT', 'PASSPORT'].map((code) => [
        code,
        ar(expectedSums(within(FROM, TO, (r) => nasr(r) && r.nationalCode === code)).issued),
      ]),
    )
    // the last step by keyboard: focus the service, Enter; the new level's heading takes the focus
    await page.locator('button[data-drill="PASSPORT"]').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-table="drill"]').getAttribute('data-level')).toBe('hour')
    expect(
      await page.evaluate(
        () => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.localName,
      ),
    ).toBe('h3')
    const passports = (h: number) => expectedSums(within(FROM, TO, (r) => nasr(r) && r.nationalCode === 'PASSPORT' && r.hour === h))
    expect(
      await drill.evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-key'),
          e.querySelector('[data-col="issued"]')?.textContent,
          e.querySelector('[data-col="served"]')?.textContent,
        ]),
      ),
    ).toEqual([9, 10, 11].map((h) => [String(h), ar(passports(h).issued), ar(passports(h).served)]))
    expect(await texts(page, '[data-table="drill"] tbody th')).toEqual([
      '٩:٠٠\u00a0–\u00a0١٠:٠٠',
      '١٠:٠٠\u00a0–\u00a0١١:٠٠',
      '١١:٠٠\u00a0–\u00a0١٢:٠٠',
    ])
    // the hour of tickets past their target only: its share is of those 3 (٠٪), and the counts beside it say what they are:
    // one left uncalled, two still waiting (one count put them together, as if all three were missed)
    const pastTarget = page.locator('[data-table="drill"] tr[data-key="10"]')
    expect(await pastTarget.locator('[data-col="sla"]').textContent()).toBe('٠٪')
    expect(await pastTarget.locator('[data-col="leftPastTarget"]').textContent()).toBe('١')
    expect(await pastTarget.locator('[data-col="waitingPastTarget"]').textContent()).toBe('٢')
    expect(await page.locator('tr[data-key="9"] [data-col="leftPastTarget"]').textContent()).toBe('٠')
    expect(await page.locator('tr[data-key="9"] [data-col="waitingPastTarget"]').textContent()).toBe('٠')
    expect(await texts(page, '[data-table="drill"] thead th')).toEqual(
      expect.arrayContaining(['غادروا دون نداء بعد الزمن المستهدف', 'ما زالوا ينتظرون بعد الزمن المستهدف']),
    )
    expect(await page.locator('[data-note="past-target"]').textContent()).toBe(HUB_MESSAGES.pastTargetNote.ar)
    // at 1920 the table sits beside the map, each name and hour on one line
    expect(await besideMap(page)).toBe(true)
    expect(await lineCounts(page, '[data-table="drill"] tbody th')).toEqual([1, 1, 1])
    expect(await texts(page, '[data-breadcrumbs] li')).toEqual(['كل المحافظات', 'القاهرة', 'مركز مدينة نصر', 'جوازات السفر'])
    expect(await page.locator('[data-drill-heading]').textContent()).toBe('حسب الساعة: جوازات السفر')
    expect(await page.locator('[data-trend] h2').textContent()).toBe(
      'التذاكر الصادرة – جوازات السفر في مركز مدينة نصر: هذه الفترة والفترة السابقة',
    )
    await expect
      .poll(() => page.locator('[data-total="current"] strong').textContent())
      .toBe(ar(passports(9).issued + passports(10).issued + passports(11).issued))
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'drill-hour-ar-1920.png'), fullPage: true })

    // English at 1366×768: back up to the center by its breadcrumb; the month view; the average wait on the map
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('tabour-lang-switch button').click()
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr')
    // under the map at 1366, the hours on one line each (they broke «٧:٠٠ –» / «٨:٠٠» beside it)
    expect(await besideMap(page)).toBe(false)
    expect(await lineCounts(page, '[data-table="drill"] tbody th')).toEqual([1, 1, 1])
    expect((await texts(page, '[data-table="drill"] thead th')).slice(-2)).toEqual([
      'Left uncalled past target',
      'Still waiting past target',
    ])
    await page.locator('[data-breadcrumbs] button[data-crumb="2"]').click()
    await expect.poll(() => page.locator('[data-table="drill"]').getAttribute('data-level')).toBe('service')
    expect(await texts(page, '[data-breadcrumbs] li')).toEqual(['All governorates', 'Cairo', 'Nasr City center'])
    await page.locator('[data-breadcrumbs] button[data-crumb="0"]').click()
    await expect.poll(() => page.locator('[data-table="drill"]').getAttribute('data-level')).toBe('governorate')
    await page.locator('select[name="grain"]').selectOption('month')
    await expect.poll(() => trendRows.count()).toBe(1)
    expect(await page.locator('tr[data-point="2026-11"] th').textContent()).toBe('November 2026 28 days only')
    expect(await page.locator('tr[data-point="2026-11"] [data-col="current"]').textContent()).toBe(en(now.issued))
    await page.locator('select[name="figure"]').selectOption('avgWait')
    const cairoWait = expectedSums(within(FROM, TO, (r) => r.governorate === 'القاهرة')).avgWaitSeconds!
    expect(await page.locator('[data-table="map"] tr[data-code="EG-C"] [data-col="value"]').textContent()).toBe(
      formatNumber(Math.round(cairoWait / 6) / 10, { digits: 'western', grouping: true, maximumFractionDigits: 1 }),
    )
    expect(await page.locator('[data-map] h2').textContent()).toBe('Governorates by Average wait of called tickets (min)')
    expect(await page.locator('[data-map] g[data-governorate="EG-C"] text').first().textContent()).toBe('Cairo')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await overflowing(page, 'tabour-hub-analysis')).toEqual([])
    expect(await trendDirections(page)).toEqual({ plot: 'ltr', legend: 'ltr', firstItemRightmost: false })
    await page.screenshot({ path: join(SHOTS, 'analysis-en-1366.png'), fullPage: true })

    // the other two pairs: English at 1920×1080, Arabic at 1366×768
    await page.setViewportSize(LANDSCAPE)
    expect(await overflowing(page, 'tabour-hub-analysis')).toEqual([])
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('tabour-lang-switch button').click()
    await expect.poll(() => page.locator('[data-map] h2').textContent()).toBe('المحافظات حسب متوسط الانتظار للتذاكر التي نوديت (دقيقة)')
    expect(await page.locator('[data-trend] .note').textContent()).toBe('تُقارَن كل نقطة بالأيام نفسها قبل ٢٨ يومًا.')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await overflowing(page, 'tabour-hub-analysis')).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'analysis-ar-1366.png'), fullPage: true })

    // a range the hub refuses is said as such (no figures of the range before left on screen)
    await page.locator('input[name="from"]').fill('2025-01-01')
    await page.locator('form.range button[type="submit"]').click()
    await expect
      .poll(() => page.locator('[data-analysis-error="range"]').textContent())
      .toBe('الفترة أطول من سنة (٣٦٦ يومًا)، ولساعات اليوم أطول من ٣١ يومًا. اختر فترة أقصر.')
    expect(await page.locator('[data-table="trend"]').count()).toBe(0)
    expect(await page.locator('[data-table="map"] tbody tr').count()).toBe(0)

    // a governorate analyst: their governorate only, said on screen, on the map and in the drill-down
    await page.locator('button[data-sign-out]').click()
    await form.locator('input[name="username"]').fill('alex')
    await form.locator('input[name="password"]').fill('a long enough password')
    await form.locator('button[type="submit"]').click()
    await page.locator('input[name="from"]').fill(FROM)
    await page.locator('form.range button[type="submit"]').click()
    await expect.poll(() => page.locator('[data-scope]').textContent()).toBe('تعرض محافظة الإسكندرية فقط (صلاحيات حسابك).')
    await expect.poll(() => page.locator('[data-table="map"] tbody tr').count()).toBe(1)
    const alexandria = within(FROM, TO, (r) => r.governorate === 'الإسكندرية')
    expect(await page.locator('[data-table="map"] tr[data-code="EG-ALX"] [data-col="value"]').textContent()).toBe(
      ar(expectedSums(alexandria).issued),
    )
    expect(
      await page
        .locator('[data-map] g[data-governorate]')
        .evaluateAll((els) =>
          els.filter((e) => !['none', 'outside'].includes(e.getAttribute('data-class')!)).map((e) => e.getAttribute('data-governorate')),
        ),
    ).toEqual(['EG-ALX'])
    // the other governorates have figures he may not see: painted as outside his scope, not as "no data"
    expect(await page.locator('[data-map] g[data-class="outside"]').count()).toBe(26)
    expect(await page.locator('[data-map] [data-legend-class="outside"]').textContent()).toBe('خارج صلاحيات حسابك')
    // and look as the legend's "outside" swatch does: its grey, without the dashed "no data" border
    const look = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((r) => [r.getAttribute('fill'), r.getAttribute('stroke-dasharray')])
    expect(await look('[data-map] g[data-class="outside"] rect')).toEqual(await look('[data-map] [data-legend-class="outside"] rect'))
    expect(await page.locator('button[data-view="bundles"]').count()).toBe(0)
    // his drill-down starts at his governorate's centers and names it, not "all governorates" (one row, his)
    await expect.poll(() => page.locator('tabour-hub-drill [data-drill-level]').getAttribute('data-drill-level')).toBe('center')
    expect(await texts(page, 'tabour-hub-drill [data-breadcrumbs] li')).toEqual(['الإسكندرية'])
    expect(await page.locator('tabour-hub-drill [data-drill-heading]').textContent()).toBe('مراكز الإسكندرية')
    // Arabic at 1366: the table under the map, «مركز سموحة» on one line (it wrapped beside the map even at 1920)
    expect(await besideMap(page)).toBe(false)
    expect(await lineCounts(page, '[data-table="drill"] tbody th')).toEqual([1])
    expect(await page.locator('[data-table="drill"] tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual([
      ...new Set(alexandria.map((r) => r.centerId)),
    ])
    expect(await page.locator('[data-trend] h2').textContent()).toBe('التذاكر الصادرة – الإسكندرية: هذه الفترة والفترة السابقة')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'governorate-analyst-ar-1366.png'), fullPage: true })

    // from the figures tab (today) to the analysis tab: a trend of the four weeks ending today, not one day;
    // days nothing was reported on say "no data", not 0
    const fresh = await suite.contexts.page(LANDSCAPE)
    await fresh.goto(`${hub.url}/hub/ui/`)
    await fresh.locator('form[data-sign-in] input[name="token"]').fill('machine-read-token-for-tests')
    await fresh.locator('form[data-sign-in] button[type="submit"]').click()
    await fresh.locator('[data-kpi="issued"]').waitFor()
    await fresh.locator('button[data-view="analysis"]').click()
    const today = localDay(Date.now(), 'Africa/Cairo')
    await expect.poll(() => fresh.locator('input[name="from"]').inputValue()).toBe(shiftDay(today, -27))
    expect(await fresh.locator('input[name="to"]').inputValue()).toBe(today)
    await expect.poll(() => fresh.locator('[data-table="trend"] tbody tr').count()).toBeGreaterThan(1)
    expect(await texts(fresh, '[data-table="trend"] [data-col="current"]')).toContain('لا بيانات')
    // a center that opened yesterday: in the totals, left out of the change, and said so (walk of 2026-12-06)
    const opened = { id: 'EG-ASN-002', governorate: 'أسوان', nameAr: 'مركز كوم أمبو', nameEn: 'Kom Ombo center' }
    const openedRows = [shiftDay(today, -1), today].map((day) => ({
      ...rows[0],
      centerId: opened.id,
      governorate: opened.governorate,
      day,
    }))
    await sendCenterRows(hub, opened, openedRows)

    // by day: today is "so far", off the line and out of every change; the previous period lies four weeks back, Friday beside Friday
    await fresh.locator('select[name="grain"]').selectOption('day')
    await expect.poll(() => fresh.locator('[data-table="trend"] tbody tr').count()).toBe(28)
    const todayRow = fresh.locator(`[data-table="trend"] tr[data-point="${today}"]`)
    expect(await todayRow.locator('[data-tag="running"]').textContent()).toBe('اليوم حتى الآن')
    expect(await todayRow.locator('[data-col="change"]').textContent()).toBe('—')
    expect(await fresh.locator('[data-table="trend"] tr[data-running]').count()).toBe(1)
    expect(await fresh.locator('[data-note="running"]').textContent()).toBe('اليوم لم ينتهِ بعد: أرقامه حتى الآن، ولا يدخل أي مقارنة.')
    expect(await fresh.locator('[data-note="shift"]').textContent()).toBe(
      'تُقارَن كل نقطة بالأيام نفسها من الأسبوع قبل ٤ أسابيع: الجمعة بالجمعة.',
    )
    const centersNote = (await fresh.locator('[data-note="centers"]').textContent()) ?? ''
    expect(centersNote.startsWith('التغير على المراكز التي لها أرقام في الفترتين فقط: ')).toBe(true)
    expect(centersNote.endsWith('؛ مركز جديد واحد خارج المقارنة.')).toBe(true)
    // the chart's legend names the point off the line
    expect(await fresh.locator('tabour-hub-trend .u-legend').textContent()).toContain('فترة غير كاملة (خارج الخط)')
    expect(await seriousAxeViolations(fresh)).toEqual([])
    await fresh.screenshot({ path: join(SHOTS, 'analysis-today-ar-1920.png'), fullPage: true })
    // in English at 1366×768
    await fresh.setViewportSize({ width: 1366, height: 768 })
    await fresh.locator('tabour-lang-switch button').click()
    await expect.poll(() => todayRow.locator('[data-tag="running"]').textContent()).toBe('today so far')
    expect(await fresh.locator('[data-note="centers"]').textContent()).toMatch(
      /^Change over the \d+ centers? with figures in both periods; 1 new center not compared\.$/,
    )
    expect(await fresh.locator('[data-note="shift"]').textContent()).toBe(
      'Each point is compared with the same weekdays 4 weeks earlier: a Friday with a Friday.',
    )
    expect(await overflowing(fresh, 'tabour-hub-analysis')).toEqual([])
    await fresh.screenshot({ path: join(SHOTS, 'analysis-today-en-1366.png'), fullPage: true })
  })
})
