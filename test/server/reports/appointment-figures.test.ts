import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { DEFAULT_CALENDAR } from '../../../protocol/calendar.ts'
import { median } from '../../../server/reports/appointment-figures.ts'

/**
 * A fixture day of appointments, walk-ins and a place taken from a phone, played through the real
 * API on a real SQLite file (Cairo, UTC+2), and its figures computed by hand.
 *
 * Hours 08:00–12:00 every day. Service A takes bookings: 30-minute slots, 10 minutes a citizen,
 * nothing kept for walk-ins, one counter serving only A → ⌊1 × 1800 ÷ 600⌋ = 3 places a slot;
 * the manager adds 1 place a slot on Tuesday 10 March → 4. So 10 March has 8 slots × 4 = 32
 * places, 11 March 8 × 3 = 24. Check-in from 30 minutes before to 15 after the slot's start.
 * Service B: walk-ins only, its own counter.
 *
 * Tuesday 10 March, 07:00, bookings of A (each with its own phone):
 *   b1 Tue 09:00 · b2 Tue 09:00 · b3 Tue 09:30, moved to Tue 10:00 · b4 Tue 10:00 · b5 Tue 10:30
 *   b6 Tue 11:30 · b7 Wed 09:00 · b8 Tue 09:00, moved to Wed 09:00 (leaves the 10th)
 * Tuesday 10 March (local):
 *   08:30 walk-in A1            08:40 b1 checks in → appointment A2 (20 min early)
 *   08:50 counter 1 calls A1 (wait 20:00 = 1200 s; A2's slot has not begun, so by order)
 *   09:00 walk-in B1; b4 cancelled
 *   09:03 b2 checks in → A3 (3 min late: on time)     09:04 walk-in A4
 *   09:05 counter 1 calls A2 (due, earliest) 25:00 = 1500 s
 *   09:10 counter 1 calls A3 (second appointment in a row, allowed) 7:00 = 420 s; walk-in B2
 *   09:20 counter 1 calls A4 16:00 = 960 s
 *   09:30 counter 2 calls B1 30:00 = 1800 s; R joins A from a phone (check-in mode)
 *   09:50 counter 2 calls B2 40:00 = 2400 s (and keeps it)
 *   10:00 R arrives ("I am here")  10:05 counter 1 calls R: 5:00 = 300 s from arrival (not 35 min)
 *   10:10 b3 checks in → appointment (10 min late)   10:12 counter 1 calls it: 2:00 = 120 s
 *   10:20 walk-in A-next          10:21 counter 1 calls it: 1:00 = 60 s
 *   10:22 counter 2 transfers B2 to A
 *   10:30 counter 1 calls B2 again: its wait in A's line, 10:22–10:30 = 480 s (a wait is one line's, figures.ts)
 *   10:50 b5 tries to check in: too late (window closed 10:45), stays unused
 *   11:20 the report (b6's window, 11:00–11:45, is open)
 */
const at = (hhmm: string, day = '2026-03-10') => `${day}T${hhmm}:00+02:00`
const iso = (hhmm: string, day = '2026-03-10') => new Date(Date.parse(at(hhmm, day))).toISOString()

