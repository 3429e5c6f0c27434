import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { appointmentText } from '../../protocol/messages/appointments.ts'
import { joinText } from '../../protocol/messages/join.ts'
import { kioskText } from '../../protocol/messages/kiosk.ts'
import { PHONE_EXAMPLE } from '../../protocol/phone-number.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import { PHONE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * Screens never promise a message the center cannot send: with no provider (messages.provider
 * 'none') the kiosk's phone step has no consent box, the phone join page and the booking page
 * word the number without texts; with a provider the consent box is there. Then the kiosk's
 * ticket for a service with the most documents (10 × 100 characters) fits a 1080×1920 kiosk.
 * Screenshots go to test-results/messages-off/.
 */
const SHOTS = join(ROOT, 'test-results', 'messages-off')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

/** A promise of a text or a WhatsApp message, in either language. */
const PROMISE = /أوافق على تلقي رسائل|للتواصل معك|To contact you|لنرسل|يصلك تأكيد|I agree to receive|text you|texted|WhatsApp|واتساب/

const shot = suite.shot

async function start(provider: 'none' | 'http', documents: { ar: string; en: string }[] = []) {
  const { center, url } = await listeningCenter(
    {
      clock: new TestClock(Date.now() + daytimeShiftMs()),
      config: {
        uiDir: suite.uiDir,
        // a dead provider is enough: the screens follow the configuration, not a delivery
        messages: { provider, http: { url: 'http://127.0.0.1:9/send' } },
        remoteJoin: { services: [{ prefix: 'A', mode: 'call-ahead', arriveMinutes: 5 }] },
      },
    },
    cleanups,
  )
  const admin = await center.admin()
  const service = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
  let documented: number | null = null
  if (documents.length > 0) {
    const res = await center.request('POST', '/api/v1/services', {
      token: admin,
      body: {
        prefix: 'D',
        nameAr: 'قسيمة زواج',
        nameEn: 'Marriage certificate',
        targetWaitSeconds: 600,
        whenUnstaffed: 'offer-without-estimate',
        documents,
        confirmDocuments: false,
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    documented = res.json().id
  }
  await center.createCounter({ number: 1, serviceIds: [service.id, ...(documented ? [documented] : [])] })
  const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, serviceMinutes: 5 }
  expect((await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: settings })).statusCode).toBe(
    200,
  )
  const device = await center.request('POST', '/api/v1/devices', {
    token: admin,
    body: { kind: 'kiosk', name: 'kiosk', config: { askPhone: true } },
  })
  return { center, url, serviceId: service.id as number, documented, pairing: device.json().pairingCode as string }
}

const switchLang = async (page: Page, to: Lang) => {
  await page.locator('tabour-lang-switch button').first().click()
  await page.locator(`html[lang="${to}"]`).waitFor()
}

describe('messages off: no screen promises a text', () => {
  it('kiosk phone step, join page and booking page in Arabic and English', { timeout: 180_000 }, async () => {
    const { url, serviceId, pairing } = await start('none')

    const kiosk = await contexts.page(PORTRAIT)
    await kiosk.goto(`${url}/kiosk/?pair=${pairing}`)
    for (const lang of ['ar', 'en'] as const) {
      if (lang === 'en') await switchLang(kiosk, 'en')
      await kiosk.locator(`tabour-service-grid button[data-service-id="${serviceId}"]`).click()
      const step = kiosk.locator('tabour-ticket-options [data-step="phone"]')
      await step.waitFor()
      expect(await kiosk.locator('tabour-message-consent').count()).toBe(0)
      expect(await step.locator('[data-hint]').textContent()).toBe(kioskText('kiosk.phone.hintNoMessages', lang))
      expect(await step.textContent()).not.toMatch(PROMISE)
      await shot(kiosk, `kiosk-phone-off-${lang}`)
      expect(await seriousAxeViolations(kiosk), lang).toEqual([])
      await kiosk.locator('tabour-ticket-options [data-action="back"]').click()
      await kiosk.locator('tabour-service-grid button[data-service-id]').first().waitFor()
    }

    const phone = await contexts.page(PHONE)
    for (const lang of ['ar', 'en'] as const) {
      await phone.goto(`${url}/join/${lang}/`)
      const hint = phone.locator('tabour-join-page #phone-hint')
      await hint.waitFor()
      expect((await hint.textContent())?.trim()).toBe(joinText('join.phoneHintNoMessages', lang))
      expect(await phone.locator('tabour-join-page form').textContent()).not.toMatch(PROMISE)
      await shot(phone, `join-off-${lang}`)
      expect(await seriousAxeViolations(phone), lang).toEqual([])
    }

    await phone.goto(`${url}/b/`)
    const booking = phone.locator('tabour-booking-page')
    for (const lang of ['ar', 'en'] as const) {
      if (lang === 'en') await switchLang(phone, 'en')
      await booking.locator('button.slot').first().click()
      const hint = booking.locator('[data-hint="phone"]')
      expect((await hint.textContent())?.trim()).toBe(appointmentText('book.phoneHintNoMessages', lang, { example: PHONE_EXAMPLE }))
      expect(await booking.locator('form').textContent()).not.toMatch(PROMISE)
      await shot(phone, `booking-off-${lang}`)
      expect(await seriousAxeViolations(phone), lang).toEqual([])
    }
  })
})

