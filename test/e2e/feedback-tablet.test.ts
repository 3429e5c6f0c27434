import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { STAFF_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { TOUCH_TARGET_MIN_PX } from '../../ui-common/theme.ts'

/**
 * Citizen feedback end to end (issue 21) in real Chromium against a real center: a clerk
 * finishes a ticket over the API, the counter's feedback tablet (a real paired device page,
 * 800×1280) asks at once, the citizen taps a low face and a reason, the tablet thanks them,
 * and the manager's live dashboard shows the rating by counter without a reload. axe finds no
 * serious or critical violation on the tablet's screens or the card. Screenshots go to
 * test-results/feedback/.
 */
const SHOTS = join(ROOT, 'test-results', 'feedback')
const suite = useBrowserSuite(SHOTS)
const TABLET = { width: 800, height: 1280 }
const DESK = { width: 1366, height: 768 }

const shot = suite.shot

describe('feedback tablet', () => {
  it('finish → the tablet asks → a face and a reason → the dashboard shows the figure', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID' })
    const counter = await center.createCounter({ number: 3, name: 'شباك ٣', serviceIds: [service.id] })
    const kiosk = await center.createDevice('kiosk')
    const clerk = await center.openCounterAs('clerk1', counter.id)
    await center.createUser('boss', 'manager')
    const created = await center.request('POST', '/api/v1/devices', {
      token: admin,
      body: { kind: 'feedback', name: 'لوحة شباك ٣', config: { counterId: counter.id } },
    })
    expect(created.statusCode).toBe(201)
    const ticket = await center.issue(kiosk.token, { serviceId: service.id })

    // the tablet pairs with ?pair= like a kiosk, and idles bound to its counter
    const tablet = await suite.contexts.page(TABLET)
    await tablet.goto(`${url}/feedback/?pair=${created.json().pairingCode}`)
    await tablet.locator('tabour-feedback-app main[data-phase="idle"][data-synced="yes"]').waitFor()
    expect(await tablet.locator('tabour-feedback-app .counter').textContent()).toContain('شباك 3')
    await shot(tablet, 'tablet-idle')

    // the manager's live view, before any rating
    const desk = await suite.contexts.page(DESK)
    await desk.goto(`${url}/dashboard/`)
    await desk.locator('form[data-form="login"] input[name="username"]').fill('boss')
    await desk.locator('form[data-form="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await desk.locator('form[data-form="login"] button[data-action="login"]').click()
    await desk.locator('tabour-feedback-card [data-feedback-none]').waitFor()

    // the clerk serves and finishes over the real API: the tablet asks at once
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(ticket.id)
    await center.action(clerk, counter.id, 'start')
    expect((await center.action(clerk, counter.id, 'finish', {})).statusCode).toBe(200)
    await tablet.locator('main[data-phase="asking"]').waitFor()
    expect(await tablet.locator('main .ticket').textContent()).toContain(ticket.label)
    const faces = tablet.locator('tabour-rating-form button[data-score]')
    expect(await faces.count()).toBe(5)
    for (const box of await faces.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(TOUCH_TARGET_MIN_PX)
    }
    // right to left, Arabic first: the very bad face is at the right
    const [first, last] = [await faces.first().boundingBox(), await faces.last().boundingBox()]
    expect(first!.x).toBeGreaterThan(last!.x)
    expect(await seriousAxeViolations(tablet)).toEqual([])
    await shot(tablet, 'tablet-ask')

    // the citizen's status page, open on their phone, offers the faces too
    const phone = await suite.contexts.page(PHONE, { locale: 'en-US' })
    await phone.goto(`${url}/t/${ticket.id}?lang=en`)
    await phone.locator('tabour-status-rating [data-rating="open"]').waitFor()

    // a low face asks why; one reason, then send
    await tablet.locator('tabour-rating-form button[data-score="2"]').click()
    await tablet.locator('tabour-rating-form button[data-reason="wait"]').click()
    expect(await tablet.locator('tabour-rating-form button[data-reason="wait"]').getAttribute('aria-pressed')).toBe('true')
    expect(await seriousAxeViolations(tablet)).toEqual([])
    await shot(tablet, 'tablet-reasons')
    await tablet.locator('tabour-rating-form button[data-action="send"]').click()
    await tablet.locator('main[data-phase="thanks"] [data-thanks]').waitFor()
    await shot(tablet, 'tablet-thanks')
    // the page left open stops offering the faces: the rating is received (walk s46: it still asked)
    await phone.locator('tabour-status-rating [data-rating="done"]').waitFor()
    expect(await phone.locator('tabour-status-rating [data-rating="done"]').textContent()).toContain('Thank you, your rating was received')
    expect(await phone.locator('tabour-status-rating button[data-score]').count()).toBe(0)
    await shot(phone, 'status-page-rated-on-tablet')

    // stored once, anonymous, as tapped
    const rows = center.app.tabour.db.prepare('SELECT ticket_id AS ticketId, score, reasons, source FROM ratings').all()
    expect(rows).toEqual([{ ticketId: ticket.id, score: 2, reasons: '["wait"]', source: 'tablet' }])

    // the dashboard shows it without a reload
    await desk.locator('tabour-feedback-card [data-feedback-summary][data-count="1"]').waitFor()
    const row = desk.locator('tabour-feedback-card tr[data-feedback-counter="3"]')
    expect(await row.locator('[data-col="count"]').textContent()).toBe('1')
    expect(await row.locator('[data-col="average"]').textContent()).toBe('2')
    expect(await row.locator('[data-col="low"]').textContent()).toBe('100٪')
    expect(await row.locator('[data-col="reasons"]').textContent()).toBe('انتظار طويل (1)')
    await desk.locator('tabour-feedback-card').scrollIntoViewIfNeeded()
    expect(await seriousAxeViolations(desk)).toEqual([])
    await shot(desk, 'dashboard-card')

    // after the thank-you the tablet is idle again by itself
    await tablet.locator('main[data-phase="idle"]').waitFor({ timeout: 10_000 })

    // a center writing Arabic-Indic digits: the tablet's counter and the card's reasons are in them too (walk s46: «شباك 5», «(1)»)
    const digits = await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: 'arabic-indic' } })
    expect(digits.statusCode, digits.body).toBe(200)
    await tablet.reload()
    await tablet.locator('tabour-feedback-app main[data-phase="idle"][data-synced="yes"]').waitFor()
    expect(await tablet.locator('tabour-feedback-app .counter [lang="ar"]').textContent()).toBe('شباك ٣')
    expect(await tablet.locator('tabour-feedback-app .counter [lang="en"]').textContent()).toBe('Counter 3')
    await shot(tablet, 'tablet-idle-arabic-indic')
    await desk.reload()
    await desk.locator('tabour-feedback-card [data-feedback-summary][data-count="1"]').waitFor()
    expect(await row.locator('[data-col="reasons"]').textContent()).toBe('انتظار طويل (١)')
  }, 180_000)

  it("the status page's faces and their words sit inside the card on a 390×844 phone, in Arabic and English (walk s53: «Excellent» touched its edge)", async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const service = await center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    const kiosk = await center.createDevice('kiosk')
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const ticket = await center.issue(kiosk.token, { serviceId: service.id })
    await center.action(clerk, counter.id, 'call-next')
    await center.action(clerk, counter.id, 'start')
    expect((await center.action(clerk, counter.id, 'finish', {})).statusCode).toBe(200)
    for (const lang of ['ar', 'en'] as const) {
      const phone = await suite.contexts.page(PHONE)
      await phone.goto(`${url}/t/${ticket.id}${lang === 'en' ? '?lang=en' : ''}`)
      await phone.locator('tabour-status-rating [data-rating="open"]').waitFor()
      await phone.evaluate(() => document.fonts.ready)
      // each face's word, as drawn (its text's own box, not its button's), against the card's padding box
      const outside = await phone.locator('tabour-ticket-status section.card').evaluate((card) => {
        const box = card.getBoundingClientRect()
        const style = getComputedStyle(card)
        const [left, right] = [box.left + Number.parseFloat(style.paddingLeft), box.right - Number.parseFloat(style.paddingRight)]
        const form = card.querySelector('tabour-status-rating')!.shadowRoot!.querySelector('tabour-rating-form')!.shadowRoot!
        return [...form.querySelectorAll('.word')].flatMap((word) => {
          const range = document.createRange()
          range.selectNodeContents(word)
          const r = range.getBoundingClientRect()
          return r.left < left || r.right > right
            ? [`${word.textContent} ${Math.round(r.left)}–${Math.round(r.right)} in ${left}–${right}`]
            : []
        })
      })
      expect(outside, lang).toEqual([])
      expect(await seriousAxeViolations(phone), lang).toEqual([])
      await shot(phone, `status-page-faces-phone-${lang}`)
      await phone.close()
    }
  })
})
