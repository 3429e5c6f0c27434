import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { FakeGateway, until } from './fake-gateway.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { eraseExpiredBookingNumbers } from '../../../server/notify/booking-number-retention.ts'

/**
 * A booking's changes reach the citizen who booked, from the event log (message-scanner.ts):
 * booked, moved and cancelled each texted once, in the booking's language, with the slot the
 * change gave; a check-in texts nothing.
 */
// Tuesday 10 March 2026, 08:00 in Cairo (UTC+2)
const at = (hhmm: string) => new Date(Date.parse(`2026-03-10T${hhmm}:00+02:00`)).toISOString()

describe('appointment messages', () => {
  let center: TestCenter | undefined
  let gateway: FakeGateway | undefined
  afterEach(async () => {
    await center?.close()
    await gateway?.close()
  })

  it('texts booked, moved (twice, back to the first slot too) and cancelled once each, with the slot each change gave', async () => {
    gateway = await FakeGateway.start()
    const clock = new TestClock(Date.parse('2026-03-10T06:00:00Z'))
    center = await TestCenter.start({
      clock,
      config: {
        publicUrl: 'https://dokki.example',
        messages: { provider: 'http', aheadAt: 0, scanSeconds: 0.05, retryMinSeconds: 0.05, http: { url: `${gateway.url}/send` } },
      },
    })
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [service.id] })
    const settings = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, {
      token: admin,
      body: { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 10 },
    })
    expect(settings.statusCode, settings.body).toBe(200)
    const booked = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: service.id, slotStart: at('09:00'), name: 'Mona Ali', phone: '01000000001', lang: 'en' },
    })
    expect(booked.statusCode, booked.body).toBe(201)
    const { code } = booked.json()
    const move = (slot: string) => center!.request('POST', `/api/v1/appointments/${code}/move`, { body: { slotStart: at(slot) } })
    expect((await move('10:00')).statusCode).toBe(200)
    expect((await move('09:00')).statusCode).toBe(200)
    expect((await center.request('POST', `/api/v1/appointments/${code}/cancel`)).statusCode).toBe(200)

    const texts = () => gateway!.requests.map((r) => String(r.body.text))
    await until('four texts', () => texts().length >= 4)
    // a scan more, and nothing is sent twice
    await new Promise((r) => setTimeout(r, 300))
    // the booking's page, in the booking's language, as a ticket's message links its status page
    const page = `To view, move or cancel it: https://dokki.example/b/${code}?lang=en`
    expect(texts()).toEqual([
      `Your appointment at Citizen Service Technology Center is booked for Tuesday 10 March at 9:00 AM. ${page}`,
      `Your appointment at Citizen Service Technology Center was moved to Tuesday 10 March at 10:00 AM. ${page}`,
      `Your appointment at Citizen Service Technology Center was moved to Tuesday 10 March at 9:00 AM. ${page}`,
      `Your appointment ${code} for Service A on Tuesday 10 March at 9:00 AM was cancelled.`,
    ])
    expect(gateway.requests.every((r) => String(r.body.to).endsWith('1000000001'))).toBe(true)
    const kinds = center.app.tabour.db.prepare('SELECT kind FROM message_outbox ORDER BY id').all() as { kind: string }[]
    expect(kinds.map((k) => k.kind)).toEqual(['appointment_booked', 'appointment_moved', 'appointment_moved', 'appointment_cancelled'])
  })

  it('reminds a booking made earlier once, reminderHoursBefore ahead of its slot; not one booked within that window', async () => {
    gateway = await FakeGateway.start()
    const clock = new TestClock(Date.parse('2026-03-10T06:00:00Z'))
    center = await TestCenter.start({
      clock,
      config: {
        publicUrl: 'https://dokki.example',
        messages: {
          provider: 'http',
          aheadAt: 0,
          reminderHoursBefore: 2,
          scanSeconds: 0.05,
          retryMinSeconds: 0.05,
          http: { url: `${gateway.url}/send` },
        },
      },
    })
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [service.id] })
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: { enabled: true, slotMinutes: 30 } })
    const book = (slot: string, phone: string) =>
      center!.request('POST', '/api/v1/appointments', {
        body: { serviceId: service.id, slotStart: at(slot), name: 'Mona', phone, lang: 'en' },
      })
    const early = (await book('12:00', '01000000001')).json() // made 4 h ahead
    const late = (await book('09:00', '01000000002')).json() // made 1 h ahead: its "booked" says enough
    const reminders = () => gateway!.requests.map((r) => String(r.body.text)).filter((t) => t.startsWith('Reminder'))
    await until('the two booked texts', () => gateway!.requests.length >= 2)
    expect(reminders()).toEqual([])
    clock.set(at('09:59')) // 2 h 1 min before 12:00: not yet
    await new Promise((r) => setTimeout(r, 300))
    expect(reminders()).toEqual([])
    clock.set(at('10:00'))
    await until('the reminder', () => reminders().length === 1)
    await new Promise((r) => setTimeout(r, 300))
    expect(reminders()).toEqual([
      `Reminder: your appointment at Citizen Service Technology Center is on Tuesday 10 March at 12:00 PM. To view, move or cancel it: https://dokki.example/b/${early.code}?lang=en`,
    ])
    expect(reminders().join('\n')).not.toContain(late.code)
    // once the day is over the reminder loses its number with its booking's (found by the booking id in its key)
    const db = center.app.tabour.db
    const reminderPhone = () =>
      (db.prepare(`SELECT phone FROM message_outbox WHERE kind = 'appointment_reminder'`).all() as { phone: string | null }[]).map(
        (r) => r.phone,
      )
    expect(reminderPhone()).toEqual([expect.stringContaining('1000000001')])
    eraseExpiredBookingNumbers(db, Date.parse('2026-03-11T12:00:00+02:00'), 'Africa/Cairo', 0)
    expect(reminderPhone()).toEqual([null])
  })
})
