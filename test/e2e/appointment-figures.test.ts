import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, type TestCenter } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { seriousAxeViolations } from './axe.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import type { AppointmentFigures, OriginWait } from '../../protocol/appointment-figures.ts'
import { duration, num, percent } from '../../dashboard-ui/format.ts'
import type { DigitStyle } from '../../ui-common/digits.ts'

/**
 * The appointment figures on the dashboard in real Chromium at a desk's size (issue 19): the
 * reports view's "Appointments" and "Waits by origin" tables and the live view's waits of today,
 * in Arabic (the center's Arabic-Indic digits, right to left) and English, each figure as the
 * API gives it. A booking checked in and called, a walk-in called, a booking still to come.
 * Screenshots go to test-results/appointment-figures/.
 */
const SHOTS = join(ROOT, 'test-results', 'appointment-figures')
const DESK = { width: 1366, height: 768 }
const suite = useBrowserSuite(SHOTS)

describe('appointment figures on the dashboard', () => {
  let center: TestCenter
  let url: string
  let admin: string
  let walkIn: () => Promise<void>

  beforeAll(async () => {
    ;({ center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }))
    admin = await center.admin()
    expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: 'arabic-indic' } })).statusCode).toBe(200)
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, walkInShare: 0, serviceMinutes: 5 }
    expect((await center.request('PUT', `/api/v1/appointments/settings/${a.id}`, { token: admin, body: settings })).statusCode).toBe(200)
    const kiosk = (await center.createDevice('kiosk')).token
    // the first free slots of the day (the default calendar is always open: a slot every 15 minutes);
    // after the day's last slot has begun (23:45 in Cairo), tomorrow's first one is as near
    const slotsOn = async (ms: number) => {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Cairo' }).format(ms)
      return (await center.request('GET', `/api/v1/appointments/slots?serviceId=${a.id}&day=${day}`)).json().slots as { start: string }[]
    }
    let slots = await slotsOn(Date.now())
    if (slots.length === 0) slots = await slotsOn(Date.now() + 86_400_000)
    const codes: string[] = []
    for (const [i, slot] of [slots[0]!, slots.at(-1)!].entries()) {
      const res = await center.request('POST', '/api/v1/appointments', {
        body: { serviceId: a.id, slotStart: slot.start, name: 'Citizen', phone: `0100000000${i}`, lang: 'ar' },
      })
      expect(res.statusCode, res.body).toBe(201)
      codes.push(res.json().code)
    }
    await center.issue(kiosk, { serviceId: a.id })
    // the first slot starts within 15 minutes: its check-in is open
    expect((await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: codes[0] } })).json().outcome).toBe('ticket')
    const clerk = await center.openCounterAs('clerk1', counter.id)
    for (let i = 0; i < 2; i++) {
      expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
      await center.action(clerk, counter.id, 'start')
      await center.action(clerk, counter.id, 'finish', {})
    }
    walkIn = async () => {
      await center.issue(kiosk, { serviceId: a.id })
      expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
      await center.action(clerk, counter.id, 'start')
      await center.action(clerk, counter.id, 'finish', {})
    }
  })
  afterAll(async () => center?.close())

  const figures = async (from: string, to: string): Promise<AppointmentFigures> =>
    (await center.request('GET', `/api/v1/stats/appointments?from=${from}&to=${to}`, { token: admin })).json()

  /** Every cell of a waits line, as the table must write it. */
  const waitCells = (w: Record<'walk_in' | 'appointment' | 'remote', OriginWait>, d: DigitStyle) =>
    (['walk_in', 'appointment', 'remote'] as const).flatMap((o) => [
      num(w[o].called, d),
      duration(w[o].meanWaitSeconds, d),
      duration(w[o].medianWaitSeconds, d),
    ])

  const cellsOf = (page: Page, row: string) => page.locator(row).locator('td.n').allTextContents()

  async function login(page: Page, lang: 'ar' | 'en', hash = ''): Promise<void> {
    await page.goto(`${url}/dashboard/${lang === 'en' ? '?lang=en' : ''}${hash}`)
    await page.locator('form[data-form="login"] input[name="username"]').fill('admin')
    await page.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
    await page.locator('form[data-form="login"] button[data-action="login"]').click()
    await page.locator('main[data-phase="ready"]').waitFor()
  }

  it('shows the appointments and the waits by origin of the report range, and today on the live view, as the API has them', {
    timeout: 180_000,
  }, async () => {
    for (const lang of ['ar', 'en'] as const) {
      const digits: DigitStyle = lang === 'ar' ? 'arabic-indic' : 'western'
      const page = await suite.contexts.page(DESK)
      // the page's clock stands still (its timers run): the live card may not wait for a minute to pass
      await page.clock.setFixedTime(Date.now())
      await login(page, lang)
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr')

      // live view: today's waits by origin
      const live = page.locator('tabour-origin-waits-card table[data-table="origin-waits"]')
      await live.waitFor()
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Cairo' }).format(Date.now())
      const today = await figures(day, day)
      expect(today.waitsTotal.appointment.called).toBe(1)
      // one walk-in called before, and one more by each language's turn below
      expect(today.waitsTotal.walk_in.called).toBe(lang === 'ar' ? 1 : 2)
      expect(await cellsOf(page, 'tabour-origin-waits-card tr[data-service="total"]')).toEqual(waitCells(today.waitsTotal, digits))
      // a walk-in called now shows in the card with the live figures above it, not a minute later
      await walkIn()
      const after = await figures(day, day)
      expect(after.waitsTotal.walk_in.called).toBe(today.waitsTotal.walk_in.called + 1)
      await expect
        .poll(() => cellsOf(page, 'tabour-origin-waits-card tr[data-service="total"]'), { timeout: 15_000 })
        .toEqual(waitCells(after.waitsTotal, digits))
      await live.scrollIntoViewIfNeeded()
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SHOTS, `live-${lang}.png`) })
      expect(await seriousAxeViolations(page), `live ${lang}`).toEqual([])

      // reports view: the default range (the last 7 days)
      await page.locator('a[data-tab="reports"]').click()
      await page.locator('tabour-reports-view button[data-action="show"]').click()
      const table = page.locator('tabour-appointment-figures table[data-table="appointments"]')
      await table.waitFor()
      const from = await page.locator('tabour-reports-view input[name="from"]').inputValue()
      const to = await page.locator('tabour-reports-view input[name="to"]').inputValue()
      const range = await figures(from, to)
      const total = range.total
      expect(await cellsOf(page, 'tabour-appointment-figures table[data-table="appointments"] tr[data-service="total"]')).toEqual([
        num(total.booked, digits),
        num(total.checkedIn, digits),
        num(total.noShow, digits),
        num(total.pending, digits),
        num(total.cancelled, digits),
        percent(total.punctualPercent, digits, lang),
        num(total.places, digits),
        percent(total.bookedPercent, digits, lang),
        percent(total.checkedInPercent, digits, lang),
      ])
      expect(await table.locator('tbody tr').count()).toBe(range.services.length)
      const header = await table.locator('thead th').allTextContents()
      expect(header).toContain(lang === 'ar' ? 'لم يحضروا' : 'No-shows')
      expect(await cellsOf(page, 'tabour-appointment-figures table[data-table="origin-waits"] tr[data-service="total"]')).toEqual(
        waitCells(range.waitsTotal, digits),
      )
      const origins = await page.locator('tabour-appointment-figures table[data-table="origin-waits"] th[data-origin]').allTextContents()
      expect(origins).toEqual(lang === 'ar' ? ['بدون موعد', 'بموعد', 'من الهاتف'] : ['Walk-in', 'Appointment', 'From a phone'])
      // the center's digits in Arabic (the shadow roots' text: locators pierce them)
      const shown = (await page.locator('tabour-appointment-figures section').allInnerTexts()).join(' ')
      expect(shown).toMatch(lang === 'ar' ? /[٠-٩]/ : /[0-9]/)
      if (lang === 'ar') expect(shown).not.toMatch(/[0-9]/)
      // no table spills out of its card at a desk's width
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESK.width)
      await page.locator('tabour-appointment-figures [data-section="origin-waits"]').scrollIntoViewIfNeeded()
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SHOTS, `reports-${lang}.png`) })
      expect(await seriousAxeViolations(page), `reports ${lang}`).toEqual([])
      await page.close()
    }
  })
})
