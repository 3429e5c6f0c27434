import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import type { TestCenter } from '../helpers/test-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { type Contexts, PORTRAIT } from './browser.ts'

/**
 * Bookings turned on for `serviceId` (the default settings), the slot of `day` that `pick` chooses booked,
 * and its code typed into a new portrait kiosk's "I have a booking" and sent: the page, whatever the kiosk
 * answers (a ticket, come back at, too late), and the code.
 */
export async function checkInAtKiosk(
  center: TestCenter,
  url: string,
  contexts: Contexts,
  serviceId: number,
  day: string,
  pick: (starts: number[]) => number | undefined,
  /** Run once it is booked, before the code is typed (a test moves its clock past the slot). */
  booked?: () => void,
): Promise<{ page: Page; code: string }> {
  const admin = await center.admin()
  const on = await center.request('PUT', `/api/v1/appointments/settings/${serviceId}`, {
    token: admin,
    body: { ...APPOINTMENT_DEFAULTS, enabled: true },
  })
  expect(on.statusCode, on.body).toBe(200)
  const slots = (await center.request('GET', `/api/v1/appointments/slots?serviceId=${serviceId}&day=${day}`)).json().slots as {
    start: string
  }[]
  const start = pick(slots.map((s) => Date.parse(s.start)))
  expect(start, JSON.stringify(slots.slice(0, 6))).toBeDefined()
  const booking = await center.request('POST', '/api/v1/appointments', {
    body: { serviceId, slotStart: new Date(start!).toISOString(), name: 'Mona', phone: '01001234567' },
  })
  expect(booking.statusCode, booking.body).toBe(201)
  booked?.()
  const code = (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'kiosk', name: 'kiosk' } })).json()
    .pairingCode
  const page = await contexts.page(PORTRAIT)
  await page.goto(`${url}/kiosk/?pair=${code}`)
  await page.locator('tabour-booking-check-in [data-action="have-booking"]').click()
  await page.locator('tabour-booking-check-in [data-field="booking-code"]').fill(booking.json().code)
  await page.keyboard.press('Enter')
  return { page, code: booking.json().code }
}
