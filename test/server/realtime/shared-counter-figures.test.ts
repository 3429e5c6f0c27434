import { describe, expect, it } from 'vitest'
import { snapshotOf, useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'
import { buildFloor } from './floor.ts'

/**
 * A change in one line moves the estimate of every line a counter serves alongside it: the
 * `queue:updated` push carries all of their figures, so a kiosk tile never keeps a stale wait
 * until its poll (walk 2026-12-05: counter 6 serves C and F; after C-003 the F tile said 7 minutes,
 * a reload 12).
 */
describe('figures of lines that share a counter', () => {
  const { clients, start } = useListeningCenter()

  it('a ticket issued, then cancelled, in A pushes the kiosk the new figures of B, which shares its counter', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const other = await center.createService({ prefix: 'B' })
    const desk = await center.createCounter({ number: 7, name: 'Desk 7', zone: 'ground', serviceIds: [floor.service.id, other.id] })
    const clerk = await center.openCounterAs('clerk-b', desk.id)
    await center.issue(floor.kiosk.token, { serviceId: other.id })
    const kiosk = clients.open(url, floor.kiosk.token)
    await waitForEvent(kiosk, 'feed:joined')
    const figuresOfB = async () => (await snapshotOf(kiosk)).services.find((s) => s.id === other.id)!
    const before = await figuresOfB()

    const pushed = waitForEvent(kiosk, 'queue:updated', undefined, (e) => e.services.some((s) => s.serviceId === other.id))
    const issued = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const afterIssue = (await pushed).services.find((s) => s.serviceId === other.id)!
    const truth = await figuresOfB()
    // the next ticket of B now waits behind A's too: the push says what a reload would
    expect(truth.estimatedWaitSeconds).toBeGreaterThan(before.estimatedWaitSeconds!)
    expect(afterIssue).toMatchObject({ waiting: truth.waiting, estimatedWaitSeconds: truth.estimatedWaitSeconds })

    const pushedBack = waitForEvent(kiosk, 'queue:updated', undefined, (e) => e.services.some((s) => s.serviceId === other.id))
    const res = await center.request('POST', `/api/v1/tickets/${issued.id}/cancel`, { token: clerk, body: { reason: 'duplicate' } })
    expect(res.statusCode).toBe(200)
    const afterCancel = (await pushedBack).services.find((s) => s.serviceId === other.id)!
    expect(afterCancel.estimatedWaitSeconds).toBe(before.estimatedWaitSeconds)
  })
})
