import { afterEach, describe, expect, it } from 'vitest'
import { FeedController } from '../../ui-common/feed-controller.ts'
import type { Snapshot } from '../../protocol/events.ts'
import { useListeningCenter, waitUntil } from '../helpers/socket-client.ts'
import type { TestCenter } from '../helpers/test-center.ts'
import { act, buildFloor } from '../server/realtime/floor.ts'

const globals = globalThis as { location?: { origin: string } }
const BOARD = '/api/v1/devices/me/snapshot'

/** A lit host that only collects its controllers. */
const host = () => ({ addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) })

/**
 * FeedController with a board already on screen (a display's page carries one, issue 22): the
 * socket's first push, `feed:joined`, says whether anything was pushed since that board was built.
 * Against a real center and a real socket.io client.
 */
describe("FeedController's shownSeq", () => {
  const { start } = useListeningCenter()
  const feeds: FeedController[] = []
  afterEach(() => {
    for (const feed of feeds.splice(0)) feed.stop()
    delete globals.location
  })

  /** A feed for `token` that records what it tells its host; `shownSeq` as a screen passes it. */
  function startFeed(url: string, token: string, shownSeq: number | null) {
    globals.location = { origin: url }
    const told = { snapshots: [] as Snapshot[], current: 0, calls: [] as string[] }
    const feed = new FeedController(host(), {
      onSnapshot: (s) => told.snapshots.push(s),
      onReachable: () => undefined,
      onRefused: (code) => {
        throw new Error(`refused: ${code}`)
      },
      onCurrent: () => told.current++,
    })
    // the events a display's feed carries, as its screen subscribes to them: a seq missed in between is a gap
    feed
      .on('ticket:called', (e) => told.calls.push(e.ticket.label))
      .on('queue:updated', () => undefined)
      .on('counter:updated', () => undefined)
      .on('center:updated', () => undefined)
    feeds.push(feed)
    feed.start('', token, shownSeq)
    return told
  }

  const boardSeq = async (center: TestCenter, token: string): Promise<number> => (await center.request('GET', BOARD, { token })).json().seq

  it('asks for no snapshot when nothing was pushed since the board on screen, and applies the pushes after it', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const told = startFeed(url, floor.displayGround.token, await boardSeq(center, floor.displayGround.token))
    await waitUntil(() => told.current === 1, 15_000, 'onCurrent')
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await waitUntil(() => told.calls.length === 1, 15_000, 'the call')
    expect(told.calls).toEqual(['A-001'])
    // in seq order from the board on: no gap, so still no snapshot
    expect(told.snapshots).toEqual([])
  })

  it('asks for a snapshot when something was pushed between the board and the connection, and does not call it current', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const shown = await boardSeq(center, floor.displayGround.token)
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    const told = startFeed(url, floor.displayGround.token, shown)
    await waitUntil(() => told.snapshots.length === 1, 15_000, 'the snapshot')
    expect(told.snapshots[0]!.seq).toBeGreaterThan(shown)
    expect(told.snapshots[0]!.recentCalls.map((c) => c.ticket.label)).toEqual(['A-001'])
    expect(told.current).toBe(0)
  })

  it('without a board on screen, starts from a snapshot of its own', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const told = startFeed(url, floor.displayGround.token, null)
    await waitUntil(() => told.snapshots.length === 1, 15_000, 'the snapshot')
    expect(told.current).toBe(0)
  })
})
