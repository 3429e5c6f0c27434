import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { phoneExample } from '../../protocol/phone-number.ts'

/** Whether an element's text takes one line: its height is under two of its line heights. */
const oneLine = (el: Locator) =>
  el.evaluate((node) => {
    const style = getComputedStyle(node)
    const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5
    return node.getBoundingClientRect().height < line * 1.9
  })

/**
 * The booking page's truths on a phone (390×844): it names the center and what to bring for the
 * chosen service, on the form and on the confirmation; and every figure of its Arabic text (day
 * names, times, free places, check-in window) is written with the center's digits, every figure
 * of its English text with Western ones (protocol/messages/digits.ts). The code, the masked phone
 * and the link (dir=ltr) are Latin by nature and left out. Screenshots: test-results/booking-truths/.
 */
const SHOTS = join(ROOT, 'test-results', 'booking-truths')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

const DOCUMENTS = [
  { ar: 'بطاقة الرقم القومي', en: 'National ID card' },
  { ar: 'صورة شخصية حديثة', en: 'A recent photo' },
]

/** The page's text outside inputs, the language switch and the Latin (dir=ltr) parts. */
const pageText = (booking: Locator) =>
  booking.evaluate((host) => {
    const out: string[] = []
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '')
      if (node instanceof Element && (node.getAttribute('dir') === 'ltr' || node.localName === 'tabour-lang-switch')) return
      for (const child of node.childNodes) walk(child)
    }
    walk(host.shadowRoot!)
    return out.join(' ')
  })

const shot = suite.shot

/** The booking's buttons while its cancel step is open: the opener's words and state, the confirm's words, every button's words. */
const cancelStep = async (booking: Locator) => ({
  opener: (await booking.locator('[data-action="cancel"]').textContent())?.trim(),
  expanded: await booking.locator('[data-action="cancel"]').getAttribute('aria-expanded'),
  confirm: (await booking.locator('[data-action="cancel-yes"]').textContent())?.trim(),
  buttons: (await booking.locator('.actions button, .cancel button').allTextContents()).map((t) => t.trim()),
})

