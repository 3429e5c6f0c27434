import { afterEach, describe, expect, it, vi } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectError, rows } from './route-helpers.ts'
import { APPOINTMENT_DEFAULTS, type AppointmentSettings } from '../../../protocol/appointments.ts'
import { DEFAULT_CALENDAR } from '../../../protocol/calendar.ts'
import { addDays } from '../../../protocol/center-clock.ts'
import { BookingCodes } from '../../../server/queue/booking-code.ts'
import type { DomainEvent } from '../../../server/queue/domain-events.ts'
import { appointmentErrorKey, appointmentText } from '../../../protocol/messages/appointments.ts'

// Tuesday 10 March 2026, 08:00 in Cairo (UTC+2); slots of 30 minutes from local midnight
const START = '2026-03-10T06:00:00Z'
const at = (hhmm: string, day = '2026-03-10') => new Date(Date.parse(`${day}T${hhmm}:00+02:00`)).toISOString()

interface Setup {
  center: TestCenter
  clock: TestClock
  admin: string
  serviceId: number
  counterId: number
  kiosk: string
  events: DomainEvent[]
}

/** One service A with one counter; appointments on: 30-minute slots, 15 minutes each, half kept for walk-ins → 1 place a slot. */
async function setup(settings: Partial<AppointmentSettings> = {}): Promise<Setup> {
  const clock = new TestClock(Date.parse(START))
  const center = await TestCenter.start({ clock })
  const admin = await center.admin()
  const service = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
  const res = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, {
    token: admin,
    body: { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 15, ...settings },
  })
  expect(res.statusCode, res.body).toBe(200)
  const kiosk = (await center.createDevice('kiosk')).token
  const events: DomainEvent[] = []
  center.app.tabour.queue.events.on((e) => {
    if (e.type.startsWith('appointment:')) events.push(e)
  })
  return { center, clock, admin, serviceId: service.id, counterId: counter.id, kiosk, events }
}

const book = (s: Setup, slotStart: string, phone = '01000000001', name = 'Mona Ali') =>
  s.center.request('POST', '/api/v1/appointments', { body: { serviceId: s.serviceId, slotStart, name, phone, lang: 'en' } })
const checkIn = (s: Setup, text: string, token = s.kiosk) => s.center.request('POST', '/api/v1/check-in', { token, body: { text } })
const bookingCount = (s: Setup) => rows<{ n: number }>(s.center, "SELECT count(*) AS n FROM bookings WHERE status <> 'cancelled'")[0]!.n

