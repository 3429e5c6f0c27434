import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ADMIN_PASSWORD, daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { closingCalendar } from '../helpers/closing-calendar.ts'
import { DEFAULT_CALENDAR } from '../../protocol/calendar.ts'
import { addDays, localDay } from '../../protocol/center-clock.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * Bookings and the calendar tell the truth (walk 2026-12-05), in Chromium: bookings turned on
 * with the default settings offer times on a phone, and a service no counter serves says it
 * cannot be booked (the dashboard says why); the same holiday added twice is refused in the
 * hours tab, worded in Arabic and English; near closing the join page and the ticket status page
 * say what the kiosk says, in the center's digits. Screenshots: test-results/booking-calendar-truths/.
 */
const SHOTS = join(ROOT, 'test-results', 'booking-calendar-truths')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite
const LAPTOP = { width: 1366, height: 768 } as const

const shot = suite.shot

describe('bookings, holidays and closing, as the pages say them', () => {
  it('bookings turned on and nothing else offer times on a phone; a service without a counter says it cannot be booked, and the dashboard says why', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, cleanups)
    const admin = await center.admin()
    const served = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    const alone = await center.createService({ prefix: 'Q', nameAr: 'التوثيق', nameEn: 'Notary' })
    await center.createCounter({ number: 3, serviceIds: [served.id] })
    for (const s of [served, alone]) {
      const res = await center.request('PUT', `/api/v1/appointments/settings/${s.id}`, { token: admin, body: { enabled: true } })
      expect(res.statusCode, res.body).toBe(200)
    }

    // a holiday of the served service alone today (the hours tab's "Applies to"): its day list marks
    // today closed and opens on tomorrow; it offered today and then said "closed" (walk s47)
    const today = localDay(clock.now, 'Africa/Cairo')
    const tomorrow = addDays(today, 1)
    const holiday = { from: today, to: today, nameAr: 'جرد', nameEn: 'Stocktaking', hours: [], serviceIds: [served.id] }
    const cal = await center.request('PUT', '/api/v1/calendar', { token: admin, body: { ...DEFAULT_CALENDAR, exceptions: [holiday] } })
    expect(cal.statusCode, cal.body).toBe(200)

    const page = await contexts.page(PHONE)
    await page.goto(`${url}/b/`)
    const booking = page.locator('tabour-booking-page')
    // the defaults: 15-minute slots, one counter, 10 minutes a citizen, half for walk-ins: times on offer
    await booking.locator('button.slot').first().waitFor()
    expect(await booking.locator('button.slot').count()).toBeGreaterThan(0)
    const dayList = booking.locator('select[data-field="day"]')
    expect(await dayList.inputValue()).toBe(tomorrow)
    const shut = dayList.locator(`option[value="${today}"]`)
    expect(await shut.getAttribute('data-shut')).toBe('closed')
    expect(await shut.isDisabled()).toBe(true)
    expect(await shut.textContent()).toMatch(/\u00a0— مغلق$/)
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'defaults-slots-ar')

    await booking.locator('select[data-field="service"]').selectOption(String(alone.id))
    const empty = booking.locator('p.empty[data-empty="no-capacity"]')
    await empty.waitFor()
    expect(await empty.textContent()).toBe('لا يمكن حجز موعد لهذه الخدمة حاليًا. يمكنك أخذ تذكرة عند وصولك إلى المركز.')
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'no-capacity-ar')
    await booking.locator('tabour-lang-switch button').click()
    await booking.getByText('This service cannot be booked at the moment. You can take a ticket when you arrive at the center.').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'no-capacity-en')

    // the dashboard's appointment settings say why, for that service only
    const dash = await contexts.page(LAPTOP)
    await dashboardLogin(dash, url, 'admin', ADMIN_PASSWORD, 'en', '#config')
    await dash.locator('tabour-config-view button[data-section="appointments"]').click()
    const form = dash.locator('tabour-appointments-config form[data-form="appointments"]')
    await form.locator('input[name="enabled"]').waitFor()
    expect(await form.locator('[data-no-capacity]').count()).toBe(0)
    await form.locator('select[name="serviceId"]').selectOption(String(alone.id))
    const why = form.locator('[data-no-capacity]')
    await why.waitFor()
    expect(await why.textContent()).toBe(
      'No active counter serves this service, so the booking page offers no time for it. Give the service a counter on the Counters page, or add places to a day below.',
    )
    expect(await seriousAxeViolations(dash)).toEqual([])
    await shot(dash, 'no-capacity-dashboard-en')
    // the day form below changes that service's days, named in its heading, with no service choice
    // of its own: it kept its own on the first service, and a day stopped there went to that one (walk s51)
    const dayForm = dash.locator('tabour-appointment-day-form form')
    await dayForm.locator('#day-title', { hasText: 'Change one day of Notary' }).waitFor()
    expect(await dayForm.locator('select').count()).toBe(0)
    const stopped = addDays(today, 3)
    await dayForm.locator('input[name="day"]').fill(stopped)
    await dayForm.locator('input[name="blocked"]').check()
    await dayForm.locator('button[data-action="save"]').click()
    await dayForm.locator('[data-notice]').waitFor()
    const dayOf = async (id: number) => (await center.request('GET', `/api/v1/appointments/days/${id}/${stopped}`, { token: admin })).json()
    expect(await dayOf(alone.id)).toMatchObject({ blocked: true })
    expect(await dayOf(served.id)).toMatchObject({ blocked: false })

    // a slot longer than the service's every opening (protocol/slot-fit.ts): its hours cut to 09:00–11:00
    // for the days open to booking, 150 minutes typed; the form reads the hours when it opens
    const shortHours = {
      from: today,
      to: addDays(today, 120),
      nameAr: 'ساعتان',
      nameEn: 'Two hours',
      hours: [{ open: '09:00', close: '11:00' }],
      serviceIds: [alone.id],
    }
    const cut = await center.request('PUT', '/api/v1/calendar', {
      token: admin,
      body: { ...DEFAULT_CALENDAR, exceptions: [holiday, shortHours] },
    })
    expect(cut.statusCode, cut.body).toBe(200)
    await dash.reload()
    await dash.locator('tabour-config-view button[data-section="appointments"]').click()
    await form.locator('select[name="serviceId"]').selectOption(String(alone.id))
    await form.locator('[data-no-capacity]').waitFor()
    expect(await form.locator('[data-slot-too-long]').count()).toBe(0)
    await form.locator('input[name="slotMinutes"]').fill('150')
    const tooLong = form.locator('[data-slot-too-long="120"]')
    expect(await tooLong.textContent()).toBe(
      'Nothing can be booked: a slot takes 150 minutes, and on the days open to booking the service is open for 120 minutes at a stretch at most. Shorten the slot, or lengthen the service’s hours under “Opening hours”.',
    )
    await dash.locator('tabour-lang-switch button').click()
    await expect
      .poll(() => tooLong.textContent())
      .toMatch(/^لن يُحجز أي موعد: مدة الموعد 150 دقيقة، وأطول فترة تعمل فيها الخدمة دون انقطاع في الأيام المتاحة للحجز 120 دقيقة\./)
    await shot(dash, 'slot-too-long-dashboard-ar')
    // a slot that fits takes the warning away
    await form.locator('input[name="slotMinutes"]').fill('120')
    await tooLong.waitFor({ state: 'detached' })

    // the desk's booking card marks the served service's holiday the same way, and opens on tomorrow
    await dash.goto(`${url}/dashboard/?lang=en`)
    const deskDays = dash.locator('tabour-staff-booking-card select[name="day"]')
    const deskShut = deskDays.locator(`option[value="${today}"][data-shut="closed"]`)
    await deskShut.waitFor({ state: 'attached' })
    expect(await deskShut.textContent()).toMatch(/\u00a0— closed$/)
    expect(await deskDays.inputValue()).toBe(tomorrow)
    await shot(dash, 'desk-day-closed-en')
  })

  it('the same holiday added twice in the hours tab is refused, naming the one those dates have, in Arabic and English', async () => {
    const clock = new TestClock(Date.parse('2026-12-06T08:00:00Z'))
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, cleanups)
    const admin = await center.admin()
    const page = await contexts.page({ width: 1400, height: 1000 })
    await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, 'ar', '#hours')
    const view = page.locator('tabour-hours-view')
    const add = view.locator('form[data-form="exception"]')
    const addHoliday = async () => {
      await add.locator('input[name="from"]').fill('2026-12-24')
      await add.locator('input[name="to"]').fill('2026-12-24')
      await add.locator('input[name="nameAr"]').fill('إغلاق طارئ')
      await add.locator('input[name="nameEn"]').fill('Emergency closure')
      await add.locator('button[data-action="add-exception"]').click()
    }
    await addHoliday()
    await view.locator('tr[data-exception="2026-12-24"]').waitFor()
    await addHoliday()
    const error = view.locator('[data-error-for="exceptions/1"]')
    await error.waitFor()
    expect(await error.textContent()).toBe('لم يُحفظ شيء: يوجد بالفعل استثناء في هذه التواريخ: «إغلاق طارئ». لتغييره احذفه ثم أضفه من جديد')
    const stored = (await center.request('GET', '/api/v1/calendar', { token: admin })).json()
    expect(stored.exceptions).toHaveLength(1)
    expect(await view.locator('tr[data-exception="2026-12-24"]').count()).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'holiday-twice-ar')
    await page.locator('tabour-lang-switch button').click()
    await view.getByText('Weekly hours').waitFor()
    expect(await error.textContent()).toBe(
      'Nothing was saved: These dates already have an exception: “Emergency closure”. To change it, remove it and add it again',
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'holiday-twice-en')

    // an evening for the kiosk's line alone, set in the form (the API and .ics had the flag, the form had no box)
    await add.locator('input[name="from"]').fill('2026-12-27')
    await add.locator('input[name="to"]').fill('2026-12-27')
    await add.locator('input[name="nameAr"]').fill('مساء ممتد')
    await add.locator('input[name="nameEn"]').fill('Late evening')
    await add.locator('input[name="hours"]').fill('08:00-21:00')
    await add.getByLabel('For walk-in tickets only (appointments keep the usual hours)').check()
    await add.locator('button[data-action="add-exception"]').click()
    const evening = view.locator('tr[data-exception="2026-12-27"]')
    await evening.waitFor()
    expect(await evening.locator('[data-walk-ins-only]').textContent()).toBe('For walk-in tickets only: appointments keep the usual hours')
    const withEvening = (await center.request('GET', '/api/v1/calendar', { token: admin })).json()
    expect(withEvening.exceptions.find((x: { from: string }) => x.from === '2026-12-27')).toMatchObject({
      walkInsOnly: true,
      hours: [{ open: '08:00', close: '21:00' }],
    })
    expect(withEvening.exceptions.find((x: { from: string }) => x.from === '2026-12-24').walkInsOnly).toBeUndefined()
  })

  it('at 14:35 the join page and the ticket status page say what the kiosk says about the 15:00 close, in the center digits', async () => {
    // Sunday 6 December 2026, 14:35 in Cairo (UTC+2); open 08:00–15:00, A's last ticket at 14:50, B stops when the wait runs past closing
    const clock = new TestClock(Date.parse('2026-12-06T12:35:00Z'))
    const { center, url } = await listeningCenter(
      {
        clock,
        config: {
          uiDir: suite.uiDir,
          screens: { digits: 'arabic-indic' },
          remoteJoin: {
            services: [
              { prefix: 'A', mode: 'call-ahead', arriveMinutes: 5 },
              { prefix: 'B', mode: 'call-ahead', arriveMinutes: 5 },
            ],
          },
        },
      },
      cleanups,
    )
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A', nameAr: 'البطاقات', nameEn: 'ID cards' })
    const b = await center.createService({ prefix: 'B', nameAr: 'الشهادات', nameEn: 'Certificates' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const cal = closingCalendar(a.id, b.id)
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })).statusCode).toBe(200)
    await center.openCounterAs('clerk1', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token

    // the last ticket is 15 minutes away: the join page says so next to A; B closes within the half hour
    const page = await contexts.page(PHONE)
    await page.goto(`${url}/join/ar/`)
    const aNote = page.locator(`tabour-join-page [data-service="${a.id}"] [data-closing]`)
    await aNote.waitFor()
    expect(await aNote.getAttribute('data-closing')).toBe('last-ticket-soon')
    expect(await aNote.textContent()).toBe('آخر تذكرة الساعة ٢:٥٠\u00a0م')
    expect(await page.locator(`tabour-join-page [data-service="${b.id}"] [data-closing]`).textContent()).toBe(
      'يغلق المركز الساعة ٣:٠٠\u00a0م',
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'join-last-ticket-ar')

    // tickets until the wait runs past 15:00: A says the turn may come after closing and is served all the same
    // (the calendar serves the line out; s55: "You may not be served…" sent people away), B stops as the kiosk does, and says why
    let last = await center.issue(kiosk, { serviceId: a.id })
    for (let i = 0; i < 40 && !(last.estimatedWaitSeconds * 1000 > 25 * 60_000); i++) last = await center.issue(kiosk, { serviceId: a.id })
    await page.goto(`${url}/join/en/`)
    const late = page.locator(`tabour-join-page [data-service="${a.id}"] [data-closing="served-past-close"]`)
    await late.waitFor()
    expect(await late.textContent()).toBe('Your turn may come after closing at 3:00\u00a0PM; tickets taken before closing are still served')
    // not in the danger colour of a refusal: it tells the joiner to stay
    const colours = await late.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.parentElement!).color])
    expect(colours[0]).toBe(colours[1])
    expect(await page.locator(`tabour-join-page [data-service="${b.id}"] .off`).textContent()).toBe(
      'You would not be served before closing at 3:00\u00a0PM\u00a0— Opens tomorrow at 8:00\u00a0AM',
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'join-wait-past-close-en')
    await page.goto(`${url}/join/ar/`)
    const lateAr = page.locator(`tabour-join-page [data-service="${a.id}"] [data-closing="served-past-close"]`)
    await lateAr.waitFor()
    expect(await lateAr.textContent()).toBe('قد يأتي دورك بعد الإغلاق الساعة ٣:٠٠\u00a0م، وتُخدم التذاكر المأخوذة قبل الإغلاق')
    await shot(page, 'join-wait-past-close-ar')

    // the last ticket's status page says the same, in Arabic with the center's digits, then in English
    await page.goto(`${url}/t/${last.id}`)
    const note = page.locator('tabour-ticket-status [data-closing="served-past-close"]')
    await note.waitFor()
    expect(await note.textContent()).toBe('قد يأتي دورك بعد الإغلاق الساعة ٣:٠٠\u00a0م، وتُخدم التذاكر المأخوذة قبل الإغلاق')
    // drawn calm, as the note after closing is: it tells the holder to stay
    expect(await note.getAttribute('class')).toBe('reassure')
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'status-served-past-close-ar')
    await page.goto(`${url}/t/${last.id}?lang=en`)
    await page
      .locator('tabour-ticket-status [data-closing]')
      .getByText('Your turn may come after closing at 3:00\u00a0PM; tickets taken before closing are still served')
      .waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'status-served-past-close-en')
  })
})
