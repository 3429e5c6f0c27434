import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { ADMIN_PASSWORD, TestCenter, TestClock } from '../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../protocol/calendar.ts'
import { LANDSCAPE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { seriousAxeViolations } from './axe.ts'

/**
 * The center's calendar on the screens (issue 18), in real Chromium against a center running
 * at a fixed fake time (TestClock): the kiosk at 14:55 on a Sunday with a 15:00 close and a
 * 10-minute cut-off (the service shown closed, why and when it opens, in Arabic and English),
 * the display after closing on Thursday ("closed — opens Sunday 08:00"), and the dashboard's
 * hours editor (a refused overlap naming the day, a saved week) and .ics import with its
 * preview. Screenshots go to test-results/calendar/.
 */
const SHOTS = join(ROOT, 'test-results', 'calendar')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

const workWeek = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: [], sat: [] }
}

/** A center at `iso`, listening on loopback, Sunday–Thursday 08:00–15:00, service A cut off 10 minutes before closing. */
async function startCenter(
  iso: string,
): Promise<{ center: TestCenter; clock: TestClock; url: string; admin: string; a: number; b: number }> {
  const clock = new TestClock(Date.parse(iso))
  const center = new TestCenter({ config: { uiDir: suite.uiDir }, clock })
  cleanups.push(() => center.close())
  await center.app.ready()
  await center.app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(center.app.server.address() as AddressInfo).port}`
  const admin = await center.admin()
  const a = (await center.createService({ prefix: 'A', nameAr: 'البطاقات', nameEn: 'ID cards' })).id
  const b = (await center.createService({ prefix: 'B', nameAr: 'الشهادات', nameEn: 'Certificates' })).id
  await center.createCounter({ number: 1, serviceIds: [a, b] })
  await center.openCounterAs('clerk1', 1)
  const cal: CenterCalendar = {
    ...DEFAULT_CALENDAR,
    weekly: workWeek('08:00', '15:00'),
    services: [{ serviceId: a, weekly: null, lastTicketMinutes: 10, stopWhenWaitPastClose: false }],
  }
  const res = await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })
  if (res.statusCode !== 200) throw new Error(`calendar refused: ${res.body}`)
  return { center, clock, url, admin, a, b }
}

async function pairingCode(center: TestCenter, admin: string, kind: 'kiosk' | 'display'): Promise<string> {
  const res = await center.request('POST', '/api/v1/devices', { token: admin, body: { kind, name: kind } })
  return res.json().pairingCode
}

const card = (page: Page, id: number) => page.locator(`tabour-service-grid button[data-service-id="${id}"]`)

describe('the calendar on the screens', () => {
  it('the kiosk at 14:55 with a 15:00 close and a 10-minute cut-off shows the service closed, why and when it opens, in ar and en', async () => {
    // Sunday 6 December 2026, 14:55 in Cairo
    const run = await startCenter('2026-12-06T12:55:00Z')
    const page = await contexts.page(PORTRAIT)
    await page.goto(`${run.url}/kiosk/?pair=${await pairingCode(run.center, run.admin, 'kiosk')}`)
    await card(page, run.a).locator('[data-closed="last-ticket"]').waitFor()
    expect(await card(page, run.a).isDisabled()).toBe(true)
    expect(await card(page, run.b).isDisabled()).toBe(false)
    expect(await card(page, run.a).locator('.figures').textContent()).toMatch(/انتهى إصدار التذاكر الساعة 14:50\s*يفتح غدًا الساعة 08:00/)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'kiosk-cutoff-ar.png') })

    await page.locator('tabour-lang-switch button').click()
    await card(page, run.a).getByText('Tickets stopped at 14:50').waitFor()
    expect(await card(page, run.a).locator('[data-opens]').textContent()).toBe('Opens tomorrow at 08:00')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'kiosk-cutoff-en.png') })
  })

  it('the display after closing on Thursday says closed, opens Sunday 08:00, in both languages', async () => {
    // Thursday 10 December 2026, 15:30 in Cairo
    const run = await startCenter('2026-12-10T13:30:00Z')
    const page = await contexts.page(LANDSCAPE)
    await page.goto(`${run.url}/display/?pair=${await pairingCode(run.center, run.admin, 'display')}`)
    const band = page.locator('tabour-hours-banner [data-hours="closed"]')
    await band.waitFor()
    expect(await band.locator('[lang="ar"]').textContent()).toBe('مغلق — يفتح يوم الأحد الساعة 08:00')
    expect(await band.locator('[lang="en"]').textContent()).toBe('Closed — Opens Sunday at 08:00')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'display-closed.png') })
  })

  it("the dashboard's hours editor refuses an overlap naming the day, saves a week, and imports an .ics after its preview", async () => {
    const run = await startCenter('2026-12-06T08:00:00Z')
    const page = await contexts.page({ width: 1400, height: 1000 })
    await page.goto(`${run.url}/dashboard/?lang=en#hours`)
    await page.locator('form[data-form="login"] input[name="username"]').fill('admin')
    await page.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
    await page.locator('form[data-form="login"] button[data-action="login"]').click()
    const view = page.locator('tabour-hours-view')
    const monday = view.locator('input[data-day="mon"]')
    await monday.waitFor()
    expect(await monday.inputValue()).toBe('08:00-15:00')

    await monday.fill('08:00-15:00, 14:00-20:00')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator('[data-message="error"]').waitFor()
    expect(await view.locator('[data-message="error"]').textContent()).toContain(
      'weekly.mon[1] 14:00–20:00 overlaps weekly.mon[0] 08:00–15:00',
    )
    expect(await monday.getAttribute('aria-invalid')).toBe('true')
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().weekly.mon).toEqual([
      { open: '08:00', close: '15:00' },
    ])

    await monday.fill('08:00-14:00, 17:00-20:00')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator('[data-message="ok"]').waitFor()
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().weekly.mon).toEqual([
      { open: '08:00', close: '14:00' },
      { open: '17:00', close: '20:00' },
    ])
    expect(await seriousAxeViolations(page)).toEqual([])

    const ics = join(SHOTS, 'holidays.ics')
    writeFileSync(
      ics,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:coptic-christmas-2027@ministry.example',
        'DTSTAMP:20261101T000000Z',
        'DTSTART;VALUE=DATE:20270107',
        'DTEND;VALUE=DATE:20270108',
        'SUMMARY:Coptic Christmas',
        'X-TABOUR-NAME-AR:عيد الميلاد المجيد',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    )
    await view.locator('input[name="ics"]').setInputFiles(ics)
    await view.locator('[data-preview] [data-added="1"]').waitFor()
    expect(await view.locator('[data-preview-item="2027-01-07"]').textContent()).toContain('Coptic Christmas')
    // nothing stored before the import
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().exceptions).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'dashboard-ics-preview.png'), fullPage: true })
    await view.locator('button[data-action="import-ics"]').click()
    await view.locator('tr[data-exception="2027-01-07"]').waitFor()
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().exceptions).toHaveLength(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'dashboard-hours.png'), fullPage: true })
  })
})
