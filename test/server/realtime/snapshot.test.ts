import { describe, expect, it } from 'vitest'
import type { Socket } from 'socket.io-client'
import { http } from '../../helpers/http.ts'
import {
  EventRecorder,
  snapshotOf,
  useListeningCenter,
  waitForDisconnect,
  waitForEvent,
  type TabourSocket,
} from '../../helpers/socket-client.ts'
import { act, buildFloor, openCounter } from './floor.ts'
import { TestClock } from '../../helpers/test-center.ts'
import { MAX_LISTED_CALLS } from '../../../protocol/listed-calls.ts'

/** A snapshot with each service's opening-hours evaluation time (issue 18) and the server's time blanked: two snapshots of an unchanged center differ only there. */
const evaluatedAtBlanked = (s: unknown) =>
  JSON.parse(
    JSON.stringify(s)
      .replace(/"at":"[^"]*"/g, '"at":""')
      .replace(/"serverTime":\d+/g, '"serverTime":0'),
  )

describe('snapshot', () => {
  const { clients, start } = useListeningCenter()

  it('answers staff with everything, tickets included', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const waiting = await center.issue(floor.kiosk.token, { serviceId: floor.service.id, phone: '+201001234567' })
    const staff = await clients.connect(url, floor.manager)
    const snapshot = await snapshotOf(staff)
    expect(Object.keys(snapshot).sort().join(' ')).toBe('counters feed news pastCalls recentCalls seq serverTime services tickets')
    expect(snapshot.feed).toBe('feed:staff')
    expect(snapshot.seq).toEqual(expect.any(Number))
    expect(snapshot.services).toEqual([
      expect.objectContaining({ id: floor.service.id, waiting: 1, estimatedWaitSeconds: expect.any(Number) }),
    ])
    expect(snapshot.counters.map((c) => c.id).sort()).toEqual([floor.ground.id, floor.first.id].sort())
    expect(snapshot.recentCalls).toEqual([])
    expect(snapshot.tickets).toEqual([expect.objectContaining({ id: waiting.id, label: 'A-001', status: 'waiting' })])
    expect(JSON.stringify(snapshot)).not.toContain('1234567')
  })

  it("says the center's clock, which a staff screen counts elapsed minutes from when its own is off", async () => {
    const clock = new TestClock(Date.now() - 3 * 3600_000)
    const { center, url } = await start({ clock })
    const floor = await buildFloor(center, { open: true })
    const snapshot = await snapshotOf(await clients.connect(url, floor.manager))
    expect(snapshot.serverTime).toBe(clock.now)
    clock.advance(90)
    expect((await snapshotOf(await clients.connect(url, floor.displayAll.token))).serverTime).toBe(clock.now)
  })

  it("gives a zoned display only its zone's counters and calls, an all-zones display everything, and never tickets", async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const t1 = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const t2 = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await act(center, floor.clerkFirst, floor.first.id, 'call-next')

    const ground = await snapshotOf(await clients.connect(url, floor.displayGround.token))
    expect(ground.feed).toBe('feed:display:ground')
    expect(ground.counters.map((c) => c.id)).toEqual([floor.ground.id])
    expect(ground.recentCalls.map((c) => [c.ticket.id, c.counter.zone])).toEqual([[t1.id, 'ground']])
    expect(ground).not.toHaveProperty('tickets')

    const first = await snapshotOf(await clients.connect(url, floor.displayFirst.token))
    expect(first.counters.map((c) => c.id)).toEqual([floor.first.id])
    expect(first.recentCalls.map((c) => [c.ticket.id, c.counter.zone])).toEqual([[t2.id, 'first']])

    const all = await snapshotOf(await clients.connect(url, floor.displayAll.token))
    expect(all.feed).toBe('feed:display:*')
    expect(all.counters).toHaveLength(2)
    // newest call first
    expect(all.recentCalls.map((c) => c.ticket.id)).toEqual([t2.id, t1.id])
    expect(all).not.toHaveProperty('tickets')

    const kiosk = await snapshotOf(await clients.connect(url, floor.kiosk.token))
    expect(kiosk.feed).toBe('feed:kiosk')
    expect(kiosk).not.toHaveProperty('tickets')
  })

  it('has the seq of the last event the client received', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const socket = clients.open(url, floor.displayGround.token)
    const seen = new EventRecorder(socket)
    const joined = await waitForEvent(socket, 'feed:joined')
    expect((await snapshotOf(socket)).seq).toBe(joined.seq)

    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await seen.untilCount(3) // joined, figures after the issue, the call (with its counter and figures: issue 22)
    const afterCall = await snapshotOf(socket)
    expect(afterCall.seq).toBe(seen.events.at(-1)!.payload.seq)
    expect(afterCall.seq).toBe(joined.seq + 2)
    expect(seen.events).toHaveLength(3)

    // an event on another zone's counter changes nothing for this feed
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await seen.untilCount(4)
    await act(center, floor.clerkFirst, floor.first.id, 'call-next')
    await seen.untilCount(5)
    expect((await snapshotOf(socket)).seq).toBe(seen.events.at(-1)!.payload.seq)
  })

  it('survives malformed emits, unknown events and big payloads, and answers properly afterwards', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const socket = await clients.connect(url, floor.displayAll.token)
    const raw = socket as unknown as Socket
    const before = await snapshotOf(socket)

    raw.emit('snapshot') // no ack: nothing to answer to
    raw.emit('snapshot', 42)
    raw.emit('snapshot', { give: 'me everything' }, 'not a function')
    raw.emit('snapshot', null, undefined)
    raw.emit('no-such-event', { x: 1 })
    raw.emit('ticket:called', { seq: 1 }) // a client pushing a server event
    raw.emit('__proto__', { polluted: true })
    raw.emit('constructor')
    raw.emit('snapshot', Buffer.alloc(100_000)) // binary attachment
    // an ack wherever it sits last is answered, whatever comes before it
    const answered = await (raw.timeout(3_000) as Socket).emitWithAck('snapshot', 'x'.repeat(500_000), { nested: [[[]]] })
    expect(answered).toMatchObject({ seq: before.seq, feed: 'feed:display:*' })
    // two asks at once get two answers
    const [a, b] = await Promise.all([snapshotOf(socket), snapshotOf(socket)])
    expect(evaluatedAtBlanked(a)).toEqual(evaluatedAtBlanked(b))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()

    const again = await snapshotOf(socket)
    expect(evaluatedAtBlanked(again)).toEqual(evaluatedAtBlanked(before))
    expect(socket.connected).toBe(true)
    const health = await http(url, 'GET', '/healthz')
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ status: 'ok', database: true, sockets: 1 })
  })

  it('drops a client that sends more than the size limit or a broken packet, and keeps serving the others', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const bystander = await clients.connect(url, floor.displayGround.token)
    let bystanderDropped = false
    bystander.on('disconnect', () => {
      bystanderDropped = true
    })

    const huge = await clients.connect(url, floor.displayAll.token)
    const hugeGone = waitForDisconnect(huge)
    ;(huge as unknown as Socket).emit('snapshot', 'x'.repeat(2_000_000))
    expect(await hugeGone).toBe('transport close')

    const broken = await clients.connect(url, floor.manager)
    const brokenGone = waitForDisconnect(broken)
    // an engine.io message carrying a socket.io EVENT packet with broken JSON
    broken.io.engine.send('2["snapshot",{"a":')
    expect(await brokenGone).toBe('transport close')

    const garbage = await clients.connect(url, floor.manager)
    const garbageGone = waitForDisconnect(garbage)
    garbage.io.engine.send('9not a packet type')
    expect(await garbageGone).toBe('transport close')

    expect(bystander.connected).toBe(true)
    const snapshot = await snapshotOf(bystander)
    expect(snapshot.feed).toBe('feed:display:ground')
    const call = waitForEvent(bystander, 'ticket:called')
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    expect((await call).counter.id).toBe(floor.ground.id)
    expect(bystanderDropped).toBe(false)
    expect((await http(url, 'GET', '/healthz')).status).toBe(200)
  })

  it('answers a snapshot to a client that asks right after connecting, before anything else', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const socket: TabourSocket = clients.open(url, floor.displayAll.token)
    // emitted before the connection is up: buffered by the client, answered once connected
    const snapshot = await snapshotOf(socket)
    expect(snapshot.counters).toHaveLength(2)
    expect(snapshot.services).toHaveLength(1)
  })
  it("keeps a quiet zone's current call when more counters of a busy zone called after it (a center of 60 counters)", async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const first = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkFirst, floor.first.id, 'call-next')
    // more ground-floor counters call after it than the four screenfuls the snapshot used to read centre-wide
    const busy = 4 * (MAX_LISTED_CALLS + 1) + 1
    for (let n = 0; n < busy; n++) {
      const counter = await center.createCounter({ number: 100 + n, zone: 'ground', serviceIds: [floor.service.id] })
      const clerk = (await center.createUser(`clerk-busy-${n}`)).token
      await openCounter(center, clerk, counter.id)
      await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
      await act(center, clerk, counter.id, 'call-next')
    }
    const firstFloor = await snapshotOf(await clients.connect(url, floor.displayFirst.token))
    expect(firstFloor.recentCalls.map((c) => c.ticket.id)).toEqual([first.id])
    // the busy zone's display still lists only as many as a board shows, the latest first
    const ground = await snapshotOf(await clients.connect(url, floor.displayGround.token))
    expect(ground.recentCalls).toHaveLength(MAX_LISTED_CALLS + 1)
    expect(ground.recentCalls[0]!.counter.number).toBe(100 + busy - 1)
  })
})
