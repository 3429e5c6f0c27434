import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { join } from 'node:path'
import { ADMIN_PASSWORD, daytimeShiftMs, TestClock, type TestCenter } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { DEMO_PASSWORD } from '../../server/demo/seed.ts'
import { PAIRING_CODE_TTL_MS } from '../../server/auth/tokens.ts'
import type { CenterCalendar } from '../../protocol/calendar.ts'

/**
 * What the walk of 2026-12-07 (s55) found on the admin's and manager's dashboard, against the demo
 * center (its six services and counters, its opening hours with the "always open" and "bookings open
 * today" exceptions that overlap) with a seventh counter added and a morning under way:
 * - the hours tab at 1366 gave the holidays and special hours a third of the row: their table ran past
 *   the card, its Remove buttons behind a sideways scroll (English), a word a line (media query written
 *   for the 22 px root font of before s54; three columns fit at 1366 since);
 * - the live view at 1920, counters beside services: a clerk's name over two lines, and seven counters
 *   taller than their box, the last ones below its edge;
 * - the counters' list in Configuration at 1366: «الدور / الأرضي», «تراخيص / وتصالح» over two lines;
 * - the reports by hour, by service and by clerk at 1366: rows past the table's 32rem box (a day's hours
 *   938 px; seven services or clerks, their names on two lines, 580 and 532 px);
 * - the weekly hours changed under the demo's ten-year "always open" said "Saved" and nothing else, while
 *   that exception kept the kiosk issuing around the clock;
 * - a new kiosk's pairing code said nothing of where it goes, that it works once and for how long, or that
 *   it is shown only then (the server lets it work 24 hours; the start-up banner says "one use, shown only now").
 * Screenshots go to test-results/dashboard-walk-s55/.
 */
const SHOTS = join(ROOT, 'test-results', 'dashboard-walk-s55')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })

const SIZES = {
  laptop: { width: 1366, height: 768 },
  wide: { width: 1920, height: 1080 },
} as const

/** The text of `cell` on how many lines (its text's line boxes; a pill or a prefix badge is its own box). */
function lines(cell: Locator): Promise<number> {
  return cell.evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size
  })
}

/** What of `box` (a scrolling box) is hidden: "N px wide in M", "N px tall in M"; empty when it all shows. */
function hidden(box: Locator): Promise<string[]> {
  return box.evaluate((b) => {
    const out: string[] = []
    if (b.scrollWidth > b.clientWidth + 1) out.push(`${b.scrollWidth} px wide in ${b.clientWidth}`)
    if (b.scrollHeight > b.clientHeight + 1) out.push(`${b.scrollHeight} px tall in ${b.clientHeight}`)
    return out
  })
}

/** The demo center with a seventh counter and a morning under way: four clerks in, counter 1 serving, counter 3 on a break. */
async function morningCenter(): Promise<{ center: TestCenter; url: string }> {
  const clock = new TestClock(Date.now() + daytimeShiftMs())
  const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir, demo: true } }, suite.cleanups)
  const admin = await center.admin()
  const services = (await center.request('GET', '/api/v1/services', { token: admin })).json<{ id: number; prefix: string }[]>()
  const byPrefix = Object.fromEntries(services.map((s) => [s.prefix, s.id])) as Record<string, number>
  // a seventh counter, as the admin adds one (the demo has six)
  const added = await center.request('POST', '/api/v1/counters', {
    token: admin,
    body: { number: 7, name: 'نقل الملكية · Transfers', zone: 'ground', serviceIds: [byPrefix.E!] },
  })
  expect(added.statusCode, added.body).toBe(201)
  const clerks: Record<number, string> = {}
  for (const n of [1, 3, 4, 5]) {
    clerks[n] = await center.login(`clerk${n}`, DEMO_PASSWORD)
    expect((await center.action(clerks[n]!, n, 'open')).statusCode).toBe(200)
  }
  const kiosk = (await center.createDevice('kiosk')).token
  for (const prefix of ['A', 'A', 'C', 'D']) await center.issue(kiosk, { serviceId: byPrefix[prefix]! })
  clock.advance(240)
  for (const step of ['call-next', 'start'] as const) expect((await center.action(clerks[1]!, 1, step)).statusCode).toBe(200)
  expect((await center.action(clerks[3]!, 3, 'pause', { reason: 'break' })).statusCode).toBe(200)
  clock.advance(300)
  return { center, url }
}

