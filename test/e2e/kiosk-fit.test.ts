import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { openTicketPrinter } from '../../drivers/printer/index.ts'
import type { PrinterFactory } from '../../server/devices/printer-handle.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { DEMO_SERVICES, demoCalendar } from '../../server/demo/seed.ts'
import { LANDSCAPE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { deadPrinterKiosk } from './dead-printer-kiosk.ts'
import { ROOT } from './ui-build.ts'
import { kioskText } from '../../protocol/messages/kiosk.ts'

/**
 * Walk of 2026-12-05, finding 3: with the printer-fault banner, the demo's six services (long
 * Arabic names, three with no counter) and "I have a booking", the kiosk's home was 1984 px tall on
 * a 1080×1920 screen: the footer with the language switch was cut off. The ticket screen with the
 * printer absent lost its footer too. Real Chromium at 1080×1920, a real center, a kiosk printer on
 * a refused local port, a service taking bookings.
 */

const SHOTS = join(ROOT, 'test-results', 'kiosk-fit')
const suite = useBrowserSuite(SHOTS)
const remoteJoin = { services: [{ prefix: 'F', mode: 'check-in' as const, arriveMinutes: 15 }] }
const quickPrinter: PrinterFactory = (config) => openTicketPrinter(config, { pollIntervalMs: 500 })

/**
 * The element against the window: "" when it is wholly inside it, not clipped by a box around
 * it that scrolls or hides its overflow, and not covered (it answers a hit test at its centre,
 * shadow roots pierced); else what is wrong.
 */
async function outOfView(locator: Locator): Promise<string> {
  await locator.waitFor()
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const where = `${Math.round(box.top)}..${Math.round(box.bottom)} in 0..${innerHeight}`
    if (box.height <= 0 || box.top < -1 || box.bottom > innerHeight + 1 || box.left < -1 || box.right > innerWidth + 1)
      return `outside: ${where}`
    const parentOf = (node: Element): Element | null =>
      node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null
    for (let up = parentOf(el); up; up = parentOf(up)) {
      if (getComputedStyle(up).overflowY === 'visible') continue
      const clip = up.getBoundingClientRect()
      if (box.top < clip.top - 1 || box.bottom > clip.bottom + 1)
        return `clipped by ${up.localName} (${Math.round(clip.top)}..${Math.round(clip.bottom)}): ${where}`
    }
    let at = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2)
    while (at?.shadowRoot) {
      const inner = at.shadowRoot.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2)
      if (!inner || inner === at) break
      at = inner
    }
    if (!at || !(at === el || el.contains(at) || el.shadowRoot?.contains(at))) return `covered by ${at?.localName ?? 'nothing'}: ${where}`
    return ''
  })
}

/**
 * The text of `box` (a tile) that runs out of it, sideways or below: "" when every line of it is inside
 * its border box, else the words that are not (walk s52: a paused counter's "unknown, no counter is
 * serving now" ran out of a half-width tile and was cut at the screen's edge).
 */
async function textOutside(box: Locator): Promise<string> {
  await box.waitFor()
  return box.evaluate((el) => {
    const frame = el.getBoundingClientRect()
    const out: string[] = []
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const r of range.getClientRects()) {
        if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)
          out.push(
            `«${node.textContent.trim()}» ${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(frame.left)}..${Math.round(frame.right)}`,
          )
      }
    }
    return out.join('; ')
  })
}

/**
 * The words of the ticket screen (shadow roots within pierced) that lie under its Done, as first shown and
 * scrolled to its end (main, and any box of it that scrolls): none, when Done covers nothing (walk s52: a
 * sticky Done sat over the "does not print" notice's Arabic lines and over "Your ticket is the page on your phone").
 */
