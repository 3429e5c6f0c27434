import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { daytimeShiftMs, type TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { LANDSCAPE, PHONE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { join } from 'node:path'
import { seriousAxeViolations } from './axe.ts'

/**
 * A visit of three steps in real Chromium (issue 21): the citizen taps Reception on the kiosk;
 * reception (counter 1), review (counter 2) and the cashier (counter 3) each call and finish the
 * ticket over the API; the display shows each next counter for the same label, and the status
 * page on a phone (390×844) says which step it is and where to go next, until "served".
 * Screenshots go to test-results/visit-steps/ (TABOUR_SHOTS to change it).
 */

const SHOTS = process.env.TABOUR_SHOTS ?? join(ROOT, 'test-results', 'visit-steps')
const suite = useBrowserSuite(SHOTS)

const nowShown = (page: Page, label: string, counter: number) =>
  page.locator(`tabour-display-app section.now[data-now="${label}"] [data-now-counter]`).filter({ hasText: String(counter) })
const status = (page: Page) => page.locator('tabour-ticket-status')

describe('a visit of several steps', { timeout: 180_000 }, () => {
  it('goes from the kiosk through three counters to done; the display and the status page say each next step', async () => {
    const shift = daytimeShiftMs()
    const clock = { fn: () => Date.now() + shift } as TestClock
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir }, clock }, suite.cleanups)
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A', nameAr: 'الاستقبال', nameEn: 'Reception' })
    const b = await center.createService({ prefix: 'B', nameAr: 'مراجعة الأوراق', nameEn: 'Document review' })
    const c = await center.createService({ prefix: 'C', nameAr: 'الخزينة', nameEn: 'Cashier' })
    const route = await center.request('PUT', `/api/v1/services/${a.id}/steps`, { token: admin, body: { steps: [b.id, c.id] } })
    expect(route.statusCode, route.body).toBe(200)
    const counters = [
      await center.createCounter({ number: 1, name: 'الشباك 1', serviceIds: [a.id] }),
      await center.createCounter({ number: 2, name: 'الشباك 2', serviceIds: [b.id] }),
      await center.createCounter({ number: 3, name: 'الشباك 3', serviceIds: [c.id] }),
    ]
    const clerks = [
      await center.openCounterAs('clerk1', counters[0]!.id),
      await center.openCounterAs('clerk2', counters[1]!.id),
      await center.openCounterAs('clerk3', counters[2]!.id),
    ]
    const kiosk = (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'kiosk', name: 'Kiosk' } })).json()
    const display = (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'display', name: 'TV' } })).json()

    // the citizen taps Reception on the kiosk
    const kioskPage = await suite.contexts.page(PORTRAIT)
    await kioskPage.goto(`${url}/kiosk/?pair=${kiosk.pairingCode}`)
    await kioskPage.locator(`tabour-service-grid button[data-service-id="${a.id}"]`).click()
    const confirmation = kioskPage.locator('tabour-ticket-confirmation [data-ticket-id]')
    await confirmation.waitFor()
    const ticketId = (await confirmation.getAttribute('data-ticket-id'))!
    const label = (await kioskPage.locator('tabour-ticket-confirmation [data-ticket-label]').getAttribute('data-ticket-label'))!
    expect(label).toBe('A-001')

    const tv = await suite.contexts.page(LANDSCAPE)
    await tv.goto(`${url}/display/?pair=${display.pairingCode}`)
    await tv.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()

    const phone = await suite.contexts.page(PHONE, { locale: 'en-US' })
    await phone.goto(`${url}/t/${ticketId}?lang=en`)
    const step = status(phone).locator('[data-visit-step]')
    await status(phone).locator('[data-visit-step="1"][data-visit-of="3"]').waitFor()
    // the step it is in now, then the one after (walk s52: "next, Reception" read as if it came after)
    expect(await step.textContent()).toContain('Step 1 of 3: Reception, then Document review')

    const act = async (i: number, action: string) => {
      const res = await center.action(clerks[i]!, counters[i]!.id, action, action === 'finish' ? {} : undefined)
      expect(res.statusCode, `${action} at counter ${i + 1}: ${res.body}`).toBe(200)
      return res.json().ticket
    }

    // each step: called at its counter (the display and the page say which), then finished
    const names = ['Reception', 'Document review', 'Cashier']
    for (let i = 0; i < 3; i++) {
      expect((await act(i, 'call-next')).id).toBe(ticketId)
      await nowShown(tv, label, i + 1).waitFor()
      await status(phone)
        .locator(`[data-status="called"] [data-counter="${i + 1}"]`)
        .waitFor()
      expect(await step.textContent()).toContain(`Step ${i + 1} of 3: ${names[i]}${i < 2 ? `, then ${names[i + 1]}` : ''}`)
      if (i === 1) {
        expect(await seriousAxeViolations(phone, 'moderate'), 'status page, called at step 2').toEqual([])
        await phone.screenshot({ path: `${SHOTS}/status-step2-called-en.png`, fullPage: true })
        await tv.screenshot({ path: `${SHOTS}/display-step2-call.png` })
      }
      await act(i, 'start')
      const after = await act(i, 'finish')
      if (i < 2) {
        expect(after).toMatchObject({ id: ticketId, label, status: 'waiting', serviceId: [a.id, b.id, c.id][i + 1] })
        // waiting for the next step: the page says where to go
        await status(phone)
          .locator(`[data-status="waiting"] [data-visit-step="${i + 2}"]`)
          .waitFor()
        expect(await step.textContent()).toContain(`Step ${i + 2} of 3: ${names[i + 1]}${i === 0 ? ', then Cashier' : ''}`)
        if (i === 0) {
          expect(await seriousAxeViolations(phone, 'moderate'), 'status page, waiting for step 2').toEqual([])
          await phone.screenshot({ path: `${SHOTS}/status-step2-waiting-en.png`, fullPage: true })
        } else expect(await status(phone).locator('[data-visit-then]').count()).toBe(0)
      } else expect(after).toMatchObject({ id: ticketId, status: 'done' })
    }

    // the last finish (naming no outcome: the page says the visit ended), no more steps said, and what the visit did, in order (walk s46: only the last step's service)
    await status(phone).locator('[data-status="done"]').waitFor()
    expect(await status(phone).locator('[data-visit-step]').count()).toBe(0)
    expect(await status(phone).locator('[data-visit-done="3"]').textContent()).toContain(
      'Every step of your visit is done: Reception, Document review, Cashier.',
    )
    await phone.screenshot({ path: `${SHOTS}/status-done-en.png`, fullPage: true })
    await phone.goto(`${url}/t/${ticketId}?lang=ar`)
    await status(phone).locator('[data-visit-done="3"]').waitFor()
    expect(await status(phone).locator('[data-visit-done="3"]').textContent()).toContain(
      'انتهت خطوات زيارتك كلها: الاستقبال، مراجعة الأوراق، الخزينة.',
    )
    await phone.screenshot({ path: `${SHOTS}/status-done-ar.png`, fullPage: true })
    expect(await seriousAxeViolations(phone, 'moderate'), 'status page, done').toEqual([])
    expect(await seriousAxeViolations(tv), 'display').toEqual([])

    // in Arabic, the same visit's page while waiting would read the step in Arabic digits
    expect(
      center.app.tabour.db
        .prepare("SELECT type FROM events WHERE ticket_id = ? AND type IN ('ticket.next_step', 'ticket.finished') ORDER BY id")
        .all(ticketId),
    ).toEqual([{ type: 'ticket.next_step' }, { type: 'ticket.next_step' }, { type: 'ticket.finished' }])
  })
})
