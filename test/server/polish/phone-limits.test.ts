import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectError, rows } from '../routes/route-helpers.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { ErrorCodes } from '../../../protocol/error-codes.ts'

/**
 * Finding 3 of the walk-through: one number typed two ways (01…, 201…, +20…, 0020…) is one
 * number. Bookings, staff bookings, joins from a phone and kiosk tickets store it as +201…, and
 * the hoarding limits (per phone per day and per week, joins per phone per day) count both
 * spellings as one.
 */
const START = '2026-03-10T06:00:00Z' // Tuesday 08:00 in Cairo
const at = (hhmm: string, day = '2026-03-10') => new Date(Date.parse(`${day}T${hhmm}:00+02:00`)).toISOString()

describe('one number, however it is typed', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  async function setUp() {
    center = await TestCenter.start({
      clock: new TestClock(Date.parse(START)),
      config: { remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', dailyCap: 50, arriveMinutes: 10 }], perPhonePerDay: 1 } },
    })
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [service.id] })
    const res = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, {
      token: admin,
      body: {
        ...APPOINTMENT_DEFAULTS,
        enabled: true,
        slotMinutes: 30,
        serviceMinutes: 10,
        walkInShare: 0,
        maxPerPhonePerDay: 1,
        maxPerPhonePerWeek: 2,
      },
    })
    expect(res.statusCode, res.body).toBe(200)
    return { c: center, serviceId: service.id as number, admin }
  }

  it('the per-day and per-week booking limits count 01… and +20… / 201… as one number; stored as +201…', async () => {
    const { c, serviceId, admin } = await setUp()
    const book = (slotStart: string, phone: string) =>
      c.request('POST', '/api/v1/appointments', { body: { serviceId, slotStart, name: 'Mona Ali', phone } })
    expect((await book(at('09:00'), '01012345678')).statusCode).toBe(201)
    // the same number, international: the day's one booking is taken
    expectError(await book(at('10:00'), '+201012345678'), 429, ErrorCodes.BOOKING_LIMIT_PHONE)
    expectError(await book(at('10:00'), '201012345678'), 429, ErrorCodes.BOOKING_LIMIT_PHONE)
    // staff booking for a caller: the same limits, the same number
    const staff = await c.request('POST', '/api/v1/appointments/staff', {
      token: admin,
      body: { serviceId, slotStart: at('10:00'), name: 'Mona Ali', phone: '00201012345678' },
    })
    expectError(staff, 429, ErrorCodes.BOOKING_LIMIT_PHONE)
    // another day of the same week: the second of two
    expect((await book(at('09:00', '2026-03-11'), '+201012345678')).statusCode).toBe(201)
    expectError(await book(at('09:00', '2026-03-12'), '01012345678'), 429, ErrorCodes.BOOKING_LIMIT_PHONE)
    expect(rows<{ phone: string }>(c, 'SELECT phone FROM bookings ORDER BY id')).toEqual([
      { phone: '+201012345678' },
      { phone: '+201012345678' },
    ])
    // the holder still sees the number as they know it
    const code = rows<{ code: string }>(c, 'SELECT code FROM bookings ORDER BY id')[0]!.code
    expect((await c.request('GET', `/api/v1/appointments/${code}`)).json().phoneHint).toBe('••••••••678')
  })

  it('the joins-per-phone limit counts both forms as one; a kiosk ticket keeps the number in the same form', async () => {
    const { c, serviceId } = await setUp()
    const kiosk = (await c.createDevice('kiosk')).token
    const join = (phone: string) =>
      c.app.inject({ method: 'POST', url: '/api/v1/remote/join', payload: { serviceId, phone }, remoteAddress: '203.0.113.9' })
    expect((await join('00201012345678')).statusCode).toBe(201)
    expectError(await join('01012345678'), 429, ErrorCodes.REMOTE_PHONE_LIMIT)
    const walkIn = await c.request('POST', '/api/v1/tickets', { token: kiosk, body: { serviceId, phone: '201012345678' } })
    expect(walkIn.statusCode, walkIn.body).toBe(201)
    expect(rows<{ phone: string }>(c, 'SELECT phone FROM tickets ORDER BY issued_at, label')).toEqual([
      { phone: '+201012345678' },
      { phone: '+201012345678' },
    ])
  })
})
