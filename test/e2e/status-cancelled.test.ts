import { join } from 'node:path'
import { expect, it } from 'vitest'
import { listeningCenter } from '../helpers/listening-center.ts'
import { TestClock } from '../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type WeeklyHours } from '../../protocol/calendar.ts'
import { PHONE, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * A ticket the center's closing cancelled (calendar `atClosing: 'cancel-after'`): its status
 * page, in Chromium at phone size, says the closing did it, in Arabic (RTL) and English; a
 * holder's own cancel keeps the neutral sentence. Screenshots go to test-results/status-cancelled/.
 */
const SHOTS = join(ROOT, 'test-results', 'status-cancelled')
const suite = useBrowserSuite(SHOTS)

const everyDay = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
}

it('says a ticket was cancelled because the center closed, and a holder-cancelled one neutrally', async () => {
  const clock = new TestClock(Date.parse('2026-12-06T12:00:00Z')) // 14:00 in Cairo
  const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
  const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' })
  const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
  await center.openCounterAs('clerk1', counter.id)
  const calendar = { ...DEFAULT_CALENDAR, weekly: everyDay('08:00', '15:00'), atClosing: 'cancel-after', cancelAfterMinutes: 30 }
  expect((await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: calendar })).statusCode).toBe(200)
  const kiosk = (await center.createDevice('kiosk')).token
  const closed = await center.issue(kiosk, { serviceId: a.id })
  const mine = await center.issue(kiosk, { serviceId: a.id })
  expect((await center.request('POST', `/api/v1/tickets/${mine.id}/cancel-mine`)).statusCode).toBe(200)
  const page = await suite.contexts.page(PHONE)
  const final = page.locator('tabour-ticket-status p.final')
  const onward = page.locator('tabour-ticket-status [data-onward="kiosk"]')
  // the page asks whether the center takes joins from a phone once it knows the ticket is cancelled: what it
  // shows below is read after that answer, not before it
  const mineAnswered = async () => {
    const asked = page.waitForResponse((r) => r.url().includes('/remote/services'))
    await page.goto(`${url}/t/${mine.id}?lang=en`)
    await asked
    await final.waitFor()
  }
  await mineAnswered()
  expect((await final.textContent())?.trim()).toBe('This ticket was cancelled.')
  // not a dead end while the kiosk sells A: where to get a new one (this center takes no joins from a phone: no join link)
  await onward.waitFor()
  expect((await onward.textContent())?.trim()).toBe('You can take a new ticket at the kiosk in the center.')
  expect(await page.locator('tabour-ticket-status [data-onward="join"]').count()).toBe(0)

  clock.set('2026-12-06T13:31:00Z') // 15:31: half an hour after closing
  expect((await center.request('GET', `/api/v1/tickets/${closed.id}`)).json().status).toBe('cancelled')

  await page.goto(`${url}/t/${closed.id}`)
  await final.waitFor()
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
  expect((await final.textContent())?.trim()).toBe('أُلغيت التذكرة لأن المركز أغلق قبل أن يأتي دورها.')
  await page.screenshot({ path: join(SHOTS, 'closed-ar.png'), fullPage: true })
  await page.goto(`${url}/t/${closed.id}?lang=en`)
  await final.waitFor()
  expect((await final.textContent())?.trim()).toBe('This ticket was cancelled because the center closed before its turn.')
  // closed now: the kiosk sells nothing, and the page no longer sends the citizen there for a new ticket (walk s45)
  await mineAnswered()
  expect((await final.textContent())?.trim()).toBe('This ticket was cancelled.')
  expect(await onward.count()).toBe(0)
}, 120_000)
