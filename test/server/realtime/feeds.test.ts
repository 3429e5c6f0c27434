import { describe, expect, it } from 'vitest'
import { useListeningCenter, waitForEvent, type RecordedEvent } from '../../helpers/socket-client.ts'
import { act, buildFloor, openCounter } from './floor.ts'

/** Asserts the feed's seqs are consecutive, starting right after the `feed:joined` baseline. */
function expectConsecutive(events: RecordedEvent[]): void {
  expect(events[0]?.name).toBe('feed:joined')
  const base: number = events[0]!.payload.seq
  expect(events.map((e) => e.payload.seq)).toEqual(events.map((_, i) => base + i))
}

describe('feeds: who gets what, with a consecutive seq', () => {
  const { clients, start } = useListeningCenter()

  it('a working day at the ground counter, as each feed sees it', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const ground = await clients.listen(url, floor.displayGround.token)
    const all = await clients.listen(url, floor.displayAll.token)
    const first = await clients.listen(url, floor.displayFirst.token)
    const kiosk = await clients.listen(url, floor.kiosk.token)
    const staff = await clients.listen(url, floor.manager)

    await openCounter(center, floor.clerkGround, floor.ground.id)
    const ticket = await center.issue(floor.kiosk.token, { serviceId: floor.service.id, phone: '+201001234567' })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await act(center, floor.clerkGround, floor.ground.id, 'recall')
    await act(center, floor.clerkGround, floor.ground.id, 'start')
    await act(center, floor.clerkGround, floor.ground.id, 'finish')

    // every action pushed synchronously at commit; finishing ends with queue:updated on every feed
    const queueUpdates = (n: number) => (events: RecordedEvent[]) => events.filter((e) => e.name === 'queue:updated').length >= n
    // issue 22: a call reaches a display as one push (its counter and figures inside)
    const display = [
      'feed:joined',
      'counter:updated',
      'queue:updated', // open
      'queue:updated', // issue
      'ticket:called', // call-next
      'ticket:called', // recall
      'ticket:started', // start: a recalled ticket's Recall pill leaves the board
      'counter:updated',
      'queue:updated', // finish
    ]
    expect((await ground.seen.until(queueUpdates(3))).map((e) => e.name)).toEqual(display)
    expect((await all.seen.until(queueUpdates(3))).map((e) => e.name)).toEqual(display)
    // another zone only hears that the line moved
    const figuresOnly = ['feed:joined', 'queue:updated', 'queue:updated', 'queue:updated', 'queue:updated']
    expect((await first.seen.until(queueUpdates(4))).map((e) => e.name)).toEqual(figuresOnly)
    expect((await kiosk.seen.until(queueUpdates(4))).map((e) => e.name)).toEqual(figuresOnly)
    expect((await staff.seen.until(queueUpdates(4))).map((e) => e.name)).toEqual([
      'feed:joined',
      'counter:updated',
      'queue:updated', // open
      'ticket:issued',
      'queue:updated', // issue
      'ticket:called',
      'counter:updated',
      'queue:updated', // call-next
      'ticket:updated',
      'ticket:called', // recall
      'ticket:updated', // start
      'ticket:updated',
      'counter:updated',
      'queue:updated', // finish
    ])

    for (const client of [ground, all, first, kiosk, staff]) expectConsecutive(client.seen.events)
    expect(ground.seen.events[0]!.payload.feed).toBe('feed:display:ground')
    expect(all.seen.events[0]!.payload.feed).toBe('feed:display:*')
    expect(kiosk.seen.events[0]!.payload.feed).toBe('feed:kiosk')
    expect(staff.seen.events[0]!.payload.feed).toBe('feed:staff')

    // staff see tickets, without the phone number
    const issued = staff.seen.events.find((e) => e.name === 'ticket:issued')!.payload
    expect(issued.ticket).toMatchObject({ id: ticket.id, label: 'A-001', serviceId: floor.service.id, status: 'waiting' })
    expect(JSON.stringify(staff.seen.events)).not.toContain('1234567')
    const updates = staff.seen.events.filter((e) => e.name === 'ticket:updated').map((e) => e.payload.ticket.status)
    expect(updates).toEqual(['called', 'serving', 'done'])
    const counters = staff.seen.events.filter((e) => e.name === 'counter:updated').map((e) => e.payload.counter)
    expect(counters.map((c) => [c.id, c.state])).toEqual([
      [floor.ground.id, 'open'],
      [floor.ground.id, 'open'],
      [floor.ground.id, 'open'],
    ])
    expect(counters[1].currentTicketId).toBe(ticket.id)
    expect(counters[2].currentTicketId).toBeNull()
  })

  it('kiosks get queue:updated with {serviceId, waiting, estimatedWaitSeconds, ahead, available}', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const kiosk = await clients.listen(url, floor.kiosk.token)

    const next = waitForEvent(kiosk.socket, 'queue:updated')
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const update = await next
    expect(update).toStrictEqual({
      seq: kiosk.seen.events[0]!.payload.seq + 1,
      services: [
        {
          serviceId: floor.service.id,
          waiting: 1,
          sentToCounters: [],
          estimatedWaitSeconds: expect.any(Number),
          ahead: 1,
          staffed: true,
          available: true,
          issuedToday: 1,
          checkIn: false,
          active: true,
        },
      ],
    })
    expect(update.services[0]!.estimatedWaitSeconds).toBeGreaterThanOrEqual(0)

    const second = waitForEvent(kiosk.socket, 'queue:updated')
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    expect((await second).services[0]).toMatchObject({ waiting: 2, available: true })

    const called = waitForEvent(kiosk.socket, 'queue:updated')
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    expect((await called).services[0]).toMatchObject({ waiting: 1 })
    expect(kiosk.seen.names().filter((n) => n !== 'queue:updated' && n !== 'feed:joined')).toEqual([])
  })

  it('a service reaching its daily cap is pushed to kiosks as not available', async () => {
    const { center, url } = await start()
    const service = await center.createService({ prefix: 'C', dailyCap: 1 })
    const kioskDevice = await center.createDevice('kiosk')
    const kiosk = await clients.listen(url, kioskDevice.token)
    const next = waitForEvent(kiosk.socket, 'queue:updated')
    await center.issue(kioskDevice.token, { serviceId: service.id })
    expect((await next).services).toEqual([
      // no counter serves it (issue 14): staffed false and no estimate, besides the cap
      {
        serviceId: service.id,
        waiting: 1,
        sentToCounters: [],
        estimatedWaitSeconds: null,
        ahead: 1,
        staffed: false,
        available: false,
        // the count beside its cap of 1: the kiosk's tile says "all taken" at once, not "not available" (walk s45)
        issuedToday: 1,
        checkIn: false,
        active: true,
      },
    ])
  })

  it('a device that pairs is pushed to staff (device:paired): the dashboard stops saying "not paired yet"', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const staff = await clients.listen(url, floor.manager)
    const kiosk = await clients.listen(url, floor.kiosk.token)
    const admin = await center.admin()
    const created = await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'display', name: 'screen 2' } })
    expect(created.statusCode, created.body).toBe(201)
    const heard = waitForEvent(staff.socket, 'device:paired')
    const paired = await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: created.json().pairingCode } })
    expect(paired.statusCode, paired.body).toBe(200)
    expect(await heard).toMatchObject({ deviceId: created.json().id })
    // staff's seq counts it like any push; kiosks are not told (nothing of theirs changed)
    expectConsecutive(staff.seen.events)
    expect(kiosk.seen.events.map((e) => e.name)).not.toContain('device:paired')
  })

  it('a revoke is pushed to staff (config:changed naming the device): the live health card reads the devices again at once', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const staff = await clients.listen(url, floor.manager)
    const heard = waitForEvent(staff.socket, 'config:changed')
    const revoked = await center.request('POST', `/api/v1/devices/${floor.kiosk.id}/revoke`, { token: await center.admin() })
    expect(revoked.statusCode, revoked.body).toBe(200)
    expect(await heard).toMatchObject({ deviceId: floor.kiosk.id })
    expectConsecutive(staff.seen.events)
  })

  it('clients of one feed get the same seq for the same event; feeds count independently', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const a = await clients.listen(url, floor.displayGround.token)
    const b = await clients.listen(url, floor.displayGround.token) // a second TV in the same zone
    const other = await clients.listen(url, floor.displayFirst.token)
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const aCall = waitForEvent(a.socket, 'ticket:called')
    const bCall = waitForEvent(b.socket, 'ticket:called')
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    const [x, y] = await Promise.all([aCall, bCall])
    expect(x).toStrictEqual(y)
    // the first-floor feed saw only the figures, so its seq moved by 3 before its own call
    await act(center, floor.clerkFirst, floor.first.id, 'call-next')
    // first floor: issue, issue, the ground call's figures, then its own call (one push since issue 22)
    const onFirst = await other.seen.untilCount(5)
    expect(onFirst.map((e) => e.name).slice(1)).toEqual(['queue:updated', 'queue:updated', 'queue:updated', 'ticket:called'])
    expect(onFirst[4]!.payload.seq - onFirst[0]!.payload.seq).toBe(4)
    // ground: issue, issue, its call (one push), then the first floor's figures only
    const onGround = await a.seen.untilCount(5)
    expect(onGround.map((e) => e.name).slice(1)).toEqual(['queue:updated', 'queue:updated', 'ticket:called', 'queue:updated'])
    expect(onGround[4]!.payload.seq - onGround[0]!.payload.seq).toBe(4)
    expectConsecutive(onFirst)
    expectConsecutive(onGround)
    expect(b.seen.seqs()).toEqual(a.seen.seqs().slice(0, b.seen.events.length))
  })
})