describe('messages on: the kiosk asks for consent', () => {
  it('the consent box and the promises are there with a provider', { timeout: 180_000 }, async () => {
    const { url, serviceId, pairing } = await start('http')
    const kiosk = await contexts.page(PORTRAIT)
    await kiosk.goto(`${url}/kiosk/?pair=${pairing}`)
    await kiosk.locator(`tabour-service-grid button[data-service-id="${serviceId}"]`).click()
    await kiosk.locator('tabour-ticket-options [data-step="phone"]').waitFor()
    expect(await kiosk.locator('tabour-message-consent [role="checkbox"]').textContent()).toContain('أوافق على تلقي رسائل عن دوري')
    expect(await kiosk.locator('tabour-ticket-options [data-hint]').textContent()).toBe(kioskText('kiosk.phone.hint', 'ar'))
    await shot(kiosk, 'kiosk-phone-on-ar')
    expect(await seriousAxeViolations(kiosk)).toEqual([])

    const phone = await contexts.page(PHONE)
    await phone.goto(`${url}/join/en/`)
    const hint = phone.locator('tabour-join-page #phone-hint')
    await hint.waitFor()
    expect((await hint.textContent())?.trim()).toBe(joinText('join.phoneHint', 'en'))
    await phone.goto(`${url}/b/`)
    await phone.locator('tabour-booking-page button.slot').first().click()
    expect((await phone.locator('tabour-booking-page [data-hint="phone"]').textContent())?.trim()).toBe(
      appointmentText('book.phoneHint', 'ar', { example: PHONE_EXAMPLE }),
    )
  })
})

/** The most a service may list (protocol/service-menu.ts): 10 documents of 100 characters in each language. */
const LONGEST_DOCUMENTS = Array.from({ length: 10 }, (_, i) => ({
  ar: `صورة ${i + 1} من بطاقة الرقم القومي سارية للمتقدم ولولي الأمر مع أصل شهادة الميلاد المميكنة الحديثة`.padEnd(100, '.').slice(0, 100),
  en: `Copy ${i + 1} of the applicant's valid national ID card and the guardian's, with the original birth cert`
    .padEnd(100, '.')
    .slice(0, 100),
}))

describe('the kiosk ticket with the most documents fits the screen', () => {
  it('10 documents of 100 characters: no scrolling, Done and the paper notice on screen, in Arabic and English', {
    timeout: 180_000,
  }, async () => {
    const { url, documented, pairing } = await start('none', LONGEST_DOCUMENTS)
    const kiosk = await contexts.page(PORTRAIT)
    await kiosk.goto(`${url}/kiosk/?pair=${pairing}`)
    for (const lang of ['ar', 'en'] as const) {
      if (lang === 'en') await switchLang(kiosk, 'en')
      await kiosk.locator(`tabour-service-grid button[data-service-id="${documented}"]`).click()
      await kiosk.locator('tabour-ticket-options [data-action="skip"]').click()
      const ticket = kiosk.locator('tabour-ticket-confirmation')
      await ticket.locator('[data-ticket-label]').waitFor()
      expect(await ticket.locator('li[data-document]').count()).toBe(10)
      await kiosk.evaluate(() => document.fonts.ready)
      await shot(kiosk, `kiosk-ticket-10-documents-${lang}`)
      const scrollHeight = await kiosk.evaluate(() => document.scrollingElement!.scrollHeight)
      expect(scrollHeight, lang).toBeLessThanOrEqual(PORTRAIT.height)
      for (const what of ['[data-action="done"]', '[data-printing]', 'tabour-qr-code']) {
        const box = (await ticket.locator(what).boundingBox())!
        expect(box.y + box.height, `${what} (${lang})`).toBeLessThanOrEqual(PORTRAIT.height)
      }
      const done = (await ticket.locator('[data-action="done"]').boundingBox())!
      expect(Math.min(done.width, done.height)).toBeGreaterThanOrEqual(44)
      // each number is drawn inside its item, just before the text (not out in the list's padding)
      const insets = await ticket.locator('li[data-document]').evaluateAll((items) =>
        items.map((li) => {
          const number = getComputedStyle(li, '::before').content
          const box = li.getBoundingClientRect()
          const text = li.querySelector('.text')!.getBoundingClientRect()
          const rtl = getComputedStyle(li).direction === 'rtl'
          return { number, inset: rtl ? box.right - text.right : text.left - box.left }
        }),
      )
      insets.forEach(({ number, inset }) => {
        expect(number, lang).toContain('counter(doc)')
        expect(inset, lang).toBeGreaterThan(10)
        expect(inset, lang).toBeLessThanOrEqual(48)
      })
      expect(await seriousAxeViolations(kiosk), lang).toEqual([])
      await ticket.locator('[data-action="done"]').click()
      await kiosk.locator('tabour-service-grid button[data-service-id]').first().waitFor()
    }
  })
})