describe('the booking page names the center and what to bring, in the center digits', () => {
  it('Arabic with Arabic-Indic digits, then English with Western digits, on the form and the confirmation', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter(
      {
        clock,
        config: {
          uiDir: suite.uiDir,
          centerName: { ar: 'مركز خدمات مدينة نصر', en: 'Nasr City Service Center' },
          screens: { digits: 'arabic-indic' },
        },
      },
      cleanups,
    )
    const admin = await center.admin()
    const service = (
      await center.request('POST', '/api/v1/services', {
        token: admin,
        body: { prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports', targetWaitSeconds: 600, documents: DOCUMENTS },
      })
    ).json()
    await center.createCounter({ number: 3, serviceIds: [service.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: settings })

    const page = await contexts.page(PHONE)
    await page.goto(`${url}/b/`)
    const booking = page.locator('tabour-booking-page')
    await booking.locator('button.slot').first().waitFor()
    expect(await booking.locator('[data-center]').textContent()).toContain('مركز خدمات مدينة نصر')
    expect(await booking.locator('[data-document]').allTextContents()).toEqual(DOCUMENTS.map((d) => d.ar))
    let text = await pageText(booking)
    expect(text).toMatch(/[٠-٩]/)
    expect(text).not.toMatch(/[0-9]/)
    await shot(page, 'form-ar')
    // the phone field's placeholder and the hint under it give one example, in the center's digits
    expect(await booking.locator('[data-field="phone"]').getAttribute('placeholder')).toBe(phoneExample('arabic-indic'))
    expect(await booking.locator('[data-hint="phone"]').textContent()).toContain(phoneExample('arabic-indic'))

    await booking.locator('button.slot').first().click()
    await booking.locator('[data-field="name"]').fill('منى علي')
    await booking.locator('[data-field="phone"]').fill('٠١٠١٢٣٤٥٦٧٨')
    await booking.locator('[data-action="book"]').click()
    await booking.locator('[data-code]').waitFor()
    expect(await booking.locator('[data-center]').textContent()).toContain('مركز خدمات مدينة نصر')
    expect(await booking.locator('[data-document]').allTextContents()).toEqual(DOCUMENTS.map((d) => d.ar))
    text = await pageText(booking)
    expect(text).toMatch(/[٠-٩]/)
    expect(text).not.toMatch(/[0-9]/)
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'done-ar')
    // the code on one line (it broke at a dash on an Arabic phone)
    expect(await oneLine(booking.locator('[data-code]'))).toBe(true)
    // the Arabic-Indic digits typed are stored as one number
    expect(center.app.tabour.db.prepare('SELECT phone FROM bookings').pluck().get()).toBe('+201012345678')

    // the cancel step: its button says what it does, and the one that opened it now closes it (two «إلغاء الحجز» before: s55)
    const opener = booking.locator('[data-action="cancel"]')
    await opener.click()
    await booking.locator('[data-action="cancel-yes"]').waitFor()
    expect(await cancelStep(booking)).toEqual({
      opener: 'تراجع',
      expanded: 'true',
      confirm: 'نعم، ألغِ الحجز',
      buttons: ['تغيير الموعد', 'تراجع', 'نعم، ألغِ الحجز'],
    })
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'cancel-step-ar')
    await opener.click()
    expect(await booking.locator('[data-action="cancel-yes"]').count()).toBe(0)
    expect((await opener.textContent())?.trim()).toBe('إلغاء الحجز')
    expect(await opener.getAttribute('aria-expanded')).toBe('false')
    expect(center.app.tabour.db.prepare('SELECT status FROM bookings').pluck().get()).toBe('booked')

    await booking.locator('tabour-lang-switch button').click()
    await booking.locator('[data-center]').filter({ hasText: 'Nasr City Service Center' }).waitFor()
    expect(await booking.locator('[data-document]').allTextContents()).toEqual(DOCUMENTS.map((d) => d.en))
    text = await pageText(booking)
    expect(text).toMatch(/[0-9]/)
    expect(text).not.toMatch(/[٠-٩]/)
    await shot(page, 'done-en')
    expect(await oneLine(booking.locator('[data-code]'))).toBe(true)

    // moving it: the citizen's own time is marked among the others, and is no target
    const code = (await booking.locator('[data-code]').textContent())!.trim()
    const slotStart = center.app.tabour.db.prepare('SELECT slot_start FROM bookings').pluck().get() as number
    await page.goto(`${url}/b/${code}?lang=en`)
    await booking.locator('[data-action="move"]').click()
    const mine = booking.locator('button.slot[data-mine]')
    await mine.waitFor()
    expect(await booking.locator('button.slot[data-mine]').count()).toBe(1)
    expect(Date.parse((await mine.getAttribute('data-slot'))!)).toBe(slotStart)
    expect(await mine.isDisabled()).toBe(true)
    expect(await mine.textContent()).toContain('Your booking')
    await shot(page, 'move-en')
  })

  it('once its slot has begun the page offers no move or cancel; past its check-in window it says so and to book again', async () => {
    // Tuesday 10 March 2026, 08:00 in Cairo
    const clock = new TestClock(Date.parse('2026-03-10T06:00:00Z'))
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir, screens: { digits: 'arabic-indic' } } }, cleanups)
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    await center.createCounter({ number: 3, serviceIds: [service.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 10 }
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: settings })
    const res = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: service.id, slotStart: '2026-03-10T07:00:00.000Z', name: 'منى علي', phone: '01000000001' },
    })
    expect(res.statusCode, res.body).toBe(201)
    const { code, checkInUntil } = res.json()
    expect(checkInUntil).toBe('2026-03-10T07:15:00.000Z') // 09:15

    const page = await contexts.page(PHONE)
    const booking = page.locator('tabour-booking-page')
    clock.set('2026-03-10T07:05:00Z') // 09:05: begun, still in the check-in window
    await page.goto(`${url}/b/${code}`)
    await booking.locator('[data-begun]').waitFor()
    expect(await booking.locator('[data-code]').count()).toBe(1)
    expect(await booking.locator('[data-action="move"], [data-action="cancel"]').count()).toBe(0)
    expect(await booking.locator('[data-begun]').textContent()).toBe('بدأ موعدك؛ لم يعد ممكنًا تغييره أو إلغاؤه.')

    clock.set('2026-03-10T07:16:00Z') // 09:16: the window has passed
    await page.goto(`${url}/b/${code}`)
    const missed = booking.locator('[data-final="missed"]')
    await missed.waitFor()
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await missed.textContent()).toBe(
      'انتهى وقت تسجيل الوصول لهذا الحجز (٩:١٥\u00a0ص)، ولم يعد الرمز صالحًا في جهاز التذاكر. يمكنك حجز موعد جديد.',
    )
    expect(await booking.locator('[data-code], [data-action="move"], [data-action="cancel"]').count()).toBe(0)
    expect(await booking.locator(`a[href$="/b/"]`).count()).toBe(1)
    await shot(page, 'missed-ar')
    await page.goto(`${url}/b/${code}?lang=en`)
    await missed.waitFor()
    expect(await missed.textContent()).toBe(
      'The check-in time for this booking has passed (9:15\u00a0AM); the kiosk no longer takes its code. You can book a new appointment.',
    )
    await shot(page, 'missed-en')

    // another booking, at 10:00, checked in at the kiosk: its status page says it is an appointment, at what time, in the center's digits
    const later = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: service.id, slotStart: '2026-03-10T08:00:00.000Z', name: 'سعاد أحمد', phone: '01000000002' },
    })
    expect(later.statusCode, later.body).toBe(201)
    clock.set('2026-03-10T07:40:00Z')
    const kiosk = (await center.createDevice('kiosk')).token
    const checkedIn = await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: later.json().code } })
    expect(checkedIn.statusCode, checkedIn.body).toBe(200)
    const ticketId = checkedIn.json().ticket.id
    const mark = page.locator('tabour-ticket-status [data-appointment]')
    await page.goto(`${url}/t/${ticketId}`)
    await mark.waitFor()
    expect(await mark.textContent()).toContain('موعد محجوز ١٠:٠٠\u00a0ص\u00a0— تم تسجيل الوصول')
    await shot(page, 'status-appointment-ar')
    await page.goto(`${url}/t/${ticketId}?lang=en`)
    await mark.waitFor()
    expect(await mark.textContent()).toContain('Appointment 10:00\u00a0AM\u00a0— checked in')

    // a booking moved after its link was sent: the link's page says from when to when, in both languages
    const moving = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: service.id, slotStart: '2026-03-10T10:00:00.000Z', name: 'هدى سالم', phone: '01000000004' },
    })
    expect(moving.statusCode, moving.body).toBe(201)
    const movingCode = moving.json().code
    await page.goto(`${url}/b/${movingCode}`)
    await booking.locator('[data-code]').waitFor()
    expect(await booking.locator('[data-moved]').count()).toBe(0)
    const move = await center.request('POST', `/api/v1/appointments/${movingCode}/move`, {
      body: { slotStart: '2026-03-11T09:00:00.000Z' },
    })
    expect(move.statusCode, move.body).toBe(200)
    await page.goto(`${url}/b/${movingCode}`)
    const movedNote = booking.locator('[data-moved]')
    await movedNote.waitFor()
    expect(await movedNote.textContent()).toBe(
      'نُقل موعدك من الثلاثاء، ١٠ مارس الساعة ١٢:٠٠\u00a0م إلى الأربعاء، ١١ مارس الساعة ١١:٠٠\u00a0ص.',
    )
    await shot(page, 'moved-ar')
    await booking.locator('tabour-lang-switch button').click()
    await booking.getByText('Your appointment was moved').waitFor()
    expect(await movedNote.textContent()).toBe(
      'Your appointment was moved from Tuesday 10 March at 12:00\u00a0PM to Wednesday 11 March at 11:00\u00a0AM.',
    )
    await shot(page, 'moved-en')

    // a booking page left open past the center's midnight: what it offered is gone, the center refuses
    // with its code, the page says so in the page's language and reads the days again (it kept
    // offering yesterday's day and times)
    clock.set('2026-03-10T21:00:00Z') // 23:00 in Cairo: the 23:30 slot is still ahead
    await page.goto(`${url}/b/?lang=ar`)
    const lastSlot = booking.locator('button.slot[data-slot="2026-03-10T21:30:00.000Z"]')
    await lastSlot.waitFor()
    clock.set('2026-03-10T22:05:00Z') // 00:05 on Wednesday 11 March
    await lastSlot.click()
    await booking.locator('[data-field="name"]').fill('نادية')
    await booking.locator('[data-field="phone"]').fill('01000000005')
    await booking.locator('[data-action="book"]').click()
    const refusal = booking.locator('p.error[data-error="err.slotInPast"]')
    await refusal.waitFor()
    expect(await refusal.textContent()).toBe('هذا الوقت قد مضى. اختر وقتًا آخر.')
    const firstDay = booking.locator('select[data-field="day"] option').first()
    await expect.poll(() => firstDay.getAttribute('value')).toBe('2026-03-11')
    expect(await booking.locator('select[data-field="day"]').inputValue()).toBe('2026-03-11')
    await shot(page, 'past-midnight-ar')
    await booking.locator('tabour-lang-switch button').click()
    expect(await refusal.textContent()).toBe('This time has already passed. Please choose another.')
    await shot(page, 'past-midnight-en')
    // left open another day, then looked at again: the days are read again without a refusal
    clock.set('2026-03-11T22:05:00Z')
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await expect.poll(() => firstDay.getAttribute('value')).toBe('2026-03-12')
  })

  it('in English on a phone: a short name and a refusal are said where the citizen looks, and every link onward stays English', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, cleanups)
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    await center.createCounter({ number: 3, serviceIds: [service.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: settings })

    const page = await contexts.page(PHONE)
    const booking = page.locator('tabour-booking-page')
    await page.goto(`${url}/b/?lang=en`)
    const slots = booking.locator('button.slot:not([disabled])')
    await slots.first().waitFor()
    // this phone already holds today's one booking (the default limit)
    const first = (await slots.first().getAttribute('data-slot'))!
    const held = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: service.id, slotStart: first, name: 'Mona Ali', phone: '01000000001', lang: 'en' },
    })
    expect(held.statusCode, held.body).toBe(201)
    await page.reload()
    await slots.nth(1).click()

    // a one-letter name: the page's own English sentence under the field, not the browser's bubble
    await booking.locator('[data-field="name"]').fill('M')
    await booking.locator('[data-field="phone"]').fill('01000000001')
    await booking.locator('[data-action="book"]').click()
    /** The page's own sentence under the field, the field marked invalid, and nothing booked. */
    const refusedWith = async (hint: string, field: string, said: string) => {
      const shown = booking.locator(`[data-hint="${hint}"]`)
      await shown.waitFor()
      expect(await shown.textContent()).toBe(said)
      expect(await booking.locator(`[data-field="${field}"]`).getAttribute('aria-invalid')).toBe('true')
      expect(center.app.tabour.db.prepare('SELECT count(*) FROM bookings').pluck().get()).toBe(1)
      return shown
    }
    const nameHint = await refusedWith('name', 'name', 'Please write your name: at least 2 letters.')

    // a number its pattern refuses: the page's own sentence too, with the example
    await booking.locator('[data-field="name"]').fill('Mona Ali')
    expect(await nameHint.count()).toBe(0)
    await booking.locator('[data-field="phone"]').fill('0100')
    await booking.locator('[data-action="book"]').click()
    const phoneInvalid = await refusedWith('phone-invalid', 'phone', 'Please write a mobile number such as 01012345678.')
    await booking.locator('[data-field="phone"]').fill('01000000001')
    expect(await phoneInvalid.count()).toBe(0)

    // the refusal, drawn above the form, is brought onto the screen and focused (it was 413 px above it)
    await booking.locator('[data-action="book"]').click()
    const refusal = booking.locator('[data-error="err.limitPhone"]')
    await refusal.waitFor()
    const seen = await refusal.evaluate((box) => {
      const r = box.getBoundingClientRect()
      return { onScreen: r.top >= 0 && r.bottom <= innerHeight, focused: (box.getRootNode() as ShadowRoot).activeElement === box }
    })
    expect(seen).toEqual({ onScreen: true, focused: true })
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'refused-en')

    // another number: booked; the link to keep and its QR open the page in English
    await booking.locator('[data-field="phone"]').fill('01000000002')
    await booking.locator('[data-action="book"]').click()
    const code = (await booking.locator('[data-code]').textContent())!.trim()
    const keep = booking.locator(`a[href*="/b/${code}"]`)
    const english = new RegExp(`/b/${code}\\?lang=en$`)
    expect(await keep.getAttribute('href')).toMatch(english)
    expect(await booking.locator('tabour-qr-code').evaluate((qr) => (qr as HTMLElement & { value: string }).value)).toMatch(english)
    // cancelled: "Book another appointment" stays in English too
    await booking.locator('[data-action="cancel"]').click()
    await booking.locator('[data-action="cancel-yes"]').waitFor()
    expect(await cancelStep(booking)).toEqual({
      opener: 'Keep the booking',
      expanded: 'true',
      confirm: 'Yes, cancel the booking',
      buttons: ['Move it', 'Keep the booking', 'Yes, cancel the booking'],
    })
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'cancel-step-en')
    await booking.locator('[data-action="cancel-yes"]').click()
    await booking.locator('[data-final="cancelled"]').waitFor()
    expect(await booking.locator('a.link').getAttribute('href')).toMatch(/\/b\/\?lang=en$/)
  })
})
