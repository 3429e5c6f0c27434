import { describe, expect, it } from 'vitest'
import type { Counter } from '../../protocol/entities.ts'
import { servedLines, withZoneCounter } from '../../display-ui/zone-lines.ts'

const counter = (id: number, state: Counter['state'], serviceIds: number[], active = true) => ({
  id,
  state,
  active,
  services: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
})

describe('the lines a zoned display lists (finding 20)', () => {
  it('lists a line only while an open or paused counter of the zone serves it', () => {
    // ground floor: counter 1 serves A and D, counter 7 is the only one for C and F and is closed
    const ground = [counter(1, 'open', [1, 4]), counter(2, 'paused', [2]), counter(7, 'closed', [3, 6]), counter(8, 'open', [5], false)]
    expect([...servedLines(ground)!].sort()).toEqual([1, 2, 4])
  })

  it('lists every line for a display given no counters', () => {
    expect(servedLines([])).toBeNull()
  })

  it('follows a counter that opens or closes', () => {
    let counters = new Map([[7, counter(7, 'closed', [3, 6])]])
    expect([...servedLines(counters.values())!]).toEqual([])
    counters = withZoneCounter(counters, counter(7, 'open', [3, 6]))
    expect([...servedLines(counters.values())!]).toEqual([3, 6])
    counters = withZoneCounter(counters, counter(9, 'open', [2]))
    expect([...servedLines(counters.values())!]).toEqual([3, 6, 2])
  })
})
