import { join } from 'node:path'
import { clockTime } from '../../protocol/messages/clock-time.ts'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { TestClock } from '../helpers/test-center.ts'
import { DEFAULT_CALENDAR } from '../../protocol/calendar.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { seriousAxeViolations } from './axe.ts'
import { readQr } from './qr.ts'

/**
 * The citizen's status page says only true things (Chromium, phone size, Arabic and English side
 * by side on the same ticket): a place held from a phone shows the code its texts ask to scan
 * (the kiosk's scanner checks it in with what the code holds) and its figures as "if you check in
 * now"; once parked, until when the turn is kept; abandoned after parking, that it was not back in
 * time (not "nobody checked in"). The join page does not say "nobody waiting" next to a wait of
 * minutes. Screenshots go to test-results/status-truths/ (TABOUR_SHOTS to change it).
 */
const SHOTS = process.env.TABOUR_SHOTS ?? join(ROOT, 'test-results', 'status-truths')
const suite = useBrowserSuite(SHOTS)
const WIFI = '192.168.1.20'

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAxeViolations(page), what).toEqual([])
}

/** A center at 10:00 Cairo time with service A (check-in joins, 10 minutes), counter 3 open and a kiosk. */
async function startCenter(clock: TestClock) {
  const { center, url } = await listeningCenter(
    { clock, config: { uiDir: suite.uiDir, remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', arriveMinutes: 10 }] } } },
    suite.cleanups,
  )
  const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' })
  const counter = await center.createCounter({ number: 3, name: 'Counter 3', serviceIds: [a.id] })
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const kiosk = (await center.createDevice('kiosk')).token
  const joinLine = async (address: string) =>
    (await center.app.inject({ method: 'POST', url: '/api/v1/remote/join', payload: { serviceId: a.id }, remoteAddress: address })).json()
  return { center, url, a, counter, clerk, kiosk, joinLine }
}

/** A time as the page says it: the center's zone, the language, Arabic-Indic digits when the center uses them on Arabic pages. */
function centerTime(iso: string, lang: 'ar' | 'en', digits: string): string {
  // with AM/PM in English too: "3:27" alone could be either (walk finding 21); the format itself: test/protocol/clock-time.test.ts
  return clockTime(iso, 'Africa/Cairo', lang, digits === 'arabic-indic' ? 'arabic-indic' : 'western')
}

// HTML's collapsible whitespace only: a time's no-break space ("3:27\u00a0PM", clock-time.ts) is what keeps it on one line
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim()

describe('the status page tells the truth', { timeout: 180_000 }, () => {
  it('shows the code to scan, the figures "if you check in now", the parking deadline, and "not back in time"', async () => {
    const clock = new TestClock()
    const { center, url, counter, clerk, kiosk, a, joinLine } = await startCenter(clock)
    const walkIn = await center.issue(kiosk, { serviceId: a.id })
    const held = await joinLine('198.51.100.7')
    const pages = { ar: await suite.contexts.page(PHONE), en: await suite.contexts.page(PHONE) }
    await pages.ar.goto(`${url}/t/${held.id}`)
    await pages.en.goto(`${url}/t/${held.id}?lang=en`)

    // 1. the code "scan this page's code" refers to, large enough, holding the status link the kiosk accepts
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      const code = page.locator('tabour-remote-status [data-scan-code] tabour-qr-code')
      await code.locator('svg').waitFor()
      const box = (await code.boundingBox())!
      expect(box.width, lang).toBeGreaterThanOrEqual(200)
      expect(box.height, lang).toBeGreaterThanOrEqual(200)
      expect(readQr(await code.screenshot()), lang).toBe(`${url}/t/${held.id}`)
      // 4. a held place is not called before its check-in: its figures are conditional, never "you are next"
      const figures = await text(page, 'tabour-ticket-status .if-checked-in')
      expect(figures).toContain(lang === 'ar' ? 'إذا سجّلت وصولك الآن: سيكون أمامك شخص واحد' : 'If you check in now: 1 person ahead of you')
      const card = await text(page, 'tabour-ticket-status section[data-status]')
      expect(card, lang).not.toMatch(/You are next|أنت التالي/)
      // the kiosk's scanner is offered once, under the code (walk 2026-12-05, finding 6)
      const how = (await page.locator('tabour-remote-status p, tabour-remote-status figcaption').allTextContents()).join(' ')
      expect(how.split(lang === 'ar' ? 'جهاز التذاكر' : 'ticket kiosk').length - 1, lang).toBe(1)
      await expectAccessible(page, `${lang}, holding a place`)
      await page.screenshot({ path: join(SHOTS, `status-${lang}-held.png`), fullPage: true })
    }

    // the kiosk's scanner reads what the code holds and checks the place in; the code leaves the page
    const scanned = readQr(await pages.en.locator('tabour-qr-code').screenshot())!
    const scan = await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: scanned, lang: 'en' } })
    expect(scan.statusCode, scan.body).toBe(200)
    for (const page of Object.values(pages)) {
      await page.locator('tabour-ticket-status [data-status="waiting"]').waitFor()
      expect(await page.locator('[data-scan-code]').count()).toBe(0)
    }

    // 2. called after the walk-in, parked for 10 minutes: the page says until when
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(walkIn.id)
    await center.action(clerk, counter.id, 'no-show')
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(held.id)
    const park = await center.action(clerk, counter.id, 'park', { reason: 'payment', minutes: 10, note: 'the clerk only' })
    expect(park.statusCode, park.body).toBe(200)
    const publicTicket = (await center.request('GET', `/api/v1/tickets/${held.id}`)).json()
    const until = publicTicket.parked.until as string
    expect(until).toBe(new Date(clock.now + 10 * 60_000).toISOString())
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.locator(`tabour-ticket-status [data-parked-until="${until}"]`).waitFor()
      const time = centerTime(until, lang, publicTicket.center.digits)
      expect(await text(page, 'tabour-ticket-status [data-parked-until]')).toBe(
        lang === 'ar'
          ? `دورك محفوظ حتى الساعة ${time}. عُد إلى الشباك قبل ذلك.`
          : `Your turn is kept until ${time}. Come back to the counter before then.`,
      )
      expect(await page.locator('tabour-ticket-status').textContent()).not.toContain('the clerk only')
      await expectAccessible(page, `${lang}, parked`)
      await page.screenshot({ path: join(SHOTS, `status-${lang}-parked.png`), fullPage: true })
    }

    // 3. not back in time: abandoned by the parking deadline, which is not a lost place
    clock.advance(10 * 60 + 1)
    expect((await center.request('GET', `/api/v1/tickets/${held.id}`)).json().status).toBe('abandoned')
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.locator('tabour-ticket-status [data-state="abandoned"]').waitFor()
      const said = await text(page, 'tabour-ticket-status [data-state="abandoned"]')
      expect(said).toBe(
        lang === 'ar' ? 'لم تعد في الوقت المحدد فانتهت هذه التذكرة.' : 'You did not come back in time, so this ticket has ended.',
      )
      // the kiosk sells A now: the page says a new ticket is to be had there
      await page.locator('tabour-ticket-status [data-onward="kiosk"]').waitFor()
      await expectAccessible(page, `${lang}, abandoned after parking`)
      await page.screenshot({ path: join(SHOTS, `status-${lang}-abandoned.png`), fullPage: true })
    }
    // A takes no new tickets any more: the page no longer sends the citizen to the kiosk for one (walk s45)
    const admin = await center.admin()
    expect((await center.request('PATCH', `/api/v1/services/${a.id}`, { token: admin, body: { active: false } })).statusCode).toBe(200)
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.reload()
      await page.locator('tabour-ticket-status [data-state="abandoned"]').waitFor()
      expect(await page.locator('tabour-ticket-status [data-onward="kiosk"]').count(), lang).toBe(0)
    }
  })

  it('says a lost place when a held place never checked in', async () => {
    const clock = new TestClock()
    const { center, url, counter, clerk, kiosk, a, joinLine } = await startCenter(clock)
    const held = await joinLine('198.51.100.8')
    // a walk-in after it is called: the held place's turn came; 10 minutes later it is lost
    await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, counter.id, 'call-next')
    const page = await suite.contexts.page(PHONE)
    await page.goto(`${url}/t/${held.id}?lang=en`)
    await page.locator('tabour-remote-status [data-remote="turn-came"]').waitFor()
    clock.advance(11 * 60)
    // a late "I am here" runs the remote sweep: the place is lost
    expect(
      (await center.app.inject({ method: 'POST', url: `/api/v1/remote/tickets/${held.id}/arrive`, remoteAddress: WIFI })).statusCode,
    ).toBe(410)
    await page.locator('tabour-ticket-status [data-state="abandoned"]').waitFor()
    // about the citizen, not "nobody" (walk s54); the way onward follows once, not also in this sentence
    expect(await text(page, 'tabour-ticket-status [data-state="abandoned"]')).toBe(
      'This ticket lost its place: you did not check in by the time given.',
    )
    await page.locator('tabour-ticket-status [data-onward="kiosk"]').waitFor()
    expect(await page.locator('tabour-ticket-status').getByText('kiosk').count()).toBe(1)
    // the way onward: a phone can join this ticket's own service, so its join page, in the page's language,
    // the service chosen (walk s52: offered for a service no phone could join)
    const joinAgain = page.locator('tabour-ticket-status a[data-onward="join"]')
    await joinAgain.waitFor()
    expect(await joinAgain.textContent()).toContain('Join the line again from your phone')
    expect(await joinAgain.getAttribute('href')).toBe(`/join/en/?service=${a.id}`)
    await page.screenshot({ path: join(SHOTS, 'status-en-place-lost.png'), fullPage: true })
  })

  it('the join page does not say "nobody waiting" next to a wait of minutes', async () => {
    const clock = new TestClock()
    const { center, url, kiosk, a, counter, clerk } = await startCenter(clock)
    // the only ticket is at the counter: nobody waits, yet a newcomer waits for the counter to be free
    await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, counter.id, 'call-next')
    const [service] = (await center.request('GET', '/api/v1/remote/services')).json().services
    expect(service).toMatchObject({ id: a.id, waiting: 0 })
    expect(service.estimatedWaitSeconds).toBeGreaterThanOrEqual(60)
    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page(PHONE)
      await page.goto(`${url}/join/${lang}/`)
      const line = await text(page, `tabour-join-page [data-service="${a.id}"] [data-line-now]`)
      expect(line).not.toMatch(/Nobody is waiting|لا أحد ينتظر/)
      // the people ahead of a place taken now (the ticket's next figure), then the wait with its label
      expect(line).toMatch(
        lang === 'ar' ? /^لا أحد أمامك الآن\u00a0— الانتظار المتوقع حوالي/ : /^Nobody ahead of you now\u00a0— Expected wait about/,
      )
      await expectAccessible(page, `join page, ${lang}`)
      await page.screenshot({ path: join(SHOTS, `join-${lang}.png`), fullPage: true })
    }
  })

  it('says a ticket was moved to another service, a recall: "called again", with the phone vibrating at each, and who was placed ahead', async () => {
    const clock = new TestClock()
    const { center, url, counter, clerk, kiosk, a } = await startCenter(clock)
    const b = await center.createService({ prefix: 'B', nameAr: 'طلبات التصالح', nameEn: 'Reconciliation requests' })
    const moved = await center.issue(kiosk, { serviceId: a.id })
    const recalled = await center.issue(kiosk, { serviceId: a.id })
    const pages = { ar: await suite.contexts.page(PHONE), en: await suite.contexts.page(PHONE) }
    for (const page of Object.values(pages)) {
      await page.addInitScript(() => {
        const w = window as unknown as { vibrations: number }
        w.vibrations = 0
        navigator.vibrate = () => {
          w.vibrations += 1
          return true
        }
      })
    }
    const vibrations = (page: Page) => page.evaluate(() => (window as unknown as { vibrations: number }).vibrations)
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(moved.id)
    await center.action(clerk, counter.id, 'start')
    expect((await center.action(clerk, counter.id, 'transfer', { serviceId: b.id })).statusCode).toBe(200)
    await pages.ar.goto(`${url}/t/${moved.id}`)
    await pages.en.goto(`${url}/t/${moved.id}?lang=en`)
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.locator('tabour-ticket-status [data-moved-from]').waitFor()
      expect(await text(page, 'tabour-ticket-status [data-moved-from]'), lang).toBe(
        lang === 'ar'
          ? 'نُقلت تذكرتك من خدمة جوازات السفر إلى خدمة طلبات التصالح.'
          : 'Your ticket was moved from Passports to Reconciliation requests.',
      )
      await expectAccessible(page, `moved (${lang})`)
    }
    await pages.ar.screenshot({ path: join(SHOTS, 'status-moved-ar.png'), fullPage: true })

    await pages.ar.goto(`${url}/t/${recalled.id}`)
    await pages.en.goto(`${url}/t/${recalled.id}?lang=en`)
    for (const page of Object.values(pages)) await page.locator('tabour-ticket-status [data-status="waiting"]').waitFor()
    // the moved ticket waits in B's line, which counter 3 does not serve: the next of A is ours
    const called = (await center.action(clerk, counter.id, 'call-next')).json().ticket.id
    expect(called).toBe(recalled.id)
    for (const page of Object.values(pages)) {
      await page.locator('tabour-ticket-status [data-recalls="0"]').waitFor()
      expect(await vibrations(page)).toBe(1)
    }
    expect((await center.action(clerk, counter.id, 'recall')).statusCode).toBe(200)
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.locator('tabour-ticket-status [data-recalls="1"]').waitFor()
      expect(await text(page, 'tabour-ticket-status [data-recalls] .counter'), lang).toBe(
        lang === 'ar' ? 'يُنادى عليك مرة أخرى: توجّه إلى الشباك 3' : 'You are being called again at counter 3',
      )
      // and the tab's title, what a locked phone shows, says it too (it said "go to counter 3" as at the first call)
      expect(await page.title(), lang).toContain(lang === 'ar' ? 'يُنادى عليك مرة أخرى' : 'called again')
      expect(await vibrations(page), lang).toBe(2)
    }
    await pages.en.screenshot({ path: join(SHOTS, 'status-recalled-en.png'), fullPage: true })

    // people ahead grow though nobody left: a priority citizen taken a minute later goes first, and the page says
    // so in one line (walk s52: 0 became 1 and the page said nothing); an ordinary ticket taken later says nothing
    const mine = await center.issue(kiosk, { serviceId: a.id })
    await pages.ar.goto(`${url}/t/${mine.id}`)
    await pages.en.goto(`${url}/t/${mine.id}?lang=en`)
    for (const page of Object.values(pages)) await page.locator('tabour-ticket-status [data-position="0"]').waitFor()
    clock.advance(60)
    await center.issue(kiosk, { serviceId: a.id })
    await center.issue(kiosk, { serviceId: a.id, priority: 'elderly' })
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.locator('tabour-ticket-status [data-position="1"]').waitFor()
      expect(await text(page, 'tabour-ticket-status [data-placed-ahead]'), lang).toBe(
        lang === 'ar'
          ? 'وُضع أمامك بعد انضمامك إلى الدور: شخص واحد له أولوية.'
          : 'Placed ahead of you after you joined the line: 1 person with priority.',
      )
      if (lang === 'ar') await expectAccessible(page, 'placed ahead (ar)')
      await page.screenshot({ path: join(SHOTS, `status-placed-ahead-${lang}.png`), fullPage: true })
    }
  })

  it('a no-show is told the undo window and the counters that can put it back; with no open counter nobody is "next"', async () => {
    const clock = new TestClock()
    const { center, url, counter, clerk, kiosk, a } = await startCenter(clock)
    // counter 6, open, does not serve A: it cannot reinstate, so the page never sends anyone there
    const other = await center.createService({ prefix: 'F', nameAr: 'استعلامات', nameEn: 'Enquiries' })
    const enquiries = await center.createCounter({ number: 6, name: 'Enquiries', serviceIds: [other.id] })
    await center.openCounterAs('clerk6', enquiries.id)
    const missed = await center.issue(kiosk, { serviceId: a.id })
    const waiting = await center.issue(kiosk, { serviceId: a.id })
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(missed.id)
    clock.advance(61)
    expect((await center.action(clerk, counter.id, 'no-show')).statusCode).toBe(200)
    const pages = { ar: await suite.contexts.page(PHONE), en: await suite.contexts.page(PHONE) }
    await pages.ar.goto(`${url}/t/${missed.id}`)
    await pages.en.goto(`${url}/t/${missed.id}?lang=en`)
    const until = new Date(clock.now + 30 * 60_000).toISOString()
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.locator('tabour-ticket-status [data-state="no-show"]').waitFor()
      const said = await text(page, 'tabour-ticket-status [data-status="no_show"]')
      expect(said, lang).toContain(centerTime(until, lang, 'western'))
      expect(said, lang).toContain(lang === 'ar' ? 'بقيت ٣٠ دقيقة'.replace('٣٠', '30') : '30 minutes left')
      expect(said, lang).toContain(lang === 'ar' ? 'توجّه إلى الشباك 3' : 'Go to counter 3')
      expect(said, lang).not.toMatch(/6|الاستعلامات|information desk/)
      await expectAccessible(page, `no-show (${lang})`)
    }
    await pages.en.screenshot({ path: join(SHOTS, 'status-no-show-en.png'), fullPage: true })

    // counter 3 pauses: nobody serves A now, so the waiting ticket is not "next" and the page says why
    expect((await center.action(clerk, counter.id, 'pause', { reason: 'prayer' })).statusCode, 'pause').toBe(200)
    const closedCounter = await center.action(clerk, counter.id, 'close')
    expect(closedCounter.statusCode, closedCounter.body).toBe(200)
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.goto(`${url}/t/${waiting.id}${lang === 'en' ? '?lang=en' : ''}`)
      await page.locator('tabour-ticket-status [data-no-counter]').waitFor()
      const said = await text(page, 'tabour-ticket-status [data-status="waiting"]')
      expect(said, lang).toContain(lang === 'ar' ? 'لا أحد أمامك الآن' : 'Nobody ahead of you now')
      expect(said, lang).not.toContain(lang === 'ar' ? 'أنت التالي' : 'You are next')
      expect(said, lang).not.toContain(lang === 'ar' ? 'اقترب دورك' : 'Your turn is near')
      await expectAccessible(page, `no counter (${lang})`)
    }
    // the undo window over: the kiosk still sells A (offered without an estimate while no counter is open), so the
    // page points there
    clock.advance(31 * 60)
    await pages.ar.goto(`${url}/t/${missed.id}`)
    await pages.ar
      .locator('tabour-ticket-status [data-state="no-show-over"]')
      .getByText('فاتك دورك وانتهت مهلة إعادتك إلى الدور.')
      .waitFor()
    await pages.ar
      .locator('tabour-ticket-status [data-onward="kiosk"]')
      .getByText('يمكنك أخذ تذكرة جديدة من جهاز التذاكر في المركز.')
      .waitFor()

    // s53: the admin deactivates A and takes it off counter 3, its one counter: no counter will open to call the ticket
    // still waiting, whatever "calls start when one opens" promised; the page says to ask a member of staff
    const admin = await center.admin()
    expect((await center.request('PATCH', `/api/v1/services/${a.id}`, { token: admin, body: { active: false } })).statusCode).toBe(200)
    // the admin confirms it: without, 409 LAST_COUNTER_OF_WAITING_SERVICE (the ticket still waits)
    const offA = await center.request('PATCH', `/api/v1/counters/${counter.id}`, {
      token: admin,
      body: { serviceIds: [other.id], confirmUnserved: true },
    })
    expect(offA.statusCode, offA.body).toBe(200)
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.goto(`${url}/t/${waiting.id}${lang === 'en' ? '?lang=en' : ''}`)
      const said = await text(page, 'tabour-ticket-status [data-no-counter-serves]')
      expect(said, lang).toBe(
        lang === 'ar'
          ? 'لم يعد أي شباك يقدّم هذه الخدمة؛ يرجى سؤال أحد موظفي المركز.'
          : 'No counter serves this service any more; please ask a member of staff.',
      )
      expect(await page.locator('tabour-ticket-status [data-no-counter]').count(), lang).toBe(0)
    }
    await pages.ar.screenshot({ path: join(SHOTS, 'status-no-counter-serves-ar.png'), fullPage: true })
    // and the missed ticket is no longer sent to a kiosk that sells no A: it said "Please take a new ticket"
    await pages.ar.goto(`${url}/t/${missed.id}`)
    await pages.ar.locator('tabour-ticket-status [data-state="no-show-over"]').waitFor()
    expect(await pages.ar.locator('tabour-ticket-status [data-onward="kiosk"]').count()).toBe(0)
    expect(await text(pages.ar, 'tabour-ticket-status [data-status="no_show"]')).not.toContain('تذكرة جديدة')
  })

  it('closed with a grace before the line is cancelled: the page says the center closed and by when the ticket must be called, then that it was cancelled', async () => {
    // Sunday 6 December 2026, 14:50 in Cairo: open 08:00–15:00, the waiting line cancelled 30 minutes after closing
    const clock = new TestClock(Date.parse('2026-12-06T12:50:00Z'))
    const { center, url, kiosk, a } = await startCenter(clock)
    const h = [{ open: '08:00', close: '15:00' }]
    const weekly = { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
    const calendar = { ...DEFAULT_CALENDAR, weekly, atClosing: 'cancel-after' as const, cancelAfterMinutes: 30 }
    expect((await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: calendar })).statusCode).toBe(200)
    const ticket = await center.issue(kiosk, { serviceId: a.id })
    clock.set('2026-12-06T13:05:00Z') // 15:05: closed, still called until 15:30
    const pages = { ar: await suite.contexts.page(PHONE), en: await suite.contexts.page(PHONE) }
    await pages.ar.goto(`${url}/t/${ticket.id}`)
    await pages.en.goto(`${url}/t/${ticket.id}?lang=en`)
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      const note = page.locator('tabour-ticket-status [data-closing="cancelled-after-close"]')
      await note.waitFor()
      expect(await text(page, 'tabour-ticket-status [data-closing]'), lang).toBe(
        lang === 'ar'
          ? `أُغلق المركز. إن لم يُنادَ على تذكرتك حتى الساعة ${centerTime('2026-12-06T13:30:00Z', 'ar', 'western')} فستُلغى.`
          : `The center has closed. If your ticket is not called by ${centerTime('2026-12-06T13:30:00Z', 'en', 'western')}, it will be cancelled.`,
      )
      await expectAccessible(page, `cancel grace (${lang})`)
      await page.screenshot({ path: join(SHOTS, `status-cancel-grace-${lang}.png`), fullPage: true })
    }
    // 15:31: the grace ran out and the line is cancelled; the page says what it says of a ticket the closing cancelled
    clock.set('2026-12-06T13:31:00Z')
    for (const lang of ['ar', 'en'] as const) {
      const page = pages[lang]
      await page.reload()
      await page.locator('tabour-ticket-status [data-cancelled="center_closed"]').waitFor()
      expect(await page.locator('tabour-ticket-status [data-closing]').count(), lang).toBe(0)
    }
  })
})