async function textUnderDone(page: Page): Promise<string[]> {
  const host = page.locator('tabour-ticket-confirmation')
  const under = () =>
    host.evaluate((el) => {
      const doneButton = el.shadowRoot!.querySelector('[data-action="done"]')!
      const done = doneButton.getBoundingClientRect()
      const words: string[] = []
      const parentOf = (node: Node): Element | null =>
        node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null
      // what of a line shows: its box less what the boxes around it that scroll or hide their overflow cut off
      const shown = (node: Node, r: DOMRect): { top: number; bottom: number } => {
        let { top, bottom } = r
        for (let up = parentOf(node); up; up = parentOf(up)) {
          if (getComputedStyle(up).overflowY === 'visible') continue
          const clip = up.getBoundingClientRect()
          top = Math.max(top, clip.top)
          bottom = Math.min(bottom, clip.bottom)
        }
        return { top, bottom }
      }
      const walk = (root: ShadowRoot): void => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim() || doneButton.contains(node)) continue
          const range = document.createRange()
          range.selectNodeContents(node)
          const hit = [...range.getClientRects()].some((r) => {
            const { top, bottom } = shown(node!, r)
            return top < bottom && bottom > done.top && top < done.bottom && r.right > done.left && r.left < done.right
          })
          if (hit) words.push(node.textContent.trim())
        }
        for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) walk(inner.shadowRoot)
      }
      walk(el.shadowRoot!)
      return words
    })
  const first = await under()
  await host.evaluate((el) => {
    const boxes = [el.parentElement, ...el.shadowRoot!.querySelectorAll('*')]
    for (const box of boxes) if (box && /auto|scroll/.test(getComputedStyle(box).overflowY)) box.scrollTo({ top: box.scrollHeight })
  })
  const end = await under()
  return [...first.map((w) => `first shown: «${w}»`), ...end.map((w) => `scrolled to its end: «${w}»`)]
}

/**
 * The clauses of a tile's unknown wait or its "no counter is serving now, you may wait" that break across lines
 * though they fit one: none, when the sentence wraps only between its clauses (walk s52: "unknown, no / counter
 * is serving now"; ui-common/phrases.ts). Read from the words' own boxes, whatever the markup.
 */
async function clausesBroken(tile: Locator): Promise<string[]> {
  return tile.locator('[data-wait="unknown"], .unstaffed-note').evaluateAll((sentences) =>
    sentences.flatMap((el) => {
      const nodes: { node: Text; at: number }[] = []
      let text = ''
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        nodes.push({ node, at: text.length })
        text += node.data
      }
      const point = (offset: number) => {
        const n = nodes.findLast((x) => x.at <= offset && (x.at < offset || x.node.data.length > 0))!
        return [n.node, Math.min(offset - n.at, n.node.data.length)] as const
      }
      const width = (el.closest('.figures') as HTMLElement).clientWidth
      const broken: string[] = []
      let start = 0
      for (const clause of text.split(/(?<=[،,])/)) {
        const from = start + (clause.length - clause.trimStart().length)
        const to = start + clause.trimEnd().length
        start += clause.length
        if (to <= from) continue
        const range = document.createRange()
        range.setStart(...point(from))
        range.setEnd(...point(to))
        const rects = [...range.getClientRects()].filter((r) => r.width > 0)
        const lines = new Set(rects.map((r) => Math.round(r.top)))
        const wide = rects.reduce((sum, r) => sum + r.width, 0) > width
        if (lines.size > 1 && !wide) broken.push(text.slice(from, to))
      }
      return broken
    }),
  )
}

/** The page is no taller than the window, and the named pieces are wholly in view. */
async function fits(page: Page, what: string, pieces: Record<string, Locator>): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  expect(height, `${what}: page height`).toBeLessThanOrEqual(PORTRAIT.height)
  for (const [name, locator] of Object.entries(pieces)) expect(await outOfView(locator), `${what}: ${name}`).toBe('')
}

