import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { appointmentText } from '../../protocol/messages/appointments.ts'
import { demoCalendar } from '../../server/demo/seed.ts'
import { useBrowserSuite } from './browser.ts'
import { checkInAtKiosk } from './kiosk-booking.ts'
import { ROOT } from './ui-build.ts'

/**
 * A booking checked in at the kiosk after its time, for a service no counter serves now (walk s55, 1080×1920,
 * Arabic and English): the kiosk said "you can take an ordinary ticket" with a button that took none (its
 * tile was greyed, "No counter is serving this service now"; the tap closed the dialog and nothing came).
 * It says now that no ordinary ticket can be taken for it now, and offers only Back; with a counter open,
 * the ordinary ticket as before.
 */
const SHOTS = join(ROOT, 'test-results', 'kiosk-check-in-late')
const suite = useBrowserSuite(SHOTS)

// Sunday 6 December 2026 in Cairo (UTC+2), the demo's weekly hours 08:00–16:00
const cairo = (time: string) => Date.parse(`2026-12-06T${time}:00+02:00`)

describe('check-in too late at the kiosk', () => {
  it('offers an ordinary ticket only while the kiosk sells one of the service', async () => {
    const clock = new TestClock(cairo('08:00'))
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const put = await center.request('PUT', '/api/v1/calendar', {
      token: await center.admin(),
      body: demoCalendar(clock.now, 'Africa/Cairo'),
    })
    expect(put.statusCode, put.body).toBe(200)
    const c = await center.createService({
      prefix: 'C',
      nameAr: 'مستخرجات السجل المدني',
      nameEn: 'Civil-registry extracts',
      whenUnstaffed: 'not-offered',
    })
    // its counter exists (the slots have a place) and is closed: no counter serves it now
    const counter = await center.createCounter({ number: 3, serviceIds: [c.id] })
    let slotStart = 0
    const { page, code } = await checkInAtKiosk(
      center,
      url,
      suite.contexts,
      c.id,
      '2026-12-06',
      (starts) => (slotStart = starts.find((s) => s >= cairo('09:00')) ?? 0) || undefined,
      // twenty minutes after the slot's start: too late
      () => clock.set(new Date(slotStart + 20 * 60_000).toISOString()),
    )
    const late = page.locator('tabour-booking-check-in [data-check-in="too-late"]')
    await late.waitFor()
    expect(await page.locator(`tabour-service-grid button[data-service-id="${c.id}"]`).getAttribute('data-available')).toBe('false')
    expect(await late.locator('p').textContent()).toBe(appointmentText('checkIn.tooLateNoTicket', 'ar'))
    expect(await late.locator('[data-action="walk-in"]').count(), 'an ordinary ticket offered').toBe(0)
    await suite.shot(page, 'too-late-no-counter-ar')
    await late.locator('[data-action="check-in-back"]').click()

    // a counter opens: the same booking, too late still, is offered the ordinary ticket, and gets it
    await center.openCounterAs('clerk1', counter.id)
    await page.locator(`tabour-service-grid button[data-service-id="${c.id}"][data-available="true"]`).waitFor()
    await page.locator('tabour-booking-check-in [data-action="have-booking"]').click()
    await page.locator('tabour-booking-check-in [data-field="booking-code"]').fill(code)
    await page.keyboard.press('Enter')
    await late.waitFor()
    expect(await late.locator('p').textContent()).toBe(appointmentText('checkIn.tooLate', 'ar'))
    await late.locator('[data-action="walk-in"]').click()
    await page.locator('tabour-ticket-confirmation [data-ticket-label="C-001"]').waitFor()
  })
})
