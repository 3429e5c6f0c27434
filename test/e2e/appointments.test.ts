import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { daytimeShiftMs, type TestCenter, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { LANDSCAPE, PHONE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { scanWithBarcodeReader } from './barcode-scanner.ts'

/**
 * Appointments end to end in Chromium (issue 19): a citizen books on the phone-sized page, checks
 * in at the kiosk by scanning the code (a barcode scanner types fast and ends with Enter), is
 * called ahead of an earlier walk-in by the blended policy once the slot starts, and is shown on
 * the display; a late arrival is offered an ordinary ticket. The server's clock is a test clock
 * near real time (the page lists days on the real one), moved forward to the slot.
 * Screenshots go to test-results/appointments/.
 */
const SHOTS = join(ROOT, 'test-results', 'appointments')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

const shot = suite.shot

/** Console messages of Content-Security-Policy refusals (an inline style or script slipped in). */
const cspRefusals: string[] = []
const watchCsp = (page: Page) => {
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspRefusals.push(`${page.url()}: ${m.text()}`)
  })
  return page
}

async function pair(center: TestCenter, kind: 'kiosk' | 'display'): Promise<string> {
  const res = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind, name: kind } })
  return res.json().pairingCode as string
}

describe('appointments in Chromium', () => {
  it('book on a phone → scan at the kiosk → called ahead of a walk-in → on the display; a late arrival gets a walk-in ticket', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, cleanups)
    const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    const counter = await center.createCounter({ number: 3, serviceIds: [service.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: await center.admin(), body: settings })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const apiKiosk = await center.createDevice('kiosk')

    // the phone: the first free slot, a name and a mobile → code, QR and manage link
    const phone = watchCsp(await contexts.page(PHONE))
    await phone.goto(`${url}/b/`)
    const booking = phone.locator('tabour-booking-page')
    await booking.locator('button.slot').first().click()
    const slotStart = Date.parse((await booking.locator('button.slot').first().getAttribute('data-slot'))!)
    await booking.locator('[data-field="name"]').fill('منى علي')
    await booking.locator('[data-field="phone"]').fill('01012345678')
    expect(await seriousAxeViolations(phone)).toEqual([])
    await booking.locator('[data-action="book"]').click()
    const code = (await booking.locator('[data-code]').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(phone.url()).toContain(`/b/${code}`)
    await booking.locator('tabour-qr-code svg').waitFor()
    // the confirmation opens at «تم الحجز» and the service, day and time, not scrolled down at the code (walk s53)
    const heading = booking.locator('[data-booked-heading]')
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(-1)
    expect(
      await heading.evaluate(
        (el) =>
          el.getBoundingClientRect().top < innerHeight / 2 &&
          el.getRootNode() instanceof ShadowRoot &&
          (el.getRootNode() as ShadowRoot).activeElement === el,
      ),
    ).toBe(true)
    expect(await seriousAxeViolations(phone)).toEqual([])
    await shot(phone, 'booking-ar-done')

    // someone books the same slot by the API and will come late
    const late = (
      await center.request('POST', '/api/v1/appointments', {
        body: { serviceId: service.id, slotStart: new Date(slotStart).toISOString(), name: 'Late', phone: '01099999999' },
      })
    ).json().code as string
    // a walk-in arrives first
    const walkIn = await center.issue(apiKiosk.token, { serviceId: service.id })

    // the kiosk: the scanner types the code fast and presses Enter on the home screen
    const kiosk = watchCsp(await contexts.page(PORTRAIT))
    await kiosk.goto(`${url}/kiosk/?pair=${await pair(center, 'kiosk')}`)
    await kiosk.locator('tabour-booking-check-in [data-action="have-booking"]').waitFor()
    await scanWithBarcodeReader(kiosk, code)
    const label = kiosk.locator('tabour-ticket-confirmation [data-ticket-label]')
    await label.waitFor()
    expect(await label.textContent()).toContain('P-002')
    await shot(kiosk, 'kiosk-ar-checked-in')

    // the slot starts: the blended policy calls the appointment before the earlier walk-in
    const display = await contexts.page(LANDSCAPE)
    await display.goto(`${url}/display/?pair=${await pair(center, 'display')}`)
    await display.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
    clock.now = slotStart + 60_000
    const called = (await center.action(clerk, counter.id, 'call-next')).json().ticket
    expect(called.label).toBe('P-002')
    await display.locator('tabour-display-app [data-now="P-002"], tabour-display-app [data-call-ticket="P-002"]').first().waitFor()
    await shot(display, 'display-appointment-called')
    expect(walkIn.label).toBe('P-001')

    // the late arrival, 16 minutes after the slot: offered an ordinary ticket, and takes it
    clock.now = slotStart + 16 * 60_000
    await kiosk.locator('tabour-ticket-confirmation [data-action="done"]').click()
    await kiosk.locator('tabour-booking-check-in [data-action="have-booking"]').click()
    await kiosk.locator('tabour-booking-check-in [data-field="booking-code"]').fill(late.toLowerCase().replace(/-/g, ' '))
    await kiosk.keyboard.press('Enter')
    await kiosk.locator('tabour-booking-check-in [data-check-in="too-late"]').waitFor()
    await shot(kiosk, 'kiosk-ar-too-late')
    await kiosk.locator('tabour-booking-check-in [data-action="walk-in"]').click()
    await label.waitFor()
    expect(await label.textContent()).toContain('P-003')
    const origins = center.app.tabour.db.prepare('SELECT label, origin FROM tickets ORDER BY label').all()
    expect(origins).toEqual([
      { label: 'P-001', origin: 'walk_in' },
      { label: 'P-002', origin: 'appointment' },
      { label: 'P-003', origin: 'walk_in' },
    ])
    expect(cspRefusals).toEqual([])
  }, 180_000)
})
