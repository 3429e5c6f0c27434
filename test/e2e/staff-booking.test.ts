import { describe, expect, it } from 'vitest'
import { clockTime } from '../../protocol/messages/clock-time.ts'
import { join } from 'node:path'
import { ADMIN_PASSWORD, daytimeShiftMs, STAFF_PASSWORD, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { addDays, localDay } from '../../protocol/center-clock.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * The staff side of appointments in Chromium (issue 19): an admin turns appointments on in the
 * configuration form (no JSON) and the phone's booking page then offers times; reception books
 * for a caller on the dashboard's Appointments tab (Arabic, then English) and the code shown is
 * the one stored, booked as the user; a refusal is worded by its code; today's list shows the
 * bookings; a manager blocks tomorrow and the booking page offers nothing that day.
 * Screenshots go to test-results/staff-booking/.
 */
const SHOTS = join(ROOT, 'test-results', 'staff-booking')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite
const LAPTOP = { width: 1366, height: 768 } as const

const shot = suite.shot

describe('appointments on the staff side in Chromium', () => {
  it('settings form → booking page offers times; reception books for a caller (ar, en); a blocked day offers none', async () => {
    // the center's clock a day ahead of this browser's (a desk PC's clock may be off): the card's and
    // the day list's "today", the settings' slots and the printed times are the center's, never the PC's
    const clock = new TestClock(Date.now() + daytimeShiftMs() + 86_400_000)
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, cleanups)
    const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    await center.createCounter({ number: 3, serviceIds: [service.id] })
    const reception = await center.createUser('reception', 'manager')
    const db = center.app.tabour.db

    // the admin turns appointments on in the configuration form
    const admin = await contexts.page(LAPTOP)
    await dashboardLogin(admin, url, 'admin', ADMIN_PASSWORD, 'ar', '#config')
    await admin.locator('tabour-config-view button[data-section="appointments"]').click()
    const form = admin.locator('tabour-appointments-config form[data-form="appointments"]')
    await form.locator('input[name="enabled"]').check()
    // a percent over 95 is refused next to its field, in percent (the API's limit is the fraction 0.95)
    await form.locator('input[name="walkInShare"]').fill('99')
    await form.locator('button[data-action="save"]').click()
    await form.locator('[data-field-error="walkInShare"]').waitFor()
    await form.locator('input[name="walkInShare"]').fill('0')
    await form.locator('input[name="serviceMinutes"]').fill('5')
    await form.locator('input[name="maxPerPhonePerDay"]').fill('0')
    await form.locator('button[data-action="save"]').click()
    // a refusal is shown next to its field, in the screen's language
    await form.locator('[data-field-error="maxPerPhonePerDay"]').waitFor()
    await form.locator('input[name="maxPerPhonePerDay"]').fill('1')
    await form.locator('button[data-action="save"]').click()
    await form.locator('[data-notice]').waitFor()
    const stored = db.prepare('SELECT settings FROM appointment_settings WHERE service_id = ?').get(service.id) as { settings: string }
    expect(JSON.parse(stored.settings)).toMatchObject({ enabled: true, walkInShare: 0, serviceMinutes: 5, maxPerPhonePerDay: 1 })
    expect(await seriousAxeViolations(admin)).toEqual([])
    await shot(admin, 'config-ar-appointments')

    // the booking page on a phone now offers times
    const phone = await contexts.page(PHONE)
    await phone.goto(`${url}/b/`)
    await phone.locator('tabour-booking-page button.slot').first().waitFor()

    // reception books for a caller, in Arabic
    const desk = await contexts.page(LAPTOP)
    await dashboardLogin(desk, url, 'reception', STAFF_PASSWORD, 'ar', '')
    const card = desk.locator('tabour-staff-booking-card')
    const bookFirstSlot = async (name: string, mobile: string) => {
      const slot = card.locator('button[data-slot]').first()
      await slot.click()
      await card.locator('input[name="name"]').fill(name)
      await card.locator('input[name="phone"]').fill(mobile)
      await shot(desk, `desk-${name === 'Mona Ali' ? 'en' : 'ar'}-form`)
      await card.locator('button[data-action="staff-book"]').click()
    }
    await bookFirstSlot('منى علي', '01012345678')
    const code = (await card.locator('[data-code]').textContent())!.trim()
    const row = db.prepare('SELECT code, created_by_type, created_by_id, name FROM bookings').get()
    expect(row).toEqual({ code, created_by_type: 'user', created_by_id: reception.id, name: 'منى علي' })
    expect(await card.locator('[data-manage]').getAttribute('href')).toMatch(new RegExp(`/b/${code}$`))
    await desk.locator(`tabour-day-bookings tr[data-booking="${code}"]`).waitFor()
    expect(await seriousAxeViolations(desk)).toEqual([])
    await shot(desk, 'desk-ar-booked')

    // in English: the same caller again on the same day is refused, worded by its code
    await desk.goto(`${url}/dashboard/?lang=en`)
    await desk.locator('main[data-phase="ready"]').waitFor()
    await bookFirstSlot('Mona Ali', '01012345678')
    const refusal = card.locator('[data-error="TABOUR_ERR_BOOKING_LIMIT_PHONE"]')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('This number holds as many bookings as allowed')
    await card.locator('input[name="phone"]').fill('01099999999')
    await card.locator('button[data-action="staff-book"]').click()
    await card.locator('[data-staff-booked]').waitFor()
    const second = (await card.locator('[data-code]').textContent())!.trim()
    expect(second).not.toBe(code)
    expect(db.prepare('SELECT count(*) AS n FROM bookings WHERE code = ?').get(second)).toEqual({ n: 1 })
    await desk.locator(`tabour-day-bookings tr[data-booking="${second}"]`).waitFor()
    expect(await seriousAxeViolations(desk)).toEqual([])
    await shot(desk, 'desk-en-booked')

    // the manager blocks tomorrow; the booking page offers nothing that day
    const tomorrow = addDays(localDay(clock.now, 'Africa/Cairo'), 1)
    const dayForm = desk.locator('tabour-appointment-day-form form')
    await dayForm.locator('input[name="day"]').fill(tomorrow)
    await dayForm.locator('input[name="blocked"]').check()
    await dayForm.locator('button[data-action="save"]').click()
    await dayForm.locator('[data-notice]').waitFor()
    expect(db.prepare('SELECT blocked FROM appointment_days WHERE service_id = ? AND day = ?').get(service.id, tomorrow)).toEqual({
      blocked: 1,
    })
    // the booking card beside the form marks that day at once (it reads its services again), in English
    await card.locator('button[data-action="book-another"]').click()
    const blockedDay = card.locator(`select[name="day"] option[value="${tomorrow}"][data-shut="blocked"]`)
    await blockedDay.waitFor({ state: 'attached' })
    expect(await blockedDay.textContent()).toMatch(/\u00a0— no bookings$/)
    // the phone's page, loaded before, still lists it: the day's slots say why
    await phone.locator('tabour-booking-page [data-field="day"]').selectOption(tomorrow)
    await phone.locator('tabour-booking-page [data-empty="blocked"]').waitFor()
    expect(await seriousAxeViolations(phone)).toEqual([])
    await shot(phone, 'booking-ar-blocked')
  }, 180_000)

  it('the console marks a ticket joined from a phone and an appointment with its slot time; a held place is cancelled from its tools', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter(
      {
        clock,
        config: { uiDir: suite.uiDir, remoteJoin: { services: [{ prefix: 'P', mode: 'check-in', dailyCap: 10, arriveMinutes: 10 }] } },
      },
      cleanups,
    )
    const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    const counter = await center.createCounter({ number: 3, serviceIds: [service.id] })
    const admin = await center.admin()
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, walkInShare: 0, serviceMinutes: 5 }
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: settings })
    const clerk = await center.createUser('clerk1')

    // a place joined from a phone, checked in; then a booking checked in at the kiosk
    const joined = (await center.request('POST', '/api/v1/remote/join', { body: { serviceId: service.id } })).json()
    await center.request('POST', `/api/v1/remote/tickets/${joined.id}/check-in`, { token: clerk.token })
    const day = localDay(clock.now, 'Africa/Cairo')
    const slot = (await center.request('GET', `/api/v1/appointments/slots?serviceId=${service.id}&day=${day}`)).json().slots[0]
    const code = (
      await center.request('POST', '/api/v1/appointments/staff', {
        token: admin,
        body: { serviceId: service.id, slotStart: slot.start, name: 'Caller', phone: '01012345678' },
      })
    ).json().code
    const kiosk = await center.createDevice('kiosk')
    const checkedIn = await center.request('POST', '/api/v1/check-in', { token: kiosk.token, body: { text: code } })
    expect(checkedIn.json().outcome).toBe('ticket')

    const page = await contexts.page(LAPTOP)
    await page.goto(`${url}/counter/?lang=en`)
    await page.locator('main[data-phase="login"] input[name="username"]').fill('clerk1')
    await page.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await page.locator('main[data-phase="login"] [data-action="login"]').click()
    await page.locator(`tabour-counter-chooser [data-counter-id="${counter.id}"] [data-action="open"]`).click()
    await page.locator('main[data-phase="console"]').waitFor()

    const call = async (label: string) => {
      const res = await center.action(clerk.token, counter.id, 'call-next')
      expect(res.json().ticket.label).toBe(label)
      await page.locator(`tabour-current-ticket [data-current-label="${label}"]`).waitFor()
    }
    await call(joined.label)
    const badge = page.locator('tabour-ticket-origin .badge')
    expect(await badge.getAttribute('data-origin')).toBe('remote')
    expect(await badge.textContent()).toBe('Joined from a phone')
    await shot(page, 'console-en-remote')
    await center.action(clerk.token, counter.id, 'no-show')
    await call(checkedIn.json().ticket.label)
    await page.locator(`tabour-ticket-origin .badge[data-origin="appointment"][data-slot="${slot.start}"]`).waitFor()
    const time = clockTime(slot.start, 'Africa/Cairo', 'en')
    expect(await badge.textContent()).toBe(`Appointment\u00a0— ${time}`)
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'console-en-appointment')

    // a caller rings to give up a place held from a phone: the clerk cancels it in the ticket tools
    const held = (await center.request('POST', '/api/v1/remote/join', { body: { serviceId: service.id } })).json()
    const tools = page.locator('tabour-ticket-tools')
    await tools.locator('[data-input="find"]').fill(held.label)
    await tools.locator('[data-input="find"]').press('Enter')
    const card = tools.locator(`article[data-ticket="${held.label}"][data-status="remote"]`)
    await card.locator('[data-reason="citizen_request"]').check()
    await card.locator('[data-action="cancel-ticket"]').click()
    await tools.locator(`article[data-ticket="${held.label}"][data-status="cancelled"]`).waitFor()
    expect(center.app.tabour.db.prepare('SELECT status FROM tickets WHERE id = ?').get(held.id)).toEqual({ status: 'cancelled' })
  }, 180_000)
})