describe('appointments over HTTP', () => {
  let s: Setup | undefined
  afterEach(async () => s?.center.close())

  it("offers the center's days, not the asker's: at 23:30 UTC Cairo is already on the next day", async () => {
    s = await setup()
    s.clock.set('2026-03-10T23:30:00Z')
    const [service] = (await s.center.request('GET', '/api/v1/appointments/services')).json() as { days: string[] }[]
    expect(service!.days[0]).toBe('2026-03-11')
    expect(service!.days).toHaveLength(15)
    // the slots agree: the day before the first is past, the last is the furthest a booking may go
    const slots = async (day: string) =>
      (await s!.center.request('GET', `/api/v1/appointments/slots?serviceId=${s!.serviceId}&day=${day}`)).json().reason
    expect(await slots('2026-03-10')).toBe('past')
    expect(await slots(service!.days.at(-1)!)).not.toBe('too-far')
    expect(await slots(addDays(service!.days.at(-1)!, 1))).toBe('too-far')
  })

  it("marks the days a service takes no booking on around a one-service holiday, a center holiday, a weekly day off, a blocked day and today's end, as its slots say", async () => {
    s = await setup()
    const other = await s.center.createService({ prefix: 'B' })
    await s.center.createCounter({ number: 2, serviceIds: [other.id] })
    await s.center.request('PUT', `/api/v1/appointments/settings/${other.id}`, { token: s.admin, body: { enabled: true } })
    // Fridays off (13 March); a center holiday on Thursday 12 March; A alone closed on Saturday 14 March
    const open = [{ open: '08:00', close: '16:00' }]
    const weekly = { mon: open, tue: open, wed: open, thu: open, fri: [], sat: open, sun: open }
    const exceptions = [
      { from: '2026-03-12', to: '2026-03-12', nameAr: 'عطلة', nameEn: 'Holiday', hours: [] },
      { from: '2026-03-14', to: '2026-03-14', nameAr: 'جرد', nameEn: 'Stocktaking', hours: [], serviceIds: [s.serviceId] },
      // A open 20 minutes on Tuesday 17 March: no 30-minute slot fits, a day not begun (said "no time left" before)
      {
        from: '2026-03-17',
        to: '2026-03-17',
        nameAr: 'يوم قصير',
        nameEn: 'Short day',
        hours: [{ open: '08:00', close: '08:20' }],
        serviceIds: [s.serviceId],
      },
    ]
    const cal = await s.center.request('PUT', '/api/v1/calendar', { token: s.admin, body: { ...DEFAULT_CALENDAR, weekly, exceptions } })
    expect(cal.statusCode, cal.body).toBe(200)
    // and a manager stops A's bookings on Monday 16 March
    const block = await s.center.request('PUT', `/api/v1/appointments/days/${s.serviceId}/2026-03-16`, {
      token: s.admin,
      body: { blocked: true, extraPerSlot: 0 },
    })
    expect(block.statusCode, block.body).toBe(200)

    // the managers' day changes are read once a service, not once a day offered
    const oneDay = vi.spyOn(s.center.app.tabour.queue.ctx.bookings, 'dayOverride')
    const range = vi.spyOn(s.center.app.tabour.queue.ctx.bookings, 'dayOverrides')
    const services = (await s.center.request('GET', '/api/v1/appointments/services')).json() as {
      id: number
      shutDays: { day: string; reason: string }[]
    }[]
    expect(oneDay).not.toHaveBeenCalled()
    expect(range).toHaveBeenCalledTimes(2)
    oneDay.mockRestore()
    range.mockRestore()
    const shut = (id: number) => services.find((x) => x.id === id)!.shutDays
    expect(shut(s.serviceId)).toEqual([
      { day: '2026-03-12', reason: 'closed' },
      { day: '2026-03-13', reason: 'closed' },
      { day: '2026-03-14', reason: 'closed' },
      { day: '2026-03-16', reason: 'blocked' },
      { day: '2026-03-17', reason: 'brief' },
      { day: '2026-03-20', reason: 'closed' },
    ])
    // B keeps Saturday and Monday: the holiday and the block are A's alone
    expect(shut(other.id)).toEqual([
      { day: '2026-03-12', reason: 'closed' },
      { day: '2026-03-13', reason: 'closed' },
      { day: '2026-03-20', reason: 'closed' },
    ])
    // each marked day is the day whose slots say so, and every other day of the list has times
    const reason = async (id: number, day: string) =>
      (await s!.center.request('GET', `/api/v1/appointments/slots?serviceId=${id}&day=${day}`)).json().reason
    for (const day of Array.from({ length: 15 }, (_, i) => addDays('2026-03-10', i))) {
      expect(await reason(s.serviceId, day), day).toBe(shut(s.serviceId).find((c) => c.day === day)?.reason ?? null)
    }
    expect(await reason(other.id, '2026-03-14')).toBeNull()
    // at 15:45 the day's last slot (15:30) has begun: today is marked as the slots say it, no time left
    s.clock.set('2026-03-10T13:45:00Z')
    const later = (await s.center.request('GET', '/api/v1/appointments/services')).json() as typeof services
    expect(later.find((x) => x.id === other.id)!.shutDays[0]).toEqual({ day: '2026-03-10', reason: 'past' })
    expect(await reason(other.id, '2026-03-10')).toBe('past')
  })

  it('lists free slots, books, shows, moves and cancels; events follow each commit', async () => {
    s = await setup()
    expect((await s.center.request('GET', '/api/v1/appointments/services')).json()).toEqual([
      {
        id: s.serviceId,
        nameAr: 'خدمة A',
        nameEn: 'Service A',
        slotMinutes: 30,
        bookAheadDays: 14,
        timeZone: 'Africa/Cairo',
        // the center's today and 14 more
        days: Array.from({ length: 15 }, (_, i) => addDays('2026-03-10', i)),
        // always open (the default calendar), nothing blocked
        shutDays: [],
        messagesOn: false,
        center: { nameAr: expect.any(String), nameEn: expect.any(String), digits: 'western' },
        documents: [],
      },
    ])
    const day = (await s.center.request('GET', `/api/v1/appointments/slots?serviceId=${s.serviceId}&day=2026-03-10`)).json()
    expect(day.reason).toBeNull()
    // from 08:30 (08:00 has begun) to 23:30: 31 slots of one place each
    expect(day.slots).toHaveLength(31)
    expect(day.slots[0]).toEqual({ start: at('08:30'), end: at('09:00'), capacity: 1, booked: 0, free: 1 })

    const res = await book(s, at('09:00'))
    expect(res.statusCode, res.body).toBe(201)
    const booking = res.json()
    expect(booking).toMatchObject({
      serviceId: s.serviceId,
      slotStart: at('09:00'),
      slotEnd: at('09:30'),
      name: 'Mona Ali',
      phoneHint: '••••••••001',
      status: 'booked',
      checkInFrom: at('08:30'),
      checkInUntil: at('09:15'),
      timeZone: 'Africa/Cairo',
    })
    expect(booking.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    // booked in English: its link opens the page in English (walk s44); an Arabic one's stays bare (staff-booking.test.ts)
    expect(booking.manageUrl).toMatch(new RegExp(`/b/${booking.code}\\?lang=en$`))
    const after = (await s.center.request('GET', `/api/v1/appointments/slots?serviceId=${s.serviceId}&day=2026-03-10`)).json()
    expect(after.slots[1]).toMatchObject({ start: at('09:00'), booked: 1, free: 0 })

    expect((await s.center.request('GET', `/api/v1/appointments/${booking.code.toLowerCase()}`)).json()).toEqual(booking)
    const moved = await s.center.request('POST', `/api/v1/appointments/${booking.code}/move`, { body: { slotStart: at('10:00') } })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().slotStart).toBe(at('10:00'))
    // its page says where it was: from its last move's event (never moved: null)
    expect(booking.movedFrom).toBeNull()
    expect(moved.json().movedFrom).toBe(at('09:00'))
    const again = await s.center.request('POST', `/api/v1/appointments/${booking.code}/move`, { body: { slotStart: at('11:00') } })
    expect(again.json()).toMatchObject({ slotStart: at('11:00'), movedFrom: at('10:00') })
    expect((await s.center.request('GET', `/api/v1/appointments/${booking.code}`)).json().movedFrom).toBe(at('10:00'))
    const cancelled = await s.center.request('POST', `/api/v1/appointments/${booking.code}/cancel`)
    expect(cancelled.json().status).toBe('cancelled')
    expectError(await s.center.request('POST', `/api/v1/appointments/${booking.code}/cancel`), 409, 'TABOUR_ERR_BOOKING_CANCELLED')
    expect(s.events.map((e) => e.type)).toEqual(['appointment:booked', 'appointment:moved', 'appointment:moved', 'appointment:cancelled'])
    expect(s.events[0]).toEqual({
      type: 'appointment:booked',
      booking: {
        code: booking.code,
        serviceId: s.serviceId,
        slotStart: Date.parse(at('09:00')),
        name: 'Mona Ali',
        phone: '+201000000001', // stored in one form (protocol/phone-number.ts)
        lang: 'en',
      },
    })
    // the event log keeps the slot, never the name or the phone
    const log = rows<{ data: string }>(s.center, "SELECT data FROM events WHERE type LIKE 'appointment.%'")
    expect(log).toHaveLength(4)
    for (const r of log) expect(r.data).not.toMatch(/Mona|01000000001/)
  })

  it("a new code that meets a booking's (30 random bits) is drawn again, not a 500 on the column's UNIQUE", async () => {
    s = await setup()
    const first = await book(s, at('09:00'))
    expect(first.statusCode, first.body).toBe(201)
    // the next draw repeats the first booking's code, as one in 2^30 / n draws does
    const issue = vi.spyOn(BookingCodes.prototype, 'issue').mockReturnValueOnce(first.json().code)
    try {
      const second = await book(s, at('10:00', '2026-03-14'), '01000000002')
      expect(second.statusCode, second.body).toBe(201)
      expect(second.json().code).not.toBe(first.json().code)
      expect(issue).toHaveBeenCalledTimes(2)
    } finally {
      issue.mockRestore()
    }
    expect(bookingCount(s)).toBe(2)
  })

  it('refuses bad input with a stable code and loses nothing', async () => {
    s = await setup({ maxPerPhonePerDay: 1, maxPerPhonePerWeek: 2, maxPerAddressPerHour: 5 })
    // the center closes on Fridays (13 March) and on a holiday (12 March)
    const open = [{ open: '08:00', close: '16:00' }]
    const weekly = { mon: open, tue: open, wed: open, thu: open, fri: [], sat: open, sun: open }
    const holiday = { from: '2026-03-12', to: '2026-03-12', nameAr: 'عطلة', nameEn: 'Holiday', hours: [] }
    const cal = await s.center.request('PUT', '/api/v1/calendar', {
      token: s.admin,
      body: { ...DEFAULT_CALENDAR, weekly, exceptions: [holiday] },
    })
    expect(cal.statusCode, cal.body).toBe(200)

    expectError(await book(s, at('07:30')), 422, 'TABOUR_ERR_SLOT_IN_PAST')
    expectError(await book(s, at('09:00', '2026-03-13')), 422, 'TABOUR_ERR_DAY_CLOSED')
    expectError(await book(s, at('09:00', '2026-03-12')), 422, 'TABOUR_ERR_DAY_CLOSED')
    expectError(await book(s, at('09:10')), 422, 'TABOUR_ERR_SLOT_NOT_FOUND')
    expectError(await book(s, at('17:00')), 422, 'TABOUR_ERR_SLOT_NOT_FOUND')
    expectError(await book(s, at('09:00', '2026-04-10')), 422, 'TABOUR_ERR_SLOT_TOO_FAR')
    // a manager blocks Wednesday
    expect(
      (
        await s.center.request('PUT', `/api/v1/appointments/days/${s.serviceId}/2026-03-11`, {
          token: s.admin,
          body: { blocked: true, extraPerSlot: 0 },
        })
      ).statusCode,
    ).toBe(200)
    expectError(await book(s, at('09:00', '2026-03-11')), 422, 'TABOUR_ERR_DAY_CLOSED')
    expect((await s.center.request('GET', `/api/v1/appointments/slots?serviceId=${s.serviceId}&day=2026-03-11`)).json().reason).toBe(
      'blocked',
    )

    expect((await book(s, at('09:00'))).statusCode).toBe(201)
    expectError(await book(s, at('09:00'), '01000000002'), 409, 'TABOUR_ERR_SLOT_FULL')
    // one booking a day per phone, two a week (Saturday to Friday)
    expectError(await book(s, at('10:00')), 429, 'TABOUR_ERR_BOOKING_LIMIT_PHONE')
    expectError(await book(s, at('10:00', '2026-03-09')), 422, 'TABOUR_ERR_SLOT_IN_PAST')
    expect((await book(s, at('10:00', '2026-03-14'))).statusCode).toBe(201) // Saturday: a new week
    expect((await book(s, at('10:00', '2026-03-16'))).statusCode).toBe(201) // Monday: the second of that week
    expectError(await book(s, at('10:00', '2026-03-17')), 429, 'TABOUR_ERR_BOOKING_LIMIT_PHONE')
    // five bookings an hour from one address: the sixth is refused whatever the phone
    expect((await book(s, at('11:00'), '01000000003')).statusCode).toBe(201)
    expect((await book(s, at('11:30'), '01000000004')).statusCode).toBe(201)
    expectError(await book(s, at('12:00'), '01000000005'), 429, 'TABOUR_ERR_BOOKING_LIMIT_ADDRESS')
    s.clock.advance(3601)
    expect((await book(s, at('12:00'), '01000000005')).statusCode).toBe(201)

    // codes: forged, another center's, unknown, malformed
    const real = rows<{ code: string }>(s.center, 'SELECT code FROM bookings ORDER BY id LIMIT 1')[0]!.code
    const forged = real.slice(0, -1) + (real.endsWith('0') ? '1' : '0')
    expectError(await s.center.request('GET', `/api/v1/appointments/${forged}`), 422, 'TABOUR_ERR_BOOKING_CODE_INVALID')
    const elsewhere = new BookingCodes(Buffer.alloc(32, 7)).issue()
    expectError(await s.center.request('GET', `/api/v1/appointments/${elsewhere}`), 422, 'TABOUR_ERR_BOOKING_OTHER_CENTER')
    expectError(await checkIn(s, elsewhere), 422, 'TABOUR_ERR_BOOKING_OTHER_CENTER')
    expectError(await checkIn(s, forged), 422, 'TABOUR_ERR_BOOKING_CODE_INVALID')
    // a made-up code is a code to check, not "another center's booking" (walk s54)
    expectError(await checkIn(s, 'AAAA-BBBB-CCCC-DDDD'), 422, 'TABOUR_ERR_BOOKING_CODE_INVALID')
    expectError(await checkIn(s, 'hello'), 422, 'TABOUR_ERR_CHECK_IN_UNRECOGNISED')
    // a service that does not take bookings
    const b = await s.center.createService({ prefix: 'B' })
    const off = await s.center.request('POST', '/api/v1/appointments', {
      body: { serviceId: b.id, slotStart: at('15:00'), name: 'Ali', phone: '01000000009' },
    })
    expectError(off, 422, 'TABOUR_ERR_APPOINTMENTS_OFF')
    expectError(
      await s.center.request('POST', '/api/v1/appointments', {
        body: { serviceId: s.serviceId, slotStart: at('15:00'), name: 'Ali', phone: '12345' },
      }),
      400,
      'TABOUR_ERR_VALIDATION',
    )
    // every refused request left nothing; the accepted ones are all there
    expect(bookingCount(s)).toBe(6)
    expect(rows<{ n: number }>(s.center, 'SELECT count(*) AS n FROM bookings GROUP BY slot_start HAVING n > 1')).toEqual([])
  })

  it('checks in on time (a ticket marked appointment), too early (come back at) or too late (walk-in), once', async () => {
    s = await setup()
    const booking = (await book(s, at('09:00'))).json()
    const early = await checkIn(s, booking.code)
    expect(early.json()).toEqual({
      outcome: 'too_early',
      kind: 'appointment',
      serviceId: s.serviceId,
      comeBackAt: at('08:30'),
      timeZone: 'Africa/Cairo',
    })
    s.clock.set(at('08:40'))
    // the QR's manage link works as well as the typed code
    const ok = await checkIn(s, booking.manageUrl)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({
      outcome: 'ticket',
      kind: 'appointment',
      slotStart: at('09:00'),
      ticket: { label: 'A-001', position: 0 },
    })
    expect(rows(s.center, 'SELECT origin, status, phone FROM tickets')).toEqual([
      { origin: 'appointment', status: 'waiting', phone: '+201000000001' },
    ])
    expect(rows(s.center, 'SELECT status, ticket_id AS t FROM bookings')).toEqual([{ status: 'checked_in', t: ok.json().ticket.id }])
    // its public status says it is an appointment, and at what time (walk s44: the page never did)
    expect((await s.center.request('GET', `/api/v1/tickets/${ok.json().ticket.id}`)).json().appointment).toEqual({
      slotStart: at('09:00'),
      timeZone: 'Africa/Cairo',
    })
    // its page names the ticket and links its status page, nothing more of it (walk s52: "used on arrival" and no way on)
    const used = (await s.center.request('GET', `/api/v1/appointments/${booking.code}`)).json()
    expect(used).toMatchObject({ status: 'checked_in', ticket: { label: 'A-001' } })
    expect(Object.keys(used.ticket).sort()).toEqual(['label', 'statusUrl'])
    // in the ticket's language (here the booking's: the kiosk sent none), the link its paper's QR carries
    expect(used.ticket.statusUrl).toBe(
      `${booking.manageUrl.split('/b/')[0]}/t/${ok.json().ticket.id}${booking.manageUrl.includes('?lang=en') ? '?lang=en' : ''}`,
    )
    expect(booking.ticket).toBeUndefined()
    expectError(await checkIn(s, booking.code), 409, 'TABOUR_ERR_BOOKING_USED')
    expectError(await s.center.request('POST', `/api/v1/appointments/${booking.code}/cancel`), 409, 'TABOUR_ERR_BOOKING_USED')

    const late = (await book(s, at('10:00'), '01000000002')).json()
    s.clock.set(at('10:16'))
    expect((await checkIn(s, late.code)).json()).toEqual({
      outcome: 'too_late',
      kind: 'appointment',
      serviceId: s.serviceId,
      slotStart: at('10:00'),
    })
    expect(rows(s.center, 'SELECT status FROM bookings WHERE code = ?', late.code)).toEqual([{ status: 'booked' }])

    // a clerk checks a citizen in from the console
    const third = (await book(s, at('11:00'), '01000000003')).json()
    s.clock.set(at('10:50'))
    const clerk = await s.center.createUser('clerk1')
    const byClerk = await checkIn(s, third.code, clerk.token)
    expect(byClerk.json().outcome).toBe('ticket')
    expect(rows(s.center, "SELECT user_id AS u FROM events WHERE type = 'appointment.checked_in' ORDER BY id DESC LIMIT 1")).toEqual([
      { u: clerk.id },
    ])
    const display = await s.center.createDevice('display')
    expectError(await checkIn(s, third.code, display.token), 403, 'TABOUR_ERR_FORBIDDEN')
    expect(s.events.filter((e) => e.type === 'appointment:checked_in')).toHaveLength(2)
  })

  it("a check-in's ticket speaks the language used at the kiosk: its status link and the QR printed (walk s54), the booking's at a console", async () => {
    s = await setup()
    const printed: (string | null)[] = []
    s.center.app.tabour.queue.events.on((e) => {
      if (e.type === 'ticket:issued') printed.push(e.statusUrl)
    })
    const bookIn = (slot: string, lang: 'ar' | 'en', phone: string) =>
      s!.center.request('POST', '/api/v1/appointments', {
        body: { serviceId: s!.serviceId, slotStart: at(slot), name: 'Mona Ali', phone, lang },
      })
    const arabic = (await bookIn('09:00', 'ar', '01000000001')).json()
    const english = (await bookIn('09:30', 'en', '01000000002')).json()
    s.clock.set(at('08:40'))
    // booked in Arabic, checked in at the kiosk in English: the English page, as a walk-in's
    const res = await s.center.request('POST', '/api/v1/check-in', { token: s.kiosk, body: { text: arabic.code, lang: 'en' } })
    expect(res.statusCode, res.body).toBe(200)
    const ticket = res.json().ticket
    expect(ticket.statusUrl).toMatch(new RegExp(`/t/${ticket.id}\\?lang=en$`))
    expect(printed.at(-1)).toBe(ticket.statusUrl)
    expect(rows(s.center, 'SELECT lang FROM tickets WHERE id = ?', ticket.id)).toEqual([{ lang: 'en' }])
    // the booking's page links the same page its paper's QR opens
    expect((await s.center.request('GET', `/api/v1/appointments/${arabic.code}`)).json().ticket.statusUrl).toBe(ticket.statusUrl)
    // at a console the citizen's language is not the clerk's screen's: the booking's stays
    const clerk = (await s.center.createUser('clerk9')).token
    s.clock.set(at('09:10'))
    const desk = await s.center.request('POST', '/api/v1/check-in', { token: clerk, body: { text: english.code, lang: 'ar' } })
    expect(desk.statusCode, desk.body).toBe(200)
    expect(desk.json().ticket.statusUrl).toMatch(/\?lang=en$/)
  })

  it('a kiosk check-in for a service no counter serves now says so and keeps the booking (walk s54: "Could not check in. Please try again.")', async () => {
    s = await setup()
    const patched = await s.center.request('PATCH', `/api/v1/services/${s.serviceId}`, {
      token: s.admin,
      body: { whenUnstaffed: 'not-offered' },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    const booking = (await book(s, at('09:00'))).json()
    s.clock.set(at('08:40'))
    const refused = await checkIn(s, booking.code)
    expectError(refused, 409, 'TABOUR_ERR_SERVICE_UNSTAFFED')
    expect(appointmentText(appointmentErrorKey(refused.json().code, 'checkIn.failed'), 'en')).toBe(
      'No counter is serving this service now. Your booking is kept; please try again shortly.',
    )
    expect(rows(s.center, 'SELECT status FROM bookings')).toEqual([{ status: 'booked' }])
    expect(rows(s.center, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }])
  })

  it("a booking's timing follows the center's clock: ahead (move and cancel work), begun (both refused), missed (the kiosk refuses the code)", async () => {
    s = await setup()
    const booking = (await book(s, at('09:00'))).json()
    const shown = async () => (await s!.center.request('GET', `/api/v1/appointments/${booking.code}`)).json()
    expect(booking.timing).toBe('ahead')
    s.clock.set(at('09:00'))
    expect(await shown()).toMatchObject({ status: 'booked', timing: 'begun' })
    // what "begun" promises the page: the server refuses both changes from the slot's start
    expectError(await s.center.request('POST', `/api/v1/appointments/${booking.code}/cancel`), 422, 'TABOUR_ERR_SLOT_IN_PAST')
    s.clock.set(at('09:15'))
    expect((await shown()).timing).toBe('begun')
    s.clock.set(at('09:16'))
    expect(await shown()).toMatchObject({ status: 'booked', timing: 'missed' })
    expect((await checkIn(s, booking.code)).json().outcome).toBe('too_late')
  })

  it('a checked-in appointment is called ahead of walk-ins once its slot starts, at most 2 in a row', async () => {
    s = await setup({ walkInShare: 0, serviceMinutes: 5 })
    const clerk = await s.center.openCounterAs('clerk1', s.counterId)
    const codes = []
    for (let i = 0; i < 3; i++) codes.push((await book(s, at('08:30'), `0100000001${i}`)).json().code)
    await s.center.issue(s.kiosk, { serviceId: s.serviceId })
    await s.center.issue(s.kiosk, { serviceId: s.serviceId })
    s.clock.set(at('08:20'))
    for (const code of codes) expect((await checkIn(s, code)).json().outcome).toBe('ticket')
    const call = async () => (await s!.center.action(clerk, s!.counterId, 'call-next')).json().ticket.label as string
    const finish = async () => {
      expect((await s!.center.action(clerk, s!.counterId, 'start')).statusCode).toBe(200)
      expect((await s!.center.action(clerk, s!.counterId, 'finish', { outcome: 'served' })).statusCode).toBe(200)
    }
    // before the slot: walk-ins first, by arrival
    expect(await call()).toBe('A-001')
    await finish()
    s.clock.set(at('08:31'))
    expect(await call()).toBe('A-003')
    await finish()
    expect(await call()).toBe('A-004')
    await finish()
    // two appointments in a row: the waiting walk-in is owed a turn
    expect(await call()).toBe('A-002')
    await finish()
    expect(await call()).toBe('A-005')
  })
})

describe('appointment settings over HTTP', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('a field left out keeps its value: the defaults the first time, the last saved after', async () => {
    center = await TestCenter.start()
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    const put = (body: object) => center!.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body })
    const first = await put({ enabled: true })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toEqual({ ...APPOINTMENT_DEFAULTS, enabled: true })
    const second = await put({ slotMinutes: 30 })
    expect(second.json()).toEqual({ ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30 })
    expectError(await put({ slotMinutes: 2 }), 400, 'TABOUR_ERR_VALIDATION')
  })

  it('bookings turned on and nothing else (one counter, no service time yet): the booking page offers slots, and a booking is taken', async () => {
    center = await TestCenter.start({ clock: new TestClock(Date.parse(START)) })
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [service.id] })
    const put = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: { enabled: true } })
    expect(put.statusCode, put.body).toBe(200)
    const day = (await center.request('GET', `/api/v1/appointments/slots?serviceId=${service.id}&day=2026-03-11`)).json()
    // 15-minute slots, 10 minutes each (no finishes yet), half kept: 0.75 a slot, 71 places in the day's 95 slots
    // (the 96th, 23:45, would take check-ins until the day's close at midnight: s55)
    expect(day.reason).toBeNull()
    expect(day.slots).toHaveLength(71)
    expect(day.slots.every((s: { capacity: number }) => s.capacity === 1)).toBe(true)
    const res = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: service.id, slotStart: day.slots[0].start, name: 'Mona Ali', phone: '01000000001', lang: 'en' },
    })
    expect(res.statusCode, res.body).toBe(201)
  })

  it("a day's places are sized by the finishes of earlier days: ten quick finishes today change nothing until tomorrow", async () => {
    const clock = new TestClock(Date.parse(START))
    const c = await TestCenter.start({ clock })
    center = c
    const admin = await c.admin()
    const service = await c.createService({ prefix: 'A' })
    const counter = await c.createCounter({ number: 1, serviceIds: [service.id] })
    await c.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: { enabled: true } })
    const places = async (day: string) =>
      (
        (await c.request('GET', `/api/v1/appointments/slots?serviceId=${service.id}&day=${day}`)).json().slots as {
          capacity: number
        }[]
      )
        .map((s) => s.capacity)
        .reduce((a, b) => a + b, 0)
    // no finishes yet: 10 minutes a citizen, 0.75 a slot, 71 places in a day's 95 slots
    expect(await places('2026-03-12')).toBe(71)
    const kiosk = (await c.createDevice('kiosk')).token
    const clerk = await c.openCounterAs('clerk1', counter.id)
    for (let i = 0; i < 12; i++) {
      await c.issue(kiosk, { serviceId: service.id })
      await c.action(clerk, counter.id, 'call-next')
      await c.action(clerk, counter.id, 'start')
      clock.advance(20)
      await c.action(clerk, counter.id, 'finish')
    }
    // twelve services of 20 s today: the places promised for days ahead stay as they were (they read 22 a slot)
    expect(await places('2026-03-12')).toBe(71)
    // the next day starts: yesterday's finishes are a measure now, and the days ahead are sized by them
    clock.set('2026-03-11T06:00:00Z')
    expect(await places('2026-03-12')).toBeGreaterThan(71 * 10)
  })

  it('no counter serves the service: no slot, and the reason says there is no capacity (not a full day)', async () => {
    center = await TestCenter.start({ clock: new TestClock(Date.parse(START)) })
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: admin, body: { enabled: true } })
    const day = (await center.request('GET', `/api/v1/appointments/slots?serviceId=${service.id}&day=2026-03-11`)).json()
    expect(day).toMatchObject({ slots: [], reason: 'no-capacity' })
  })
})

