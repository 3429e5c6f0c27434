import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { localDay } from '../../protocol/center-clock.ts'
import { appointmentMarkText } from '../../protocol/messages/ticket.ts'
import { ticketText } from '../../drivers/printer/ticket-text.ts'
import { closingCalendar } from '../helpers/closing-calendar.ts'
import { PHONE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { openKiosk } from './open-kiosk.ts'
import { kioskAheadReaches } from './kiosk-ahead.ts'

/**
 * What the kiosk's ticket screen tells the citizen, in real Chromium at 1080×1920 against a real
 * center (walk of 2026-12-05): with nobody ahead it says «لا أحد أمامك الآن» / "Nobody ahead of you
 * now", never "you are next" (a priority ticket or a checked-in appointment taken later may be
 * called first, and with no counter serving nobody is next at all), the status page's words; a
 * booking checked in there is marked with its slot, as docs/appointments.md promises.
 * Screenshots go to test-results/kiosk-ticket-truths/.
 */
const SHOTS = join(ROOT, 'test-results', 'kiosk-ticket-truths')
const suite = useBrowserSuite(SHOTS)

const confirmation = (page: Page) => page.locator('tabour-ticket-confirmation section[data-ticket-id]')
// HTML's collapsible whitespace only: a time's no-break space ("3:00\u00a0PM", clock-time.ts) is what keeps it on one line
const norm = (text: string | null) => (text ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim()
const said = async (page: Page) => norm(await confirmation(page).textContent())

/**
 * A center on Sunday 6 December 2026 at `hhmm` in Cairo, open 08:00–15:00 (test/helpers/closing-calendar.ts):
 * service A stops issuing at 14:50, B when its wait runs past closing.
 */
async function closingCenter(hhmm: string) {
  const clock = new TestClock(Date.parse(`2026-12-06T${hhmm}:00+02:00`))
  const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
  const a = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
  const b = await center.createService({ prefix: 'B', nameAr: 'السجل المدني', nameEn: 'Civil registry' })
  const put = await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: closingCalendar(a.id, b.id) })
  expect(put.statusCode, put.body).toBe(200)
  return { clock, center, url, a, b }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

describe("the kiosk's ticket screen says what is true", { timeout: 180_000 }, () => {
  it('nobody ahead and no counter serving: «لا أحد أمامك الآن» / "Nobody ahead of you now", never "you are next"', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
    const b = await center.createService({ prefix: 'B', nameAr: 'السجل المدني', nameEn: 'Civil registry' })
    const page = await openKiosk(suite.contexts, center, url)
    for (const [lang, service] of [
      ['ar', a],
      ['en', b],
    ] as const) {
      if (lang === 'en') await page.locator('tabour-lang-switch button').click()
      await page.locator(`tabour-service-grid button[data-service-id="${service.id}"]`).click()
      await page.locator('tabour-ticket-confirmation [data-position="0"]').waitFor()
      const ahead = (await page.locator('tabour-ticket-confirmation [data-position]').textContent())?.trim()
      expect(ahead, lang).toBe(lang === 'ar' ? 'لا أحد أمامك الآن' : 'Nobody ahead of you now')
      const text = await said(page)
      expect(text, lang).not.toMatch(/You are next|أنت التالي/)
      // beside it, the wait says why nobody is called yet
      expect(text, lang).toContain(lang === 'ar' ? 'غير معروف، لا يوجد شباك يعمل الآن' : 'unknown, no counter is serving now')
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await shot(page, `kiosk-${lang}-nobody-ahead`)
      await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
    }
  })
  it('a service deactivated while the kiosk shows it leaves the menu at once, in both languages: no greyed tile saying "Not available now" (walk s53)', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
    const b = await center.createService({ prefix: 'B', nameAr: 'السجل المدني', nameEn: 'Civil registry' })
    const c = await center.createService({ prefix: 'C', nameAr: 'التراخيص', nameEn: 'Permits' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id, c.id] })
    await center.openCounterAs('clerk1', counter.id)
    const page = await openKiosk(suite.contexts, center, url)
    // two wait in B's line: its counter still serves them (decision 0008), the kiosk has nothing more to sell
    const kiosk = (await center.createDevice('kiosk')).token
    for (let i = 0; i < 2; i++) await center.issue(kiosk, { serviceId: b.id })
    const tile = (id: number) => page.locator(`tabour-service-grid button[data-service-id="${id}"]`)
    for (const [lang, off] of [
      ['ar', b],
      ['en', c],
    ] as const) {
      if (lang === 'en') await page.locator('tabour-lang-switch button').click()
      await tile(off.id).waitFor()
      const res = await center.request('PATCH', `/api/v1/services/${off.id}`, { token: admin, body: { active: false } })
      expect(res.statusCode, res.body).toBe(200)
      // it stayed as a greyed tile saying «غير متاحة الآن» / "Not available now" until the next reload
      await tile(off.id).waitFor({ state: 'detached' })
      expect(await page.locator('tabour-service-grid .unavailable-note').count(), lang).toBe(0)
      // the tile left is whole, and its accessible name is what it says: its names and the people ahead
      const name = lang === 'ar' ? 'الجوازات' : 'Passports'
      const left = page.getByRole('button', { name: new RegExp(name) })
      expect(await left.isEnabled(), lang).toBe(true)
      expect(await left.getAttribute('data-service-id'), lang).toBe(String(a.id))
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await shot(page, `kiosk-${lang}-deactivated-leaves`)
    }
  })

  it('a checked-in booking is marked on the ticket screen with its slot («موعد محجوز … — تم تسجيل الوصول» / "Appointment … — checked in")', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    await center.createCounter({ number: 3, serviceIds: [service.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    const put = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: await center.admin(), body: settings })
    expect(put.statusCode, put.body).toBe(200)
    // two places of the next slot (check-in is open from 30 minutes before it): one per language
    const day = localDay(clock.now, 'Africa/Cairo')
    const slots = (await center.request('GET', `/api/v1/appointments/slots?serviceId=${service.id}&day=${day}`)).json().slots
    const slot = slots.find((s: { free: number }) => s.free >= 2)
    const codes: string[] = []
    for (const phone of ['01000000001', '01000000002']) {
      const res = await center.request('POST', '/api/v1/appointments', {
        body: { serviceId: service.id, slotStart: slot.start, name: 'Mona Ali', phone },
      })
      expect(res.statusCode, res.body).toBe(201)
      codes.push(res.json().code)
    }
    const slotStart = Date.parse(slot.start)
    // the center writes Arabic with Arabic-Indic digits: the Arabic mark has them on the English screen too
    const digits = await center.request('PUT', '/api/v1/settings', { token: await center.admin(), body: { digits: 'arabic-indic' } })
    expect(digits.statusCode, digits.body).toBe(200)

    const page = await openKiosk(suite.contexts, center, url)
    for (const [i, lang] of (['ar', 'en'] as const).entries()) {
      if (lang === 'en') await page.locator('tabour-lang-switch button').click()
      // typed into "I have a booking" (a scan's keystrokes can come too far apart on a loaded box; appointments.test.ts scans)
      await page.locator('tabour-booking-check-in [data-action="have-booking"]').click()
      await page.locator('tabour-booking-check-in [data-field="booking-code"]').fill(codes[i]!)
      await page.keyboard.press('Enter')
      const mark = page.locator('tabour-ticket-confirmation [data-appointment]')
      await mark.waitFor()
      expect(await mark.getAttribute('data-appointment'), lang).toBe(slot.start)
      const other = lang === 'ar' ? 'en' : 'ar'
      // the screen's language first, then the other one under it; Chromium's ICU writes the time as Node's
      const markIn = (l: 'ar' | 'en') => appointmentMarkText(slotStart, 'Africa/Cairo', l, l === 'ar' ? 'arabic-indic' : 'western')
      const first = markIn(lang)
      const second = markIn(other)
      expect(norm(await mark.textContent()), lang).toBe(`${first}${second}`)
      expect(norm(await mark.locator('.second').textContent()), lang).toBe(second)
      expect(first, lang).toMatch(
        lang === 'ar'
          ? /^موعد محجوز [٠-٩]{1,2}:[٠-٩]{2}\u00a0[صم]\u00a0— تم تسجيل الوصول$/
          : /^Appointment \d{1,2}:\d{2}\u00a0[AP]M\u00a0— checked in$/,
      )
      expect(norm(await mark.textContent()), lang).toMatch(/[٠-٩]{2}\u00a0[صم]\u00a0— تم تسجيل الوصول/)
      // the mark's box keeps Done and the language switch on a 1080×1920 screen
      for (const selector of ['tabour-ticket-confirmation [data-action="done"]', 'tabour-lang-switch button']) {
        const box = (await page.locator(selector).boundingBox())!
        expect(box.y + box.height, `${lang}: ${selector}`).toBeLessThanOrEqual(PORTRAIT.height)
      }
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await shot(page, `kiosk-${lang}-checked-in`)
      await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
    }
  })

  it('a kiosk without a printer: the screen says when the ticket was issued, as the paper would, and names the closing the wait runs past', async () => {
    const { center, url, a } = await closingCenter('14:35')
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', counter.id)
    // six tickets ahead at 300 s each: a ticket of A taken now is called after 15:00
    const other = await center.createDevice('kiosk')
    for (let i = 0; i < 6; i++) await center.issue(other.token, { serviceId: a.id })
    const page = await openKiosk(suite.contexts, center, url)
    for (const lang of ['ar', 'en'] as const) {
      if (lang === 'en') await page.locator('tabour-lang-switch button').click()
      // the calendar serves the line out (atClosing serve-until-empty, the default): the tile says the turn may
      // come after 15:00 and is served all the same, not "You may not be served before closing" (s55)
      const said =
        lang === 'ar'
          ? 'قد يأتي دورك بعد الإغلاق الساعة 3:00\u00a0م، وتُخدم التذاكر المأخوذة قبل الإغلاق'
          : 'Your turn may come after closing at 3:00\u00a0PM; tickets taken before closing are still served'
      const tileNote = page.locator(`tabour-service-grid button[data-service-id="${a.id}"] .closing-note[data-closing="served-past-close"]`)
      await tileNote.waitFor()
      expect(norm(await tileNote.textContent()), lang).toBe(said)
      await shot(page, `kiosk-${lang}-tile-served-past-close`)
      await page.locator(`tabour-service-grid button[data-service-id="${a.id}"]`).click()
      await page.locator('tabour-ticket-confirmation [data-printing="none"]').waitFor()
      const issuedAt = await page.locator('tabour-ticket-confirmation [data-issued-at]').getAttribute('data-issued-at')
      // the issue time in the paper's words (drivers/printer/ticket-text.ts), in the center's zone
      const paper = ticketText({
        centerName: { ar: '', en: '' },
        serviceName: { ar: '', en: '' },
        label: 'A-007',
        issuedAt: Date.parse(issuedAt!),
        timeZone: 'Africa/Cairo',
        peopleAhead: 0,
        estimatedWaitSeconds: null,
        statusUrl: '',
        digits: 'western',
      })
      const shown = norm(await page.locator('tabour-ticket-confirmation [data-issued-at]').textContent())
      expect(shown, lang).toBe(lang === 'ar' ? paper.dateAr : paper.dateEn)
      expect(shown, lang).toMatch(lang === 'ar' ? /^الأحد 6 ديسمبر 2026 - 2:35 م$/ : /^Sun 6 Dec 2026, 2:35 PM$/)
      // the wait runs past 15:00: the note names it, as the status page does
      const late = page.locator('tabour-ticket-confirmation [data-late]')
      expect(await late.getAttribute('data-late'), lang).toBe('served-past-close')
      expect(norm(await late.textContent()), lang).toBe(said)
      // in the ticket's own colour, not the warning's brown-red: it tells the holder to stay
      const colours = await late.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.parentElement!).color])
      expect(colours[0], lang).toBe(colours[1])
      for (const selector of ['tabour-ticket-confirmation [data-action="done"]', 'tabour-lang-switch button']) {
        const box = (await page.locator(selector).boundingBox())!
        expect(box.y + box.height, `${lang}: ${selector}`).toBeLessThanOrEqual(PORTRAIT.height)
      }
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await shot(page, `kiosk-${lang}-no-printer-late`)
      await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
    }
  })

  it('a calendar that cancels after closing: the tile, the ticket and its status page name when what still waits is cancelled (s55)', async () => {
    const { center, url, a, b } = await closingCenter('14:35')
    const body = { ...closingCalendar(a.id, b.id), atClosing: 'cancel-after', cancelAfterMinutes: 30 }
    const put = await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body })
    expect(put.statusCode, put.body).toBe(200)
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', counter.id)
    const other = await center.createDevice('kiosk')
    for (let i = 0; i < 6; i++) await center.issue(other.token, { serviceId: a.id })
    const page = await openKiosk(suite.contexts, center, url)
    // the center's 15:00 closing plus its 30 minutes' grace: the plain sentence, not "You may not be served"
    const words = {
      ar: 'قد يأتي دورك بعد الإغلاق؛ التذاكر التي لم يُنادَ عليها حتى الساعة 3:30\u00a0م تُلغى',
      en: 'Your turn may come after closing; tickets not called by 3:30\u00a0PM are cancelled',
    }
    let id = ''
    for (const lang of ['ar', 'en'] as const) {
      if (lang === 'en') await page.locator('tabour-lang-switch button').click()
      const tileNote = page.locator(
        `tabour-service-grid button[data-service-id="${a.id}"] .closing-note[data-closing="cancelled-past-close"]`,
      )
      await tileNote.waitFor()
      expect(norm(await tileNote.textContent()), lang).toBe(words[lang])
      await shot(page, `kiosk-${lang}-tile-cancelled-past-close`)
      await page.locator(`tabour-service-grid button[data-service-id="${a.id}"]`).click()
      const late = page.locator('tabour-ticket-confirmation [data-late="cancelled-past-close"]')
      await late.waitFor()
      expect(norm(await late.textContent()), lang).toBe(words[lang])
      id = (await confirmation(page).getAttribute('data-ticket-id'))!
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await shot(page, `kiosk-${lang}-ticket-cancelled-past-close`)
      await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
    }
    // the ticket's status page on a phone says the same
    const phone = await suite.contexts.page(PHONE)
    for (const lang of ['ar', 'en'] as const) {
      await phone.goto(`${url}/t/${id}${lang === 'en' ? '?lang=en' : ''}`)
      const note = phone.locator('tabour-ticket-status [data-closing="cancelled-past-close"]')
      await note.waitFor()
      await phone.locator('tabour-ticket-status [data-closing]').getByText(words[lang]).waitFor()
      expect(await seriousAxeViolations(phone), lang).toEqual([])
      await shot(phone, `status-${lang}-cancelled-past-close`)
    }
  })

  it('a tap in the minute after the last ticket: the kiosk says why and when it opens, as the tile then does, and greys the tile at once', async () => {
    // A's last ticket is at 14:50
    const { clock, center, url, a, b } = await closingCenter('14:49')
    await center.openCounterAs('clerk1', (await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })).id)
    const other = await center.createDevice('kiosk')
    const page = await openKiosk(suite.contexts, center, url)
    const tile = page.locator(`tabour-service-grid button[data-service-id="${a.id}"]`)
    for (const lang of ['ar', 'en'] as const) {
      if (lang === 'en') {
        // the next day, again a minute before the last ticket, on a fresh page
        clock.set(new Date(Date.parse('2026-12-07T14:49:00+02:00')).toISOString())
        await page.reload()
        await page.locator('tabour-lang-switch button').click()
      }
      expect(await tile.getAttribute('data-available'), lang).toBe('true')
      // the feed is live (caught up with what the page showed): a B ticket taken elsewhere reaches B's tile as a
      // push. Before the feed has joined, that ticket may reach the kiosk in a snapshot it asks for on joining, which
      // the server could build after the clock moves below, greying A before the tap (a flake of s46: the tile "not
      // enabled" for 30 s after the reload)
      await page.locator('tabour-kiosk-app main[data-feed="synced"]').waitFor()
      await center.issue(other.token, { serviceId: b.id })
      await kioskAheadReaches(page, b.id, center.app.tabour.queue.view.serviceQueue(b.id)!.ahead)
      // 14:51: the server refuses; the kiosk's minute poll has not come yet
      clock.set(new Date(clock.now + 2 * 60_000).toISOString())
      await tile.click()
      const notice = page.locator('tabour-kiosk-app [data-notice="service-closed"]')
      await notice.waitFor()
      expect(await notice.getAttribute('data-closed'), lang).toBe('last-ticket')
      const words = norm(await notice.textContent())
      expect(words, lang).toBe(
        lang === 'ar'
          ? 'الجوازات: انتهى إصدار التذاكر الساعة 2:50\u00a0م\u00a0— يفتح غدًا الساعة 8:00\u00a0ص'
          : 'Passports: Tickets stopped at 2:50\u00a0PM\u00a0— Opens tomorrow at 8:00\u00a0AM',
      )
      // the tile says the same words at once, without waiting for the poll
      await tile.locator('[data-closed="last-ticket"]').waitFor({ timeout: 10_000 })
      expect(await tile.getAttribute('data-available'), lang).toBe('false')
      expect(words, lang).toContain(norm(await tile.locator('[data-closed]').textContent()))
      expect(words, lang).toContain(norm(await tile.locator('[data-opens]').textContent()))
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await shot(page, `kiosk-${lang}-tap-after-last-ticket`)
    }

    // the notice words the refusal's own facts (its body's closedReason, lastTicketAt, opensAt: s42), not the
    // services the kiosk holds: here the server's clock steps back before the kiosk's refresh, so the services
    // it then gets say A is open; the notice still says why this tap was refused
    const minuteBefore = new Date(Date.parse('2026-12-08T14:49:00+02:00')).toISOString()
    clock.set(minuteBefore)
    await page.reload()
    await page.locator('tabour-lang-switch button').click()
    await page.locator(`tabour-service-grid button[data-service-id="${a.id}"][data-available="true"]`).waitFor()
    await page.route('**/api/v1/tickets', async (route) => {
      const refused = await route.fetch()
      clock.set(minuteBefore)
      await route.fulfill({ response: refused })
    })
    clock.set(new Date(Date.parse('2026-12-08T14:51:00+02:00')).toISOString())
    await tile.click()
    const notice = page.locator('tabour-kiosk-app [data-notice="service-closed"]')
    await notice.waitFor()
    expect(norm(await notice.textContent())).toBe('Passports: Tickets stopped at 2:50\u00a0PM\u00a0— Opens tomorrow at 8:00\u00a0AM')
    await page.unroute('**/api/v1/tickets')
  })
})
