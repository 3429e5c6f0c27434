import { describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../../protocol/error-codes.ts'
import { MAX_WATCHED_TICKETS } from '../../../protocol/events.ts'
import {
  EventRecorder,
  expectNoEvent,
  useListeningCenter,
  waitForConnectError,
  waitForEvent,
  waitUntil,
} from '../../helpers/socket-client.ts'
import { act, buildFloor, openCounter } from './floor.ts'
import { type TestCenter, TestClock } from '../../helpers/test-center.ts'

/**
 * The public watch socket of the status page (server/realtime/ticket-watch.ts): no token, the
 * ticket ids are the capability; it gets only `ticket:status` of its own tickets, pushed at
 * connect and after every change that moves them, and never anything personal.
 */
/** A desk (counter 7) serving the floor's service A and a service B, open, with one ticket of B waiting: the watched one. */
async function sharedDesk(center: TestCenter) {
  const floor = await buildFloor(center)
  const other = await center.createService({ prefix: 'B' })
  const counter = await center.createCounter({ number: 7, name: 'Desk 7', zone: 'ground', serviceIds: [floor.service.id, other.id] })
  const clerk = await center.openCounterAs('clerk-b', counter.id)
  const mine = await center.issue(floor.kiosk.token, { serviceId: other.id })
  return { floor, counter, clerk, mine }
}

describe('public ticket watch', () => {
  const { clients, start } = useListeningCenter()

  it('pushes the position at connect, after the ticket ahead is called, and the counter when called', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    await openCounter(center, floor.clerkGround, floor.ground.id)
    const first = await center.issue(floor.kiosk.token, { serviceId: floor.service.id, phone: '+201001234567' })
    const second = await center.issue(floor.kiosk.token, { serviceId: floor.service.id, phone: '+201001234568' })

    const socket = clients.open(url, undefined, { auth: { watch: [second.id] } })
    const seen = new EventRecorder(socket)
    const hello = await waitForEvent(socket, 'ticket:status')
    expect(hello.ticket).toMatchObject({ id: second.id, status: 'waiting', position: 1, counter: null })
    expect(hello.ticket.center.nameEn).toBe('Citizen Service Technology Center')
    expect(JSON.stringify(hello)).not.toContain('+20100123')

    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    // the first ticket was called: the second one is next, pushed without being asked
    await waitUntil(() => seen.events.some((e) => e.name === 'ticket:status' && e.payload.ticket.position === 0), 15_000, 'you are next')
    const afterFirst = seen.events.filter((e) => e.name === 'ticket:status').at(-1)!.payload.ticket
    expect(afterFirst).toMatchObject({ status: 'waiting', position: 0 })

    await act(center, floor.clerkGround, floor.ground.id, 'start')
    await act(center, floor.clerkGround, floor.ground.id, 'finish')
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await waitUntil(() => seen.events.some((e) => e.name === 'ticket:status' && e.payload.ticket.status === 'called'), 15_000, 'called')
    const called = seen.events.filter((e) => e.name === 'ticket:status').at(-1)!.payload.ticket
    expect(called).toMatchObject({ status: 'called', position: 0, counter: { number: 1, name: 'Ground 1' } })
    // only its own ticket, never a staff or display event; seq counts up per ticket
    expect(new Set(seen.events.map((e) => e.name))).toEqual(new Set(['ticket:status']))
    expect(seen.events.every((e) => e.payload.ticket.id === second.id)).toBe(true)
    const seqs = seen.events.map((e) => e.payload.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(JSON.stringify(seen.events)).not.toContain('+20100123')
    void first
  })

  it('refuses an unknown ticket with TICKET_NOT_FOUND and a bad or too long list with BAD_WATCH', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const t = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })

    const unknown = clients.open(url, undefined, { auth: { watch: ['AAAAAAAAAAAAAAAAAAAAAA'] } })
    expect((await waitForConnectError(unknown)).data?.code).toBe(ErrorCodes.TICKET_NOT_FOUND)
    const tooMany = clients.open(url, undefined, { auth: { watch: Array.from({ length: MAX_WATCHED_TICKETS + 1 }, () => t.id) } })
    expect((await waitForConnectError(tooMany)).data?.code).toBe(ErrorCodes.BAD_WATCH)
    for (const watch of [[], 42, [42], ['../x'], { id: t.id }, ['a'.repeat(65)]]) {
      const bad = clients.open(url, undefined, { auth: { watch } })
      expect((await waitForConnectError(bad)).data?.code).toBe(ErrorCodes.BAD_WATCH)
    }
    // the cap is per socket, and a string is one ticket
    const ok = clients.open(url, undefined, { auth: { watch: t.id } })
    expect((await waitForEvent(ok, 'ticket:status')).ticket.id).toBe(t.id)
  })

  it('a watch socket gets no snapshot and no feed events; a token alongside makes it a token socket instead', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const t = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const staff = clients.open(url, floor.manager, { auth: { watch: [t.id], token: floor.manager } })
    expect((await waitForEvent(staff, 'feed:joined')).feed).toBe('feed:staff')
    const socket = clients.open(url, undefined, { auth: { watch: [t.id] } })
    await waitForEvent(socket, 'ticket:status')
    const other = expectNoEvent(socket, 'ticket:issued', 400)
    const joined = expectNoEvent(socket, 'queue:updated', 400)
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    expect(await other).toEqual([])
    expect(await joined).toEqual([])
    const answer = await socket
      .timeout(300)
      .emitWithAck('snapshot')
      .catch(() => 'no answer')
    expect(answer).toBe('no answer')
  })

  it('whatever a watch socket emits is ignored: no answer, no crash, and its pushes keep coming', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    await openCounter(center, floor.clerkGround, floor.ground.id)
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const t = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const socket = clients.open(url, undefined, { auth: { watch: [t.id] } })
    await waitForEvent(socket, 'ticket:status')
    const untyped = socket as unknown as { emit: (...args: unknown[]) => void }
    for (const name of ['snapshot', 'ticket:watch', 'ticket:cancel', 'feed:joined', '__proto__', 'x'.repeat(200)]) {
      for (const payload of [undefined, null, 42, 'x', { watch: ['a'] }, Buffer.alloc(1024, 1), [[[]]]]) untyped.emit(name, payload)
      untyped.emit(name, t.id, () => {})
    }
    const next = waitForEvent(socket, 'ticket:status', undefined, (e) => e.ticket.position === 0)
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    expect((await next).ticket.id).toBe(t.id)
    expect((await center.request('GET', '/healthz')).statusCode).toBe(200)
  })

  it('a ticket transferred into the line pushes the new position, the same GET /tickets/:id gives', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const other = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({ number: 7, name: 'Desk 7', zone: 'ground', serviceIds: [other.id] })
    const clerk = await center.openCounterAs('clerk-b', counter.id)
    const b = await center.issue(floor.kiosk.token, { serviceId: other.id })
    const mine = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, clerk, counter.id, 'call-next')
    await act(center, clerk, counter.id, 'start')

    const socket = clients.open(url, undefined, { auth: { watch: [mine.id] } })
    const seen = new EventRecorder(socket)
    await waitForEvent(socket, 'ticket:status')
    await act(center, clerk, counter.id, 'transfer', { serviceId: floor.service.id })
    const expected = (await center.request('GET', `/api/v1/tickets/${mine.id}`)).json()
    // a transferred ticket keeps its place by its queue time: it goes ahead of the later one
    expect(expected.position).toBe(1)
    await waitUntil(
      () => seen.events.some((e) => e.name === 'ticket:status' && e.payload.ticket.position === expected.position),
      1000,
      `position ${expected.position}`,
    )
    expect(seen.events.at(-1)!.payload.ticket).toEqual(expected)
    void b
  })

  it('a priority ticket issued in another service of the same counter pushes the watched ticket its new place (walk 2026-12-05, finding 1)', async () => {
    const { center, url } = await start()
    const { floor, counter, clerk, mine } = await sharedDesk(center)

    const socket = clients.open(url, undefined, { auth: { watch: [mine.id] } })
    expect((await waitForEvent(socket, 'ticket:status')).ticket.position).toBe(0)
    const moved = waitForEvent(socket, 'ticket:status', undefined, (e) => e.ticket.position === 1)
    // a later priority ticket of service A: the policy calls it first at the counter both share
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id, priority: 'pregnant' })
    expect((await moved).ticket).toEqual((await center.request('GET', `/api/v1/tickets/${mine.id}`)).json())
    const called = await act(center, clerk, counter.id, 'call-next')
    expect(called.ticket.serviceId).toBe(floor.service.id)
  })

  it('a place that changes with time alone (a counter weighing the other line 2 to 1) is pushed, with no event (walk s52)', async () => {
    const clock = new TestClock()
    const { center, url } = await start({ clock, config: { realtime: { orderCheckSeconds: 0.05 } } })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const desk = await center.createCounter({
      number: 1,
      services: [
        { serviceId: a.id, weight: 2 },
        { serviceId: b.id, weight: 1 },
      ],
    })
    await center.openCounterAs('clerk-desk', desk.id)
    const kiosk = (await center.createDevice('kiosk')).token
    const mine = await center.issue(kiosk, { serviceId: b.id })
    clock.advance(60)
    await center.issue(kiosk, { serviceId: a.id })
    const socket = clients.open(url, undefined, { auth: { watch: [mine.id] } })
    expect((await waitForEvent(socket, 'ticket:status')).ticket.position).toBe(0)
    // 110 s waited × 1 against the later A ticket's 50 s × 2: still first, and nothing is pushed
    clock.advance(50)
    expect(await expectNoEvent(socket, 'ticket:status', 400)).toEqual([])
    // 130 × 1 against 70 × 2: the A ticket is called first now; the page is told without any event
    const moved = waitForEvent(socket, 'ticket:status', 5000, (e) => e.ticket.position === 1)
    clock.advance(20)
    expect((await moved).ticket).toEqual((await center.request('GET', `/api/v1/tickets/${mine.id}`)).json())
    expect(await expectNoEvent(socket, 'ticket:status', 300)).toEqual([])
  })

  it('with the only counter paused, the place follows the play of the counter when it resumes, not its own service alone', async () => {
    const { center, url } = await start()
    const { floor, counter, clerk, mine } = await sharedDesk(center)
    await act(center, clerk, counter.id, 'pause', { reason: 'prayer' })
    const socket = clients.open(url, undefined, { auth: { watch: [mine.id] } })
    expect((await waitForEvent(socket, 'ticket:status')).ticket).toMatchObject({ position: 0, estimatedWaitSeconds: null })
    const moved = waitForEvent(socket, 'ticket:status', undefined, (e) => e.ticket.position === 1)
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id, priority: 'pregnant' })
    // one ahead (the priority ticket the counter calls first on resume), wait still unknown while paused
    expect((await moved).ticket).toMatchObject({ position: 1, estimatedWaitSeconds: null })
    await act(center, clerk, counter.id, 'open')
    const called = await act(center, clerk, counter.id, 'call-next')
    expect(called.ticket.serviceId).toBe(floor.service.id)
  })

  it('a ticket sent to a closed counter says it waits for that counter, not that no counter serves its service (walk 2026-12-05, finding 2)', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    await openCounter(center, floor.clerkGround, floor.ground.id)
    const mine = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    const socket = clients.open(url, undefined, { auth: { watch: [mine.id] } })
    await waitForEvent(socket, 'ticket:status')
    const sent = waitForEvent(socket, 'ticket:status', undefined, (e) => e.ticket.status === 'waiting')
    // counter 2 serves the service too but is closed; counter 1 stays open
    await act(center, floor.clerkGround, floor.ground.id, 'transfer', { counterId: floor.first.id })
    const told = (await sent).ticket
    expect(told).toMatchObject({ status: 'waiting', estimatedWaitSeconds: null, waitsFor: { number: 2, name: 'First 2', open: false } })
    expect(told).toEqual((await center.request('GET', `/api/v1/tickets/${mine.id}`)).json())
    // counter 1 has nobody else to call: the ticket is not its
    expect((await act(center, floor.clerkGround, floor.ground.id, 'call-next')).ticket).toBeNull()
    const opened = waitForEvent(socket, 'ticket:status', undefined, (e) => e.ticket.waitsFor?.open === true)
    await openCounter(center, floor.clerkFirst, floor.first.id)
    expect((await opened).ticket).toMatchObject({ status: 'waiting', waitsFor: { number: 2, open: true } })
    expect((await opened).ticket.estimatedWaitSeconds).not.toBeNull()
  })
})