describe('appointment figures of a fixture day', () => {
  const clock = new TestClock(Date.parse(at('07:00')))
  let center: TestCenter
  let manager: string
  let a: number
  let b: number
  const calls: Record<string, string> = {}

  beforeAll(async () => {
    center = await TestCenter.start({
      clock,
      config: { remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', dailyCap: 10, arriveMinutes: 30 }] } },
    })
    const admin = await center.admin()
    const open = [{ open: '08:00', close: '12:00' }]
    const weekly = { sat: open, sun: open, mon: open, tue: open, wed: open, thu: open, fri: open }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: { ...DEFAULT_CALENDAR, weekly } })).statusCode).toBe(200)
    a = (await center.createService({ prefix: 'A' })).id
    b = (await center.createService({ prefix: 'B' })).id
    const c1 = (await center.createCounter({ number: 1, serviceIds: [a] })).id
    const c2 = (await center.createCounter({ number: 2, serviceIds: [b] })).id
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 10, walkInShare: 0 }
    const put = await center.request('PUT', `/api/v1/appointments/settings/${a}`, { token: admin, body: settings })
    expect(put.statusCode, put.body).toBe(200)
    const extra = await center.request('PUT', `/api/v1/appointments/days/${a}/2026-03-10`, {
      token: admin,
      body: { blocked: false, extraPerSlot: 1 },
    })
    expect(extra.statusCode, extra.body).toBe(200)
    const kiosk = (await center.createDevice('kiosk')).token
    manager = (await center.createUser('boss', 'manager')).token
    const ali = await center.openCounterAs('ali', c1)
    const mona = await center.openCounterAs('mona', c2)

    let phone = 0
    const book = async (slot: string) => {
      const res = await center.request('POST', '/api/v1/appointments', {
        body: { serviceId: a, slotStart: slot, name: 'Citizen', phone: `0100000000${phone++}`, lang: 'ar' },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().code as string
    }
    const move = async (code: string, slot: string) =>
      expect((await center.request('POST', `/api/v1/appointments/${code}/move`, { body: { slotStart: slot } })).statusCode).toBe(200)
    const checkIn = async (code: string) =>
      (await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: code } })).json()
    const walkIn = (serviceId: number) => center.issue(kiosk, { serviceId })
    const call = async (clerk: string, counterId: number, then: 'finish' | 'keep' = 'finish') => {
      const res = await center.action(clerk, counterId, 'call-next')
      expect(res.statusCode, res.body).toBe(200)
      const label = res.json().ticket.label as string
      if (then === 'finish') {
        await center.action(clerk, counterId, 'start')
        expect((await center.action(clerk, counterId, 'finish', {})).statusCode).toBe(200)
      }
      return label
    }
    const time = (hhmm: string) => clock.set(iso(hhmm))

    const b1 = await book(iso('09:00'))
    const b2 = await book(iso('09:00'))
    const b3 = await book(iso('09:30'))
    await move(b3, iso('10:00'))
    const b4 = await book(iso('10:00'))
    const b5 = await book(iso('10:30'))
    await book(iso('11:30'))
    await book(iso('09:00', '2026-03-11'))
    await move(await book(iso('09:00')), iso('09:00', '2026-03-11'))

    time('08:30')
    await walkIn(a)
    time('08:40')
    expect(await checkIn(b1)).toMatchObject({ outcome: 'ticket', ticket: { label: 'A-002' } })
    time('08:50')
    calls.c0850 = await call(ali, c1)
    time('09:00')
    await walkIn(b)
    expect((await center.request('POST', `/api/v1/appointments/${b4}/cancel`)).statusCode).toBe(200)
    time('09:03')
    expect(await checkIn(b2)).toMatchObject({ outcome: 'ticket', ticket: { label: 'A-003' } })
    time('09:04')
    await walkIn(a)
    time('09:05')
    calls.c0905 = await call(ali, c1)
    time('09:10')
    calls.c0910 = await call(ali, c1)
    await walkIn(b)
    time('09:20')
    calls.c0920 = await call(ali, c1)
    time('09:30')
    calls.c0930 = await call(mona, c2)
    const joined = await center.app.inject({
      method: 'POST',
      url: '/api/v1/remote/join',
      payload: { serviceId: a, phone: '01099999999', lang: 'ar' },
    })
    expect(joined.statusCode, joined.body).toBe(201)
    time('09:50')
    calls.c0950 = await call(mona, c2, 'keep')
    time('10:00')
    const arrived = await center.app.inject({
      method: 'POST',
      url: `/api/v1/remote/tickets/${joined.json().id}/arrive`,
      remoteAddress: '192.168.1.20',
    })
    expect(arrived.statusCode, arrived.body).toBe(200)
    time('10:05')
    calls.c1005 = await call(ali, c1)
    time('10:10')
    expect(await checkIn(b3)).toMatchObject({ outcome: 'ticket' })
    time('10:12')
    calls.c1012 = await call(ali, c1)
    time('10:20')
    await walkIn(a)
    time('10:21')
    calls.c1021 = await call(ali, c1)
    time('10:22')
    expect((await center.action(mona, c2, 'transfer', { serviceId: a })).statusCode).toBe(200)
    time('10:30')
    calls.c1030 = await call(ali, c1)
    time('10:50')
    expect(await checkIn(b5)).toMatchObject({ outcome: 'too_late' })
    time('11:20')
  })
  afterAll(() => center.close())

  const get = async (from: string, to: string) => {
    const res = await center.request('GET', `/api/v1/stats/appointments?from=${from}&to=${to}`, { token: manager })
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  it('called the tickets in the order the comment works from', () => {
    expect(calls).toEqual({
      c0850: 'A-001',
      c0905: 'A-002',
      c0910: 'A-003',
      c0920: 'A-004',
      c0930: 'B-001',
      c0950: 'B-002',
      c1005: 'A-005',
      c1012: 'A-006',
      c1021: 'A-007',
      c1030: 'B-002',
    })
  })

  it('counts bookings, check-ins, no-shows, cancellations, punctuality and places of the day, as computed by hand', async () => {
    const f = await get('2026-03-10', '2026-03-10')
    const aFigures = {
      serviceId: a,
      // live bookings with a slot on the 10th: b1 b2 b3 b5 b6 (b4 cancelled, b8 moved to the 11th)
      booked: 5,
      checkedIn: 3, // b1 b2 b3
      noShow: 1, // b5: window closed at 10:45, not checked in (the too-late try changes nothing)
      pending: 1, // b6: window open until 11:45
      cancelled: 1, // b4
      moved: 1, // b3 (b8's move counts on the 11th, where its slot now is)
      early: 1, // b1 −20 min
      onTime: 1, // b2 +3 min
      late: 1, // b3 +10 min
      punctualPercent: 66.7, // 2 ÷ 3
      meanCheckInMinutes: -2.3, // (−20 + 3 + 10) ÷ 3 = −2.33
      places: 32, // 8 slots × (3 + 1 extra)
      bookedPercent: 15.6, // 5 ÷ 32 = 15.625
      checkedInPercent: 9.4, // 3 ÷ 32 = 9.375
    }
    // B takes no bookings and has none: not listed
    expect(f.services).toEqual([aFigures])
    expect(f.total).toEqual({ ...aFigures, serviceId: null })
  })

  it('gives the waits by origin, side by side, as computed by hand', async () => {
    const f = await get('2026-03-10', '2026-03-10')
    const none = { called: 0, meanWaitSeconds: null, medianWaitSeconds: null }
    // A walk-ins 1200, 960, 60 and B2's 480 in A's line after the transfer: mean 2700 ÷ 4 = 675,
    // median (480 + 960) ÷ 2 = 720, as the services table counts them. Appointments 1500, 420, 120:
    // mean 680, median 420. Remote 300 (from arrival).
    const aWaits = {
      serviceId: a,
      walk_in: { called: 4, meanWaitSeconds: 675, medianWaitSeconds: 720 },
      appointment: { called: 3, meanWaitSeconds: 680, medianWaitSeconds: 420 },
      remote: { called: 1, meanWaitSeconds: 300, medianWaitSeconds: 300 },
    }
    // B walk-ins 1800, 2400: mean = median = 2100
    const bWaits = { serviceId: b, walk_in: { called: 2, meanWaitSeconds: 2100, medianWaitSeconds: 2100 }, appointment: none, remote: none }
    expect(f.waits).toEqual([aWaits, bWaits])
    // all walk-ins 60, 480, 960, 1200, 1800, 2400: mean 6900 ÷ 6 = 1150, median (960 + 1200) ÷ 2 = 1080
    expect(f.waitsTotal).toEqual({
      serviceId: null,
      walk_in: { called: 6, meanWaitSeconds: 1150, medianWaitSeconds: 1080 },
      appointment: aWaits.appointment,
      remote: aWaits.remote,
    })
  })

  it('adds the next day (b7 and b8 still to come, 24 more places), not the day before the first booking', async () => {
    const f = await get('2026-03-10', '2026-03-11')
    // booked 5 + 2 = 7 (pending 1 + 2 = 3), moved 1 + 1 (b8), places 32 + 8 × 3 = 56, 7 ÷ 56 = 12.5 %, 3 ÷ 56 = 5.36 %
    expect(f.total).toMatchObject({ booked: 7, pending: 3, noShow: 1, moved: 2, places: 56, bookedPercent: 12.5, checkedInPercent: 5.4 })
    // the day before the first booking was made offers no places (the center does not know A took bookings then)
    expect((await get('2026-03-09', '2026-03-10')).total).toMatchObject({ booked: 5, places: 32 })
  })

  it('writes the same figures as CSV with a total line, headers in the language asked for', async () => {
    const res = await center.request('GET', '/api/v1/stats/appointments.csv?from=2026-03-10&to=2026-03-10&lang=en', { token: manager })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/tabour-appointments-2026-03-10-2026-03-10-Africa_Cairo\.csv/)
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toMatch(/^Service code,Service \(Arabic\),Service \(English\),Booked,Checked in,No-shows,/)
    expect(lines[0]).toContain('Walk-in: Mean wait (seconds)')
    expect(lines).toHaveLength(4) // header, A, B, total
    expect(lines[1]).toMatch(/^A,خدمة A,Service A,5,3,1,1,1,1,1,1,1,-2.3,32,66.7,15.6,9.4,4,675,720,3,680,420,1,300,300$/)
    expect(lines[3]).toMatch(/^Total,,,5,3,1,1,1,1,1,1,1,-2.3,32,66.7,15.6,9.4,6,1150,1080,3,680,420,1,300,300$/)
    const ar = await center.request('GET', '/api/v1/stats/appointments.csv?from=2026-03-10&to=2026-03-10', { token: manager })
    expect(ar.body).toContain('بدون موعد')
  })

  it('refuses a range the reports refuse, and anyone but a manager', async () => {
    const bad = await center.request('GET', '/api/v1/stats/appointments?from=2026-03-11&to=2026-03-10', { token: manager })
    expect(bad.statusCode).toBe(400)
    const clerk = (await center.createUser('clerk2', 'clerk')).token
    expect((await center.request('GET', '/api/v1/stats/appointments?from=2026-03-10&to=2026-03-10', { token: clerk })).statusCode).toBe(403)
  })

  it('takes the median of an even list as the mean of its two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})
