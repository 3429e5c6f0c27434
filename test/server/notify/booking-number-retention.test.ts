import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { FakeGateway, until } from './fake-gateway.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { eraseExpiredBookingNumbers } from '../../../server/notify/booking-number-retention.ts'

/**
 * A booking's number is kept until its appointment is over (issue 20, privacy): once the slot's
 * day has ended (plus messages.keepNumbersDays) the booking's phone is '', its check-in ticket's
 * and its messages' numbers are erased; a later booking keeps its own; the booking page shows no
 * hint of it; and an appointment message scanned after the erasure is sent to nobody.
 */
// Tuesday 10 March 2026 in Cairo (UTC+2)
const cairo = (day: string, hhmm: string) => Date.parse(`2026-03-${day}T${hhmm}:00+02:00`)
const iso = (day: string, hhmm: string) => new Date(cairo(day, hhmm)).toISOString()

async function bookingCenter(clock: TestClock, gateway: FakeGateway, scanSeconds: number) {
  const center = await TestCenter.start({
    clock,
    config: {
      messages: { provider: 'http', aheadAt: 0, scanSeconds, retryMinSeconds: 0.05, http: { url: `${gateway.url}/send` } },
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
  const book = async (day: string, hhmm: string, phone: string): Promise<string> => {
    const res = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: service.id, slotStart: iso(day, hhmm), name: 'Mona Ali', phone, lang: 'en' },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().code as string
  }
  return { center, book }
}

describe("bookings' numbers", () => {
  let center: TestCenter | undefined
  let gateway: FakeGateway | undefined
  afterEach(async () => {
    await center?.close()
    await gateway?.close()
  })

  it("are erased once the appointment's day is over (plus keepNumbersDays), with its ticket's and its messages' numbers", async () => {
    gateway = await FakeGateway.start()
    const clock = new TestClock(cairo('10', '08:00'))
    const made = await bookingCenter(clock, gateway, 0.05)
    center = made.center
    const today = await made.book('10', '09:00', '01000000001')
    const tomorrow = await made.book('11', '09:00', '01000000002')
    await until('both booked texts sent', () => gateway!.requests.length === 2)

    // the citizen checks in: the ticket carries the number, and is served
    clock.now = cairo('10', '08:55')
    const kiosk = (await center.createDevice('kiosk')).token
    const scan = await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: today, lang: 'en' } })
    expect(scan.json().outcome, scan.body).toBe('ticket')
    const db = center.app.tabour.db
    db.prepare(`UPDATE tickets SET status = 'done'`).run()
    expect(db.prepare('SELECT phone FROM tickets').get()).toEqual({ phone: '+201000000001' })

    const phones = () => db.prepare('SELECT code, phone FROM bookings ORDER BY id').all()
    const outbox = () => db.prepare('SELECT kind, phone, status FROM message_outbox ORDER BY id').all()
    // a minute before the day's end: everything kept
    clock.now = cairo('10', '23:59')
    expect(eraseExpiredBookingNumbers(db, clock.now, center.config.timeZone, 0)).toEqual({ bookings: 0, tickets: 0, messages: 0 })
    // past midnight, but the center keeps numbers a day more
    clock.now = cairo('11', '00:01')
    expect(eraseExpiredBookingNumbers(db, clock.now, center.config.timeZone, 1)).toEqual({ bookings: 0, tickets: 0, messages: 0 })
    // the day is over: today's booking, its ticket and its message lose the number; tomorrow's keeps it
    expect(eraseExpiredBookingNumbers(db, clock.now, center.config.timeZone, 0)).toEqual({ bookings: 1, tickets: 1, messages: 1 })
    expect(phones()).toEqual([
      { code: today, phone: '' },
      { code: tomorrow, phone: '+201000000002' },
    ])
    expect(db.prepare('SELECT phone FROM tickets').get()).toEqual({ phone: null })
    expect(outbox()).toEqual([
      { kind: 'appointment_booked', phone: null, status: 'accepted' },
      { kind: 'appointment_booked', phone: '201000000002', status: 'accepted' },
    ])
    // again: nothing more
    expect(eraseExpiredBookingNumbers(db, clock.now, center.config.timeZone, 0)).toEqual({ bookings: 0, tickets: 0, messages: 0 })

    // the booking page shows no hint of an erased number
    const page = await center.request('GET', `/api/v1/appointments/${today}`)
    expect(page.statusCode, page.body).toBe(200)
    expect(page.json().phoneHint).toBe('')
    expect((await center.request('GET', `/api/v1/appointments/${tomorrow}`)).json().phoneHint).toBe('••••••••002')
  })

  it('sends nothing for a booking whose number was erased before its message was made', async () => {
    gateway = await FakeGateway.start()
    const clock = new TestClock(cairo('10', '08:00'))
    // the scanner's own rounds are an hour apart: this test scans by hand
    const made = await bookingCenter(clock, gateway, 3600)
    center = made.center
    await made.book('10', '09:00', '01000000001')
    const db = center.app.tabour.db
    expect(db.prepare('SELECT COUNT(*) AS n FROM message_outbox').get()).toEqual({ n: 0 })
    clock.now = cairo('11', '00:01')
    const numbers = eraseExpiredBookingNumbers(db, clock.now, center.config.timeZone, 0)
    expect(numbers.bookings).toBe(1)
    expect(center.app.tabour.messages!.scanner.scan(clock.now)).toBe(0)
    expect(db.prepare('SELECT COUNT(*) AS n FROM message_outbox').get()).toEqual({ n: 0 })
    expect(gateway.requests).toEqual([])
  })
})
