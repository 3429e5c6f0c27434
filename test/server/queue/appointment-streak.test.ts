/**
 * A counter's appointment streak (rule f: past queue.maxAppointmentsInARow a waiting walk-in goes
 * before a due appointment) counts the calls the counter made, in the order it made them. It was
 * read back from the tickets now at the counter by their call time: a transferred appointment left
 * the streak with its counter_id, and two calls in one millisecond were taken in the tickets' issue
 * order. The staff counter carries the streak the next call uses (the console plays it forward).
 */
import { afterEach, expect, it } from 'vitest'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import type { Counter, Ticket } from '../../../protocol/entities.ts'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'

let center: TestCenter | undefined
afterEach(async () => center?.close())

/** A center at 10:00 in Cairo whose service B takes 30-minute slots: `walkIns` walk-ins at 10:20, then `appointments` checked in for 10:30; at 10:31. */
async function morning(maxAppointmentsInARow: number, appointments: number, walkIns: number) {
  const clock = new TestClock()
  center = await TestCenter.start({ clock, config: { queue: { maxAppointmentsInARow } } })
  const admin = await center.admin()
  const b = await center.createService({ prefix: 'B' })
  const c = await center.createService({ prefix: 'C' })
  const counter = await center.createCounter({ number: 1, serviceIds: [b.id] })
  const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 5 }
  expect((await center.request('PUT', `/api/v1/appointments/settings/${b.id}`, { token: admin, body: settings })).statusCode).toBe(200)
  const codes: string[] = []
  for (let i = 0; i < appointments; i++) {
    const body = { serviceId: b.id, slotStart: '2026-03-10T08:30:00.000Z', name: 'Mona Ali', phone: `0100000000${i + 1}`, lang: 'en' }
    const booked = await center.request('POST', '/api/v1/appointments', { body })
    expect(booked.statusCode, booked.body).toBe(201)
    codes.push(booked.json().code)
  }
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk = await center.openCounterAs('clerk1', counter.id)
  clock.set('2026-03-10T08:20:00Z')
  for (let i = 0; i < walkIns; i++) await center.issue(kiosk, { serviceId: b.id })
  for (const text of codes)
    expect((await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text } })).json().outcome).toBe('ticket')
  // 10:31: the slots have come
  clock.set('2026-03-10T08:31:00Z')
  const call = async (how: 'call-next' | string) => {
    const res =
      how === 'call-next'
        ? await center!.action(clerk, counter.id, how)
        : await center!.action(clerk, counter.id, 'call', { ticketId: how })
    expect(res.statusCode, res.body).toBe(200)
    return res.json().ticket as Ticket
  }
  const finish = async () => {
    for (const action of ['start', 'finish']) expect((await center!.action(clerk, counter.id, action)).statusCode).toBe(200)
  }
  const streak = async () =>
    ((await center!.request('GET', '/api/v1/counters', { token: clerk })).json() as Counter[]).find((x) => x.id === counter.id)!
      .appointmentStreak
  return { clock, clerk, counter, c, call, finish, streak }
}

it('keeps an appointment it called and then transferred: at the cap the next call takes the walk-in', async () => {
  // B-001 a walk-in; B-002, B-003, B-004 appointments; the cap: two in a row
  const m = await morning(2, 3, 1)
  expect((await m.call('call-next')).label).toBe('B-002')
  await m.finish()
  m.clock.advance(1)
  expect((await m.call('call-next')).label).toBe('B-003')
  // the citizen of B-003 belongs at another service: sent there, this counter still called two appointments
  expect((await center!.action(m.clerk, m.counter.id, 'transfer', { serviceId: m.c.id })).statusCode).toBe(200)
  m.clock.advance(1)
  // before, the transfer took B-003 out of the streak (1) and the next call took B-004, a third appointment in a row
  expect(await m.streak()).toBe(2)
  expect((await m.call('call-next')).label).toBe('B-001')
  expect(await m.streak()).toBe(0)
})

it('orders two calls in one millisecond as they were made, not by when their tickets were issued', async () => {
  // B-001, B-002 walk-ins; B-003, B-004 appointments checked in after them; the cap: one; the clock stands still
  const m = await morning(1, 2, 2)
  const tickets = (await center!.request('GET', '/api/v1/tickets', { token: m.clerk })).json() as Ticket[]
  // B-003 by the policy (a due appointment), then the walk-in B-001 out of order, in the same millisecond
  expect((await m.call('call-next')).label).toBe('B-003')
  await m.finish()
  expect((await m.call(tickets.find((t) => t.label === 'B-001')!.id)).label).toBe('B-001')
  await m.finish()
  // the last call was a walk-in: no appointment in a row, the due B-004 goes first. Before, B-003 (issued after
  // B-001) counted as the later call: the counter read as at the cap and called the walk-in B-002
  expect(await m.streak()).toBe(0)
  expect((await m.call('call-next')).label).toBe('B-004')
})

it('starts afresh when the counter closes and opens again, as the priority run does', async () => {
  // B-001 a walk-in; B-002, B-003 appointments; the cap: one
  const m = await morning(1, 2, 1)
  expect((await m.call('call-next')).label).toBe('B-002')
  await m.finish()
  expect(await m.streak()).toBe(1)
  expect((await center!.action(m.clerk, m.counter.id, 'close')).statusCode).toBe(200)
  expect((await center!.action(m.clerk, m.counter.id, 'open')).statusCode).toBe(200)
  // a new sitting: its first call is the due appointment, not the walk-in the last sitting's run owed
  expect(await m.streak()).toBe(0)
  m.clock.advance(1)
  expect((await m.call('call-next')).label).toBe('B-003')
})
