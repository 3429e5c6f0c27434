import { describe, expect, it } from 'vitest'
import type { CalledTicket } from '../../../protocol/events.ts'
import { withCallPush, withCounter, withPast } from '../../../display-ui/now-serving.ts'
import { snapshotOf, useListeningCenter, waitUntil, type TabourSocket } from '../../helpers/socket-client.ts'
import { act, buildFloor } from './floor.ts'

/** A display's live board, kept by the display's own rules (display-ui/now-serving.ts) from its feed's pushes. */
function liveBoard(socket: TabourSocket) {
  const board = { calls: [] as CalledTicket[], past: [] as CalledTicket[], seq: 0 }
  const next = (calls: CalledTicket[]) => {
    board.past = withPast(board.past, board.calls, calls)
    board.calls = calls
  }
  socket.on('ticket:called', ({ seq: _seq, board: counterBoard, ...call }) => next(withCallPush(board.calls, call, counterBoard)))
  socket.on('counter:updated', ({ counter }) => next(withCounter(board.calls, counter)))
  socket.onAny((_name, payload: { seq?: number }) => {
    board.seq = payload?.seq ?? board.seq
  })
  return board
}

const labels = (calls: readonly CalledTicket[]) => calls.map((c) => `${c.ticket.label}@${c.counter.number}`)

/**
 * A snapshot carries the calls gone from the board (issue s34 item 1): a display reloaded mid-day
 * lists, under "recent calls", what the live display beside it lists, in the same order, for
 * the same zone.
 */
describe("a display snapshot's past calls", () => {
  const { clients, start } = useListeningCenter()

  it("are the live board's past calls, by the time they left, per zone, whatever ended them", async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const sockets = {
      all: await clients.connect(url, floor.displayAll.token),
      ground: await clients.connect(url, floor.displayGround.token),
      first: await clients.connect(url, floor.displayFirst.token),
    }
    const boards = { all: liveBoard(sockets.all), ground: liveBoard(sockets.ground), first: liveBoard(sockets.first) }
    const issue = () => center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    for (let i = 0; i < 5; i++) await issue()
    const ground = (action: string, body?: unknown) => act(center, floor.clerkGround, floor.ground.id, action, body)
    const first = (action: string, body?: unknown) => act(center, floor.clerkFirst, floor.first.id, action, body)

    await ground('call-next') // A-001 at 1
    await ground('recall')
    await first('call-next') // A-002 at 2
    await first('start')
    await first('finish') // A-002 leaves first…
    await ground('no-show') // …then A-001: by the time they left, A-001 comes first though it was called first
    await ground('call-next') // A-003 at 1
    await ground('transfer', { counterId: floor.first.id }) // A-003 leaves 1 for counter 2's line
    await first('call-next') // A-003 at 2: current again for the all-zones display, still past on the ground's
    await ground('call-next') // A-004 at 1, still there

    for (const name of ['all', 'ground', 'first'] as const) {
      const snapshot = await snapshotOf(sockets[name])
      // the live board has taken in every push the snapshot was built after
      await waitUntil(() => boards[name].seq === snapshot.seq, undefined, `${name} board at seq ${snapshot.seq}`)
      expect(labels(snapshot.pastCalls), name).toEqual(labels(boards[name].past))
    }
    expect(labels(boards.all.past)).toEqual(['A-001@1', 'A-002@2'])
    expect(labels(boards.ground.past)).toEqual(['A-003@1', 'A-001@1'])
    expect(labels(boards.first.past)).toEqual(['A-002@2'])
  })
})
