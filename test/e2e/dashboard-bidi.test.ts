import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { join } from 'node:path'
import { ADMIN_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { ROOT } from './ui-build.ts'
import { seriousAxeViolations } from './axe.ts'

/**
 * The manager's dashboard in Arabic reads in the right order and in the right digits (walk of
 * 2026-12-05, s35 findings 1–4), checked on the rendered boxes in Chromium at 1366×768 (the
 * narrower desk screen, where names wrap): a bilingual name shows its page-language half on one
 * line, a pattern example reads left to right beside its Arabic hint, and with Arabic-Indic digits
 * set no figure the dashboard writes is in Western digits.
 */
const SHOTS = join(ROOT, 'test-results', 'dashboard-bidi')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const DESK = { width: 1366, height: 768 } as const
type Lang = 'ar' | 'en'

async function dashboard(url: string, lang: Lang): Promise<Page> {
  const page = await suite.contexts.page(DESK)
  await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#config')
  return page
}

const section = async (page: Page, name: string) => {
  await page.locator(`tabour-config-view button[data-section="${name}"]`).click()
  await page.locator(`tabour-config-view [data-config="${name}"]`).waitFor()
}

/**
 * `el`'s letters in document order: the left edge of each, how many lines they take, and whether they
 * read in order: line after line downwards, and within a line left to right (`ltr`) or right to left.
 */
function glyphs(el: Locator, dir: 'ltr' | 'rtl'): Promise<{ text: string; lefts: number[]; lines: number; inOrder: boolean }> {
  return el.evaluate((node, dir) => {
    const lefts: number[] = []
    const boxes: { top: number; left: number }[] = []
    const tops = new Set<number>()
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
    let text = ''
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      for (let i = 0; i < t.length; i++) {
        // spaces and the invisible marks (bidi isolates, word joiners) have no place to read in order
        if (t.data[i]!.trim() === '' || /[\u200e\u200f\u2060-\u206f]/.test(t.data[i]!)) continue
        const range = document.createRange()
        range.setStart(t, i)
        range.setEnd(t, i + 1)
        const box = range.getBoundingClientRect()
        lefts.push(box.left)
        boxes.push({ top: Math.round(box.top), left: box.left })
        tops.add(Math.round(box.top))
        text += t.data[i]
      }
    }
    // Arabic letters join into one shape, whose letters share its box: order is checked between shapes
    const inOrder = boxes.every((b, i) => {
      const prev = boxes[i - 1]
      if (!prev || b.top > prev.top) return true
      return b.top === prev.top && (dir === 'ltr' ? b.left >= prev.left : b.left <= prev.left)
    })
    return { text, lefts, lines: tops.size, inOrder }
  }, dir)
}

/**
 * Figures the dashboard writes in Western digits although the screen's digits are Arabic-Indic: every
 * visible text but what reads left to right on purpose (inside `dir="ltr"` or an LRI…PDI isolate: an
 * address, a pattern, a time to type), identifiers (a ticket label A-017, a user clerk1, UCS-2) and an SMS preview.
 */
function westernFigures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const ltr = (el: Element | null): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element | undefined) ?? null)
        if (e.getAttribute('dir') === 'ltr' || e.hasAttribute('data-preview')) return true
      return false
    }
    const walk = (n: Node) => {
      if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot)
      for (const c of n.childNodes) {
        if (c.nodeType === Node.TEXT_NODE) {
          const el = c.parentElement
          if (!el?.checkVisibility() || ltr(el!)) continue
          const rest = (c as Text).data.replace(/\u2066[^\u2069]*\u2069/g, '').replace(/[A-Za-z][\w-]*/g, '')
          if (/[0-9]/.test(rest)) found.push((c as Text).data.trim())
        } else if (c instanceof Element && c.tagName !== 'STYLE' && c.tagName !== 'SCRIPT') walk(c)
      }
    }
    walk(document.body)
    return found
  })
}

