import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN_PASSWORD, type TestCenter, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../protocol/calendar.ts'
import { LANDSCAPE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { toWesternDigits } from '../../protocol/messages/digits.ts'
import { seriousAxeViolations } from './axe.ts'

/**
 * The center's calendar on the screens (issue 18), in real Chromium against a center running
 * at a fixed fake time (TestClock): the kiosk at 14:55 on a Sunday with a 15:00 close and a
 * 10-minute cut-off (the service shown closed, why and when it opens, in Arabic and English),
 * the display after closing on Thursday (serving the line out, then "closed — opens Sunday 08:00"
 * once its last waiting ticket is called, by the center's clock, not the browser's), and the dashboard's
 * hours editor (a refused overlap worded in English and Arabic next to its day, a saved week, a
 * service's own hours, an exception stored when added and shown in the month grid) and .ics
 * import with its preview (the holiday on its day of the next month). Screenshots go to test-results/calendar/;
 * with UPDATE_SCREENSHOTS=1 the hours editor's two also refresh docs/screenshots/hours-*.png.
 */
const SHOTS = join(ROOT, 'test-results', 'calendar')
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

/** A full-page screenshot to test-results/calendar/, copied to docs/screenshots/ only when asked (an ordinary run never dirties the tree). */
async function docsScreenshot(page: Page, name: string): Promise<void> {
  const path = join(SHOTS, name)
  await page.screenshot({ path, fullPage: true })
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SHOTS, { recursive: true })
    copyFileSync(path, join(DOCS_SHOTS, name))
  }
}

const workWeek = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: [], sat: [] }
}

/** A center at `iso`, listening on loopback, Sunday–Thursday 08:00–15:00, service A cut off 10 minutes before closing. */
async function startCenter(
  iso: string,
): Promise<{ center: TestCenter; clock: TestClock; url: string; admin: string; clerk: string; a: number; b: number }> {
  const clock = new TestClock(Date.parse(iso))
  const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir }, clock }, cleanups)
  const admin = await center.admin()
  const a = (await center.createService({ prefix: 'A', nameAr: 'البطاقات', nameEn: 'ID cards' })).id
  const b = (await center.createService({ prefix: 'B', nameAr: 'الشهادات', nameEn: 'Certificates' })).id
  await center.createCounter({ number: 1, serviceIds: [a, b] })
  const clerk = await center.openCounterAs('clerk1', 1)
  const cal: CenterCalendar = {
    ...DEFAULT_CALENDAR,
    weekly: workWeek('08:00', '15:00'),
    services: [{ serviceId: a, weekly: null, lastTicketMinutes: 10, stopWhenWaitPastClose: false }],
  }
  const res = await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })
  if (res.statusCode !== 200) throw new Error(`calendar refused: ${res.body}`)
  return { center, clock, url, admin, clerk, a, b }
}

async function pairingCode(center: TestCenter, admin: string, kind: 'kiosk' | 'display'): Promise<string> {
  const res = await center.request('POST', '/api/v1/devices', { token: admin, body: { kind, name: kind } })
  return res.json().pairingCode
}

