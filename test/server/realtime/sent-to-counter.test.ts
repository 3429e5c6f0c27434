import { describe, expect, it } from 'vitest'
import { snapshotOf, useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'
import { act, buildFloor, openCounter } from './floor.ts'

/**
 * A ticket sent to one counter (a transfer to a counter) is called there only. The displays get
 * how many of a line's waiting tickets wait for which counter (WaitingFigure.sentToCounters), live
 * and in their snapshot, so each floor's TV counts it where it will be called (walk 2026-12-05:
 * A-001 sent to counter 6 upstairs still counted in the ground floor's "A 2 waiting").
 */
describe('tickets sent to a counter, as displays count them', () => {
  const { clients, start } = useListeningCenter()

  it('the transfer pushes the line with its ticket for counter 6; the call there takes it off', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const c = await center.createService({ prefix: 'C' })
    const six = await center.createCounter({ number: 6, name: 'First 6', zone: 'first', serviceIds: [c.id] })
    const clerkSix = await center.openCounterAs('clerk-6', six.id)
    await openCounter(center, floor.clerkGround, floor.ground.id)
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await act(center, floor.clerkGround, floor.ground.id, 'start')
    const first = clients.open(url, floor.displayFirst.token)
    await waitForEvent(first, 'feed:joined')

    const pushed = waitForEvent(first, 'queue:updated', undefined, (e) => e.services.some((s) => s.serviceId === floor.service.id))
    await act(center, floor.clerkGround, floor.ground.id, 'transfer', { counterId: six.id })
    const a = (await pushed).services.find((s) => s.serviceId === floor.service.id)!
    expect(a).toMatchObject({ waiting: 2, sentToCounters: [{ counterId: six.id, waiting: 1 }] })
    const snapshot = (await snapshotOf(first)).services.find((s) => s.id === floor.service.id)!
    expect(snapshot).toMatchObject({ waiting: 2, sentToCounters: [{ counterId: six.id, waiting: 1 }] })

    // counter 6 calls it: the call's board says A has one waiting, for no counter in particular
    const called = waitForEvent(first, 'ticket:called')
    expect((await act(center, clerkSix, six.id, 'call-next')).ticket.label).toBe('A-001')
    const board = (await called).board!.services.find((s) => s.serviceId === floor.service.id)!
    expect(board).toEqual({ serviceId: floor.service.id, waiting: 1, sentToCounters: [] })
  })
})
