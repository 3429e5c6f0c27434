/**
 * The console's "next" labels against the server's calls: the queue panel lists each line's next
 * tickets from what the console gets over the wire (the live tickets, its counter with its priority
 * streak, the services, GET /center's policy), by the call policy the server calls with
 * (protocol/call-policy.ts). Here a real center calls them one after another on a frozen clock,
 * under the priority policy with its cap, across two lines of different weights, and each line's
 * tickets come in the order the console listed them, from any streak the counter starts at; and a
 * checked-in appointment whose slot has come (rule f) is listed first in its line, as the next call
 * takes it (the staff ticket carries its `slotStart`; before, the console listed it by its place);
 * and at the cap on appointments in a row the walk-in a call takes is listed first (the staff counter
 * carries its `appointmentStreak`; before, the console played as if none had been called).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { counterQueue, type LineOrder } from '../../counter-ui/queue-model.ts'
import type { CenterInfo } from '../../protocol/center.ts'
import type { Counter, Service, Ticket } from '../../protocol/entities.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { ticketDto } from '../../server/dto.ts'
import { TestCenter, TestClock } from '../helpers/test-center.ts'

/** What the console lists per line for `counterId` (read as the console reads it, over HTTP), and the streak it reads. */
async function listedByConsole(center: TestCenter, clerk: string, counterId: number, now: number) {
  const get = async <T>(path: string) => (await center.request('GET', `/api/v1${path}`, { token: clerk })).json() as T
  const info = await get<CenterInfo>('/center')
  const mine = (await get<Counter[]>('/counters')).find((c) => c.id === counterId)!
  const order: LineOrder = {
    policy: info.callPolicy,
    priorityAgingSeconds: info.priorityAgingSeconds!,
    maxPriorityInARow: info.maxPriorityInARow!,
    maxAppointmentsInARow: info.maxAppointmentsInARow!,
  }
  const tickets = await get<Ticket[]>('/tickets')
  const queue = counterQueue(mine, await get<Service[]>('/services'), tickets, now, { order, nextCount: 10 })
  return {
    streak: mine.priorityStreak,
    counter: mine,
    tickets,
    listed: new Map(queue.rows.map((row) => [row.service.id, row.next.map((e) => e.label)])),
  }
}

/**
 * Every waiting ticket called at `counterId` one after another, by line, and the first call's label; the clock
 * still, or a second on between calls with `clock` (the appointment streak reads the calls by their time).
 */
async function calledByServer(center: TestCenter, clerk: string, counterId: number, serviceIds: number[], clock?: TestClock) {
  const called = new Map<number, string[]>(serviceIds.map((id) => [id, []]))
  const all: string[] = []
  for (;;) {
    const answer = (await center.action(clerk, counterId, 'call-next')).json() as { ticket: Ticket | null }
    if (!answer.ticket) break
    called.get(answer.ticket.serviceId)!.push(answer.ticket.label)
    all.push(answer.ticket.label)
    await center.action(clerk, counterId, 'start')
    await center.action(clerk, counterId, 'finish')
    clock?.advance(1)
  }
  return { called, all }
}

