import { describe, expect, it } from 'vitest'
import type { ServiceWithQueue } from '../../../protocol/entities.ts'
import type { CalledTicket } from '../../../protocol/events.ts'
import { fromSnapshot, withCall, withCallPush, withCounter } from '../../../display-ui/now-serving.ts'
import { withFigures, withWaiting } from '../../../ui-common/queue-figures.ts'
import { type RecordedEvent, snapshotOf, type TabourSocket, useListeningCenter } from '../../helpers/socket-client.ts'
import { act, buildFloor } from './floor.ts'

/** What a display board shows: the calls still at a counter and the services' figures. */
interface Board {
  calls: CalledTicket[]
  services: ServiceWithQueue[]
}

/** What of a board the display renders: the calls and how many wait in each line (not the estimates, which only kiosks and staff show). */
const shown = ({ calls, services }: Board) => ({ calls, waiting: services.map(({ id, waiting }) => ({ id, waiting })) })

/** The display's reducer as it runs since issue 22 (display-ui/display-session.ts): the call carries its counter and lines' lengths. */
function displayBoard(start: Board, events: RecordedEvent[]): Board {
  let { calls, services } = start
  for (const { name, payload } of events) {
    if (name === 'ticket:called') {
      const { seq: _seq, board, ...call } = payload
      calls = withCallPush(calls, call, board)
      services = withWaiting(services, board?.services ?? [])
    } else if (name === 'counter:updated') calls = withCounter(calls, payload.counter)
    else if (name === 'queue:updated') services = withFigures(services, payload.services)
  }
  return { calls, services }
}

/**
 * The board the old three pushes gave (`ticket:called`, `counter:updated`, `queue:updated` each on
 * its own), rebuilt from the staff feed, which still gets them, limited to what a display of
 * `zone` (null: all zones) was sent.
 */
function threePushBoard(start: Board, staffEvents: RecordedEvent[], zone: string | null): Board {
  let { calls, services } = start
  const mine = (counterZone: string) => zone === null || counterZone === zone
  for (const { name, payload } of staffEvents) {
    if (name === 'ticket:called' && mine(payload.counter.zone)) {
      // `current` (the called ticket whole) is the staff feed's own: no display is sent it
      const { seq: _seq, current: _staffOnly, ...call } = payload
      calls = withCall(calls, call)
    } else if (name === 'counter:updated' && mine(payload.counter.zone)) calls = withCounter(calls, payload.counter)
    else if (name === 'queue:updated') services = withFigures(services, payload.services)
  }
  return { calls, services }
}

