import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { DEFAULT_CALENDAR, type WeeklyHours } from '../../protocol/calendar.ts'
import { LANDSCAPE, PHONE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { join } from 'node:path'
import { seriousAxeViolations } from './axe.ts'

/**
 * What the citizen and the hall are told at the end of a visit and at closing (walk 2026-12-05),
 * in Chromium, Arabic (RTL) and English, axe clean:
 *  - the status page (390×844) of a ticket finished as "incomplete papers" says the visit ended
 *    with that outcome, not "You have been served", and still asks for a rating; a finish as
 *    `served` still says served (a finish naming none says only that the visit ended: s51, the
 *    server test test/server/polish/no-outcome-finish.test.ts);
 *  - after closing with the default `serve-until-empty`, while tickets wait, the board (1920×1080)
 *    says the center takes no new tickets but serves those taken, not "Closed — opens tomorrow",
 *    and a waiting ticket's status page says it will still be served.
 * Screenshots go to test-results/outcome-truths/ (TABOUR_SHOTS to change it).
 */
const SHOTS = process.env.TABOUR_SHOTS ?? join(ROOT, 'test-results', 'outcome-truths')
const suite = useBrowserSuite(SHOTS)

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()

const everyDay = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
}

/** A center at 14:50 Cairo time (it closes at 15:00, the default serve-until-empty), service A at counter 1 open, a kiosk. */
async function startCenter(clock: TestClock) {
  const { center, url } = await listeningCenter(
    { clock, config: { uiDir: suite.uiDir, centerName: { ar: 'مركز خدمات الدقي', en: 'Dokki Service Center' } } },
    suite.cleanups,
  )
  const admin = await center.admin()
  const put = await center.request('PUT', '/api/v1/calendar', {
    token: admin,
    body: { ...DEFAULT_CALENDAR, weekly: everyDay('08:00', '15:00') },
  })
  expect(put.statusCode, put.body).toBe(200)
  const a = await center.createService({ prefix: 'A', nameAr: 'البطاقات', nameEn: 'ID cards' })
  const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const kiosk = (await center.createDevice('kiosk')).token
  const act = async (action: string, body?: unknown) => {
    const res = await center.action(clerk, counter.id, action, body)
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200)
  }
  return { center, url, admin, a, kiosk, act }
}

const statusUrl = (url: string, id: string, lang: 'ar' | 'en') => `${url}/t/${id}${lang === 'en' ? '?lang=en' : ''}`

describe('the end of a visit and the closing, as they are', { timeout: 180_000 }, () => {
  it('a visit finished as incomplete papers says so, not "served", and still asks for a rating', async () => {
    const clock = new TestClock(Date.parse('2026-12-06T10:00:00+02:00'))
    const { center, url, a, kiosk, act } = await startCenter(clock)
    const incomplete = await center.issue(kiosk, { serviceId: a.id })
    const served = await center.issue(kiosk, { serviceId: a.id })
    for (const outcome of ['incomplete_papers', 'served']) {
      await act('call-next')
      await act('start')
      await act('finish', { outcome, ...(outcome === 'served' ? {} : { note: 'no birth certificate' }) })
    }
    const said = {
      ar: 'انتهت زيارتك: أوراق غير مكتملة. شكرًا لحضورك.',
      en: 'Your visit has ended: Incomplete papers. Thank you for coming.',
    }
    const page = await suite.contexts.page(PHONE)
    for (const lang of ['ar', 'en'] as const) {
      await page.goto(statusUrl(url, incomplete.id, lang))
      await page.locator('tabour-ticket-status [data-outcome="incomplete_papers"]').waitFor()
      expect(await page.locator('html').getAttribute('dir'), lang).toBe(lang === 'ar' ? 'rtl' : 'ltr')
      expect(await text(page, 'tabour-ticket-status [data-outcome]'), lang).toBe(said[lang])
      const card = await text(page, 'tabour-ticket-status section[data-status]')
      expect(card, lang).not.toMatch(/You have been served|تمت خدمتك|birth certificate/)
      // the rating is still asked: how a visit went matters most when it did not end as hoped
      await page.locator('tabour-status-rating [data-rating="open"]').waitFor()
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await suite.shot(page, `status-incomplete-papers-${lang}`)

      await page.goto(statusUrl(url, served.id, lang))
      await page.locator('tabour-ticket-status [data-outcome=""]').waitFor()
      expect(await text(page, 'tabour-ticket-status [data-outcome]'), lang).toBe(
        lang === 'ar' ? 'تمت خدمتك. شكرًا لزيارتك.' : 'You have been served. Thank you for your visit.',
      )
    }
  })

  it('after closing, while tickets wait, the board and the waiting ticket say they will still be served', async () => {
    const clock = new TestClock(Date.parse('2026-12-06T14:50:00+02:00'))
    const { center, url, admin, a, kiosk, act } = await startCenter(clock)
    const first = await center.issue(kiosk, { serviceId: a.id })
    const second = await center.issue(kiosk, { serviceId: a.id })
    clock.set(new Date(Date.parse('2026-12-06T15:05:00+02:00')).toISOString()) // closed, both still wait

    const display = await suite.contexts.page(LANDSCAPE)
    const pairing = (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'display', name: 'hall' } })).json()
      .pairingCode
    await display.goto(`${url}/display/?pair=${pairing}`)
    const band = display.locator('tabour-hours-banner [data-hours="closed-serving"]')
    await band.waitFor()
    expect(await band.locator('[lang="ar"]').textContent()).toBe('لا تُصدر تذاكر جديدة\u00a0— ستُخدم التذاكر المأخوذة قبل الإغلاق')
    expect(await band.locator('[lang="en"]').textContent()).toBe('Closed to new tickets\u00a0— tickets already taken will be served')
    expect(await text(display, 'tabour-hours-banner')).not.toMatch(/Opens|يفتح/)
    expect(await seriousAxeViolations(display), 'display').toEqual([])
    await suite.shot(display, 'display-closed-serving')

    const said = {
      ar: 'لا تُصدر تذاكر جديدة لهذه الخدمة الآن، لكن تذكرتك ستُخدم. ابقَ قريبًا.',
      en: 'No new tickets are issued for this service now, but your ticket will still be served. Please stay nearby.',
    }
    const page = await suite.contexts.page(PHONE)
    for (const lang of ['ar', 'en'] as const) {
      await page.goto(statusUrl(url, second.id, lang))
      await page.locator('tabour-ticket-status [data-closing="served-after-close"]').waitFor()
      expect(await text(page, 'tabour-ticket-status [data-closing]'), lang).toBe(said[lang])
      // good news, not the alarm's red: nobody should leave
      expect(await page.locator('tabour-ticket-status [data-closing]').getAttribute('class'), lang).toBe('reassure')
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await suite.shot(page, `status-served-after-close-${lang}`)
    }

    // the line served out: the live board is plainly closed again, with the next opening (the band
    // asks again when the last call's push changes the line's length: no reload, no minute's wait)
    for (const action of ['call-next', 'start', 'finish', 'call-next', 'start', 'finish']) await act(action)
    expect((await center.request('GET', `/api/v1/tickets/${first.id}`)).json().status).toBe('done')
    await display.locator('tabour-hours-banner [data-hours="closed"]').waitFor({ timeout: 15_000 })
    expect(await text(display, 'tabour-hours-banner [lang="en"]')).toBe('Closed — Opens tomorrow at 8:00 AM')
    await suite.shot(display, 'display-closed-after-line')
  })
})
