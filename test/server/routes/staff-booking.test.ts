import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectError, rows } from './route-helpers.ts'
import { APPOINTMENT_DEFAULTS, type AppointmentSettings } from '../../../protocol/appointments.ts'

/**
 * Staff booking for a caller on the phone (POST /appointments/staff) and reception's list of a
 * day's bookings (GET /appointments/staff/bookings): staff roles only, booked as the user (no
 * per-address limit), the per-phone limits and the slot's capacity as for anyone, logged with
 * the user's id. And staff cancel a place held from a phone (a ticket in status remote).
 */

// Tuesday 10 March 2026, 08:00 in Cairo (UTC+2); 30-minute slots of one place each
const START = '2026-03-10T06:00:00Z'
const at = (hhmm: string, day = '2026-03-10') => new Date(Date.parse(`${day}T${hhmm}:00+02:00`)).toISOString()
const STAFF_BOOK = '/api/v1/appointments/staff'

describe('staff booking for a caller', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function setUp(settings: Partial<AppointmentSettings> = {}) {
    center = await TestCenter.start({ clock: new TestClock(Date.parse(START)) })
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [service.id] })
    const res = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, {
      token: admin,
      body: { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 10, ...settings },
    })
    expect(res.statusCode, res.body).toBe(200)
    return { admin, serviceId: service.id }
  }
  const body = (serviceId: number, slotStart: string, phone = '01000000001') => ({ serviceId, slotStart, name: 'Caller One', phone })
  const live = () => rows<{ n: number }>(center, "SELECT count(*) AS n FROM bookings WHERE status <> 'cancelled'")[0]!.n

  it('lets admins, managers and clerks book as themselves; refuses devices and strangers', async () => {
    const { admin, serviceId } = await setUp({ maxPerPhonePerWeek: 10 })
    const manager = await center.createUser('mgr', 'manager')
    const clerk = await center.createUser('clerk')
    const kiosk = await center.createDevice('kiosk')
    expectError(await center.request('POST', STAFF_BOOK, { body: body(serviceId, at('09:00')) }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    expectError(
      await center.request('POST', STAFF_BOOK, { token: kiosk.token, body: body(serviceId, at('09:00')) }),
      403,
      'TABOUR_ERR_FORBIDDEN',
    )
    expect(live()).toBe(0)
    const adminId = rows<{ id: number }>(center, "SELECT id FROM users WHERE role = 'admin'")[0]!.id
    const made: { token: string; id: number; slot: string; phone: string }[] = [
      { token: admin, id: adminId, slot: at('09:00'), phone: '01000000001' },
      { token: manager.token, id: manager.id, slot: at('09:30'), phone: '01000000002' },
      { token: clerk.token, id: clerk.id, slot: at('10:00'), phone: '01000000003' },
    ]
    for (const m of made) {
      const res = await center.request('POST', STAFF_BOOK, { token: m.token, body: body(serviceId, m.slot, m.phone) })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toMatchObject({ slotStart: m.slot, status: 'booked', name: 'Caller One', lang: 'ar' })
      expect(res.json().manageUrl).toMatch(new RegExp(`/b/${res.json().code}$`))
    }
    const stored = rows<{ created_by_type: string; created_by_id: number; client_address: string | null }>(
      center,
      'SELECT created_by_type, created_by_id, client_address FROM bookings ORDER BY id',
    )
    expect(stored).toEqual(made.map((m) => ({ created_by_type: 'user', created_by_id: m.id, client_address: null })))
    // the log names the user, never the caller's name or number
    const log = rows<{ user_id: number; data: string }>(
      center,
      "SELECT user_id, data FROM events WHERE type = 'appointment.booked' ORDER BY id",
    )
    expect(log.map((r) => r.user_id)).toEqual(made.map((m) => m.id))
    for (const r of log) expect(r.data).not.toMatch(/Caller|0100000000/)
  })

  it('is exempt from the per-address limit but not from the per-phone limits nor the slot capacity', async () => {
    const { admin, serviceId } = await setUp({ maxPerAddressPerHour: 2, maxPerPhonePerDay: 1, maxPerPhonePerWeek: 2 })
    const pub = (slot: string, phone: string) => center.request('POST', '/api/v1/appointments', { body: body(serviceId, slot, phone) })
    expect((await pub(at('09:00'), '01000000001')).statusCode).toBe(201)
    expect((await pub(at('09:30'), '01000000002')).statusCode).toBe(201)
    expectError(await pub(at('10:00'), '01000000003'), 429, 'TABOUR_ERR_BOOKING_LIMIT_ADDRESS')
    // reception, from the same address, is not throttled by it
    const staff = (slot: string, phone: string) => center.request('POST', STAFF_BOOK, { token: admin, body: body(serviceId, slot, phone) })
    expect((await staff(at('10:00'), '01000000003')).statusCode).toBe(201)
    expect((await staff(at('10:30'), '01000000004')).statusCode).toBe(201)
    // the same phone on the same day, whoever books
    expectError(await staff(at('11:00'), '01000000001'), 429, 'TABOUR_ERR_BOOKING_LIMIT_PHONE')
    // a full slot (one place) stays full for staff too
    expectError(await staff(at('09:00'), '01000000005'), 409, 'TABOUR_ERR_SLOT_FULL')
    // the week's limit (Saturday to Friday): 2 on two days, a third day of the same week refused
    expect((await staff(at('09:00', '2026-03-11'), '01000000004')).statusCode).toBe(201)
    expectError(await staff(at('09:00', '2026-03-12'), '01000000004'), 429, 'TABOUR_ERR_BOOKING_LIMIT_PHONE')
    expectError(await staff(at('07:30'), '01000000009'), 422, 'TABOUR_ERR_SLOT_IN_PAST')
    expect(live()).toBe(5)
  })

  it("lists a day's bookings by slot for staff, checked in or not, without the full number", async () => {
    const { admin, serviceId } = await setUp()
    const clerk = await center.createUser('clerk')
    const kiosk = await center.createDevice('kiosk')
    const later = (await center.request('POST', STAFF_BOOK, { token: admin, body: body(serviceId, at('10:00'), '01000000002') })).json()
    const soon = (await center.request('POST', '/api/v1/appointments', { body: body(serviceId, at('08:30'), '01000000001') })).json()
    const tomorrow = await center.request('POST', STAFF_BOOK, {
      token: admin,
      body: body(serviceId, at('09:00', '2026-03-11'), '01000000003'),
    })
    expect(tomorrow.statusCode).toBe(201)
    const checkIn = await center.request('POST', '/api/v1/check-in', { token: kiosk.token, body: { text: soon.code } })
    expect(checkIn.json().outcome).toBe('ticket')
    expectError(await center.request('GET', `${STAFF_BOOK}/bookings`, { token: kiosk.token }), 403, 'TABOUR_ERR_FORBIDDEN')
    const res = await center.request('GET', `${STAFF_BOOK}/bookings`, { token: clerk.token })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      day: '2026-03-10',
      timeZone: 'Africa/Cairo',
      bookings: [
        {
          code: soon.code,
          serviceId,
          slotStart: at('08:30'),
          slotEnd: at('09:00'),
          name: 'Caller One',
          phoneHint: '••••••••001',
          status: 'checked_in',
          bookedBy: 'public',
          checkedInAt: new Date(START).toISOString(),
          ticketId: checkIn.json().ticket.id,
          ticketLabel: checkIn.json().ticket.label,
        },
        expect.objectContaining({
          code: later.code,
          status: 'booked',
          bookedBy: 'user',
          checkedInAt: null,
          ticketId: null,
          ticketLabel: null,
        }),
      ],
    })
    const next = (await center.request('GET', `${STAFF_BOOK}/bookings?day=2026-03-11`, { token: clerk.token })).json()
    expect(next.bookings.map((b: { code: string }) => b.code)).toEqual([tomorrow.json().code])
  })
})