/** The words of the month grid's day names and service chips that a line break cuts in two (in the page). */
function wordsCutAcrossLines(grid: Element): string[] {
  const cut: string[] = []
  for (const el of grid.shadowRoot?.querySelectorAll('.name, .svc') ?? []) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange()
        range.setStart(node, word.index)
        range.setEnd(node, word.index + word[0].length)
        if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) cut.push(word[0])
      }
    }
  }
  return cut
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
    expect(await card(page, run.a).locator('.figures').textContent()).toMatch(
      /انتهى إصدار التذاكر الساعة 2:50\u00a0م\s*يفتح غدًا الساعة 8:00\u00a0ص/,
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'kiosk-cutoff-ar.png') })

    await page.locator('tabour-lang-switch button').click()
    await card(page, run.a).getByText('Tickets stopped at 2:50\u00a0PM').waitFor()
    expect(await card(page, run.a).locator('[data-opens]').textContent()).toBe('Opens tomorrow at 8:00\u00a0AM')
    // B still sells: the heading asks to choose
    expect(await page.locator('main h1').getAttribute('data-heading')).toBe('choose')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'kiosk-cutoff-en.png') })

    // 15:05: the center has closed, nothing can be taken: the heading says so, not "touch the service you need" (walk s45)
    run.clock.set('2026-12-06T13:05:00Z')
    await page.reload()
    const heading = page.locator('main h1[data-heading="none-available"]')
    await heading.waitFor()
    expect(await card(page, run.b).isDisabled()).toBe(true)
    for (const [lang, said] of [
      ['en', 'No tickets can be taken now'],
      ['ar', 'لا يمكن أخذ تذاكر الآن'],
    ] as const) {
      if ((await page.locator('html').getAttribute('lang')) !== lang) await page.locator('tabour-lang-switch button').click()
      await expect.poll(() => heading.textContent()).toBe(said)
    }
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'kiosk-closed-heading-ar.png') })
  })

  it("the display after closing on Thursday serves the line out, then says closed, opens Sunday 08:00, in both languages, by the center's clock", async () => {
    // Thursday 10 December 2026, 14:50 in Cairo: a ticket taken before the closing
    const run = await startCenter('2026-12-10T12:50:00Z')
    const kiosk = await run.center.createDevice('kiosk')
    const ticket = await run.center.issue(kiosk.token, { serviceId: run.b })
    run.clock.set('2026-12-10T13:30:00Z') // 15:30: closed, the ticket still waits
    const page = await contexts.page(LANDSCAPE)
    await page.goto(`${run.url}/display/?pair=${await pairingCode(run.center, run.admin, 'display')}`)
    const serving = page.locator('tabour-hours-banner [data-hours="closed-serving"]')
    await serving.waitFor()
    expect(await serving.locator('[lang="en"]').textContent()).toMatch(/tickets already taken will be served/)
    // the header's clock is the center's (Thursday 15:30 in Cairo), not this browser's own
    const clock = page.locator('tabour-display-clock')
    expect(await clock.locator('[data-clock]').textContent()).toBe('3:30\u00a0م')
    expect(await clock.locator('.en').textContent()).toMatch(/^Thursday, 10 December 2026/)
    await page.screenshot({ path: join(SHOTS, 'display-closed-serving.png') })

    // the last waiting ticket called: the band says closed with the call's push, not at its next
    // minute's ask (the band asks a minute after its element came, which drew the band above
    // moments ago: that ask is still ~a minute away, so the wait below cannot be met by it)
    const call = await run.center.action(run.clerk, 1, 'call-next')
    expect(call.json().ticket.label).toBe(ticket.label)
    const band = page.locator('tabour-hours-banner [data-hours="closed"]')
    await band.waitFor({ timeout: 15_000 })
    expect(await band.locator('[lang="ar"]').textContent()).toBe('مغلق\u00a0— يفتح يوم الأحد الساعة 8:00\u00a0ص')
    expect(await band.locator('[lang="en"]').textContent()).toBe('Closed\u00a0— Opens Sunday at 8:00\u00a0AM')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'display-closed.png') })
  })

  it("the dashboard's hours editor words a refused overlap at its day in en and ar, saves a week and a service's own hours, shows exceptions in the month grid, and imports an .ics after its preview", async () => {
    const run = await startCenter('2026-12-06T08:00:00Z')
    // a center writing Arabic-Indic digits: the month grid in Arabic follows it, in English it does not
    const digits = await run.center.request('PUT', '/api/v1/settings', { token: run.admin, body: { digits: 'arabic-indic' } })
    expect(digits.statusCode, digits.body).toBe(200)
    const page = await contexts.page({ width: 1400, height: 1000 })
    await page.goto(`${run.url}/dashboard/?lang=en#hours`)
    await page.locator('form[data-form="login"] input[name="username"]').fill('admin')
    await page.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
    await page.locator('form[data-form="login"] button[data-action="login"]').click()
    const view = page.locator('tabour-hours-view')
    const monday = view.locator('input[data-day="mon"]')
    await monday.waitFor()
    expect(await monday.inputValue()).toBe('08:00-15:00')

    // an overlap is refused next to Monday, worded in English, then in Arabic after the switch
    await monday.fill('08:00-15:00, 14:00-20:00')
    await view.locator('button[data-action="save-hours"]').click()
    const mondayError = view.locator('[data-error-for="weekly/mon"]')
    await mondayError.waitFor()
    expect(await mondayError.textContent()).toBe('Nothing was saved: This interval overlaps another on the same day')
    expect(await monday.getAttribute('aria-invalid')).toBe('true')
    expect(await monday.getAttribute('aria-describedby')).toContain('error-weekly-mon')
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().weekly.mon).toEqual([
      { open: '08:00', close: '15:00' },
    ])
    await page.locator('tabour-lang-switch button').click()
    await view.getByText('المواعيد الأسبوعية').waitFor()
    expect(await mondayError.textContent()).toBe('لم يُحفظ شيء: تتداخل هذه الفترة مع فترة أخرى في اليوم نفسه')
    // what was typed follows the screen's digits (only the digits change)
    expect(await monday.inputValue()).toBe('٠٨:٠٠-١٥:٠٠، ١٤:٠٠-٢٠:٠٠')

    await monday.fill('08:00-14:00, 17:00-20:00')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator('[data-message="ok"]').waitFor()
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().weekly.mon).toEqual([
      { open: '08:00', close: '14:00' },
      { open: '17:00', close: '20:00' },
    ])

    // service B gets its own Sunday hours; a close before an open is refused next to that day
    await view.locator(`input[name="same-${run.b}"]`).uncheck()
    const bSunday = view.locator(`input[name="service-${run.b}-sun"]`)
    expect(await bSunday.inputValue()).toBe('٠٨:٠٠-١٥:٠٠')
    await bSunday.fill('12:00-09:00')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator(`[data-error-for="service/${run.b}/sun"]`).waitFor()
    expect(await view.locator(`[data-error-for="service/${run.b}/sun"]`).textContent()).toBe('لم يُحفظ شيء: موعد الإغلاق ليس بعد موعد الفتح')
    await bSunday.fill('09:00-12:00')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator('[data-message="ok"]').waitFor()
    const own = (await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().services
    expect(own.find((x: { serviceId: number }) => x.serviceId === run.b).weekly.sun).toEqual([{ open: '09:00', close: '12:00' }])
    expect(own.find((x: { serviceId: number }) => x.serviceId === run.a).weekly).toBeNull()
    expect(await bSunday.inputValue()).toBe('٠٩:٠٠-١٢:٠٠')
    expect(await view.locator(`input[name="same-${run.b}"]`).isChecked()).toBe(false)

    // an Arabic-Indic screen: the hint's example and the business day's start in its digits (the
    // browser's time input said "12:00 AM" on this page), and the fields take what they show
    // (and the Arabic comma between Arabic-Indic ranges: the walk of 2026-12-06 read a Latin one)
    // each time isolated left to right, an en dash between (ui-common/time-range.ts): «٠٨:٠٠-١٥:٠٠» drew as
    // «١٥:٠٠-٠٨:٠٠» (Arabic-Indic digits took the hyphen right to left) where «08:00-15:00» read start first
    expect(await view.locator('#day-hint').textContent()).toContain(
      '\u2066٠٨:٠٠\u2069–\u2066١٥:٠٠\u2069، \u2066١٧:٠٠\u2069–\u2066٢٠:٠٠\u2069',
    )
    const drawnAt = (time: string) =>
      view.locator('#day-hint').evaluate((p, time) => {
        const text = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(time))!
        const range = document.createRange()
        const at = text.textContent!.indexOf(time)
        range.setStart(text, at)
        range.setEnd(text, at + time.length)
        return range.getBoundingClientRect().left
      }, time)
    const [opens, closes, reopens] = [await drawnAt('٠٨:٠٠'), await drawnAt('١٥:٠٠'), await drawnAt('١٧:٠٠')]
    expect(opens).toBeLessThan(closes)
    expect(closes).toBeLessThan(reopens)
    // the boxes draw what is typed in the order typed
    expect(await monday.evaluate((i) => getComputedStyle(i).unicodeBidi)).toBe('bidi-override')
    const dayStart = view.locator('input[name="businessDayStartsAt"]')
    expect(await dayStart.inputValue()).toBe('٠٠:٠٠')
    expect(await view.locator('#day-start-hint').textContent()).toBe('الساعة والدقيقة بنظام الأربع والعشرين ساعة، مثل \u2066٠٤:٠٠\u2069')
    await dayStart.fill('٢٥:٠٠')
    await view.locator('button[data-action="save-hours"]').click()
    const dayStartError = view.locator('[data-error-for="day-start"]')
    await dayStartError.waitFor()
    expect(await dayStartError.textContent()).toBe('لم يُحفظ شيء: اكتب بداية اليوم بالساعة والدقيقة، مثل \u2066٠٤:٠٠\u2069 (وليس «٢٥:٠٠»)')
    expect(await dayStart.getAttribute('aria-invalid')).toBe('true')
    expect(await dayStart.getAttribute('aria-describedby')).toBe('day-start-hint error-day-start')
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().businessDayStartsAt).toBe('00:00')
    await dayStart.fill('٤:٣٠')
    await monday.fill('٠٨:٠٠-١٤:٠٠، ١٧:٠٠-٢٠:٠٠')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator('[data-message="ok"]').waitFor()
    const typedInIndic = (await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json()
    expect(typedInIndic.businessDayStartsAt).toBe('04:30')
    expect(typedInIndic.weekly.mon).toEqual([
      { open: '08:00', close: '14:00' },
      { open: '17:00', close: '20:00' },
    ])
    expect(await dayStart.inputValue()).toBe('٠٤:٣٠')
    expect(await dayStart.getAttribute('aria-invalid')).toBe('false')

    // "always open" ticked after typing the day's start keeps it, and saves it (the walk of
    // 2026-12-06 lost it silently); unticked again, the week typed before comes back
    const alwaysOpen = view.locator('input[name="alwaysOpen"]')
    await dayStart.fill('٥:١٥')
    await alwaysOpen.check()
    expect(await dayStart.inputValue()).toBe('٥:١٥')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator('[data-message="ok"]').waitFor()
    const alwaysOpenSaved = (await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json()
    expect([alwaysOpenSaved.businessDayStartsAt, alwaysOpenSaved.weekly]).toEqual(['05:15', null])
    expect(await dayStart.inputValue()).toBe('٠٥:١٥')
    await alwaysOpen.uncheck()
    expect(toWesternDigits(await monday.inputValue())).toMatch(/^08:00-14:00. 17:00-20:00$/)
    await dayStart.fill('٤:٣٠')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator('[data-message="ok"]').waitFor()
    const weekAgain = (await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json()
    expect([weekAgain.businessDayStartsAt, weekAgain.weekly]).toEqual(['04:30', typedInIndic.weekly])

    // the server's refusal of one of the business day's fields is worded at that field, not
    // beside "Save the hours" (walk of 2026-12-05), in the screen's digits; nothing is stored
    const saveMessage = view.locator('form[data-form="hours"] .actions [data-message]')
    const cancelMinutes = view.locator('input[name="cancelAfterMinutes"]')
    await cancelMinutes.fill('800')
    await view.locator('button[data-action="save-hours"]').click()
    const minutesError = view.locator('[data-error-for="cancel-minutes"]')
    await minutesError.waitFor()
    expect(await minutesError.textContent()).toBe('لم يُحفظ شيء: اكتب عددًا صحيحًا من الدقائق من ٠ إلى ٧٢٠')
    expect(await cancelMinutes.getAttribute('aria-invalid')).toBe('true')
    expect(await cancelMinutes.getAttribute('aria-describedby')).toBe('error-cancel-minutes')
    expect(await saveMessage.count()).toBe(0)
    const cutoffB = view.locator(`input[name="cutoff-${run.b}"]`)
    await cancelMinutes.fill('30')
    await cutoffB.fill('721')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator(`[data-error-for="service/${run.b}/cutoff"]`).waitFor()
    expect(await cutoffB.getAttribute('aria-invalid')).toBe('true')
    expect(await cutoffB.getAttribute('aria-describedby')).toBe(`error-service-${run.b}-cutoff`)
    expect(await cancelMinutes.getAttribute('aria-invalid')).toBe('false')
    expect(await saveMessage.count()).toBe(0)
    await cutoffB.fill('0')
    // the day's start as the server refuses it: the field checks what is typed first
    // (parseTimeOfDay), so the request is rewritten on its way, as an older screen or a stricter
    // server would meet it
    const calendarUrl = '**/api/v1/calendar'
    await page.route(calendarUrl, (route) =>
      route.request().method() === 'PUT'
        ? route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), businessDayStartsAt: '24:00' }) })
        : route.fallback(),
    )
    await view.locator('button[data-action="save-hours"]').click()
    await dayStartError.waitFor()
    await page.unroute(calendarUrl)
    expect(await dayStartError.textContent()).toBe('لم يُحفظ شيء: ليست ساعة ودقيقة بنظام الأربع والعشرين ساعة')
    expect(await dayStart.getAttribute('aria-invalid')).toBe('true')
    expect(await dayStart.getAttribute('aria-describedby')).toBe('day-start-hint error-day-start')
    expect(await saveMessage.count()).toBe(0)
    const unchanged = (await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json()
    expect([unchanged.businessDayStartsAt, unchanged.cancelAfterMinutes]).toEqual(['04:30', 30])
    expect(unchanged.services.find((x: { serviceId: number }) => x.serviceId === run.b).lastTicketMinutes).toBe(0)
    // the minutes boxes write the center's digits and take either kind (the walk of 2026-12-06
    // read «30» and «0» on this Arabic-Indic screen: they were the browser's number boxes)
    expect(await cancelMinutes.inputValue()).toBe('٣٠')
    expect(await cutoffB.inputValue()).toBe('٠')
    await cancelMinutes.fill('٤٥')
    await view.locator('button[data-action="save-hours"]').click()
    await view.locator('[data-message="ok"]').waitFor()
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().cancelAfterMinutes).toBe(45)
    expect(await cancelMinutes.inputValue()).toBe('٤٥')
    // an emptied box is refused at its field (not saved as 0) and stays empty, not «NaN»
    await cancelMinutes.fill('')
    await view.locator('button[data-action="save-hours"]').click()
    await minutesError.waitFor()
    expect(await cancelMinutes.inputValue()).toBe('')
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().cancelAfterMinutes).toBe(45)

    // an exception added is stored at once (no "save") and shows on its day in the month grid
    const grid = view.locator('tabour-month-calendar')
    expect(await grid.locator('h3').getAttribute('data-month')).toBe('2026-12')
    expect(await grid.locator('td[data-day="2026-12-11"]').getAttribute('data-state')).toBe('closed')
    const add = view.locator('form[data-form="exception"]')
    // overlapping hours in a new exception: refused next to the form, nothing stored
    await add.locator('input[name="from"]').fill('2026-12-20')
    await add.locator('input[name="to"]').fill('2026-12-20')
    await add.locator('input[name="hours"]').fill('09:00-12:00, 11:00-13:00')
    await add.locator('button[data-action="add-exception"]').click()
    await view.locator('[data-error-for="exceptions/0"]').waitFor()
    expect(await view.locator('[data-error-for="exceptions/0"]').textContent()).toBe(
      'لم يُحفظ شيء: تتداخل هذه الفترة مع فترة أخرى في اليوم نفسه',
    )
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().exceptions).toEqual([])
    await add.locator('input[name="hours"]').fill('')
    await add.locator('input[name="from"]').fill('2026-12-24')
    await add.locator('input[name="to"]').fill('2026-12-24')
    // the browser's date field writes mm/dd/yyyy on this Arabic page (walk 2026-12-06): the day it
    // holds is written under it in the page's words and digits, and describes it
    const fromEcho = add.locator('#exception-from-echo')
    expect(await fromEcho.textContent()).toContain('٢٤ ديسمبر ٢٠٢٦')
    expect(await add.locator('input[name="from"]').getAttribute('aria-describedby')).toBe('exception-from-echo')
    // the calendar file's button and its "no file" in the page's language (the browser's said "Choose File")
    expect(await view.locator('[data-section="ics"] .file-button').textContent()).toBe('اختيار ملف…')
    expect(await view.locator('[data-file-name]').textContent()).toBe('لم يُختر ملف')
    await add.locator('input[name="nameAr"]').fill('إغلاق طارئ')
    await add.locator('input[name="nameEn"]').fill('Emergency closure')
    await add.locator('button[data-action="add-exception"]').click()
    await grid.locator('td[data-day="2026-12-24"][data-state="holiday"]').waitFor()
    expect(await grid.locator('td[data-day="2026-12-24"]').textContent()).toContain('إغلاق طارئ')
    expect(await grid.locator('td[data-day="2026-12-24"] .n').textContent()).toBe('٢٤')
    expect(await fromEcho.textContent()).toBe('')
    expect(await grid.locator('h3').textContent()).toBe('ديسمبر ٢٠٢٦')
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().exceptions).toHaveLength(1)
    // a holiday of one service only (the API's serviceIds; the tab had no field for it): listed with its service
    await add.locator('input[name="from"]').fill('2026-12-27')
    await add.locator('input[name="to"]').fill('2026-12-27')
    await add.locator('input[name="nameAr"]').fill('جرد الشهادات')
    await add.locator('input[name="nameEn"]').fill('Stocktaking of certificates')
    await add.locator('select[name="serviceId"]').selectOption(String(run.b))
    await add.locator('button[data-action="add-exception"]').click()
    const reach = view.locator('tr[data-exception="2026-12-27"] [data-exception-services]')
    await reach.waitFor()
    expect(await reach.textContent()).toBe('لخدمة B\u00a0— الشهادات وحدها')
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().exceptions[1]).toMatchObject({
      from: '2026-12-27',
      serviceIds: [run.b],
    })
    // and in the month grid on its day, its own mark naming the service, the key saying what the mark is (walk s48: the list only)
    const stocktake = grid.locator(`td[data-day="2026-12-27"][data-service-exception="${run.b}"]`)
    await stocktake.waitFor()
    expect(await stocktake.getAttribute('data-state')).toBe('open')
    expect(await stocktake.locator('.svc').textContent()).toBe('جرد الشهادات')
    expect(await stocktake.getAttribute('aria-label')).toContain('إجازة لخدمة B\u00a0— الشهادات وحدها: جرد الشهادات')
    expect(await grid.locator('[data-key-mark="service"]').textContent()).toBe('استثناء لخدمة واحدة (إجازة أو مواعيد خاصة)')
    // the center-wide one says nothing of services, and the form is back on the whole center
    expect(await view.locator('tr[data-exception="2026-12-24"] [data-exception-services]').count()).toBe(0)
    expect(await add.locator('select[name="serviceId"]').inputValue()).toBe('')
    // right to left: the left arrow goes to the next day
    await grid.locator('td[data-day="2026-12-06"]').focus()
    await page.keyboard.press('ArrowLeft')
    await grid.locator('td[data-day="2026-12-07"][tabindex="0"]').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await docsScreenshot(page, 'hours-ar.png')
    await page.locator('tabour-lang-switch button').click()
    await view.getByText('Weekly hours').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    // in English the same fields in Western digits (English text is always Western)
    expect(await view.locator('input[name="businessDayStartsAt"]').inputValue()).toBe('04:30')
    expect(await monday.inputValue()).toBe('08:00-14:00, 17:00-20:00')
    expect(await view.locator('#day-hint').textContent()).toBe(
      'Intervals such as \u2066\u206608:00\u2069–\u206615:00\u2069, \u206617:00\u2069–\u206620:00\u2069\u2069; leave empty for a day off',
    )
    expect(await view.locator('#day-start-hint').textContent()).toBe('Hour and minute on the 24-hour clock, such as 04:00')
    await page.screenshot({ path: join(SHOTS, 'hours-en-day-start.png'), fullPage: true })
    expect(await grid.locator('td[data-day="2026-12-24"] .n').textContent()).toBe('24')
    // a name wraps at its spaces: a word wider than its day ends in «…», never cut between letters
    // («Stocktaki» over «ng» in an 86 px day, walk s51), and the day's title holds the name whole
    expect(await grid.evaluate(wordsCutAcrossLines)).toEqual([])
    expect(await grid.locator('td[data-day="2026-12-27"]').getAttribute('title')).toContain('Stocktaking of certificates')

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
    // an .ics the server cannot honour: worded in the screen's language, naming the event
    const weeklyIcs = join(SHOTS, 'weekly.ics')
    writeFileSync(
      weeklyIcs,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:w@x',
        'DTSTART;VALUE=DATE:20270101',
        'RRULE:FREQ=WEEKLY',
        'SUMMARY:Weekly rest',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    )
    await view.locator('input[name="ics"]').setInputFiles(weeklyIcs)
    const icsError = view.locator('[data-section="ics"] [data-message="error"]')
    await icsError.waitFor()
    expect(await icsError.textContent()).toMatch(/^Nothing was saved: Event “Weekly rest”: A recurrence that cannot be honoured/)
    await view.locator('input[name="ics"]').setInputFiles(ics)
    await view.locator('[data-preview] [data-added="1"]').waitFor()
    expect(await view.locator('[data-file-name]').textContent()).toBe('holidays.ics')
    expect(await view.locator('[data-preview-item="2027-01-07"]').textContent()).toContain('Coptic Christmas')
    // nothing stored before the import
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().exceptions).toHaveLength(2)
    await page.screenshot({ path: join(SHOTS, 'dashboard-ics-preview.png'), fullPage: true })
    await view.locator('button[data-action="import-ics"]').click()
    await view.locator('tr[data-exception="2027-01-07"]').waitFor()
    expect((await run.center.request('GET', '/api/v1/calendar', { token: run.admin })).json().exceptions).toHaveLength(3)

    // the month grid: next month shows the imported holiday on its day; Page Up goes back
    await grid.locator('button[data-action="next-month"]').click()
    const christmas = grid.locator('td[data-day="2027-01-07"]')
    expect(await grid.locator('h3').getAttribute('data-month')).toBe('2027-01')
    expect(await christmas.getAttribute('data-state')).toBe('holiday')
    expect(await christmas.getAttribute('aria-label')).toContain('Coptic Christmas')
    await grid.locator('td[tabindex="0"]').focus()
    await page.keyboard.press('PageUp')
    await grid.locator('h3[data-month="2026-12"]').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await docsScreenshot(page, 'hours-en.png')
  })
})
