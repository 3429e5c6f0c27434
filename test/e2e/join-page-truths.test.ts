import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ADMIN_PASSWORD, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { DEFAULT_CALENDAR } from '../../protocol/calendar.ts'
import { closingCalendar } from '../helpers/closing-calendar.ts'
import { seriousAxeViolations } from './axe.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * The phone join page says what is true when nobody can join (walk s40: it said "No service
 * takes joins from a phone now" also where the center never took any, which reads "try later"):
 * phone joins off for this center; every service outside its hours, with when the first opens
 * (in the words every screen says a reopening with);
 * open hours but no service taking a join now (each row says why). Arabic and English, at phone
 * size, axe clean. Screenshots in test-results/join-page-truths/.
 */
const SHOTS = join(ROOT, 'test-results', 'join-page-truths')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const LANGS = ['ar', 'en'] as const

/** The join page in `lang`, once it has read the services: the sentence it starts with. */
async function joinPage(url: string, lang: 'ar' | 'en', shot: string) {
  const page = await suite.contexts.page(PHONE)
  await page.goto(`${url}/join/${lang}/`)
  const state = page.locator('tabour-join-page [data-join-state]')
  await state.waitFor()
  expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr')
  expect(await seriousAxeViolations(page), shot).toEqual([])
  await suite.shot(page, shot)
  return { page, state: await state.getAttribute('data-join-state'), text: (await state.textContent())?.trim() }
}

