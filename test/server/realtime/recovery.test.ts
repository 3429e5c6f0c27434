import { describe, expect, it } from 'vitest'
import { type AddressInfo, connect, createServer, type Socket } from 'node:net'
import { validateConfig } from '../../../server/config.ts'
import type { TestCenter } from '../../helpers/test-center.ts'
import {
  EventRecorder,
  snapshotOf,
  useListeningCenter,
  waitForConnect,
  waitForDisconnect,
  waitForEvent,
  waitUntil,
  type ClientOptions,
} from '../../helpers/socket-client.ts'
import type { Actor } from '../../../server/queue/actor.ts'
import { act, buildFloor } from './floor.ts'

/** A display's client as it runs in the field: reconnecting on its own, here after 50 ms. */
const RECONNECTING: ClientOptions = { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 50, randomizationFactor: 0 }

function actorOf(center: TestCenter, token: string): Actor {
  const actor = center.app.tabour.auth.authenticate(token)
  if (actor instanceof Error) throw actor
  return actor
}

describe('a reconnecting client and what it missed', () => {
  const { clients, start } = useListeningCenter()

  it('recovers the connection state after a transport drop and gets the missed call with the next seq', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const display = clients.open(url, floor.displayGround.token, RECONNECTING)
    const seen = new EventRecorder(display)
    const joined = waitForEvent(display, 'feed:joined')
    await waitForConnect(display)
    expect(display.recovered).toBe(false)
    const firstId = display.id
    // nothing has happened on the feed since: this one push is all the client got before the drop
    const before = await joined
    expect(before).toEqual({ seq: expect.any(Number), feed: 'feed:display:ground' })

    // the Wi-Fi drops: the transport closes without a socket.io disconnect, the client will reconnect
    const dropped = waitForDisconnect(display)
    display.io.engine.close()
    expect(display.connected).toBe(false)
    // the clerk calls while the display is down; called synchronously, before the client's
    // reconnect timer can run, so the push cannot reach the old transport nor a new one
    const clerk = actorOf(center, floor.clerkGround)
    const called = center.app.tabour.queue.counters.callNext(clerk, floor.ground.id)
    expect(called.ticket).not.toBeNull()
    await dropped
    const missedFrom = seen.events.length

    const call = await waitForEvent(display, 'ticket:called')
    expect(display.connected).toBe(true)
    expect(display.recovered).toBe(true)
    expect(display.id).toBe(firstId)
    expect(call).toMatchObject({
      seq: before.seq + 1,
      ticket: { id: called.ticket!.id, label: 'A-001' },
      counter: { id: floor.ground.id, zone: 'ground' },
      recall: false,
    })
    // the whole call is replayed: since issue 22 a display gets a call as one push (the counter and figures inside)
    await seen.untilCount(missedFrom + 1)
    expect(seen.since(missedFrom).map((e) => [e.name, e.payload.seq])).toEqual([['ticket:called', before.seq + 1]])
    expect(call.board?.counter).toMatchObject({ id: floor.ground.id, currentTicketId: called.ticket!.id })
    // and after recovery the feed goes on live, still consecutive
    const next = waitForEvent(display, 'counter:updated')
    await act(center, floor.clerkGround, floor.ground.id, 'no-show')
    expect((await next).seq).toBe(before.seq + 2)
  })

  it('a recovered socket still gets only its own zone', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const display = clients.open(url, floor.displayGround.token, RECONNECTING)
    const seen = new EventRecorder(display)
    await waitForConnect(display)
    await snapshotOf(display)

    display.io.engine.close()
    const clerkFirst = actorOf(center, floor.clerkFirst)
    const clerkGround = actorOf(center, floor.clerkGround)
    const firstFloorCall = center.app.tabour.queue.counters.callNext(clerkFirst, floor.first.id)
    const groundCall = center.app.tabour.queue.counters.callNext(clerkGround, floor.ground.id)

    await waitForEvent(display, 'ticket:called')
    expect(display.recovered).toBe(true)
    await seen.until((events) => events.filter((e) => e.name === 'queue:updated').length === 1)
    // what the ground display missed, in order: the first-floor call only moved the queue figures; its own call is one push
    expect(seen.names()).toEqual(['feed:joined', 'queue:updated', 'ticket:called'])
    const calls = seen.events.filter((e) => e.name === 'ticket:called').map((e) => e.payload.ticket.id)
    expect(calls).toEqual([groundCall.ticket!.id])
    expect(calls).not.toContain(firstFloorCall.ticket!.id)
  })

  it('without a recovery window: recovered is false, and a snapshot shows the call it missed', async () => {
    const { center, url } = await start({ config: { realtime: { recoveryWindowSeconds: 0 } } })
    const floor = await buildFloor(center, { open: true })
    const ticket = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const display = clients.open(url, floor.displayGround.token, RECONNECTING)
    const seen = new EventRecorder(display)
    await waitForConnect(display)
    const before = await snapshotOf(display)
    expect(before.recentCalls).toEqual([])

    const dropped = waitForDisconnect(display)
    display.io.engine.close()
    // called while the client is down (synchronously, before its 50 ms reconnect timer); with a
    // zero-second window the server keeps no session, so the client comes back as a new one
    const called = center.app.tabour.queue.counters.callNext(actorOf(center, floor.clerkGround), floor.ground.id)
    const missedFrom = seen.events.length
    await dropped

    await waitForConnect(display)
    // with recovery off the server hands out no session id, and socket.io-client then leaves
    // `recovered` undefined rather than false: either way, not recovered
    expect(display.recovered).toBeFalsy()
    const snapshot = await snapshotOf(display)
    expect(seen.since(missedFrom).filter((e) => e.name === 'ticket:called')).toEqual([])
    expect(snapshot.seq).toBe(before.seq + 1) // the call, one push on a display feed (issue 22)
    expect(snapshot.recentCalls).toHaveLength(1)
    expect(snapshot.recentCalls[0]).toStrictEqual({
      ticket: { id: ticket.id, label: ticket.label, serviceId: floor.service.id },
      counter: { id: floor.ground.id, number: 1, name: 'Ground 1', zone: 'ground' },
      at: new Date(called.ticket!.calledAt!).toISOString(),
      recall: false,
    })
    expect(snapshot.counters.find((c) => c.id === floor.ground.id)?.currentTicketId).toBe(ticket.id)
  })

  it('a brand-new connection (a reloaded page) is not recovered and catches up through a snapshot', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const ticket = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const old = await clients.connect(url, floor.displayAll.token)
    const before = await snapshotOf(old)
    old.disconnect()
    await waitUntil(() => center.app.tabour.realtime.socketCount() === 0, 15_000, 'server saw the disconnect')

    const res = await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    const fresh = await clients.connect(url, floor.displayAll.token, RECONNECTING)
    expect(fresh.recovered).toBe(false)
    const snapshot = await snapshotOf(fresh)
    expect(snapshot.seq).toBe(before.seq + 1) // the call, one push on a display feed (issue 22)
    expect(snapshot.recentCalls.map((c) => [c.ticket.id, c.counter.zone, c.at])).toEqual([[ticket.id, 'ground', res.ticket.calledAt]])
  })

  it('a link that dies without a close (a pulled cable) is found by the heartbeat: the display is told it is cut off, the server drops it', async () => {
    // socket.io's own 25 + 20 s let a display show its last call as current for 45 s after its link went silent (walk s46, finding 1)
    const defaults = validateConfig({}).realtime
    expect(defaults.pingIntervalSeconds + defaults.pingTimeoutSeconds).toBeLessThanOrEqual(15)

    const { center, port } = await start({ config: { realtime: { pingIntervalSeconds: 0.2, pingTimeoutSeconds: 0.4 } } })
    const floor = await buildFloor(center, { open: true })
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const cable = await silentCable(port)
    try {
      const display = clients.open(cable.url, floor.displayGround.token)
      await waitForEvent(display, 'feed:joined')
      await waitUntil(() => center.app.tabour.realtime.socketCount() === 1, 5000, 'the display connected')
      // the cable is pulled: no byte passes either way, and no close reaches either end
      cable.cut()
      const disconnected = waitForDisconnect(display)
      await act(center, floor.clerkGround, floor.ground.id, 'call-next')
      expect(await disconnected).toBe('ping timeout')
      await waitUntil(() => center.app.tabour.realtime.socketCount() === 0, 5000, 'the server dropped the silent socket')
    } finally {
      await cable.close()
    }
  })
})

/** A TCP cable to the center on `port` that can be cut silently: bytes stop both ways, nothing is closed. */
async function silentCable(port: number): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  let cut = false
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const center = connect(port, '127.0.0.1')
    for (const s of [client, center]) {
      sockets.add(s)
      s.on('error', () => {})
    }
    client.on('data', (chunk: Buffer) => cut || center.write(chunk))
    center.on('data', (chunk: Buffer) => cut || client.write(chunk))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      cut = true
    },
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