describe('a call reaches a display in one push (issue 22)', () => {
  const { clients, start } = useListeningCenter()

  it('a zone display and an all-zones display get one push per call and show what the three pushes showed', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const other = await center.createService({ prefix: 'B' })
    const ground = await clients.listen(url, floor.displayGround.token)
    const all = await clients.listen(url, floor.displayAll.token)
    const staff = await clients.listen(url, floor.manager)
    const boardOf = async (socket: TabourSocket): Promise<Board> => {
      const s = await snapshotOf(socket)
      return { calls: fromSnapshot(s.recentCalls, s.counters), services: s.services }
    }
    const displays = [
      { name: 'ground', zone: 'ground', ...ground, start: await boardOf(ground.socket), from: ground.seen.events.length },
      { name: 'all zones', zone: null, ...all, start: await boardOf(all.socket), from: all.seen.events.length },
    ]
    const staffFrom = staff.seen.events.length

    const g = (action: string, body?: unknown) => () => act(center, floor.clerkGround, floor.ground.id, action, body)
    const f = (action: string, body?: unknown) => () => act(center, floor.clerkFirst, floor.first.id, action, body)
    const issue = () => center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    let parked = ''
    // each step and what the ground display and the all-zones display get for it; every call is ONE push
    const steps: [string, () => Promise<unknown>, string[], string[]][] = [
      ['issue', issue, ['queue:updated'], ['queue:updated']],
      ['issue', issue, ['queue:updated'], ['queue:updated']],
      ['issue', issue, ['queue:updated'], ['queue:updated']],
      ['issue', issue, ['queue:updated'], ['queue:updated']],
      ['ground call-next', g('call-next'), ['ticket:called'], ['ticket:called']],
      ['ground recall', g('recall'), ['ticket:called'], ['ticket:called']],
      [
        'ground transfer',
        g('transfer', { serviceId: other.id }),
        ['queue:updated', 'counter:updated', 'queue:updated'],
        ['queue:updated', 'counter:updated', 'queue:updated'],
      ],
      ['ground call-next', g('call-next'), ['ticket:called'], ['ticket:called']],
      ['ground no-show', g('no-show'), ['counter:updated', 'queue:updated'], ['counter:updated', 'queue:updated']],
      ['first call-next', f('call-next'), ['queue:updated'], ['ticket:called']],
      [
        'first park',
        async () => (parked = (await f('park', { reason: 'photocopy', minutes: 10 })()).ticket.id),
        ['queue:updated'],
        ['counter:updated', 'queue:updated'],
      ],
      ['ground call-next', g('call-next'), ['ticket:called'], ['ticket:called']],
      ['ground start', g('start'), [], []],
      ['ground finish', g('finish'), ['counter:updated', 'queue:updated'], ['counter:updated', 'queue:updated']],
      ['ground resumes the parked ticket', () => g('resume-parked', { ticketId: parked })(), ['ticket:called'], ['ticket:called']],
      ['ground start', g('start'), [], []],
      ['ground finish', g('finish'), ['counter:updated', 'queue:updated'], ['counter:updated', 'queue:updated']],
    ]
    for (const [what, run, onGround, onAll] of steps) {
      const before = displays.map((d) => d.seen.events.length)
      await run()
      for (const [i, expected] of [onGround, onAll].entries()) {
        const display = displays[i]!
        // the step's pushes, in order (one more, late, would show in the next step's and in the totals below)
        const got = await display.seen.untilCount(before[i]! + expected.length)
        expect(
          got.slice(before[i]).map((e) => e.name),
          `${display.name} after ${what}`,
        ).toEqual(expected)
      }
      // the display's board, from its one push per call, is what the three pushes made of it
      for (const display of displays) {
        const oneEach = () => shown(displayBoard(display.start, display.seen.since(display.from)))
        const three = () => shown(threePushBoard(display.start, staff.seen.since(staffFrom), display.zone))
        await staff.seen.until(() => JSON.stringify(oneEach()) === JSON.stringify(three())).catch(() => undefined)
        expect(oneEach(), `${display.name} after ${what}`).toEqual(three())
      }
    }

    for (const display of displays) {
      const names = display.seen.since(display.from).map((e) => e.name)
      const expected = steps.flatMap(([, , onGround, onAll]) => (display.zone === null ? onAll : onGround))
      expect(names, display.name).toEqual(expected)
      // seq is still consecutive: one push is one seq
      const seqs = display.seen.events.map((e) => e.payload.seq)
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i))
      for (const e of display.seen.events.filter((x) => x.name === 'ticket:called')) {
        expect(e.payload.board.counter).toMatchObject({ clerk: null, pauseReason: null })
        // a count per line, nothing that plays the line forward before the push goes out
        for (const figure of e.payload.board.services)
          expect(Object.keys(figure).sort()).toEqual(['sentToCounters', 'serviceId', 'waiting'])
      }
    }
    // what the board ends with: nobody at a counter, the two lines' figures as the server has them
    const end = displayBoard(displays[1]!.start, displays[1]!.seen.since(displays[1]!.from))
    expect(end.calls).toEqual([])
    const server = await snapshotOf(all.socket)
    const figures = (list: ServiceWithQueue[]) =>
      list.map(({ id, waiting, estimatedWaitSeconds, staffed, available }) => ({ id, waiting, estimatedWaitSeconds, staffed, available }))
    expect(figures(end.services)).toEqual(figures(server.services))
    // staff keep the three pushes of a call
    const staffNames = staff.seen.since(staffFrom).map((e) => e.name)
    const callIndex = staffNames.indexOf('ticket:called')
    expect(staffNames.slice(callIndex, callIndex + 3)).toEqual(['ticket:called', 'counter:updated', 'queue:updated'])
    expect(staff.seen.events.find((e) => e.name === 'ticket:called')!.payload).not.toHaveProperty('board')
  })
})