describe('booked places in the walk-in estimate', () => {
  let s: Setup | undefined
  afterEach(async () => s?.center.close())

  it('a booking due before a walk-in would be called holds its place until released', async () => {
    s = await setup({ walkInShare: 0, releaseAfterMinutes: 15 })
    await s.center.openCounterAs('clerk1', s.counterId)
    const estimate = async () =>
      (await s!.center.request('GET', '/api/v1/services', { token: s!.kiosk })).json().find((x: { id: number }) => x.id === s!.serviceId)
        .estimatedWaitSeconds as number
    await s.center.issue(s.kiosk, { serviceId: s.serviceId })
    await s.center.issue(s.kiosk, { serviceId: s.serviceId })
    // two people ahead at 300 s each (the default service time): 600 s
    expect(await estimate()).toBe(600)
    // a booking at 08:30, 30 minutes away: later than those 10 minutes, not counted yet
    expect((await book(s, at('08:30'))).statusCode).toBe(201)
    expect(await estimate()).toBe(600)
    s.clock.set(at('08:25'))
    expect(await estimate()).toBe(900)
    // the slot began 14 minutes ago: still held; 16 minutes ago: released to walk-ins
    s.clock.set(at('08:44'))
    expect(await estimate()).toBe(900)
    s.clock.set(at('08:46'))
    expect(await estimate()).toBe(600)
  })

  it("a check-in's ticket is not told to wait behind its own booking: its estimate is the one its status page gives", async () => {
    s = await setup({ walkInShare: 0, releaseAfterMinutes: 15 })
    await s.center.openCounterAs('clerk1', s.counterId)
    await s.center.issue(s.kiosk, { serviceId: s.serviceId })
    const booking = (await book(s, at('08:30'))).json()
    s.clock.set(at('08:25'))
    const answer = (await checkIn(s, booking.code)).json()
    expect(answer.outcome).toBe('ticket')
    const status = (await s.center.request('GET', `/api/v1/tickets/${answer.ticket.id}`)).json()
    // before, the answer (and the log, and the paper) counted the booking itself as a place held ahead: 300 s more
    expect(answer.ticket.estimatedWaitSeconds).toBe(status.estimatedWaitSeconds)
    expect(answer.ticket.position).toBe(status.position)
    const logged = rows<{ d: string }>(
      s.center,
      "SELECT data AS d FROM events WHERE type = 'ticket.issued' AND ticket_id = ?",
      answer.ticket.id,
    )
    expect(JSON.parse(logged[0]!.d).estimatedWaitSeconds).toBe(status.estimatedWaitSeconds)
  })
})

describe('200 people booking the last 10 places at once over HTTP', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('get exactly 10 bookings, one a slot, never 11', async () => {
    const s = await setup({ maxPerAddressPerHour: 100_000 })
    center = s.center
    const base = await s.center.listen()
    const slots = Array.from({ length: 10 }, (_, i) => at(`${String(14 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`))
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(`${base}/api/v1/appointments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            serviceId: s.serviceId,
            slotStart: slots[i % 10],
            name: `Citizen ${i}`,
            phone: `0110${String(i).padStart(7, '0')}`,
          }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code: string } })),
      ),
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((x) => x === 201)).toHaveLength(10)
    expect(statuses.filter((x) => x === 409)).toHaveLength(190)
    expect(new Set(answers.filter((a) => a.status === 409).map((a) => a.body.code))).toEqual(new Set(['TABOUR_ERR_SLOT_FULL']))
    expect(rows(s.center, 'SELECT slot_start AS t, count(*) AS n FROM bookings GROUP BY slot_start ORDER BY t')).toEqual(
      slots.map((t) => ({ t: Date.parse(t), n: 1 })),
    )
  })
})
