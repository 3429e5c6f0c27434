import { describe, expect, it } from 'vitest'
import { EventRecorder, expectNoEvent, useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'
import { act, buildFloor } from './floor.ts'

describe('ticket:called reaches the displays of its zone', () => {
  const { clients, start } = useListeningCenter()

  it('pushes a call to the zone display and the all-zones display, not to another zone; a recall again with recall: true', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const ground = await clients.connect(url, floor.displayGround.token)
    const first = await clients.connect(url, floor.displayFirst.token)
    const firstSaw = new EventRecorder(first)
    const all = await clients.connect(url, floor.displayAll.token)

    const ticket = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const groundCall = waitForEvent(ground, 'ticket:called')
    const allCall = waitForEvent(all, 'ticket:called')
    const called = await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    expect(called.ticket).toMatchObject({ id: ticket.id, status: 'called' })

    const expected = {
      seq: expect.any(Number),
      ticket: { id: ticket.id, label: 'A-001', serviceId: floor.service.id },
      counter: { id: floor.ground.id, number: 1, name: 'Ground 1', zone: 'ground' },
      at: called.ticket.calledAt,
      recall: false,
      // issue 22: the display's one push per call carries the counter and how many wait in the line the call moved
      board: {
        counter: expect.objectContaining({
          id: floor.ground.id,
          state: 'open',
          currentTicketId: ticket.id,
          clerk: null,
          pauseReason: null,
        }),
        services: [{ serviceId: floor.service.id, waiting: 0, sentToCounters: [] }],
      },
    }
    const onGround = await groundCall
    const onAll = await allCall
    expect(onGround).toStrictEqual(expected)
    expect(onAll).toStrictEqual(expected)
    expect(new Date(onGround.at).toISOString()).toBe(onGround.at)

    // every feed's push went out in the same tick; give the other zone a moment to (not) get one
    expect(await expectNoEvent(first, 'ticket:called', 300)).toEqual([])

    const groundRecall = waitForEvent(ground, 'ticket:called')
    const allRecall = waitForEvent(all, 'ticket:called')
    await act(center, floor.clerkGround, floor.ground.id, 'recall')
    const recall = await groundRecall
    // a recall moves no line: the counter as it stands, no figures
    expect(recall).toStrictEqual({
      ...expected,
      seq: expect.any(Number),
      at: expect.any(String),
      recall: true,
      board: { counter: expected.board.counter, services: [] },
    })
    // a recall is announced at its own time, not the first call's
    // (the recall comes after the 300 ms wait above)
    expect(Date.parse(recall.at)).toBeGreaterThan(Date.parse(onGround.at) + 250)
    expect(recall.seq).toBeGreaterThan(onGround.seq)
    expect(await allRecall).toMatchObject({ ticket: expected.ticket, counter: expected.counter, recall: true })
    expect(await expectNoEvent(first, 'ticket:called', 300)).toEqual([])
    expect(firstSaw.names()).not.toContain('ticket:called')
    // nor anything about a ground-floor counter
    expect(firstSaw.events.filter((e) => e.name === 'counter:updated' && e.payload.counter.zone !== 'first')).toEqual([])
  })

  it('pushes a call at the first-floor counter to the first-floor display only (and to all-zones)', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const ground = await clients.connect(url, floor.displayGround.token)
    const groundSaw = new EventRecorder(ground)
    const first = await clients.connect(url, floor.displayFirst.token)
    const all = await clients.connect(url, floor.displayAll.token)

    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const firstCall = waitForEvent(first, 'ticket:called')
    const allCall = waitForEvent(all, 'ticket:called')
    await act(center, floor.clerkFirst, floor.first.id, 'call-next')
    expect((await firstCall).counter).toStrictEqual({ id: floor.first.id, number: 2, name: 'First 2', zone: 'first' })
    expect((await allCall).counter.zone).toBe('first')
    expect(await expectNoEvent(ground, 'ticket:called', 300)).toEqual([])
    expect(groundSaw.names()).not.toContain('ticket:called')
  })
})
