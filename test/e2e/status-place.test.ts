import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { seriousAxeViolations } from './axe.ts'

/**
 * What the status page says of a ticket's place and of the counter it waits for (walk of
 * 2026-12-05, findings 1 and 2; Chromium, phone size, English and Arabic): a later priority ticket
 * of another service the same counter serves moves the page from "nobody ahead of you now" to "1
 * person ahead" without a reload, and the page never promises "you are next"; a ticket sent to a
 * closed counter says it waits for that counter, not that no counter serves its service.
 * Screenshots go to test-results/status-place/ (TABOUR_SHOTS to change it).
 */
const SHOTS = process.env.TABOUR_SHOTS ?? join(ROOT, 'test-results', 'status-place')
const suite = useBrowserSuite(SHOTS)

const said = async (page: Page) =>
  ((await page.locator('tabour-ticket-status section[data-status]').textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** Services A and B both served by counter 1 (open), B also by counter 2 (closed); a kiosk. */
async function startCenter() {
  const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
  const a = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
  const b = await center.createService({ prefix: 'B', nameAr: 'السجل المدني', nameEn: 'Civil registry' })
  const one = await center.createCounter({ number: 1, name: 'Counter 1', serviceIds: [a.id, b.id] })
  const two = await center.createCounter({ number: 2, name: 'Counter 2', serviceIds: [b.id] })
  const clerk = await center.openCounterAs('clerk1', one.id)
  const kiosk = (await center.createDevice('kiosk')).token
  return { center, url, a, b, one, two, clerk, kiosk }
}

describe('the status page says where a ticket stands, truly', { timeout: 180_000 }, () => {
  it('follows a priority ticket issued ahead in another service, and says a closed target counter is what it waits for', async () => {
    const { center, url, a, b, one, two, clerk, kiosk } = await startCenter()
    const mine = await center.issue(kiosk, { serviceId: b.id })
    const pages = { en: await suite.contexts.page(PHONE), ar: await suite.contexts.page(PHONE) }
    await pages.en.goto(`${url}/t/${mine.id}?lang=en`)
    await pages.ar.goto(`${url}/t/${mine.id}`)
    for (const [lang, page] of Object.entries(pages)) {
      await page.locator('tabour-ticket-status [data-position="0"]').waitFor()
      const text = await said(page)
      expect(text, lang).toContain(lang === 'en' ? 'Nobody ahead of you now' : 'لا أحد أمامك الآن')
      expect(text, lang).not.toMatch(/You are next|أنت التالي/)
    }

    // a pregnant-priority ticket of A, issued later: counter 1 calls it first; the page is pushed
    await center.issue(kiosk, { serviceId: a.id, priority: 'pregnant' })
    for (const [lang, page] of Object.entries(pages)) {
      await page.locator('tabour-ticket-status [data-position="1"]').waitFor({ timeout: 15_000 })
      expect(await said(page), lang).toContain(lang === 'en' ? '1 person ahead of you' : 'أمامك شخص واحد')
    }
    await pages.en.screenshot({ path: join(SHOTS, 'status-en-priority-ahead.png'), fullPage: true })
    expect((await center.action(clerk, one.id, 'call-next')).json().ticket.serviceId).toBe(a.id)
    await center.action(clerk, one.id, 'start')
    await center.action(clerk, one.id, 'finish')

    // called, then sent to counter 2, which is closed, while counter 1 (which serves B) stays open
    expect((await center.action(clerk, one.id, 'call-next')).json().ticket.id).toBe(mine.id)
    const sent = await center.action(clerk, one.id, 'transfer', { counterId: two.id })
    expect(sent.statusCode, sent.body).toBe(200)
    for (const [lang, page] of Object.entries(pages)) {
      await page.locator('tabour-ticket-status [data-waits-for="2"]').waitFor({ timeout: 15_000 })
      const text = await said(page)
      expect(text, lang).toContain(
        lang === 'en'
          ? 'Your ticket was sent to counter 2, which is not open now. You will be called when it opens, or when staff move your ticket.'
          : 'تذكرتك محوّلة إلى الشباك 2، وهو غير مفتوح الآن.',
      )
      expect(text, lang).not.toMatch(/No counter serving this service is open|لا يوجد الآن شباك مفتوح/)
      expect(await seriousAxeViolations(page), lang).toEqual([])
    }
    await pages.en.screenshot({ path: join(SHOTS, 'status-en-waits-for-closed-counter.png'), fullPage: true })
  })
})
