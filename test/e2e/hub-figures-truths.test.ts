import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { overflowing } from './layout.ts'
import { ROOT } from './ui-build.ts'
import { type CenterHealth, type HourFigures, UpstreamPaths, zeroCounts } from '../../protocol/upstream.ts'
import { batchPath, postSigned, registerCenter, startTestHub } from '../hub/hub-harness.ts'

/**
 * The walk of 2026-12-05 (analyst at 1920×1080 and 1366×768, Arabic and English), its findings
 * checked in Chromium: a governorate none of whose centers reported says «لا بيانات» / "No data"
 * (tables, chart, map), not 0, while one that reported a day without citizens says 0; the average
 * wait says it is of called tickets; the chosen range is written out with the month's name, as every
 * date and time of the page is; «الصادرة» is the one word for "issued"; a status badge keeps to
 * one line at 1366×768 in Arabic; the chart writes the value of each of its two bars. Walk s55: the page says
 * what "Finished" counts (finishes at counters, a visit's each step), under its key figures and in the drill-down.
 */

const SHOTS = join(ROOT, 'test-results', 'hub-figures-truths')
const suite = useBrowserSuite(SHOTS)
const DASHBOARD = { width: 1366, height: 768 } as const
const DAY = '2026-11-02'

const figures = (o: Partial<HourFigures>): HourFigures => ({
  ...zeroCounts(),
  serviceCode: 'A',
  serviceNameAr: 'جوازات السفر',
  serviceNameEn: 'Passports',
  ...o,
})

/** Every text of the page, through the shadow roots. */
const pageText = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = []
    const walk = (root: Node) => {
      for (const n of Array.from(root.childNodes)) {
        if (n.nodeType === Node.TEXT_NODE) out.push(n.textContent ?? '')
        if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot)
        walk(n)
      }
    }
    walk(document.body)
    return out.join(' ')
  })

/** How many lines each status badge of the "by center" table takes. */
const badgeLines = (page: Page) =>
  page.locator('[data-table="center"] .badge').evaluateAll((els) =>
    els.map((e) => {
      const range = document.createRange()
      range.selectNodeContents(e)
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size
    }),
  )

