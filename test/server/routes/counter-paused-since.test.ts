import { describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { snapshotOf, useListeningCenter } from '../../helpers/socket-client.ts'
import type { Counter } from '../../../protocol/entities.ts'

/**
 * A paused counter says since when (walk 2026-12-05: the console's paused card gave no time), to
 * staff only, on every way the console learns of it: the pause's answer, the staff feed's push,
 * the counters list and the snapshot a reloaded console starts from.
 */
describe('since when a counter is paused', () => {
  const { clients, start } = useListeningCenter()

  it('is the time of the pause, kept by a second pause, gone once open again, and never on a display', async () => {
    const clock = new TestClock()
    const { center, url } = await start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const display = await center.createDevice('display')
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const staff = await clients.listen(url, clerk)
    const board = await clients.listen(url, display.token)

    const pausedAt = new Date(clock.now).toISOString()
    const paused = (await center.action(clerk, c1.id, 'pause', { reason: 'prayer' })).json().counter as Counter
    expect(paused).toMatchObject({ state: 'paused', pauseReason: 'prayer', pausedSince: pausedAt })
    const pushed = (feed: typeof staff) =>
      feed.seen.until((events) => events.some((e) => e.name === 'counter:updated' && e.payload.counter.state === 'paused'))
    const staffPush = (await pushed(staff)).find((e) => e.name === 'counter:updated')!.payload.counter
    expect(staffPush.pausedSince).toBe(pausedAt)
    const boardPush = (await pushed(board)).find((e) => e.name === 'counter:updated')!.payload.counter
    expect(boardPush).not.toHaveProperty('pausedSince')

    // a reloaded console: the counters list and the snapshot say the same
    clock.advance(12 * 60)
    const listed = (await center.request('GET', '/api/v1/counters', { token: clerk })).json() as Counter[]
    expect(listed.find((c) => c.id === c1.id)!.pausedSince).toBe(pausedAt)
    expect((await snapshotOf(staff.socket)).counters.find((c) => c.id === c1.id)!.pausedSince).toBe(pausedAt)
    expect((await snapshotOf(board.socket)).counters.find((c) => c.id === c1.id)).not.toHaveProperty('pausedSince')

    // another reason does not make the pause shorter
    expect((await center.action(clerk, c1.id, 'pause', { reason: 'break' })).json().counter.pausedSince).toBe(pausedAt)
    const resumed = (await center.action(clerk, c1.id, 'open')).json().counter as Counter
    expect(resumed.state).toBe('open')
    expect(resumed).not.toHaveProperty('pausedSince')
    clock.advance(60)
    const again = (await center.action(clerk, c1.id, 'pause', {})).json().counter as Counter
    expect(again.pausedSince).toBe(new Date(clock.now).toISOString())
  })
})