describe('the dashboard after the walk of 2026-12-07 (s55)', () => {
  it('gives the holidays and special hours two of three columns at 1366: their table and Remove buttons inside the card', async () => {
    const { url } = await morningCenter()
    for (const lang of ['en', 'ar'] as const) {
      const page = await suite.contexts.page(SIZES.laptop)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#hours')
      const exceptions = page.locator('tabour-hours-view section[data-section="exceptions"]')
      await exceptions.locator('button[data-action="remove-exception"]').first().waitFor()
      const weekly = (await page.locator('tabour-hours-view section[data-section="weekly"]').boundingBox())!
      const card = (await exceptions.boundingBox())!
      expect(card.width, `${lang}: the exceptions card spans two of three columns`).toBeGreaterThan(1.8 * weekly.width)
      expect(Math.abs(card.y - weekly.y), lang).toBeLessThan(2)
      expect(await hidden(exceptions), lang).toEqual([])
      for (const remove of await exceptions.locator('button[data-action="remove-exception"]').all()) {
        const b = (await remove.boundingBox())!
        expect(b.x >= card.x && b.x + b.width <= card.x + card.width, `${lang}: a Remove button inside its card`).toBe(true)
      }
      await suite.shot(page, `hours-${lang}-1366`)
      await page.close()
    }
  }, 180_000)

  it("writes a counter's name and zone on one line in Configuration → Counters at 1366", async () => {
    const { url } = await morningCenter()
    for (const lang of ['en', 'ar'] as const) {
      const page = await suite.contexts.page(SIZES.laptop)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#config')
      await page.locator('tabour-config-view button[data-section="counters"]').click()
      const list = page.locator('tabour-counters-config table[data-table="counters"]')
      await list.locator('tr[data-counter="7"]').waitFor()
      for (const cell of await list.locator('td[data-zone], td[data-name]').all())
        expect(await lines(cell), `${lang}: «${await cell.textContent()}»`).toBe(1)
      await suite.shot(page, `config-counters-${lang}-1366`)
      await page.close()
    }
  }, 180_000)

  it("shows every counter in its box on the live view at 1920, each clerk's name on one line", async () => {
    const { url } = await morningCenter()
    for (const lang of ['en', 'ar'] as const) {
      const page = await suite.contexts.page(SIZES.wide)
      await dashboardLogin(page, url, 'manager', DEMO_PASSWORD, lang)
      const counters = page.locator('tabour-live-view .table-scroll:has(table[data-table="counters"])')
      await counters.locator('tr[data-counter="7"]').waitFor()
      await counters.locator('tr[data-counter="3"] [data-paused-since]').waitFor()
      const clerks = counters.locator('tbody tr td:nth-child(3)')
      expect(await clerks.count()).toBe(7)
      for (const cell of await clerks.all()) expect(await lines(cell), `${lang}: «${await cell.textContent()}»`).toBe(1)
      expect(await hidden(counters), lang).toEqual([])
      await suite.shot(page, `live-${lang}-1920`)
      await page.close()
    }
  }, 180_000)

  it('says beside a new pairing code where it goes, that it works once, for how long, and is shown only now', async () => {
    const { url } = await morningCenter()
    const hours = PAIRING_CODE_TTL_MS / 3600_000
    const said = {
      en: `Type it on the device’s pairing screen. It works once, within ${hours} hours, and is shown only now: if it is lost, “New code” makes another.`,
      ar: `اكتبه في شاشة الربط على الجهاز. يصلح مرة واحدة خلال ${hours} ساعة، ولا يظهر إلا الآن: إن ضاع فزر «رمز جديد» يُنشئ غيره.`,
    }
    for (const lang of ['en', 'ar'] as const) {
      const page = await suite.contexts.page(SIZES.laptop)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#config')
      await page.locator('tabour-config-view button[data-section="devices"]').click()
      const form = page.locator('form[data-form="devices"]')
      await form.locator('[name=name]').fill(`Kiosk 2 ${lang}`)
      await form.locator('button[data-action="save"]').click()
      const row = page.locator('tabour-devices-config tr[data-pairing-row]')
      await row.locator('[data-pairing-code]').waitFor()
      expect(await row.locator('[data-pairing-note]').allTextContents(), lang).toEqual([said[lang]])
      await suite.shot(page, `pairing-${lang}-1366`)
      await page.close()
    }
  }, 180_000)

  it('shows every row of the reports by hour, service and clerk at 1366, none cut at the edge of its box', async () => {
    const { center, url } = await morningCenter()
    // the demo's six services and clerks and one more of each, as the admin adds them
    await center.createService({ prefix: 'G', nameAr: 'نقل الملكية', nameEn: 'Ownership transfer', targetWaitSeconds: 1200 })
    await center.createUser('clerk7')
    for (const lang of ['en', 'ar'] as const) {
      const page = await suite.contexts.page(SIZES.laptop)
      await dashboardLogin(page, url, 'manager', DEMO_PASSWORD, lang, '#reports')
      for (const [by, rows] of [
        ['hour', 2],
        ['service', 7],
        ['clerk', 7],
      ] as const) {
        await page.locator(`tabour-reports-view button[data-by="${by}"]`).click()
        await page.locator('tabour-reports-view button[data-action="show"]').click()
        const table = page.locator(`tabour-reports-view table[data-report="${by}"]`)
        await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(rows)
        const box = page.locator(`tabour-reports-view .table-scroll:has(> table[data-report="${by}"])`)
        expect(await hidden(box), `${by}, ${lang}`).toEqual([])
        await suite.shot(page, `report-${by}-${lang}-1366`)
      }
      await page.close()
    }
  }, 180_000)

  it('says over the weekly hours which center-wide exception replaces them today, and until when', async () => {
    const { center, url } = await morningCenter()
    const admin = await center.admin()
    const { today } = (await center.request('GET', '/api/v1/calendar/now', { token: admin })).json<{ today: string }>()
    const calendar = (await center.request('GET', '/api/v1/calendar', { token: admin })).json<CenterCalendar>()
    const inForce = calendar.exceptions.filter((e) => e.serviceIds === undefined && e.from <= today && today <= e.to)
    const alwaysOpen = inForce.find((e) => e.walkInsOnly && e.to > today)
    expect(alwaysOpen, 'the demo seeds a long walk-ins-only exception').toBeDefined()
    for (const lang of ['en', 'ar'] as const) {
      const page = await suite.contexts.page(SIZES.wide)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#hours')
      const weekly = page.locator('tabour-hours-view section[data-section="weekly"]')
      await weekly.locator('input[name="alwaysOpen"]').waitFor()
      const notes = weekly.locator('[data-week-replaced]')
      await expect.poll(() => notes.count(), { message: lang }).toBe(inForce.length)
      const name = lang === 'en' ? alwaysOpen!.nameEn : alwaysOpen!.nameAr
      const note = (await notes.filter({ hasText: name }).textContent()) ?? ''
      expect(note, lang).toContain(
        lang === 'en'
          ? ' for walk-in tickets: what you save here applies on the days it does not cover.'
          : ' لتذاكر الحضور المباشر: ما تحفظه هنا يسري في الأيام التي لا يشملها.',
      )
      await suite.shot(page, `hours-week-replaced-${lang}-1920`)
      await page.close()
    }
  }, 180_000)
})
