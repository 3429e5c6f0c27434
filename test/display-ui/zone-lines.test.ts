import { describe, expect, it } from 'vitest'
import type { Counter } from '../../protocol/entities.ts'
import { withZoneCounter, zoneLines, zoneWaiting } from '../../display-ui/zone-lines.ts'

const counter = (id: number, state: Counter['state'], serviceIds: number[], active = true, awaySince: string | null = null) => ({
  id,
  state,
  active,
  services: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
  awaySince,
})

const lines = (counters: Iterable<ReturnType<typeof counter>>) => {
  const { serviceIds, noneOpen } = zoneLines(counters)
  return { ids: serviceIds && [...serviceIds].sort(), noneOpen }
}

describe('the lines a zoned display lists (finding 20)', () => {
  it('lists a line only while an open or paused counter of the zone serves it', () => {
    // ground floor: counter 1 serves A and D, counter 7 is the only one for C and F and is closed
    const ground = [counter(1, 'open', [1, 4]), counter(2, 'paused', [2]), counter(7, 'closed', [3, 6]), counter(8, 'open', [5], false)]
    expect(lines(ground)).toEqual({ ids: [1, 2, 4], noneOpen: false })
  })

  // s49: an away clerk's counter (no console for queue.awayAfterSeconds) is open in their name but calls nobody,
  // and the kiosk has its lines off sale: the TV listed them as served, with no "No counter is open here now"
  it('counts a counter whose clerk is away as not serving: its lines are listed under "no counter is open here"', () => {
    const away = '2026-12-07T04:00:00.000Z'
    expect(lines([counter(1, 'open', [1], true, away), counter(2, 'paused', [2], true, away)])).toEqual({ ids: [1, 2], noneOpen: true })
    expect(lines([counter(1, 'open', [1], true, away), counter(2, 'paused', [2])])).toEqual({ ids: [2], noneOpen: false })
  })

  it('lists every line for a display given no counters', () => {
    expect(lines([])).toEqual({ ids: null, noneOpen: false })
  })

  it('with no counter of the zone open, lists the lines its active counters serve and says none is open (s34 item 2)', () => {
    const ground = [counter(1, 'closed', [1, 4]), counter(7, 'closed', [3]), counter(8, 'open', [5], false)]
    expect(lines(ground)).toEqual({ ids: [1, 3, 4], noneOpen: true })
    // only inactive counters: nothing to list, still nobody called here
    expect(lines([counter(8, 'open', [5], false)])).toEqual({ ids: [], noneOpen: true })
  })

  it('follows a counter that opens or closes', () => {
    let counters = new Map([[7, counter(7, 'closed', [3, 6])]])
    expect(lines(counters.values())).toEqual({ ids: [3, 6], noneOpen: true })
    counters = withZoneCounter(counters, counter(7, 'open', [3, 6]))
    expect(lines(counters.values())).toEqual({ ids: [3, 6], noneOpen: false })
    counters = withZoneCounter(counters, counter(9, 'open', [2]))
    expect(lines(counters.values())).toEqual({ ids: [2, 3, 6], noneOpen: false })
    counters = withZoneCounter(counters, counter(7, 'closed', [3, 6]))
    expect(lines(counters.values())).toEqual({ ids: [2], noneOpen: false })
  })

  it("counts a ticket sent to one counter on that counter's floor only (walk 2026-12-05, s40 item 4)", () => {
    // A (1) is served on the ground floor (counter 1); counter 6 upstairs serves C (3) and F (6);
    // A-001 was sent to counter 6, A-002 waits for any A counter
    const services = [
      { id: 1, waiting: 2, sentToCounters: [{ counterId: 6, waiting: 1 }], active: true },
      { id: 3, waiting: 0, sentToCounters: [], active: true },
    ]
    const counted = (counters: ReturnType<typeof counter>[]) =>
      zoneWaiting(services, zoneLines(counters)).map(({ service, waiting }) => [service.id, waiting])
    expect(counted([counter(1, 'open', [1])])).toEqual([[1, 1]])
    expect(counted([counter(6, 'open', [3, 6])])).toEqual([
      [1, 1],
      [3, 0],
    ])
    // a display of every zone counts the line whole
    expect(counted([counter(1, 'open', [1]), counter(6, 'open', [3, 6])])).toEqual([
      [1, 2],
      [3, 0],
    ])
    expect(zoneWaiting(services, zoneLines([])).map(({ waiting }) => waiting)).toEqual([2, 0])
  })

  it('lists a deactivated line while it holds tickets, still called, and drops it once emptied (s53)', () => {
    const off = (waiting: number) => [
      { id: 1, waiting: 0, sentToCounters: [], active: true },
      { id: 2, waiting, sentToCounters: [], active: false },
    ]
    const listed = (waiting: number) =>
      zoneWaiting(off(waiting), zoneLines([counter(1, 'open', [1, 2])])).map(({ service, waiting }) => [service.id, waiting])
    expect(listed(3)).toEqual([
      [1, 0],
      [2, 3],
    ])
    expect(listed(0)).toEqual([[1, 0]])
  })
})
