import { describe, expect, it } from 'vitest'
import type { CalledTicket } from '../../../protocol/events.ts'
import { fromSnapshot, withCallPush, withCounter, withPast, withStarted } from '../../../display-ui/now-serving.ts'
import { snapshotBoard } from '../../../display-ui/board-view.ts'
import { type RecordedEvent, snapshotOf, useListeningCenter } from '../../helpers/socket-client.ts'
import { act, buildFloor } from './floor.ts'

/** The display's reducer for its calls (display-ui/display-session.ts), from the pushes it got. */
function liveCalls(start: CalledTicket[], events: RecordedEvent[]): CalledTicket[] {
  return liveBoard(start, events).calls
}

/** The display's board from the pushes it got: its calls, and those gone from them (setCalls). */
function liveBoard(start: CalledTicket[], events: RecordedEvent[]): { calls: CalledTicket[]; past: CalledTicket[] } {
  let calls = start
  let past: CalledTicket[] = []
  for (const { name, payload } of events) {
    let next = calls
    if (name === 'ticket:called') {
      const { seq: _seq, board, ...call } = payload
      next = withCallPush(calls, call, board)
    } else if (name === 'ticket:started') next = withStarted(calls, payload.ticketId)
    else if (name === 'counter:updated') next = withCounter(calls, payload.counter)
    past = withPast(past, calls, next)
    calls = next
  }
  return { calls, past }
}

/** What of the calls the board shows besides the time: which ticket at which counter, and the "Recall" pill. */
const shown = (calls: CalledTicket[]) => calls.map((c) => ({ label: c.ticket.label, counter: c.counter.number, recall: c.recall }))

describe('a recall ends when its ticket is started (walk of the TV)', () => {
  const { clients, start } = useListeningCenter()

  it("the recalled ticket's displays drop the pill on Start, as a reload shows it; other zones hear nothing", async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const ground = await clients.listen(url, floor.displayGround.token)
    const first = await clients.listen(url, floor.displayFirst.token)
    const all = await clients.listen(url, floor.displayAll.token)
    const startBoards = await Promise.all([ground, all].map(async (d) => fromSnapshot((await snapshotOf(d.socket)).recentCalls, [])))
    const from = [ground, all].map((d) => d.seen.events.length)
    const firstFrom = first.seen.events.length
    const ticket = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await act(center, floor.clerkGround, floor.ground.id, 'recall')
    for (const d of [ground, all]) await d.seen.until((events) => events.filter((e) => e.name === 'ticket:called').length >= 2)
    expect(shown(liveCalls(startBoards[0]!, ground.seen.since(from[0]!)))).toEqual([{ label: ticket.label, counter: 1, recall: true }])

    await act(center, floor.clerkGround, floor.ground.id, 'start')
    for (const [i, d] of [ground, all].entries()) {
      const events = await d.seen.until((e) => e.some((x) => x.name === 'ticket:started'))
      const started = events.filter((e) => e.name === 'ticket:started')
      expect(started.map((e) => e.payload.ticketId)).toEqual([ticket.id])
      const reloaded = await snapshotOf(d.socket)
      const live = liveCalls(startBoards[i]!, d.seen.since(from[i]!))
      expect(shown(live)).toEqual([{ label: ticket.label, counter: 1, recall: false }])
      expect(shown(live)).toEqual(shown(fromSnapshot(reloaded.recentCalls, reloaded.counters)))
    }
    // the first floor's display shows nothing of the ground's counter: its pushes are the lines'
    // figures (two issues, the call), the last of them sent after the start
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const firstEvents = await first.seen.until((e) => e.length >= firstFrom + 3)
    expect(firstEvents.slice(firstFrom).map((e) => e.name)).toEqual(['queue:updated', 'queue:updated', 'queue:updated'])
  })

  it('a display that connects after the recall shows the mark too, until the start, and lists the call as the live board does', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const watching = await clients.listen(url, floor.displayGround.token)
    const from = watching.seen.events.length
    const startBoard = snapshotBoard(await snapshotOf(watching.socket)).calls
    const ticket = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await act(center, floor.clerkGround, floor.ground.id, 'recall')
    await watching.seen.until((events) => events.filter((e) => e.name === 'ticket:called').length >= 2)
    // a TV switched on (or reconnected) after the recall: the same call, its time (the voice's key) and its mark
    const late = await clients.listen(url, floor.displayGround.token)
    const recalled = snapshotBoard(await snapshotOf(late.socket))
    expect(shown(recalled.calls)).toEqual([{ label: ticket.label, counter: 1, recall: true }])
    expect(recalled.calls).toEqual(liveCalls(startBoard, watching.seen.since(from)))

    await act(center, floor.clerkGround, floor.ground.id, 'start')
    await watching.seen.until((e) => e.some((x) => x.name === 'ticket:started'))
    const started = snapshotBoard(await snapshotOf((await clients.listen(url, floor.displayGround.token)).socket))
    expect(shown(started.calls)).toEqual([{ label: ticket.label, counter: 1, recall: false }])
    expect(started.calls).toEqual(liveCalls(startBoard, watching.seen.since(from)))

    // finished: gone from the counter, listed under the recent calls, no longer a recall on either board
    const pushed = watching.seen.events.length
    await act(center, floor.clerkGround, floor.ground.id, 'finish')
    await watching.seen.until((e) => e.slice(pushed).some((x) => x.name === 'counter:updated'))
    const live = liveBoard(startBoard, watching.seen.since(from))
    const reloaded = snapshotBoard(await snapshotOf(late.socket))
    expect(shown(reloaded.past)).toEqual([{ label: ticket.label, counter: 1, recall: false }])
    expect({ calls: shown(reloaded.calls), past: shown(reloaded.past) }).toEqual({ calls: shown(live.calls), past: shown(live.past) })
  })
})
