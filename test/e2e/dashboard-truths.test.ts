import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { join } from 'node:path'
import { ADMIN_PASSWORD, daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { dashboardText } from '../../protocol/messages/dashboard.ts'
import { clockTime } from '../../protocol/messages/clock-time.ts'

/**
 * What the dashboard still said untrue or unreadable on the walk of 2026-12-05 (s36), in Chromium
 * at 1366×768 against a center set to Arabic-Indic digits:
 * - its first load drew the figures (and the clock) in Western digits, then switched when the
 *   settings came: here the settings answer late, and no figure may show before them;
 * - the charts' ticks were Western and the per-service legend read «A · name»;
 * - the by-counter report parsed "1 · name" back and kept the Western 1;
 * - the ticket history was numbered 1. 2. 3. and said «الشباك 1»;
 * - the new counter's number box said 7; the counters table broke words mid-word;
 * - the live services and counters tables and today's bookings were wider than their cards.
 * Screenshots go to test-results/dashboard-truths/.
 */
const SHOTS = join(ROOT, 'test-results', 'dashboard-truths')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const DESK = { width: 1366, height: 768 } as const
const WESTERN = /[0-9]/

const shot = suite.shot

/** Tables under `selector` (shadow roots pierced) wider than the box they sit in (their scroller, or their card). */
function widerThanTheirBox(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((tables) =>
    tables.flatMap((t) => {
      const box = t.closest('.table-scroll, .card') ?? t.parentElement!
      const wide = t.getBoundingClientRect().width > box.clientWidth + 1
      return wide
        ? [`${t.getAttribute('data-table') ?? t.localName}: ${Math.round(t.getBoundingClientRect().width)} px in ${box.clientWidth} px`]
        : []
    }),
  )
}

/**
 * Each chart's legend as listed: every item's label, and the labels whose colour box is not beside
 * the label's first line (at 1366 a box stood alone on one line and its label on the next).
 */
function legends(page: Page): Promise<{ chart: string; labels: string[]; apart: string[] }[]> {
  return page.locator('tabour-hour-chart[data-chart]').evaluateAll((charts) =>
    charts.map((chart) => {
      const items = [...chart.shadowRoot!.querySelectorAll('.u-legend .u-series')].flatMap((item) => {
        const marker = item.querySelector('.u-marker')
        const label = item.querySelector('.u-label')
        if (!marker || !label || label.textContent === '' || getComputedStyle(item).display === 'none') return []
        const line = label.getClientRects()[0]!
        const box = marker.getBoundingClientRect()
        return [{ label: label.textContent!, beside: box.bottom > line.top && box.top < line.bottom }]
      })
      return {
        chart: chart.getAttribute('data-chart')!,
        labels: items.map((i) => i.label),
        apart: items.filter((i) => !i.beside).map((i) => i.label),
      }
    }),
  )
}

/** Words of `cells` split over two lines (a break inside a word, not between words). */
function brokenWords(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((tds) =>
    tds.flatMap((td) => {
      const out: string[] = []
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (const m of n.data.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(n, m.index!)
          range.setEnd(n, m.index! + m[0].length)
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
          if (tops.size > 1) out.push(m[0])
        }
      }
      return out
    }),
  )
}

