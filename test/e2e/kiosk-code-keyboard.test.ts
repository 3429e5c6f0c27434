import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Page } from 'playwright-core'
import { daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { localDay } from '../../protocol/center-clock.ts'
import { PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { BookingCodes } from '../../server/queue/booking-code.ts'
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '../../protocol/booking-code-form.ts'
import { kioskText } from '../../protocol/messages/kiosk.ts'

/**
 * The kiosk has no keyboard (walk finding 9): "I have a booking" offers an on-screen keyboard of
 * the code's characters. At 1080×1920, in Arabic then English, a booking is checked in by tapping
 * its code alone: the field shows it grouped and left to right, "clear" and "delete last" work,
 * a full code takes no more keys. Screenshots go to test-results/kiosk-code-keyboard/.
 */
const SHOTS = join(ROOT, 'test-results', 'kiosk-code-keyboard')
const suite = useBrowserSuite(SHOTS)

const shot = suite.shot

/** The check-in prompt, written out: it must not promise a scanner the kiosk may not have (s34 item 3). */
const PROMPT = { ar: 'اكتب رمز الحجز بالأزرار أدناه', en: 'Type your booking code on the keys below' } as const

/** Taps each character of `text` on the on-screen keyboard. */
async function tap(page: Page, text: string): Promise<void> {
  for (const ch of text) await page.locator(`tabour-code-keyboard [data-key="${ch}"]`).click()
}

describe('the kiosk code keyboard', () => {
  it('checks in a booking by tapping its code, in Arabic and English', { timeout: 180_000 }, async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
    const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    await center.createCounter({ number: 3, serviceIds: [service.id] })
    const admin = await center.admin()
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 15, walkInShare: 0, serviceMinutes: 5 }
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: settings })
    const day = localDay(clock.now, 'Africa/Cairo')
    const daySlots = (await center.request('GET', `/api/v1/appointments/slots?serviceId=${service.id}&day=${day}`)).json()
    const slot = daySlots.slots[0]
    const book = async (name: string, phone: string) =>
      (
        await center.request('POST', '/api/v1/appointments/staff', {
          token: admin,
          body: { serviceId: service.id, slotStart: slot.start, name, phone },
        })
      ).json().code as string
    const codes = [await book('منى', '01012345678'), await book('Mona', '01087654321')]
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)

    const pairing = await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'kiosk', name: 'k' } })
    const kiosk = await suite.contexts.page(PORTRAIT)
    await kiosk.goto(`${url}/kiosk/?pair=${pairing.json().pairingCode}`)
    const checkIn = kiosk.locator('tabour-booking-check-in')
    const field = checkIn.locator('[data-field="booking-code"]')
    const label = kiosk.locator('tabour-ticket-confirmation [data-ticket-label]')

    for (const [i, lang] of (['ar', 'en'] as const).entries()) {
      if (lang === 'en') {
        await kiosk.locator('tabour-ticket-confirmation [data-action="done"]').click()
        await kiosk.locator('tabour-lang-switch button').click()
        await kiosk.waitForFunction(() => document.documentElement.lang === 'en')
      }
      const code = codes[i]!
      const plain = code.replace(/-/g, '')
      await checkIn.locator('[data-action="have-booking"]').click()
      // a wrong start is cleared; a wrong last key is deleted; a full code takes no more
      await tap(kiosk, plain.slice(0, 3))
      expect(await field.inputValue()).toBe(plain.slice(0, 3))
      await kiosk.locator('tabour-code-keyboard [data-key="clear"]').click()
      expect(await field.inputValue()).toBe('')
      await tap(kiosk, plain)
      await tap(kiosk, 'Z')
      expect(await field.inputValue()).toBe(code)
      await kiosk.locator('tabour-code-keyboard [data-key="delete"]').click()
      expect(await field.inputValue()).toBe(code.slice(0, -1))
      await tap(kiosk, plain.slice(-1))
      expect(await field.inputValue()).toBe(code)
      // grouped as printed, left to right on the Arabic screen too; the field keeps the focus for a scanner
      expect(await field.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr')
      expect(await field.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true)
      const keys = kiosk.locator('tabour-code-keyboard [data-key]')
      expect(await keys.count()).toBe(34)
      const first = (await keys.nth(0).boundingBox())!
      const second = (await keys.nth(1).boundingBox())!
      expect(first.height).toBeGreaterThanOrEqual(72)
      expect(first.width).toBeGreaterThanOrEqual(72)
      expect(second.x).toBeGreaterThan(first.x) // 0 then 1, left to right, whatever the screen's direction
      // what it asks is what this kiosk surely has: its keys, below the words (a scanner may be absent)
      const prompt = checkIn.locator('label[for="code"]')
      expect((await prompt.textContent())?.trim()).toBe(PROMPT[lang])
      const asked = (await prompt.boundingBox())!
      expect(first.y).toBeGreaterThan(asked.y + asked.height)
      expect(await seriousAxeViolations(kiosk)).toEqual([])
      await shot(kiosk, `code-keyboard-${lang}`)

      await checkIn.locator('[data-action="check-in"]').click()
      await label.waitFor()
      expect(await label.textContent()).toContain(`P-00${i + 1}`)
    }

    // a scanner (or a keyboard) types into the field after a key was tapped: grouped once whole
    await kiosk.locator('tabour-ticket-confirmation [data-action="done"]').click()
    await checkIn.locator('[data-action="have-booking"]').click()
    await tap(kiosk, codes[0]!.slice(0, 2))
    await kiosk.keyboard.type(codes[0]!.slice(2).toLowerCase().replace(/-/g, ''), { delay: 5 })
    expect(await field.inputValue()).toBe(codes[0])
    // a link is not a code: kept as typed, for the server to find the code in it
    await kiosk.locator('tabour-code-keyboard [data-key="clear"]').click()
    await kiosk.keyboard.type(`${url}/b/${codes[0]}`, { delay: 2 })
    expect(await field.inputValue()).toBe(`${url}/b/${codes[0]}`)
  })
  it('a place joined from a phone and checked in here: the kiosk says its page is the ticket, not that it prints nothing', {
    timeout: 180_000,
  }, async () => {
    const clock = new TestClock(Date.now() + daytimeShiftMs())
    const remoteJoin = { services: [{ prefix: 'P', mode: 'check-in' as const, arriveMinutes: 15 }] }
    const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir, remoteJoin } }, suite.cleanups)
    const service = await center.createService({ prefix: 'P', nameAr: 'الجوازات', nameEn: 'Passports' })
    await center.createCounter({ number: 3, serviceIds: [service.id] })
    const joined = await center.request('POST', '/api/v1/remote/join', { body: { serviceId: service.id } })
    expect(joined.statusCode, joined.body).toBe(201)
    const pairing = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'k' } })
    const kiosk = await suite.contexts.page(PORTRAIT)
    await kiosk.goto(`${url}/kiosk/?pair=${pairing.json().pairingCode}`)
    const checkIn = kiosk.locator('tabour-booking-check-in')
    await checkIn.locator('[data-action="have-booking"]').click()
    // the page's code holds its link: a scanner types it
    await kiosk.keyboard.type(joined.json().statusUrl, { delay: 2 })
    await checkIn.locator('[data-action="check-in"]').click()
    const paper = kiosk.locator('tabour-ticket-confirmation [data-printing]')
    await paper.waitFor()
    expect(await kiosk.locator('tabour-ticket-confirmation [data-ticket-label]').textContent()).toContain(joined.json().label)
    // this kiosk may well print (the walk's had a printer): nothing is printed for a place whose page is its ticket
    expect(await paper.getAttribute('data-printing')).toBe('phone')
    // in both languages, the screen's first (walk s52: the English screen had no Arabic line)
    expect((await paper.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      `${kioskText('kiosk.ticketOnPhone', 'ar')}${kioskText('kiosk.ticketOnPhone', 'en')}`,
    )
    const screen = await kiosk.locator('tabour-ticket-confirmation').evaluate((el) => el.shadowRoot?.textContent ?? '')
    expect(screen).not.toContain(kioskText('kiosk.noPrinter', 'ar'))
    expect(await seriousAxeViolations(kiosk)).toEqual([])
  })
  it('has a key for every character the server puts in a code (one alphabet in protocol/booking-code-form.ts)', () => {
    const codes = new BookingCodes(randomBytes(32))
    expect(new Set(BOOKING_CODE_ALPHABET).size).toBe(32)
    for (let i = 0; i < 500; i++) {
      const plain = codes.issue().replace(/-/g, '')
      expect(plain).toHaveLength(BOOKING_CODE_LENGTH)
      for (const ch of plain) expect(BOOKING_CODE_ALPHABET).toContain(ch)
    }
  })
})