describe('the phone join page when nobody can join', { timeout: 180_000 }, () => {
  it('the phone field’s focus ring clears its label «رقم الموبايل (اختياري)» (walk s54: the yellow ring covered it), ar and en', async () => {
    const remoteJoin = { services: [{ prefix: 'A', mode: 'check-in' as const, arriveMinutes: 15 }] }
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir, remoteJoin } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', counter.id)
    for (const lang of LANGS) {
      const page = await suite.contexts.page(PHONE)
      await page.goto(`${url}/join/${lang}/`)
      const field = page.locator('tabour-join-page #phone')
      await field.focus()
      const gap = await field.evaluate((input) => {
        const label = (input.getRootNode() as ShadowRoot).querySelector('label[for="phone"]')!
        const style = getComputedStyle(input)
        const ring = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset)
        return { ring, room: input.getBoundingClientRect().top - label.getBoundingClientRect().bottom, outline: style.outlineStyle }
      })
      expect(gap.outline, lang).not.toBe('none')
      expect(gap.room, `${lang}: room between the label and the field, for a ring of ${gap.ring}px`).toBeGreaterThanOrEqual(gap.ring)
      await suite.shot(page, `phone-focus-${lang}`)
    }
  })

  it('says phone joins are off for a center that lists no service for them, not "now"', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' })
    for (const lang of LANGS) {
      const { state, text } = await joinPage(url, lang, `off-${lang}`)
      expect(state).toBe('off')
      expect(text).toBe(
        lang === 'ar'
          ? 'هذا المركز لا يقبل الانضمام إلى الدور من الهاتف. يمكنك أخذ تذكرة من جهاز التذاكر في المركز.'
          : 'This center does not take joins from a phone. You can take a ticket at the center’s kiosk.',
      )
    }
  })

  it('says outside the hours when it opens next, and "not at this moment" when open but no service takes a join', async () => {
    // Sunday 6 December 2026, 18:00 in Cairo (UTC+2): the center is open 08:00–15:00 every day
    const clock = new TestClock(Date.parse('2026-12-06T16:00:00Z'))
    const remoteJoin = { services: [{ prefix: 'A', mode: 'check-in' as const, arriveMinutes: 15 }] }
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir, remoteJoin } }, suite.cleanups)
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' })
    await center.createCounter({ number: 1, serviceIds: [a.id] })
    const h = [{ open: '08:00', close: '15:00' }]
    const weekly = { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: { ...DEFAULT_CALENDAR, weekly } })).statusCode).toBe(200)
    for (const lang of LANGS) {
      const { page, state, text } = await joinPage(url, lang, `outside-hours-${lang}`)
      expect(state).toBe('outside-hours')
      // Monday 08:00 is tomorrow: said as the kiosk, the TV and a refused join say it (opensText),
      // where the sentence and the row said "Monday" and a refusal "tomorrow" (walk of 2026-12-05)
      expect(text).toBe(
        lang === 'ar'
          ? 'الانضمام من الهاتف في مواعيد العمل فقط، ولا توجد خدمة مفتوحة الآن. يفتح غدًا الساعة 8:00\u00a0ص.'
          : 'Joining from a phone works only during opening hours, and no service is open now. Opens tomorrow at 8:00\u00a0AM.',
      )
      expect(await page.locator(`tabour-join-page [data-service="${a.id}"] .off`).textContent()).toBe(
        lang === 'ar' ? 'مغلق الآن\u00a0— يفتح غدًا الساعة 8:00\u00a0ص' : 'Closed now\u00a0— Opens tomorrow at 8:00\u00a0AM',
      )
      expect(await page.locator('tabour-join-page [data-join]').isDisabled()).toBe(true)
    }
    // Monday 10:00: open, but the service is stopped; the row says so, the sentence says "at this moment"
    clock.set('2026-12-07T08:00:00Z')
    // (a fresh sign-in: the evening's session has expired overnight)
    const morning = await center.login('admin', ADMIN_PASSWORD)
    expect((await center.request('PATCH', `/api/v1/services/${a.id}`, { token: morning, body: { active: false } })).statusCode).toBe(200)
    for (const lang of LANGS) {
      const { page, state, text } = await joinPage(url, lang, `none-now-${lang}`)
      expect(state).toBe('none-now')
      expect(text).toBe(
        lang === 'ar'
          ? 'لا توجد خدمة تقبل الانضمام من الهاتف في هذه اللحظة؛ السبب مكتوب تحت كل خدمة.'
          : 'No service takes a join from a phone at this moment; the reason is under each service.',
      )
      expect(await page.locator(`tabour-join-page [data-service="${a.id}"] .off`).textContent()).toBe(
        lang === 'ar' ? 'الخدمة متوقفة الآن' : 'This service is not available now',
      )
    }
  })

  it('a join refused in the minute after the last ticket says why and when it opens, from the refusal, not "closed now"', async () => {
    // Sunday 6 December 2026, 14:49 in Cairo: open 08:00–15:00, A's last ticket at 14:50 (test/helpers/closing-calendar.ts)
    const clock = new TestClock(Date.parse('2026-12-06T14:49:00+02:00'))
    const remoteJoin = {
      services: [
        { prefix: 'A', mode: 'check-in' as const, arriveMinutes: 15 },
        { prefix: 'B', mode: 'check-in' as const, arriveMinutes: 15 },
      ],
    }
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir, remoteJoin } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' })
    const b = await center.createService({ prefix: 'B' })
    await center.openCounterAs('clerk1', (await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })).id)
    const put = await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: closingCalendar(a.id, b.id) })
    expect(put.statusCode, put.body).toBe(200)
    for (const lang of LANGS) {
      // the English page the next day, again a minute before the last ticket
      if (lang === 'en') clock.set(new Date(Date.parse('2026-12-07T14:49:00+02:00')).toISOString())
      const page = await suite.contexts.page(PHONE)
      await page.goto(`${url}/join/${lang}/`)
      await page.locator(`tabour-join-page [data-service="${a.id}"] input`).check()
      // 14:51: the page still lists A as open; the server refuses
      clock.set(new Date(clock.now + 2 * 60_000).toISOString())
      await page.locator('tabour-join-page [data-join]').click()
      const refusal = page.locator('tabour-join-page [data-refusal]')
      await refusal.waitFor()
      expect(await refusal.getAttribute('data-refusal'), lang).toBe('last-ticket')
      // the kiosk's words (ui-common/opening-words.ts closedWords), where it said the service was closed and joins work only in opening hours
      expect((await refusal.textContent())?.replace(/\s+/g, ' ').trim(), lang).toBe(
        lang === 'ar'
          ? 'جوازات السفر: انتهى إصدار التذاكر الساعة 2:50 م — يفتح غدًا الساعة 8:00 ص'
          : 'Passports: Tickets stopped at 2:50 PM — Opens tomorrow at 8:00 AM',
      )
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await suite.shot(page, `refused-last-ticket-${lang}`)
    }
  })

  it('the poster numbers its Arabic steps in the center digits, lists each service whole, and wraps its two languages whole on a phone', async () => {
    const services = [
      { prefix: 'A', nameAr: 'رخص البناء', nameEn: 'Building permits' },
      { prefix: 'B', nameAr: 'طلبات التصالح في مخالفات البناء', nameEn: 'Reconciliation requests for building violations' },
      { prefix: 'C', nameAr: 'شهادات الصلاحية', nameEn: 'Fitness certificates' },
    ]
    const { center, url } = await listeningCenter(
      {
        config: {
          uiDir: suite.uiDir,
          screens: { digits: 'arabic-indic' },
          remoteJoin: { services: services.map((s) => ({ prefix: s.prefix, mode: 'check-in' as const, arriveMinutes: 10 })) },
        },
      },
      suite.cleanups,
    )
    for (const s of services) await center.createService(s)
    for (const [name, size] of [
      ['phone', PHONE],
      ['a4', { width: 794, height: 1123 }],
    ] as const) {
      const page = await suite.contexts.page(size)
      await page.goto(`${url}/join/poster/`)
      const poster = page.locator('tabour-join-poster')
      await poster.locator('[data-service]').first().waitFor()
      expect(await poster.locator('ol[data-steps="ar"]').evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('arabic-indic')
      // each service its own item, its two names each isolated: no name runs into the next one's
      expect(await poster.locator('[data-service]').allTextContents()).toEqual(services.map((s) => `${s.nameAr}${s.nameEn}`))
      // no "·" left to dangle at a line's end; each language of the button whole on its line
      expect(await poster.evaluate((host) => host.shadowRoot!.textContent)).not.toContain('·')
      for (const part of await poster.locator('[data-print] > *').all()) {
        expect(await part.evaluate((el) => el.getClientRects().length), name).toBe(1)
      }
      expect(await seriousAxeViolations(page), name).toEqual([])
      await suite.shot(page, `poster-${name}`)
    }
  })

  it('a number at its joins limit is told the kiosk still sells the service, while it does (walk s55), ar and en', async () => {
    const remoteJoin = { services: [{ prefix: 'A', mode: 'check-in' as const, arriveMinutes: 15 }], perPhonePerDay: 1 }
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir, remoteJoin } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.openCounterAs('clerk1', counter.id)
    const first = await center.app.inject({
      method: 'POST',
      url: '/api/v1/remote/join',
      payload: { serviceId: a.id, phone: '01012345678' },
      remoteAddress: '198.51.100.8',
    })
    expect(first.statusCode, first.body).toBe(201)
    // what a kiosk would do now: sell the service (open, a counter serving it)
    const kiosk = (await center.createDevice('kiosk')).token
    expect((await center.issue(kiosk, { serviceId: a.id })).label).toBe('A-002')
    for (const lang of LANGS) {
      const page = await suite.contexts.page(PHONE)
      await page.goto(`${url}/join/${lang}/`)
      const join = page.locator('tabour-join-page')
      await join.locator('[data-join]:not([disabled])').waitFor()
      await join.locator('#phone').fill('01012345678')
      await join.locator('[data-join]').click()
      const refusal = join.locator('[role="alert"]')
      await refusal.waitFor()
      expect((await refusal.textContent())?.trim(), lang).toBe(
        lang === 'ar'
          ? 'بلغ هذا الرقم الحد المسموح به من مرات الانضمام اليوم. ما زال بإمكانك أخذ تذكرة من جهاز التذاكر في المركز.'
          : "This mobile number has joined as many times as allowed today. You can still take a ticket at the center's kiosk.",
      )
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await suite.shot(page, `phone-limit-${lang}`)
    }
    expect(center.app.tabour.db.prepare('SELECT count(*) FROM remote_joins').pluck().get()).toBe(1)
  })
})