describe('the dashboard in Arabic: order and digits (walk 2026-12-05, s35 findings 1-4)', () => {
  it('bilingual names in the page language, zones isolated, a pattern left to right, every figure in the screen digits', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits', targetWaitSeconds: 900 })
    await center.createCounter({ number: 1, name: 'تراخيص · Permits', zone: 'ground', serviceIds: [a.id] })
    for (const body of [
      { kind: 'display', name: 'شاشة الدور الأرضي · Ground floor screen', zone: 'ground' },
      { kind: 'kiosk', name: 'Entrance kiosk · كشك المدخل', zone: null },
    ]) {
      const res = await center.request('POST', '/api/v1/devices', { token: admin, body })
      expect(res.statusCode, res.body).toBe(201)
    }
    const put = await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: 'arabic-indic' } })
    expect(put.statusCode, put.body).toBe(200)
    // an exception, so the hours view lists dates and hours
    const calendar = (await center.request('GET', '/api/v1/calendar', { token: admin })).json()
    // a long name, as a real holiday has: it takes the row's room (the walk saw «2027-» over «02-08»)
    const day = {
      from: '2030-01-07',
      to: '2030-01-08',
      nameAr: 'عطلة عيد الفطر المبارك، اليومان الأول والثاني، بقرار رئيس مجلس الوزراء',
      nameEn: 'Eid al-Fitr holiday, first and second days, by decision of the Prime Minister',
      hours: [{ open: '09:00', close: '12:00' }],
    }
    const cal = await center.request('PUT', '/api/v1/calendar', { token: admin, body: { ...calendar, exceptions: [day] } })
    expect(cal.statusCode, cal.body).toBe(200)

    for (const lang of ['en', 'ar'] as const) {
      const page = await dashboard(url, lang)
      await section(page, 'devices')
      const devices = page.locator('tabour-devices-config')
      const form = devices.locator('form[data-form="devices"]')
      await form.waitFor()

      // finding 2: the half in the page's language, on one line (the English table wrapped
      // «Ground · شاشة الدور الأرضي / floor screen», the name laid out right to left by its first letter)
      const names = [
        { full: 'شاشة الدور الأرضي · Ground floor screen', shown: lang === 'en' ? 'Ground floor screen' : 'شاشة الدور الأرضي' },
        { full: 'Entrance kiosk · كشك المدخل', shown: lang === 'en' ? 'Entrance kiosk' : 'كشك المدخل' },
      ]
      for (const { full, shown } of names) {
        const g = await glyphs(
          devices.locator(`table[data-table="devices"] tr[data-device="${full}"] td`).first(),
          lang === 'en' ? 'ltr' : 'rtl',
        )
        expect(g.text, `${lang}: ${full}`).toBe(shown.replaceAll(' ', ''))
        expect(g.inOrder, `${lang}: ${shown} reads in order, line after line`).toBe(true)
      }
      // finding 3: the zone isolated in its cell: its id while it has no name (English, first), its
      // Arabic name once the admin named it (below, in the counters section)
      const zone = devices.locator('table[data-table="devices"] td[data-zone="ground"] bdi')
      expect(await zone.textContent(), `${lang}: the zone isolated`).toBe(lang === 'en' ? 'ground' : 'الدور الأرضي')

      // finding 1: the default pattern reads left to right, ^ first, beside the hint it completes
      const example = form.locator('[id="f-config-phonePattern-hint"] bdi')
      const g = await glyphs(example, 'ltr')
      expect(g.text).toBe('^01[0125][0-9]{8}$')
      expect(g.lefts, `${lang}: the pattern reads left to right`).toEqual([...g.lefts].sort((x, y) => x - y))
      expect(g.lines).toBe(1)
      expect(await form.locator('[name="config/phonePattern"]').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr')
      const hintText = form.locator('[id="f-config-phonePattern-hint"]')
      const words = await hintText.evaluate((el) => {
        const text = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')!
        const range = document.createRange()
        range.selectNodeContents(text)
        const box = range.getBoundingClientRect()
        return { left: box.left, right: box.right, bottom: box.bottom }
      })
      const pattern = (await example.boundingBox())!
      // after the words: on a line below them, or on their line past their end (Arabic: left of them)
      const below = pattern.y >= words.bottom - 1
      const beside = lang === 'ar' ? pattern.x + pattern.width <= words.left + 1 : pattern.x >= words.right - 1
      expect(below || beside, `${lang}: the pattern after the words of its hint`).toBe(true)

      // finding 4: the idle default is a figure in the screen's digits, not a left-to-right example
      const idle = await form.locator('[id="f-config-idleSeconds-hint"]').textContent()
      expect(idle, `${lang}: the idle default`).toContain(lang === 'ar' ? '٣٠' : '30')
      if (lang === 'ar') expect(idle).not.toContain('30')
      await page.screenshot({ path: join(SHOTS, `devices-${lang}.png`), fullPage: true })

      // the counters table: the counter's name in the page language, isolated
      await section(page, 'counters')
      const row = page.locator('tabour-counters-config table tbody tr').first()
      await row.waitFor()
      expect((await glyphs(row.locator('td[data-name]'), lang === 'en' ? 'ltr' : 'rtl')).text).toBe(lang === 'en' ? 'Permits' : 'تراخيص')
      expect(await row.locator('td[data-zone] bdi').textContent()).toBe(lang === 'en' ? 'ground' : 'الدور الأرضي')

      if (lang === 'en') {
        // the zone named in each language under the counters (the walk of 2026-12-06 read «ground» on
        // Arabic pages); the id stays the key: the counter's and the display's zone are unchanged
        const names = page.locator('tabour-zone-names form[data-form="zone-names"]')
        await names.locator('input[name="zoneNames/ground/nameAr"]').fill('الدور الأرضي')
        await names.locator('input[name="zoneNames/ground/nameEn"]').fill('Ground floor')
        await names.locator('button[data-action="save"]').click()
        await expect.poll(() => row.locator('td[data-zone] bdi').textContent()).toBe('Ground floor')
        const zoneOption = page.locator('tabour-counters-config form[data-form="counters"] select[name="zone"] option[value="ground"]')
        expect(await zoneOption.textContent()).toBe('Ground floor')
        const settings = (await center.request('GET', '/api/v1/settings', { token: admin })).json()
        expect(settings.values.zoneNames).toEqual({ ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' } })
        expect((await center.request('GET', '/api/v1/counters', { token: admin })).json()[0].zone).toBe('ground')
        expect(await seriousAxeViolations(page)).toEqual([])
        await page.screenshot({ path: join(SHOTS, 'zone-names-en.png'), fullPage: true })
      }

      if (lang === 'ar') {
        // findings 4 and the walk: with Arabic-Indic digits set, no figure in Western digits, section by section
        for (const name of ['services', 'counters', 'devices', 'messages', 'appointments']) {
          await section(page, name)
          await page.waitForTimeout(300)
          await expect.poll(() => westernFigures(page), { message: `config ${name}` }).toEqual([])
        }
        await page.evaluate(() => {
          location.hash = 'hours'
        })
        await page.locator('tabour-hours-view table[data-table="exceptions"]').waitFor()
        await expect.poll(() => westernFigures(page), { message: 'hours' }).toEqual([])
        // each date whole on one line, never broken at its hyphen, also where the card is narrow
        // (a 1024-wide tablet: the name takes the row's room)
        await page.setViewportSize({ width: 1024, height: 768 })
        const dateLines = await page.locator('tabour-hours-view table[data-table="exceptions"] tbody td[data-date]').evaluateAll((cells) =>
          cells.map((cell) => {
            const range = document.createRange()
            range.selectNodeContents(cell)
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
          }),
        )
        expect(dateLines).toEqual([1, 1])
        // and year first, left to right: a hyphen between Arabic-Indic figures took their right-to-left
        // direction, so «٢٠٣٠-٠١-٠٧» drew day first (s49); each part isolated (ui-common/calendar-date.ts)
        const from = await glyphs(page.locator('tabour-hours-view table[data-table="exceptions"] tbody td[data-date]').first(), 'ltr')
        expect(from.text).toBe('٢٠٣٠-٠١-٠٧')
        expect(from.inOrder, `the date reads year, month, day left to right: ${from.lefts}`).toBe(true)
        await page.screenshot({ path: join(SHOTS, `hours-${lang}.png`), fullPage: true })
      }
    }
  })
})