describe('every kiosk screen fits 1080×1920', () => {
  it('home with the banner, six services and "I have a booking", and a ticket with the printer absent, in Arabic and English', async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter(
      // enquiries take a place from a phone, checked in at the kiosk: the ticket screen whose page is the ticket
      { clock, config: { uiDir: suite.uiDir, remoteJoin }, deps: { openPrinter: quickPrinter } },
      suite.cleanups,
    )
    const services = []
    // as the demo: only enquiries are offered without a counter; A and B have one
    for (const s of DEMO_SERVICES) services.push(await center.createService({ whenUnstaffed: 'not-offered', ...s }))
    const counter = await center.createCounter({ number: 1, serviceIds: [services[0]!.id, services[1]!.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    // and paused (walk s52): A and B stay offered, their wait the ticket's long sentence «غير معروف، لا يوجد شباك يعمل الآن»
    const paused = await center.action(clerk, counter.id, 'pause', { reason: 'break' })
    expect(paused.statusCode, paused.body).toBe(200)
    const admin = await center.admin()
    const bookings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    const put = await center.request('PUT', `/api/v1/appointments/settings/${services[0]!.id}`, { token: admin, body: bookings })
    expect(put.statusCode, put.body).toBeLessThan(300)

    const kiosk = await deadPrinterKiosk(center, url, suite.contexts)
    const tiles = kiosk.locator('tabour-service-grid button.service')
    const home = {
      title: kiosk.locator('main[data-screen="home"] h1'),
      banner: kiosk.locator('tabour-printer-fault-banner [data-printer-problem]'),
      'I have a booking': kiosk.locator('tabour-booking-check-in [data-action="have-booking"]'),
      'language switch': kiosk.locator('footer tabour-lang-switch button'),
    }
    for (const lang of ['ar', 'en'] as const) {
      await kiosk.locator(`html[lang="${lang}"]`).waitFor()
      await expect.poll(() => tiles.count()).toBe(DEMO_SERVICES.length)
      await fits(kiosk, `home (${lang})`, home)
      for (const i of [0, 1])
        expect(await tiles.nth(i).locator('[data-wait]').getAttribute('data-wait'), 'paused: no estimate').toBe('unknown')
      // the demo's six fit with the banner, nothing scrolled: every tile wholly in view, the grid not scrolling
      // and no "more below" (walk s54: F's figures sat under the fade with a ▼)
      for (let i = 0; i < DEMO_SERVICES.length; i++)
        expect(await outOfView(tiles.nth(i)), `home (${lang}), as first shown: tile ${DEMO_SERVICES[i]!.prefix}`).toBe('')
      const grid = kiosk.locator('tabour-service-grid')
      expect(await grid.evaluate((el) => el.scrollHeight - el.clientHeight), `home (${lang}): the grid scrolls`).toBeLessThanOrEqual(1)
      expect(await grid.locator('.more').isVisible(), `home (${lang}): "more below"`).toBe(false)
      // every tile can be reached: scrolling the grid (if it scrolls) brings it wholly into view, the rest stays
      for (let i = DEMO_SERVICES.length - 1; i >= 0; i--) {
        await tiles.nth(i).scrollIntoViewIfNeeded()
        expect(await outOfView(tiles.nth(i)), `home (${lang}): tile ${DEMO_SERVICES[i]!.prefix}`).toBe('')
        expect(await textOutside(tiles.nth(i)), `home (${lang}): the words of tile ${DEMO_SERVICES[i]!.prefix}`).toBe('')
        expect(await clausesBroken(tiles.nth(i)), `home (${lang}): tile ${DEMO_SERVICES[i]!.prefix}'s wait wraps between clauses`).toEqual(
          [],
        )
        await fits(kiosk, `home (${lang}) scrolled to ${DEMO_SERVICES[i]!.prefix}`, home)
      }
      await kiosk.screenshot({ path: join(SHOTS, `kiosk-fit-${lang}-home.png`) })

      // enquiries: taken with no counter open, so the ticket's wait reads the long "unknown, no counter works now"
      await kiosk.locator(`tabour-service-grid button[data-service-id="${services[5]!.id}"]`).click()
      const notice = kiosk.locator('tabour-ticket-confirmation [data-printing="problem"]')
      await notice.waitFor()
      await fits(kiosk, `ticket (${lang})`, {
        'photograph this screen': notice,
        done: kiosk.locator('tabour-ticket-confirmation [data-action="done"]'),
        'language switch': kiosk.locator('footer tabour-lang-switch button'),
      })
      await kiosk.screenshot({ path: join(SHOTS, `kiosk-fit-${lang}-ticket.png`) })
      // a ticket that fits does not scroll, nor say more is below (Cairo's glyphs reaching past their last line did)
      expect(await kiosk.locator('tabour-ticket-confirmation .more').isVisible(), `ticket (${lang}): "more below"`).toBe(false)
      expect(await textUnderDone(kiosk), `ticket (${lang}): under Done`).toEqual([])
      await kiosk.locator('tabour-ticket-confirmation [data-action="done"]').click()
      await home.title.waitFor()
      if (lang === 'ar') await kiosk.locator('footer tabour-lang-switch button').click()
    }

    // a long ticket: ten documents of the most a name may have (100 characters) and a visit of two steps (s51 walk: Done went below the
    // fold, under the footer); the screen scrolls, Done and the language switch stay in view
    const documents = Array.from({ length: 10 }, (_, i) => ({
      ar: `المستند ${i + 1}: صورة واضحة من بطاقة الرقم القومي سارية لمقدم الطلب ولكل فرد من أسرته يحضر معه`.padEnd(100, ' ،'),
      en: `Document ${i + 1}: a clear copy of the valid national ID card of the applicant and of each family member`.padEnd(100, '.'),
    }))
    const patched = await center.request('PATCH', `/api/v1/services/${services[1]!.id}`, {
      token: admin,
      body: { documents, confirmDocuments: false },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    const steps = await center.request('PUT', `/api/v1/services/${services[1]!.id}/steps`, {
      token: admin,
      body: { steps: [services[0]!.id] },
    })
    expect(steps.statusCode, steps.body).toBe(200)
    // and a priority category's box under the number: the kiosk asks for one from now on
    const devices = await center.request('GET', '/api/v1/devices', { token: admin })
    const device = (devices.json() as { id: number; kind: string; config: Record<string, unknown> }[]).find((d) => d.kind === 'kiosk')!
    const asks = await center.request('PATCH', `/api/v1/devices/${device.id}`, {
      token: admin,
      body: { config: { ...device.config, askPriority: true } },
    })
    expect(asks.statusCode, asks.body).toBe(200)
    await kiosk.reload()
    await kiosk.locator(`tabour-service-grid button[data-service-id="${services[1]!.id}"]`).click()
    await kiosk.locator('tabour-ticket-options [data-priority="pregnant"]').click()
    const done = kiosk.locator('tabour-ticket-confirmation [data-action="done"]')
    // the "photograph this screen / this ticket does not print" notice is in view without scrolling, in both
    // languages (walk s52: below the fold, only the fade hinting at it)
    const paper = kiosk.locator('tabour-ticket-confirmation [data-printing="problem"]')
    for (const lang of ['ar', 'en'] as const) {
      await kiosk.locator(`html[lang="${lang}"]`).waitFor()
      await fits(kiosk, `a long ticket (${lang}, after a reload)`, {
        'photograph this screen': paper,
        'the QR code': kiosk.locator('tabour-ticket-confirmation tabour-qr-code'),
        'the number': kiosk.locator('tabour-ticket-confirmation [data-ticket-label]'),
        done,
        'language switch': kiosk.locator('footer tabour-lang-switch button'),
      })
      await kiosk.screenshot({ path: join(SHOTS, `kiosk-fit-${lang}-long-ticket.png`) })
      expect(await textUnderDone(kiosk), `a long ticket (${lang}): under Done`).toEqual([])
      if (lang === 'ar') {
        await kiosk.locator('footer tabour-lang-switch button').click()
        // as a citizen who switches before scrolling sees it (textUnderDone scrolled the ticket to its end)
        await kiosk.locator('tabour-ticket-confirmation').evaluate((el) => el.shadowRoot!.querySelector('.scroller')!.scrollTo({ top: 0 }))
      }
    }
    await done.click()
    await home.title.waitFor()

    // a place joined from a phone, its code scanned in here, on the English screen (walk s52): "Your ticket is the
    // page on your phone" in both languages, as the screen's other notices, and not under Done
    // (English still: the long ticket was left in it, and Done keeps the language)
    const { statusUrl } = (await center.joinFromPhone(services[5]!.id)) as { id: string; label: string; statusUrl: string }
    await kiosk.locator('html[lang="en"]').waitFor()
    await home['I have a booking'].click()
    await kiosk.keyboard.type(statusUrl, { delay: 2 })
    await kiosk.locator('tabour-booking-check-in [data-action="check-in"]').click()
    const onPhone = kiosk.locator('tabour-ticket-confirmation [data-printing="phone"]')
    await onPhone.waitFor()
    expect(await onPhone.locator('[lang="ar"]').textContent()).toBe(kioskText('kiosk.ticketOnPhone', 'ar'))
    await fits(kiosk, "a phone's place checked in (en)", { done, 'language switch': kiosk.locator('footer tabour-lang-switch button') })
    expect(await textUnderDone(kiosk), "a phone's place: under Done").toEqual([])
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-fit-en-phone-ticket.png') })
  })
  it('home with the day-close note and the printer banner fits without scrolling, the note said once, in Arabic and English (walks s54, s55)', async () => {
    // 23:40 in Cairo on the demo's calendar: every staffed tile's note is that today's line closes at midnight;
    // and the kiosk's printer does not answer, so the banner shows too (walk s55: together they put F's figures
    // under the fade, 170 px in English, the note said six times over)
    const clock = new TestClock(Date.parse('2026-12-06T23:40:00+02:00'))
    const { center, url } = await listeningCenter(
      { clock, config: { uiDir: suite.uiDir }, deps: { openPrinter: quickPrinter } },
      suite.cleanups,
    )
    const admin = await center.admin()
    const put = await center.request('PUT', '/api/v1/calendar', { token: admin, body: demoCalendar(clock.now, 'Africa/Cairo') })
    expect(put.statusCode, put.body).toBe(200)
    const services = []
    for (const s of DEMO_SERVICES) services.push(await center.createService({ whenUnstaffed: 'not-offered', ...s }))
    const counter = await center.createCounter({ number: 1, serviceIds: services.map((s) => s.id) })
    await center.openCounterAs('clerk1', counter.id)
    // as the demo: civil-registry extracts take bookings, so "I have a booking" stands under the tiles
    const bookings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    const booked = await center.request('PUT', `/api/v1/appointments/settings/${services[2]!.id}`, { token: admin, body: bookings })
    expect(booked.statusCode, booked.body).toBeLessThan(300)
    const kiosk = await deadPrinterKiosk(center, url, suite.contexts)
    const tiles = kiosk.locator('tabour-service-grid button.service')
    // the test center writes western digits (the demo's default)
    const said = {
      ar: 'يُغلق طابور اليوم الساعة 12:00\u00a0ص؛ التذاكر التي لم يُنادَ عليها تُلغى',
      en: "Today's line closes at 12:00\u00a0AM; tickets not yet called are cancelled",
    }
    for (const lang of ['ar', 'en'] as const) {
      await kiosk.locator(`html[lang="${lang}"]`).waitFor()
      await expect.poll(() => kiosk.locator('tabour-service-grid .closing-note').count()).toBeGreaterThan(0)
      await kiosk.screenshot({ path: join(SHOTS, `kiosk-fit-${lang}-home-day-close.png`) })
      await fits(kiosk, `home (${lang})`, {
        title: kiosk.locator('main[data-screen="home"] h1'),
        banner: kiosk.locator('tabour-printer-fault-banner [data-printer-problem]'),
        'I have a booking': kiosk.locator('tabour-booking-check-in [data-action="have-booking"]'),
        'language switch': kiosk.locator('footer tabour-lang-switch button'),
      })
      for (let i = 0; i < DEMO_SERVICES.length; i++) {
        expect(await outOfView(tiles.nth(i)), `home (${lang}), as first shown: tile ${DEMO_SERVICES[i]!.prefix}`).toBe('')
        expect(await textOutside(tiles.nth(i)), `home (${lang}): the words of tile ${DEMO_SERVICES[i]!.prefix}`).toBe('')
      }
      const grid = kiosk.locator('tabour-service-grid')
      expect(await grid.evaluate((el) => el.scrollHeight - el.clientHeight), `home (${lang}): the grid scrolls`).toBeLessThanOrEqual(1)
      expect(await kiosk.locator('tabour-service-grid .more').isVisible(), `home (${lang}): "more below"`).toBe(false)
      // the note is said once, above the tiles, and in view
      const once = kiosk.locator('tabour-service-grid .closing-note.shared[data-day-close="true"]')
      expect(await once.textContent(), `home (${lang}): the note above the tiles`).toBe(said[lang])
      expect(await outOfView(once), `home (${lang}): the note above the tiles`).toBe('')
      expect(await kiosk.locator('tabour-service-grid button.service .closing-note').count(), `home (${lang}): on a tile`).toBe(0)
      if (lang === 'ar') await kiosk.locator('footer tabour-lang-switch button').click()
    }
  })

  it("landscape 1920×1080: home with the printer banner and the demo's six services fits without scrolling, in Arabic and English (walk s55)", async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter(
      { clock, config: { uiDir: suite.uiDir }, deps: { openPrinter: quickPrinter } },
      suite.cleanups,
    )
    const services = []
    for (const s of DEMO_SERVICES) services.push(await center.createService({ whenUnstaffed: 'not-offered', ...s }))
    // as the demo with counters 1 and 3 open: A and B, C and F served, D and E greyed for want of a counter
    const permits = await center.createCounter({ number: 1, serviceIds: [services[0]!.id, services[1]!.id] })
    const registry = await center.createCounter({ number: 3, serviceIds: [services[2]!.id, services[5]!.id] })
    await center.openCounterAs('clerk1', permits.id)
    await center.openCounterAs('clerk2', registry.id)
    const bookings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    const booked = await center.request('PUT', `/api/v1/appointments/settings/${services[2]!.id}`, {
      token: await center.admin(),
      body: bookings,
    })
    expect(booked.statusCode, booked.body).toBeLessThan(300)
    const kiosk = await deadPrinterKiosk(center, url, suite.contexts)
    await kiosk.setViewportSize(LANDSCAPE)
    const tiles = kiosk.locator('tabour-service-grid button.service')
    for (const lang of ['ar', 'en'] as const) {
      await kiosk.locator(`html[lang="${lang}"]`).waitFor()
      await expect.poll(() => tiles.count()).toBe(DEMO_SERVICES.length)
      await kiosk.screenshot({ path: join(SHOTS, `kiosk-fit-${lang}-home-landscape.png`) })
      await fits(kiosk, `landscape home (${lang})`, {
        title: kiosk.locator('main[data-screen="home"] h1'),
        banner: kiosk.locator('tabour-printer-fault-banner [data-printer-problem]'),
        'I have a booking': kiosk.locator('tabour-booking-check-in [data-action="have-booking"]'),
        'language switch': kiosk.locator('footer tabour-lang-switch button'),
      })
      for (let i = 0; i < DEMO_SERVICES.length; i++) {
        expect(await outOfView(tiles.nth(i)), `landscape home (${lang}): tile ${DEMO_SERVICES[i]!.prefix}`).toBe('')
        expect(await textOutside(tiles.nth(i)), `landscape home (${lang}): the words of tile ${DEMO_SERVICES[i]!.prefix}`).toBe('')
      }
      const grid = kiosk.locator('tabour-service-grid')
      expect(
        await grid.evaluate((el) => el.scrollHeight - el.clientHeight),
        `landscape home (${lang}): the grid scrolls`,
      ).toBeLessThanOrEqual(1)
      if (lang === 'ar') await kiosk.locator('footer tabour-lang-switch button').click()
    }
  })
})
