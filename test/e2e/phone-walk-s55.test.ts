import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { clockTime } from '../../protocol/messages/clock-time.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { BookingCodes } from '../../server/queue/booking-code.ts'
import { daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * What the walk of session 55 found on the citizen's phone pages (390×844, Arabic and English):
 * a held place whose turn came, and a missed turn, kept the tab's title plain («A-001 — حالة
 * التذكرة») where a pocketed phone shows it; a ticket sent to a closed counter read "no counter is
 * serving now" while others served; a reload forgot the language picked; a booking link with a
 * code the center refuses showed a booking form with no day and no time, under «اليوم» (also
 * "today") for its day field. Screenshots: test-results/phone-walk-s55/.
 */
const SHOTS = join(ROOT, 'test-results', 'phone-walk-s55')
const suite = useBrowserSuite(SHOTS)

// HTML's collapsible whitespace only: a time's no-break space keeps it on one line
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim()

describe("the citizen's phone pages (walk s55)", { timeout: 180_000 }, () => {
  it('a held place whose turn came says so in the tab title, in Arabic and English', async () => {
    const clock = new TestClock()
    const { center, url } = await listeningCenter(
      { clock, config: { uiDir: suite.uiDir, remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', arriveMinutes: 20 }] } } },
      suite.cleanups,
    )
    const a = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token
    const held = (
      await center.app.inject({ method: 'POST', url: '/api/v1/remote/join', payload: { serviceId: a.id }, remoteAddress: '198.51.100.7' })
    ).json()
    const pages = { ar: await suite.contexts.page(PHONE), en: await suite.contexts.page(PHONE) }
    await pages.ar.goto(`${url}/t/${held.id}`)
    await pages.en.goto(`${url}/t/${held.id}?lang=en`)
    // nobody ahead, a counter open: near, and the title says it
    for (const [lang, page] of Object.entries(pages)) {
      await page.locator('tabour-ticket-status [data-near]').waitFor()
      expect(await page.title(), lang).toContain(lang === 'ar' ? 'اقترب دورك' : 'Your turn is near')
    }

    // a walk-in taken after it is called: the held place's turn has come, and it is kept 20 minutes
    await center.issue(kiosk, { serviceId: a.id })
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    const arriveBy = (await center.request('GET', `/api/v1/tickets/${held.id}`)).json().remote.arriveBy as string
    expect(arriveBy).toBe(new Date(clock.now + 20 * 60_000).toISOString())
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.locator('tabour-remote-status [data-remote="turn-came"]').waitFor()
      const time = clockTime(arriveBy, 'Africa/Cairo', lang, 'western')
      const sentence =
        lang === 'ar'
          ? `جاء دورك: سجّل وصولك قبل ${time} وإلا فقدت مكانك`
          : `Your turn has come: check in before ${time} or your place is lost`
      expect(await text(page, 'tabour-remote-status [data-remote="turn-came"]'), lang).toBe(`${sentence}.`)
      // what a phone in a pocket shows: the deadline, not the bare label (it said "near" a minute before)
      expect(await page.title(), lang).toBe(
        `${held.label}${SEPARATOR}${sentence}${SEPARATOR}${lang === 'ar' ? 'حالة التذكرة' : 'Ticket status'}`,
      )
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await suite.shot(page, `turn-came-${lang}`)
    }
  })

  it('a missed turn says until when it can be undone in the tab title too', async () => {
    const clock = new TestClock()
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const mine = await center.issue((await center.createDevice('kiosk')).token, { serviceId: a.id })
    const pages = { ar: await suite.contexts.page(PHONE), en: await suite.contexts.page(PHONE) }
    await pages.ar.goto(`${url}/t/${mine.id}`)
    await pages.en.goto(`${url}/t/${mine.id}?lang=en`)
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(mine.id)
    clock.advance(5 * 60)
    const missed = await center.action(clerk, counter.id, 'no-show')
    expect(missed.statusCode, missed.body).toBe(200)
    const until = (await center.request('GET', `/api/v1/tickets/${mine.id}`)).json().noShow.until as string
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.locator('tabour-ticket-status [data-state="no-show"]').waitFor()
      const time = clockTime(until, 'Africa/Cairo', lang, 'western')
      // the page's own sentence; the title said only "A-001 — Ticket status" while the citizen's phone was in a pocket (walk s55, C-003)
      const sentence =
        lang === 'ar' ? `فاتك دورك، ويمكن إعادتك إلى الدور حتى ${time}` : `You missed your turn. You can be put back in line until ${time}`
      expect(await text(page, 'tabour-ticket-status [data-state="no-show"]'), lang).toContain(sentence)
      expect(await page.title(), lang).toBe(
        `${mine.label}${SEPARATOR}${sentence}${SEPARATOR}${lang === 'ar' ? 'حالة التذكرة' : 'Ticket status'}`,
      )
    }
  })

  it('a ticket sent to a closed counter waits for that counter, not for "no counter", while others serve', async () => {
    const clock = new TestClock()
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    const one = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const two = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', one.id)
    const kiosk = (await center.createDevice('kiosk')).token
    const mine = await center.issue(kiosk, { serviceId: a.id })
    expect((await center.action(clerk, one.id, 'call-next')).json().ticket.id).toBe(mine.id)
    expect((await center.action(clerk, one.id, 'transfer', { counterId: two.id })).statusCode).toBe(200)
    expect((await center.request('GET', `/api/v1/tickets/${mine.id}`)).json().estimatedWaitSeconds).toBeNull()
    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page(PHONE)
      await page.goto(`${url}/t/${mine.id}${lang === 'en' ? '?lang=en' : ''}`)
      await page.locator('tabour-ticket-status [data-waits-for="2"]').waitFor()
      // counter 1 is open and serving: "no counter is serving now" was not true (walk s55, A-004)
      expect(await text(page, 'tabour-ticket-status [data-wait]'), lang).toBe(
        lang === 'ar' ? 'غير معروف حتى يُفتح الشباك 2' : 'unknown until counter 2 opens',
      )
      expect(await text(page, 'tabour-ticket-status section[data-status]'), lang).not.toMatch(
        /no counter is serving now|لا يوجد شباك يعمل الآن/,
      )
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await suite.shot(page, `sent-to-closed-counter-${lang}`)
    }
  })

  it('the language a citizen picks stays after a reload: status, booking and join pages', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter(
      { clock, config: { uiDir: suite.uiDir, remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', arriveMinutes: 20 }] } } },
      suite.cleanups,
    )
    const a = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', counter.id)
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    const admin = await center.admin()
    expect((await center.request('PUT', `/api/v1/appointments/settings/${a.id}`, { token: admin, body: settings })).statusCode).toBe(200)
    const ticket = await center.issue((await center.createDevice('kiosk')).token, { serviceId: a.id })
    const pages = [
      { address: `${url}/t/${ticket.id}`, ready: 'tabour-ticket-status [data-status]', en: `${ticket.label}${SEPARATOR}Your turn is near` },
      { address: `${url}/b/`, ready: 'tabour-booking-page button.slot', en: 'Book an appointment' },
      { address: `${url}/join/ar/?service=${a.id}`, ready: 'tabour-join-page [data-line-now]', en: 'Join the line from your phone' },
    ]
    for (const { address, ready, en } of pages) {
      const page = await suite.contexts.page(PHONE)
      await page.goto(address)
      await page.locator(ready).first().waitFor()
      expect(await page.locator('html').getAttribute('lang'), address).toBe('ar')
      await page.locator('tabour-lang-switch button').first().click()
      await expect.poll(() => page.title(), { timeout: 5_000 }).toContain(en)
      // a reload (or a phone that discarded the tab) comes back in the language picked, not in Arabic
      await page.reload()
      await page.locator(ready).first().waitFor()
      expect(await page.locator('html').getAttribute('lang'), address).toBe('en')
      expect(await page.title(), address).toContain(en)
    }
  })

  it('a booking link whose code the center refuses says why and books here: a day, its times, and Book', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'C', nameAr: 'مستخرجات السجل المدني', nameEn: 'Civil-registry extracts' })
    await center.createCounter({ number: 3, serviceIds: [service.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    expect((await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: settings })).statusCode).toBe(
      200,
    )

    const elsewhere = new BookingCodes(Buffer.alloc(32, 7)).issue()
    const cases = [
      { code: elsewhere, lang: 'ar' as const, said: 'هذا الحجز في مركز آخر.', title: 'حجز موعد' },
      {
        code: 'AAAA-BBBB-CCCC-DDDD',
        lang: 'en' as const,
        said: 'This is not a valid booking code. Please check it.',
        title: 'Book an appointment',
      },
    ]
    for (const { code, lang, said, title } of cases) {
      const page = await suite.contexts.page(PHONE)
      await page.goto(`${url}/b/${code}${lang === 'en' ? '?lang=en' : ''}`)
      const booking = page.locator('tabour-booking-page')
      await booking.locator('[data-error]').waitFor()
      expect(await text(page, 'tabour-booking-page [data-error]'), code).toBe(said)
      // the form below books here: the first open day chosen, its times offered (it had none, and Book stayed disabled)
      await booking.locator('button.slot').first().waitFor()
      expect(await booking.locator('[data-field="day"]').inputValue(), code).not.toBe('')
      // «اليوم» above «الأربعاء، 9 ديسمبر» read "today: Wednesday" on a Tuesday: the field says whose day it is
      const dayLabel = await booking.locator('[data-field="day"]').evaluate((select) =>
        [...select.parentElement!.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join('')
          .trim(),
      )
      expect(dayLabel, code).toBe(lang === 'ar' ? 'يوم الموعد' : 'Day')
      expect(await text(page, 'tabour-booking-page h1'), code).toBe(title)
      expect(await page.title(), code).toBe(title)
      await suite.shot(page, `refused-code-${lang}`)
      await booking.locator('button.slot').first().click()
      await booking.locator('[data-field="name"]').fill(lang === 'ar' ? 'منى علي' : 'Mona Ali')
      await booking.locator('[data-field="phone"]').fill(lang === 'ar' ? '01012345678' : '01112345678')
      await booking.locator('[data-action="book"]').click()
      await booking.locator('[data-code]').waitFor()
      // the refusal is gone once the new booking is shown
      expect(await booking.locator('[data-error]').count(), code).toBe(0)
      expect(await seriousAxeViolations(page), code).toEqual([])
    }
  })
})