describe('staff cancel a place held from a phone', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('cancels a ticket in status remote with a reason; the log keeps who and why; a second cancel is 409', async () => {
    center = await TestCenter.start({
      clock: new TestClock(),
      config: { remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', dailyCap: 3, arriveMinutes: 10 }] } },
    })
    const a = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [a.id] })
    const joined = await center.request('POST', '/api/v1/remote/join', { body: { serviceId: a.id } })
    expect(joined.statusCode, joined.body).toBe(201)
    const id = joined.json().id
    expect(rows<{ status: string }>(center, 'SELECT status FROM tickets WHERE id = ?', id)).toEqual([{ status: 'remote' }])
    const clerk = await center.createUser('clerk')
    const res = await center.request('POST', `/api/v1/tickets/${id}/cancel`, { token: clerk.token, body: { reason: 'citizen_request' } })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'cancelled', origin: 'remote' })
    const log = rows<{ user_id: number; data: string }>(center, "SELECT user_id, data FROM events WHERE type = 'ticket.cancelled'")
    expect(log.map((r) => [r.user_id, JSON.parse(r.data).reason])).toEqual([[clerk.id, 'citizen_request']])
    expectError(
      await center.request('POST', `/api/v1/tickets/${id}/cancel`, { token: clerk.token, body: { reason: 'citizen_request' } }),
      409,
      'TABOUR_ERR_ILLEGAL_TRANSITION',
    )
  })
})
