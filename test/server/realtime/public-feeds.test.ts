import { describe, expect, it } from 'vitest'
import { EventRecorder, snapshotOf, useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'
import { act, buildFloor } from './floor.ts'

/**
 * Issue 16: kiosks and displays are public screens. Who works a counter (the clerk's id,
 * username and display name: a username is half of a login) never reaches them, live or in a
 * snapshot; kiosks get only what their screen uses.
 */
describe('public feeds carry no clerk identity', () => {
  const { clients, start } = useListeningCenter()

  it('displays and kiosks, live and in snapshots, never see the clerk; staff still do', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const clerkId = (center.app.tabour.auth.authenticate(floor.clerkGround) as { id: number }).id
    const display = clients.open(url, floor.displayGround.token)
    const displayAll = clients.open(url, floor.displayAll.token)
    const kiosk = clients.open(url, floor.kiosk.token)
    const staff = clients.open(url, floor.manager)
    const recorders = [display, displayAll, kiosk, staff].map((s) => new EventRecorder(s))
    await Promise.all([display, displayAll, kiosk, staff].map((s) => waitForEvent(s, 'feed:joined')))

    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await act(center, floor.clerkGround, floor.ground.id, 'pause', { reason: 'break' }).catch(() => undefined)
    const [seenDisplay, seenAll, seenKiosk, seenStaff] = recorders as [EventRecorder, EventRecorder, EventRecorder, EventRecorder]
    const counterUpdates = (events: { name: string }[]) => events.filter((e) => e.name === 'counter:updated').length >= 1
    // a display gets a call's counter inside the call (issue 22), staff as counter:updated
    const calls = (events: { name: string }[]) => events.some((e) => e.name === 'ticket:called')
    await Promise.all([seenDisplay.until(calls), seenAll.until(calls), seenStaff.until(counterUpdates)])

    // staff: the clerk is there
    const staffCounter = seenStaff.events.find((e) => e.name === 'counter:updated')!.payload.counter
    expect(staffCounter.clerk).toMatchObject({ id: clerkId, username: 'clerk-ground' })
    expect((await snapshotOf(staff)).counters.find((c) => c.id === floor.ground.id)!.clerk).toMatchObject({ username: 'clerk-ground' })

    for (const socket of [display, displayAll]) {
      const snapshot = await snapshotOf(socket)
      expect(snapshot.counters.length).toBeGreaterThan(0)
      expect(snapshot.recentCalls.length).toBe(1)
      for (const counter of snapshot.counters) expect(counter).toMatchObject({ clerk: null, pauseReason: null })
      expect(JSON.stringify(snapshot)).not.toContain('clerk-ground')
    }
    for (const seen of [seenDisplay, seenAll]) {
      const counters = seen.events.flatMap((e) =>
        e.name === 'counter:updated' ? [e.payload.counter] : e.name === 'ticket:called' ? [e.payload.board.counter] : [],
      )
      expect(counters.length).toBeGreaterThan(0)
      for (const counter of counters) expect(counter).toMatchObject({ clerk: null, pauseReason: null })
      expect(JSON.stringify(seen.events)).not.toContain('clerk-ground')
    }

    // a kiosk: the services and the news, nothing about counters or calls
    const kioskSnapshot = await snapshotOf(kiosk)
    expect(kioskSnapshot.services.map((s) => s.id)).toEqual([floor.service.id])
    expect(kioskSnapshot.counters).toEqual([])
    expect(kioskSnapshot.recentCalls).toEqual([])
    expect(JSON.stringify([kioskSnapshot, seenKiosk.events])).not.toContain('clerk-ground')
  })
})