describe('the dashboard at a 1366×768 desk with Arabic-Indic digits set (walk 2026-12-05, s36)', () => {
  it('holds figures until the digits are known, and writes charts, reports, history and forms in them, inside their cards', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const admin = await center.admin()
    const put = await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: 'arabic-indic' } })
    expect(put.statusCode, put.body).toBe(200)
    const a = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits', targetWaitSeconds: 900 })
    const d = await center.createService({
      prefix: 'D',
      nameAr: 'توصيل المرافق (كهرباء ومياه وغاز)',
      nameEn: 'Utility connections (electricity, water and gas)',
    })
    const counter = await center.createCounter({ number: 1, name: 'تراخيص · Permits', serviceIds: [a.id, d.id] })
    for (let n = 2; n <= 6; n++)
      await center.createCounter({ number: n, name: `مستخرجات السجل المدني ${n} · Civil registry ${n}`, serviceIds: [a.id, d.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    for (let i = 0; i < 4; i++) await center.issue(kiosk, { serviceId: i % 2 ? d.id : a.id })
    for (const step of ['call-next', 'start', 'finish', 'call-next'] as const)
      expect((await center.action(clerk, counter.id, step)).statusCode).toBe(200)
    // appointments on for A, and two bookings today (the live tab's list)
    const on = await center.request('PUT', `/api/v1/appointments/settings/${a.id}`, {
      token: admin,
      body: { ...APPOINTMENT_DEFAULTS, enabled: true, walkInShare: 0, maxPerPhonePerDay: 5 },
    })
    expect(on.statusCode, on.body).toBe(200)
    const day = center.app.tabour.queue.ctx.dayOf(clock.now)
    const slots = (await center.request('GET', `/api/v1/appointments/slots?serviceId=${a.id}&day=${day}`, { token: admin })).json()
    for (const [i, name] of ['منى عبد الرحمن السيد', 'Mohamed Abdel-Rahman El-Sayed'].entries()) {
      const booked = await center.request('POST', '/api/v1/appointments/staff', {
        token: admin,
        body: { serviceId: a.id, slotStart: slots.slots[i].start, name, phone: `0101234567${i}` },
      })
      expect(booked.statusCode, booked.body).toBe(201)
    }

    // ── the first load: the settings answer late; every figure and the clock wait for them ──
    const page = await suite.contexts.page(DESK)
    let settingsRequests = 0
    await page.route('**/api/v1/settings', async (route) => {
      if (route.request().method() === 'GET') settingsRequests++
      await new Promise((r) => setTimeout(r, 800))
      await route.continue()
    })
    // every frame, what the KPI values and the clock say (a Western figure even for one frame fails)
    await page.addInitScript(() => {
      const seen = new Set<string>()
      Object.assign(window, { seenFigures: seen })
      const look = () => {
        const app = document.querySelector('tabour-dashboard-app')?.shadowRoot
        const live = app?.querySelector('tabour-live-view')?.shadowRoot
        for (const el of [...(live?.querySelectorAll('[data-kpi] .value') ?? []), ...(app?.querySelectorAll('.clock') ?? [])])
          seen.add(el.textContent ?? '')
        requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })
    await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, 'ar')
    await page.locator('tabour-live-view [data-kpi="issued"] .value', { hasText: '٤' }).waitFor()
    await page.locator('tabour-hour-chart[data-chart="per-service"][data-y-ticks]').waitFor()
    const seen = await page.evaluate(() => [...(window as unknown as { seenFigures: Set<string> }).seenFigures])
    expect(
      seen.filter((t) => WESTERN.test(t)),
      'figures drawn before the digits were known',
    ).toEqual([])
    expect(seen.some((t) => /[٠-٩]/.test(t))).toBe(true)
    // sign-in reads the settings once: the first slow refresh takes what start() has just read
    await page.locator('tabour-day-bookings table[data-day-bookings]').waitFor()
    expect(settingsRequests).toBe(1)
    // the day form beside today's bookings takes the page's time zone and digits (it read the settings
    // again and wrote its "places to add" in Western digits)
    await expect.poll(() => page.locator('tabour-appointment-day-form input[name="extraPerSlot"]').inputValue()).toBe('٠')
    // its date field's day in the page's words and digits under it (the field shows the browser's mm/dd/yyyy)
    expect(await page.locator('tabour-appointment-day-form #f-day-echo').textContent()).toContain('ديسمبر ٢٠٢٦')
    // the bookings' phone endings too (the citizen's own page wrote ••••٧٨٩ and this list ••••789)
    const hints = await page.locator('tabour-day-bookings td[data-phone-hint]').allTextContents()
    expect(hints.length).toBe(2)
    for (const hint of hints) expect(hint).toMatch(/[٠-٩]$/)
    // the phone booking card's example too (the walk of 2026-12-06 read «مثال: 01012345678» here)
    expect(await page.locator('tabour-staff-booking-card #phone-hint').textContent()).toBe('مثال: ٠١٠١٢٣٤٥٦٧٨')

    // ── the charts: ticks in the center's digits, the legend with the one separator ──
    for (const chart of ['hourly', 'per-service']) {
      const el = page.locator(`tabour-hour-chart[data-chart="${chart}"]`)
      await expect.poll(() => el.getAttribute('data-y-ticks')).toMatch(/^[٠-٩ ]+$/)
      // hours as the page writes a time, «٣:٠٠ م», not a 24-hour «١٥:٠٠» (walk s47)
      expect(await el.getAttribute('data-x-ticks')).toMatch(/^[٠-٩]{1,2}:٠٠\u00a0[صم]( [٠-٩]{1,2}:٠٠\u00a0[صم])*$/)
    }
    const legend = (await page.locator('tabour-hour-chart[data-chart="per-service"] .u-legend').textContent()) ?? ''
    expect(legend).toContain(`A${SEPARATOR}تراخيص البناء`)
    expect(legend).not.toContain('·')
    // each colour box beside its label, and only the lines drawn listed: this center has no earlier
    // weeks, so no "(earlier weeks)" entry without its line (walk 2026-12-06)
    const listed = await legends(page)
    expect(listed.flatMap((l) => l.apart)).toEqual([])
    expect(listed.find((l) => l.chart === 'hourly')!.labels).toEqual(['صدرت اليوم', 'أُنهيت اليوم'])
    // …and its title promises no comparison it cannot draw
    expect((await page.locator('tabour-live-view .card:has(tabour-hour-chart[data-chart="hourly"]) h2').textContent())?.trim()).toBe(
      'التذاكر بالساعة اليوم',
    )

    // ── the figures fill their rows: no card alone on a row of its own (the cancellations were) ──
    const perRow = await page.locator('tabour-live-view section.kpis > .kpi').evaluateAll((cards) => {
      const rows = new Map<number, number>()
      for (const c of cards)
        rows.set(Math.round(c.getBoundingClientRect().top), (rows.get(Math.round(c.getBoundingClientRect().top)) ?? 0) + 1)
      return [...rows.values()]
    })
    expect(perRow.length).toBeGreaterThan(1)
    expect(Math.min(...perRow)).toBeGreaterThan(1)

    // ── the live tables and today's bookings fit their cards ──
    await page.locator('tabour-day-bookings table[data-day-bookings]').waitFor()
    expect(await widerThanTheirBox(page, 'tabour-live-view table[data-table], tabour-day-bookings table')).toEqual([])
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'live-ar')

    // ── the ticket history: numbered and worded in the center's digits ──
    const tools = page.locator('tabour-ticket-tools')
    await tools.locator('input[data-input="find"]').fill('A-001')
    await tools.locator('button[data-action="find"]').click()
    const history = tools.locator('ol[data-history]')
    // A-001 is at the counter: issued, then called there
    await history.locator('li[data-step="called"]').waitFor()
    expect(await history.evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('arabic-indic')
    const words = ((await history.textContent()) ?? '').replace(/[A-Za-z][\w-]*/g, '')
    expect(words).toContain('الشباك ١')
    expect(words).not.toMatch(WESTERN)

    // ── the report by counter: the number in the center's digits, the name in the page's language ──
    await page.evaluate(() => {
      location.hash = 'reports'
    })
    // the week by day: the six days before this center's first record say so, not rows of zeros
    // the date fields' days in the page's words and digits under them (the fields show the browser's mm/dd/yyyy)
    expect(await page.locator('tabour-reports-view #from-echo').textContent()).toMatch(/^[^0-9]*[٠-٩][^0-9]*$/)
    await page.locator('tabour-reports-view button[data-by="day"]').click()
    const days = page.locator('tabour-reports-view table[data-report="day"] tbody tr')
    await expect.poll(() => days.count()).toBe(7)
    const none = page.locator('tabour-reports-view table[data-report="day"] td[data-no-records]')
    expect(await none.count()).toBe(6)
    expect(await none.first().textContent()).toBe('لا سجلات لهذا اليوم')
    expect(await days.last().locator('td[data-no-records]').count()).toBe(0)
    await page.locator('tabour-reports-view button[data-by="counter"]').click()
    const first = page.locator(`tabour-reports-view table[data-report="counter"] tr[data-key="${counter.id}"] td`).first()
    await first.waitFor()
    expect((await first.textContent())?.trim()).toBe(`١${SEPARATOR}تراخيص`)
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'report-counter-ar')

    // ── the counters form: the next number in the center's digits; digits typed either way are taken ──
    await page.evaluate(() => {
      location.hash = 'config'
    })
    await page.locator('tabour-config-view button[data-section="counters"]').click()
    const form = page.locator('tabour-counters-config form[data-form="counters"]')
    const number = form.locator('input[name="number"]')
    await expect.poll(() => number.inputValue()).toBe('٧')
    // the table wraps between words only, and fits its card
    const served = page.locator('tabour-counters-config table[data-table="counters"] td.wrap')
    await served.first().waitFor()
    expect(await brokenWords(served)).toEqual([])
    expect(await widerThanTheirBox(page, 'tabour-counters-config table')).toEqual([])
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'config-counters-ar')
    await number.fill('٨')
    await form.locator('input[name="name"]').fill('شكاوى · Complaints')
    await form.locator(`input[name="w${a.id}"]`).fill('1')
    await form.locator('button[type="submit"]').click()
    await page.locator('tabour-counters-config table[data-table="counters"] tr[data-counter="8"]').waitFor()
    expect(center.app.tabour.db.prepare("SELECT number FROM counters WHERE name = 'شكاوى · Complaints'").get()).toEqual({ number: 8 })

    // ── a new pairing code shows under its device's row, named, focused and on screen ──
    const tv = await center.request('POST', '/api/v1/devices', {
      token: admin,
      body: { kind: 'display', name: 'شاشة الدور الأرضي', zone: null },
    })
    expect(tv.statusCode, tv.body).toBe(201)
    // a stand-alone printer the server has no report from yet (no interface: nothing polls it)
    const printer = await center.createDevice('printer')
    await page.locator('tabour-config-view button[data-section="devices"]').click()
    const printerHealth = page.locator('tabour-devices-config tr[data-device="printer"] td[data-health]')
    await expect.poll(() => printerHealth.getAttribute('data-health')).toBe('health.noReport')
    // its first report, pushed (as a poll reports it): the table follows it with no reload (it said "OK" until one)
    const watched = new Date(clock.now - 40 * 60_000).toISOString()
    center.app.tabour.queue.deviceStatus.reportPrinter(printer.id, {
      watchedSince: watched,
      reachable: false,
      online: false,
      coverOpen: false,
      paperNearEnd: false,
      paperOut: false,
      error: false,
      at: new Date().toISOString(),
    })
    await expect.poll(() => printerHealth.getAttribute('data-health')).toBe('health.offline')
    await page.locator(`tabour-devices-config button[data-new-code="${tv.json().id}"]`).click()
    const code = page.locator(`tabour-devices-config tr[data-pairing-row="${tv.json().id}"] [data-pairing-code]`)
    await code.waitFor()
    expect(await code.textContent()).toContain('«شاشة الدور الأرضي»')
    expect(
      await code.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el),
    ).toBe(true)
    const box = (await code.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(DESK.height)
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'config-devices-code-ar')
    const health = page.locator(`tabour-devices-config tr[data-device="شاشة الدور الأرضي"] td[data-health]`)
    expect(await health.getAttribute('data-health')).toBe('health.unpaired')
    // the code shown is the one that pairs that device (the first code, made with it, no longer does)
    const paired = await center.request('POST', '/api/v1/devices/pair', {
      body: { pairingCode: await code.getAttribute('data-pairing-code') },
    })
    expect(paired.statusCode, paired.body).toBe(200)
    // paired from the screen itself: the table says so without a reload, and the used code leaves
    await expect.poll(() => health.getAttribute('data-health')).not.toBe('health.unpaired')
    await code.waitFor({ state: 'detached' })

    // ── revoking asks first, says what it does, and a revoked device can be paired again ──
    const revokedAt = () =>
      center.app.tabour.db.prepare('SELECT revoked_at AS at FROM devices WHERE id = ?').get(tv.json().id) as { at: number | null }
    await page.locator(`tabour-devices-config button[data-revoke="${tv.json().id}"]`).click()
    const warning = page.locator(`tabour-devices-config tr[data-revoke-row="${tv.json().id}"] [data-revoke-warning]`)
    await warning.waitFor()
    expect(await warning.textContent()).toBe('إلغاء ربط «شاشة الدور الأرضي» يوقفه فورًا: لا يعمل بعدها حتى يُربط من جديد برمز جديد.')
    expect(revokedAt().at, 'nothing revoked by the first click').toBeNull()
    await page.locator(`tabour-devices-config button[data-revoke-no="${tv.json().id}"]`).click()
    await warning.waitFor({ state: 'detached' })
    expect(revokedAt().at).toBeNull()
    await page.locator(`tabour-devices-config button[data-revoke="${tv.json().id}"]`).click()
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot(page, 'config-devices-revoke-ar')
    await page.locator(`tabour-devices-config button[data-revoke-yes="${tv.json().id}"]`).click()
    const again = page.locator(`tabour-devices-config button[data-new-code="${tv.json().id}"]`)
    await expect.poll(() => again.textContent()).toBe('ربط من جديد')
    expect(revokedAt().at).not.toBeNull()
    expect(await page.locator(`tabour-devices-config tr[data-device] td[data-health="health.revoked"]`).count()).toBe(1)
    await again.click()
    const newCode = page.locator(`tabour-devices-config tr[data-pairing-row="${tv.json().id}"] [data-pairing-code]`)
    await newCode.waitFor()
    const repaired = await center.request('POST', '/api/v1/devices/pair', {
      body: { pairingCode: await newCode.getAttribute('data-pairing-code') },
    })
    expect(repaired.statusCode, repaired.body).toBe(200)
    expect(revokedAt().at, 'paired again: no longer revoked').toBeNull()

    // a kiosk revoked: counted on the live view, not gone from it without a word (walk s52)
    const spare = await center.createDevice('kiosk')
    expect((await center.request('POST', `/api/v1/devices/${spare.id}/revoke`, { token: admin })).statusCode).toBe(200)

    // ── in English, the same tables fit too ──
    const en = await suite.contexts.page(DESK)
    await dashboardLogin(en, url, 'admin', ADMIN_PASSWORD, 'en')
    await en.locator('tabour-day-bookings table[data-day-bookings]').waitFor()
    expect(await en.locator('tabour-live-view [data-devices-revoked]').textContent()).toBe(dashboardText('live.revoked', 'en', { n: 1 }))
    // the printer that never answered: since when it has been watched, not "since the server started" (walk s52)
    const notHeard = await en.locator(`tabour-live-view [data-device="${printer.id}"] [data-seen]`).textContent()
    expect(notHeard).toMatch(/^No answer since /)
    expect(notHeard).toContain(clockTime(watched, 'Africa/Cairo', 'en', 'western'))
    expect(await widerThanTheirBox(en, 'tabour-live-view table[data-table], tabour-day-bookings table')).toEqual([])
    await en.locator('tabour-hour-chart[data-chart="per-service"] .u-legend').waitFor()
    const listedEn = await legends(en)
    expect(listedEn.flatMap((l) => l.apart)).toEqual([])
    expect(listedEn.find((l) => l.chart === 'hourly')!.labels).toEqual(['Issued today', 'Finished today'])
    expect((await en.locator('tabour-live-view .card:has(tabour-hour-chart[data-chart="hourly"]) h2').textContent())?.trim()).toBe(
      'Tickets per hour today',
    )
    await shot(en, 'live-en')
  }, 240_000)
})
