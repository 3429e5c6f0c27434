import { afterEach, describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { addNationalService } from '../../hub/hub-harness.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { drain, hubJson, startHubLosingAcks, startReportingCenter } from './upstream-helpers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const FIELDS = [
  'appointmentsBooked',
  'appointmentsCancelled',
  'appointmentsCheckedIn',
  'appointmentNoShows',
  'appointmentCalls',
  'appointmentWaitSecondsSum',
  'remoteJoins',
  'remoteCalls',
  'remoteWaitSecondsSum',
] as const
const zero = Object.fromEntries(FIELDS.map((f) => [f, 0]))

/**
 * Appointment and remote-join figures reach the national hub exactly once, through the real
 * reporter and a real hub on loopback, each in the hour it happened: revised as the hour goes on
 * (the revision replaces, never adds) and resent after lost acks without being counted twice; a
 * no-show in the hour its check-in window closed. The hub's day equals the center's own report.
 *
 *   (Cairo) 08:10 b1, b2 for 09:00 and b3 for 09:30 booked; b3 cancelled      → hour 8: booked 3, cancelled 1
 *           08:40 b1 checks in; 08:45 R joins from a phone                    → hour 8: checked in 1, joins 1
 *           09:05 b1's ticket called (25 min: 1500 s); 09:06 R arrives; 09:10 R called (4 min: 240 s)
 *           09:15 b2's window closes unused; 09:20 read                        → hour 9: no-show 1, calls 1 + 1
 */
describe('appointment figures upstream', () => {
  it('arrive at the hub exactly once, resends and revisions included', { timeout: 90_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z'))
    // the hub stores each batch, then can lose its answer: the center must send it again
    const { hub, acks } = await startHubLosingAcks()
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'A')
    const center = await startReportingCenter(hub, 'EG-ALX-004', clock, {
      remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', dailyCap: 10, arriveMinutes: 30 }] },
    })
    cleanups.push(() => center.close())
    const admin = await center.admin()
    const a = (await center.createService({ prefix: 'A', nationalCode: 'A' })).id
    const counter = (await center.createCounter({ number: 1, serviceIds: [a] })).id
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 10, walkInShare: 0 }
    expect((await center.request('PUT', `/api/v1/appointments/settings/${a}`, { token: admin, body: settings })).statusCode).toBe(200)
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter)
    const at = (hhmm: string) => `2026-03-10T${hhmm}:00+02:00`
    const time = (hhmm: string) => clock.set(new Date(Date.parse(at(hhmm))).toISOString())
    let phone = 0
    const book = async (hhmm: string) => {
      const res = await center.request('POST', '/api/v1/appointments', {
        body: { serviceId: a, slotStart: new Date(Date.parse(at(hhmm))).toISOString(), name: 'Citizen', phone: `0100000000${phone++}` },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().code as string
    }
    const callNext = async () => {
      expect((await center.action(clerk, counter, 'call-next')).statusCode).toBe(200)
      await center.action(clerk, counter, 'start')
      expect((await center.action(clerk, counter, 'finish', {})).statusCode).toBe(200)
    }
    const hubRows = async (by: 'service' | 'hour'): Promise<Record<string, any>[]> =>
      ((await hubJson(hub, `/api/hub/v1/figures?from=2026-03-10&by=${by}&center=EG-ALX-004`)).rows as any[]).map((r) => ({
        key: r.key,
        ...Object.fromEntries(FIELDS.map((f) => [f, r[f]])),
      }))

    // hour 08, its first two acks lost
    acks.lose = 2
    const b1 = await book('09:00')
    await book('09:00')
    const b3 = await book('09:30')
    expect((await center.request('POST', `/api/v1/appointments/${b3}/cancel`)).statusCode).toBe(200)
    time('08:40')
    expect((await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: b1 } })).json().outcome).toBe('ticket')
    time('08:45')
    const joined = await center.app.inject({ method: 'POST', url: '/api/v1/remote/join', payload: { serviceId: a, phone: '01099999999' } })
    expect(joined.statusCode, joined.body).toBe(201)
    await drain(center)
    expect(acks.lost).toBe(2)
    const hour8 = { ...zero, appointmentsBooked: 3, appointmentsCancelled: 1, appointmentsCheckedIn: 1, remoteJoins: 1 }
    expect(await hubRows('hour')).toEqual([{ key: '8', ...hour8 }])

    // hour 09: the calls, then b2's window closes unused; the hour is revised, one ack lost
    acks.lose = 1
    time('09:05')
    await callNext()
    time('09:06')
    const arrived = await center.app.inject({
      method: 'POST',
      url: `/api/v1/remote/tickets/${joined.json().id}/arrive`,
      remoteAddress: '192.168.1.20',
    })
    expect(arrived.statusCode, arrived.body).toBe(200)
    time('09:10')
    await callNext()
    await drain(center)
    const hour9 = { ...zero, appointmentCalls: 1, appointmentWaitSecondsSum: 1500, remoteCalls: 1, remoteWaitSecondsSum: 240 }
    expect(await hubRows('hour')).toEqual([
      { key: '8', ...hour8 },
      { key: '9', ...hour9 },
    ])
    // 09:15 exactly: the window is not yet closed (a no-show once it has)
    time('09:15')
    await drain(center)
    expect((await hubRows('hour'))[1]).toEqual({ key: '9', ...hour9 })
    time('09:20')
    await drain(center)
    expect(acks.lost).toBe(3)
    expect(await hubRows('hour')).toEqual([
      { key: '8', ...hour8 },
      { key: '9', ...hour9, appointmentNoShows: 1 },
    ])

    // hour 10 closes hour 9 with the same figures; resending the day changes nothing
    time('10:05')
    await drain(center)
    const [total] = await hubRows('service')
    expect(total).toEqual({
      key: 'A',
      ...zero,
      appointmentsBooked: 3,
      appointmentsCancelled: 1,
      appointmentsCheckedIn: 1,
      appointmentNoShows: 1,
      appointmentCalls: 1,
      appointmentWaitSecondsSum: 1500,
      remoteJoins: 1,
      remoteCalls: 1,
      remoteWaitSecondsSum: 240,
    })
    // the hub's day equals the center's own report of the day
    const mine = (await center.request('GET', '/api/v1/stats/appointments?from=2026-03-10&to=2026-03-10', { token: admin })).json()
    expect({
      checkedIn: total.appointmentsCheckedIn,
      noShow: total.appointmentNoShows,
      cancelled: total.appointmentsCancelled,
      appointmentWait: total.appointmentWaitSecondsSum / total.appointmentCalls,
      remoteWait: total.remoteWaitSecondsSum / total.remoteCalls,
    }).toEqual({
      checkedIn: mine.total.checkedIn,
      noShow: mine.total.noShow,
      cancelled: mine.total.cancelled,
      appointmentWait: mine.waitsTotal.appointment.meanWaitSeconds,
      remoteWait: mine.waitsTotal.remote.meanWaitSeconds,
    })
    // the summary's totals carry them too
    expect((await hubJson(hub, '/api/hub/v1/summary?from=2026-03-10')).totals).toMatchObject({
      appointmentsCheckedIn: 1,
      appointmentCalls: 1,
    })
  })
})