describe("the console's next labels are the tickets the server calls", () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('under the priority policy with its cap, across two weighted lines, from a counter that has just called priority tickets', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock, config: { queue: { policy: 'priority', maxPriorityInARow: 2, priorityAgingSeconds: 1800 } } })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({
      number: 1,
      services: [
        { serviceId: a.id, weight: 1 },
        { serviceId: b.id, weight: 2 },
      ],
    })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    // a morning's line: ordinary and priority tickets in both lines, three minutes apart
    const issued: [number, string | undefined][] = [
      [a.id, undefined],
      [b.id, 'elderly'],
      [a.id, undefined],
      [b.id, undefined],
      [a.id, 'elderly'],
      [b.id, undefined],
      [a.id, 'pregnant'],
      [a.id, undefined],
      [b.id, 'elderly'],
    ]
    for (const [serviceId, priority] of issued) {
      await center.issue(kiosk, { serviceId, ...(priority ? { priority } : {}) })
      clock.advance(180)
    }
    // two priority tickets called just now (the streak at the cap), the console reading its counter then
    for (let i = 0; i < 2; i++) {
      await center.action(clerk, counter.id, 'call-next')
      await center.action(clerk, counter.id, 'start')
      await center.action(clerk, counter.id, 'finish')
    }

    const { streak, listed } = await listedByConsole(center, clerk, counter.id, clock.now)
    expect(streak).toBe(2)
    const { called, all } = await calledByServer(center, clerk, counter.id, [a.id, b.id])
    expect(all).toHaveLength(issued.length - 2)
    expect(listed).toEqual(called)
  })

  it('a checked-in appointment whose slot has come is listed first in its line, as the call takes it; before its slot, by its place', async () => {
    // 10:00 in Cairo; B takes bookings of 30-minute slots
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 15 }
    expect((await center.request('PUT', `/api/v1/appointments/settings/${b.id}`, { token: admin, body: settings })).statusCode).toBe(200)
    const slotStart = '2026-03-10T08:30:00.000Z' // 10:30 in Cairo
    const booked = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: b.id, slotStart, name: 'Mona Ali', phone: '01000000001', lang: 'en' },
    })
    expect(booked.statusCode, booked.body).toBe(201)
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    // the morning's walk-ins in both lines, three minutes apart: A-001, B-001, A-002, B-002, A-003
    for (const serviceId of [a.id, b.id, a.id, b.id, a.id]) {
      await center.issue(kiosk, { serviceId })
      clock.advance(180)
    }
    // the citizen checks in at 10:20, ten minutes early: B-003, with its slot
    clock.set('2026-03-10T08:20:00Z')
    const pushed: Ticket[] = []
    center.app.tabour.queue.events.on((e) => {
      if (e.type === 'ticket:issued') pushed.push(ticketDto(e.ticket))
    })
    const checkedIn = await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: booked.json().code } })
    expect(checkedIn.json().outcome).toBe('ticket')
    const early = await listedByConsole(center, clerk, counter.id, clock.now)
    // the staff feed's push of the new ticket and the live list both carry its slot
    expect(pushed).toMatchObject([{ label: 'B-003', origin: 'appointment', slotStart }])
    expect(early.tickets.find((t) => t.label === 'B-003')).toMatchObject({ origin: 'appointment', slotStart })
    // before its slot it waits like any ticket: last in B
    expect(early.listed.get(b.id)).toEqual(['B-001', 'B-002', 'B-003'])

    // 10:31: its slot has come; the console, reading the line now, lists it first in B, and the next call takes it
    clock.set('2026-03-10T08:31:00Z')
    const { listed } = await listedByConsole(center, clerk, counter.id, clock.now)
    expect(listed.get(b.id)).toEqual(['B-003', 'B-001', 'B-002'])
    const { called, all } = await calledByServer(center, clerk, counter.id, [a.id, b.id])
    expect(all[0]).toBe('B-003')
    expect(listed).toEqual(called)
  })

  it('at the cap on appointments in a row, the walk-in the next call takes is listed first (the staff counter carries its streak)', async () => {
    // 10:00 in Cairo; B takes bookings of 30-minute slots, three places a slot; the cap: two appointments in a row
    const clock = new TestClock()
    center = await TestCenter.start({ clock, config: { queue: { maxAppointmentsInARow: 2 } } })
    const admin = await center.admin()
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({ number: 1, serviceIds: [b.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 5 }
    expect((await center.request('PUT', `/api/v1/appointments/settings/${b.id}`, { token: admin, body: settings })).statusCode).toBe(200)
    const slotStart = '2026-03-10T08:30:00.000Z' // 10:30 in Cairo
    const codes: string[] = []
    for (const phone of ['01000000001', '01000000002', '01000000003']) {
      const booked = await center.request('POST', '/api/v1/appointments', {
        body: { serviceId: b.id, slotStart, name: 'Mona Ali', phone, lang: 'en' },
      })
      expect(booked.statusCode, booked.body).toBe(201)
      codes.push(booked.json().code)
    }
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    // two walk-ins, B-001 and B-002; the three citizens check in at 10:20: B-003, B-004, B-005
    for (let i = 0; i < 2; i++) {
      await center.issue(kiosk, { serviceId: b.id })
      clock.advance(180)
    }
    clock.set('2026-03-10T08:20:00Z')
    for (const text of codes)
      expect((await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text } })).json().outcome).toBe('ticket')
    // 10:31: their slot has come; two of them called, the counter is at the cap
    clock.set('2026-03-10T08:31:00Z')
    for (const label of ['B-003', 'B-004']) {
      expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.label).toBe(label)
      await center.action(clerk, counter.id, 'start')
      await center.action(clerk, counter.id, 'finish')
      clock.advance(1)
    }
    const { listed, counter: read } = await listedByConsole(center, clerk, counter.id, clock.now)
    expect(read.appointmentStreak).toBe(2)
    // a walk-in first, then the last appointment (its streak back at 0), then the other walk-in; before, B-005 was listed first
    expect(listed.get(b.id)).toEqual(['B-001', 'B-005', 'B-002'])
    const { called } = await calledByServer(center, clerk, counter.id, [b.id], clock)
    expect(listed).toEqual(called)
    // displays are not told the streak
    const display = (await center.createDevice('display')).token
    const shown = (await center.request('GET', `/api/v1/counters/${counter.id}`, { token: display })).json() as Counter
    expect(shown).not.toHaveProperty('appointmentStreak')
  })
})