describe('the hub page says what the figures are', () => {
  it('no data is not 0, the wait is of called tickets, dates read one way, one word for issued; Arabic 1366×768, English 1920×1080', {
    timeout: 180_000,
  }, async () => {
    const hub = await startTestHub({ config: { uiDir: suite.uiDir } })
    suite.cleanups.push(() => hub.close())
    const centers = [
      // Cairo: citizens served, 10 calls waited 50 minutes in all (5 min each)
      {
        id: 'EG-CAI-001',
        governorate: 'Cairo',
        nameAr: 'مركز مدينة نصر',
        nameEn: 'Nasr City center',
        // and 2 tickets past their target uncalled: one left, one still in the line when the center sent the hour
        rows: [
          figures({
            issued: 12,
            called: 10,
            served: 9,
            waitCount: 10,
            waitSumSeconds: 3000,
            waitWithinTarget: 8,
            waitMissedUncalled: 2,
            waitingPastTarget: 1,
          }),
        ],
      },
      // Giza: open, nobody came (a row of zeros): 0 is its figure
      { id: 'EG-GZ-001', governorate: 'Giza', nameAr: 'مركز الدقي', nameEn: 'Dokki center', rows: [figures({ counterOpenMinutes: 60 })] },
      // Alexandria: registered, never reported: no data
      { id: 'EG-ALX-001', governorate: 'Alexandria', nameAr: 'مركز سموحة', nameEn: 'Smouha center', rows: null },
    ]
    const health: CenterHealth = { at: Date.now(), countersOpen: 1, devicesFaulty: 0, outboxPending: 0, heartbeatSeconds: 60 }
    for (const c of centers) {
      const secret = await registerCenter(hub, c.id, { governorate: c.governorate, nameAr: c.nameAr, nameEn: c.nameEn, city: '' })
      if (!c.rows) continue
      const batch = {
        centerId: c.id,
        seq: 1,
        day: DAY,
        hour: 10,
        timeZone: 'Africa/Cairo',
        revision: 1,
        final: true,
        generatedAt: Date.now(),
        rows: c.rows,
      }
      expect((await postSigned(hub.url, batchPath, c.id, secret, batch)).status).toBe(200)
      expect((await postSigned(hub.url, UpstreamPaths.heartbeat, c.id, secret, { centerId: c.id, health })).status).toBe(200)
    }

    const page = await suite.contexts.page(DASHBOARD)
    await page.goto(`${hub.url}/hub/ui/?from=${DAY}&to=${DAY}`)
    const governorates = page.locator('[data-table="governorate"] tbody tr')
    await expect.poll(() => governorates.count()).toBe(3)
    // Alexandria: no data, across the five figures; Giza: a 0 it reported
    expect(await page.locator('[data-table="governorate"] tr[data-key="EG-ALX"] [data-col="no-data"]').textContent()).toBe('لا بيانات')
    expect(await page.locator('[data-table="governorate"] tr[data-key="EG-ALX"] [data-col="issued"]').count()).toBe(0)
    expect(await page.locator('[data-table="governorate"] tr[data-key="EG-GZ"] [data-col="issued"]').textContent()).toBe('٠')
    expect(await page.locator('[data-table="center"] tr[data-center-id="EG-ALX-001"] [data-col="no-data"]').textContent()).toBe('لا بيانات')
    // how many of a governorate's centers its figures hold: Alexandria's one center sent nothing
    expect(await page.locator('[data-table="governorate"] tr[data-key="EG-ALX"] [data-col="reporting"]').textContent()).toBe('٠ / ١')
    expect(await page.locator('[data-table="governorate"] tr[data-key="EG-C"] [data-col="reporting"]').textContent()).toBe('١ / ١')
    // the chart: no bars for Alexandria but the words; each of the two bars of the others has its value
    expect(await page.locator('g[data-bar="EG-ALX"] [data-value]').evaluateAll((els) => els.map((e) => e.textContent))).toEqual([
      'لا بيانات',
    ])
    expect(
      await page
        .locator('g[data-bar="EG-C"] [data-value]')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-value'), e.textContent])),
    ).toEqual([
      ['issued', '١٢'],
      ['served', '٩'],
    ])
    // the wait's label says whose wait it is: 5 minutes is the mean of the 10 calls
    expect(await page.locator('[data-kpi="avgWait"]').textContent()).toBe('متوسط الانتظار للتذاكر التي نوديت (دقيقة)٥')
    // the range in words: a date field follows the browser's locale, this line the page's
    expect(await page.locator('[data-chosen-range]').textContent()).toBe('الفترة: من ٢ نوفمبر ٢٠٢٦ إلى ٢ نوفمبر ٢٠٢٦')
    // a moment (the badge's last contact) as every date: the month by name, no 2/11 that reads two ways
    const lastContact = await page.locator('[data-table="center"] tr[data-center-id="EG-CAI-001"] .badge').getAttribute('title')
    const month = new Intl.DateTimeFormat('ar-EG-u-nu-arab', { month: 'short' }).format(Date.now())
    expect(lastContact).toContain(month)
    // by hour of the day: the 10:00 hour both reporting centers sent, summed, on one line
    const tenOClock = page.locator('[data-table="hour"] tr[data-key="10"]')
    expect(await page.locator('[data-table="hour"] tbody tr').count()).toBe(1)
    expect(await tenOClock.locator('td').first().textContent()).toBe('١٠:٠٠\u00a0–\u00a0١١:٠٠')
    expect(await tenOClock.locator('[data-col="issued"]').textContent()).toBe('١٢')
    expect(await tenOClock.locator('[data-col="avgWait"]').textContent()).toBe('٥')
    // the share within target counts the 2 past their target uncalled (8 of 12), and the counts beside it say so (walk of 2026-12-06):
    // one left uncalled, one still waiting, not two known misses
    expect(await tenOClock.locator('[data-col="sla"]').textContent()).toBe('٦٦٫٧٪')
    expect(await tenOClock.locator('[data-col="leftPastTarget"]').textContent()).toBe('١')
    expect(await tenOClock.locator('[data-col="waitingPastTarget"]').textContent()).toBe('١')
    expect(await page.locator('[data-table="hour"] [data-note="past-target"]').textContent()).toContain('ما زالوا ينتظرون: ')
    // what "finished" counts, under the key figures: finishes at counters, a visit's each step, not tickets (walk s55)
    expect(await page.locator('[data-note="finished"]').textContent()).toBe(
      'أُنهيت: كل إنهاء عند شباك أيًّا كانت نتيجته، كما تعدّه لوحة متابعة كل مركز. الزيارة ذات الخطوات تُحسب مرة لكل خطوة، في خدمة تلك الخطوة، فقد يزيد ما أُنهي في خدمة على ما صدر لها؛ أما التذاكر الصادرة فتُحسب كل تذكرة منها مرة واحدة، في الخدمة التي صدرت لها.',
    )
    expect(lastContact).not.toMatch(/[/‏]/)
    // one word for "issued", the center's
    const text = await pageText(page)
    expect(text).toContain('التذاكر الصادرة')
    expect(text).not.toContain('المصدرة')
    // every status badge on one line at 1366×768 in Arabic
    expect(await badgeLines(page)).toEqual([1, 1, 1])
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await overflowing(page, 'tabour-hub-figures')).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'figures-ar-1366.png'), fullPage: true })

    // a day nobody reported: the key figures say no data too, not a national 0
    const dayBefore = new Date(Date.parse(`${DAY}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    const empty = await suite.contexts.page(DASHBOARD)
    await empty.goto(`${hub.url}/hub/ui/?from=${dayBefore}&to=${dayBefore}`)
    await expect.poll(() => empty.locator('[data-table="governorate"] [data-col="no-data"]').count()).toBe(3)
    for (const kpi of ['issued', 'served', 'avgWait', 'sla'])
      expect(await empty.locator(`[data-kpi="${kpi}"] [data-no-data]`).textContent(), kpi).toBe('لا بيانات')
    await empty.close()

    // the analysis tab: Alexandria's tile and row say no data; Giza's 0 is on the scale
    await page.locator('button[data-view="analysis"]').click()
    const map = page.locator('[data-map]')
    await expect.poll(() => map.locator('g[data-governorate="EG-GZ"]').getAttribute('data-class')).not.toBe('none')
    expect(await map.locator('g[data-governorate="EG-ALX"]').getAttribute('data-class')).toBe('none')
    expect(await page.locator('[data-table="map"] tr[data-code="EG-ALX"] [data-col="value"]').textContent()).toBe('لا بيانات')
    expect(await page.locator('[data-table="map"] tr[data-code="EG-GZ"] [data-col="value"]').textContent()).toBe('٠')
    expect(await page.locator('[data-table="drill"] tr[data-key="EG-ALX"] [data-col="no-data"]').textContent()).toBe('لا بيانات')
    // the drill-down's Finished says what it counts too, and the figure picker names it as the CSV does
    expect(await page.locator('[data-note="finished"]').textContent()).toContain('الزيارة ذات الخطوات تُحسب مرة لكل خطوة')
    expect(await page.locator('select option[value="served"]').textContent()).toBe(
      'مرات الإنهاء عند الشبابيك (كل النتائج؛ الزيارة ذات الخطوتين تُحسب مرتين)',
    )
    expect(await pageText(page)).not.toContain('المصدرة')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'analysis-ar-1366.png'), fullPage: true })

    // English at 1920×1080: the same truths in English words
    const wide = await suite.contexts.page(LANDSCAPE)
    await wide.goto(`${hub.url}/hub/ui/?from=${DAY}&to=${DAY}&lang=en`)
    await expect
      .poll(() => wide.locator('[data-table="governorate"] tr[data-key="EG-ALX"] [data-col="no-data"]').textContent())
      .toBe('No data')
    expect(await wide.locator('[data-kpi="avgWait"]').textContent()).toBe('Avg wait of called tickets (min)5')
    expect(await wide.locator('[data-chosen-range]').textContent()).toBe('Range: 2 Nov 2026 to 2 Nov 2026')
    const contact = await wide.locator('[data-table="center"] tr[data-center-id="EG-CAI-001"] .badge').getAttribute('title')
    expect(contact).toContain(new Intl.DateTimeFormat('en-GB', { month: 'short' }).format(Date.now()))
    expect(contact).not.toContain('/')
    expect(await wide.locator('[data-table="hour"] tr[data-key="10"] td').first().textContent()).toBe('10:00\u00a0–\u00a011:00')
    expect(await wide.locator('[data-table="hour"] h2').textContent()).toContain('By hour of the day')
    expect(await wide.locator('[data-note="finished"]').textContent()).toBe(
      'Finished: every finish at a counter, whatever its outcome, as each center’s own dashboard counts it. A visit of several steps counts once per step, in the service of that step, so a service may finish more than it issued; issued counts each ticket once, in the service it was issued for.',
    )
    expect(await seriousAxeViolations(wide)).toEqual([])
    expect(await overflowing(wide, 'tabour-hub-figures')).toEqual([])
    await wide.screenshot({ path: join(SHOTS, 'figures-en-1920.png'), fullPage: true })
    await wide.locator('button[data-view="analysis"]').click()
    await expect.poll(() => wide.locator('[data-table="map"] tr[data-code="EG-ALX"] [data-col="value"]').textContent()).toBe('No data')
    expect(await wide.locator('[data-map] h2').textContent()).toBe('Governorates by Tickets issued')
    await wide.screenshot({ path: join(SHOTS, 'analysis-en-1920.png'), fullPage: true })
    // the other two sizes of the walk: English at 1366×768, Arabic at 1920×1080
    for (const [lang, size] of [
      ['en', DASHBOARD],
      ['ar', LANDSCAPE],
    ] as const) {
      const other = await suite.contexts.page(size)
      await other.goto(`${hub.url}/hub/ui/?from=${DAY}&to=${DAY}&lang=${lang}`)
      await expect.poll(() => other.locator('[data-table="governorate"] tr[data-key="EG-ALX"] [data-col="no-data"]').count()).toBe(1)
      expect(await badgeLines(other)).toEqual([1, 1, 1])
      expect(await overflowing(other, 'tabour-hub-figures')).toEqual([])
      expect(await seriousAxeViolations(other)).toEqual([])
      await other.screenshot({ path: join(SHOTS, `figures-${lang}-${size.width}.png`), fullPage: true })
    }
    // the fleet's times read the same way
    await wide.locator('button[data-view="fleet"]').click()
    const beat = wide.locator('tr[data-fleet-center="EG-CAI-001"] [data-col="heartbeat"]')
    await expect.poll(() => beat.textContent()).toContain(new Intl.DateTimeFormat('en-GB', { month: 'short' }).format(Date.now()))
    await wide.screenshot({ path: join(SHOTS, 'fleet-en-1920.png'), fullPage: true })
  })
})
