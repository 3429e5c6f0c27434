import { describe, expect, it } from 'vitest'
import { transferCounters, transferServices, unstaffedTarget } from '../../counter-ui/transfer-targets.ts'
import { withFigures } from '../../ui-common/queue-figures.ts'
import type { Counter, ServiceWithQueue } from '../../protocol/entities.ts'

// only the fields the rule reads; the rest of a Counter or a ServiceWithQueue does not matter to it
const counter = (id: number, state: Counter['state'], awaySince: string | null = null) => ({ id, state, awaySince }) as Counter
const service = (id: number, staffed: boolean) => ({ id, staffed }) as ServiceWithQueue

/** The transfer dialog's warning: a target nobody can call from now (counter-ui/transfer-targets.ts). */
describe('unstaffedTarget', () => {
  const counters = [counter(1, 'open'), counter(2, 'paused'), counter(3, 'closed'), counter(4, 'open', '2026-12-06T16:33:19.000Z')]
  const services = [service(10, true), service(11, false)]

  it('a closed counter is one nobody calls from; an open or a paused one (soon open) is not', () => {
    expect(unstaffedTarget('counter:3', counters, services)).toBe('counter-closed')
    expect(unstaffedTarget('counter:1', counters, services)).toBeNull()
    expect(unstaffedTarget('counter:2', counters, services)).toBeNull()
  })

  it('an open counter whose clerk is away (no live console) is one nobody calls from either (walk s45: it carried no mark)', () => {
    expect(unstaffedTarget('counter:4', counters, services)).toBe('counter-away')
  })

  it("a service is unstaffed on the server's word (staffed: false), not by counting counters here", () => {
    expect(unstaffedTarget('service:11', counters, services)).toBe('service-unstaffed')
    expect(unstaffedTarget('service:10', counters, services)).toBeNull()
  })

  it('an unknown target, or one not yet in the lists, is not called unstaffed (no warning made up)', () => {
    expect(unstaffedTarget('counter:99', counters, services)).toBeNull()
    expect(unstaffedTarget('service:99', counters, services)).toBeNull()
    expect(unstaffedTarget('desk:1', counters, services)).toBeNull()
    expect(unstaffedTarget('', counters, services)).toBeNull()
  })
})

/** The transfer dialog's lists (counter-ui/transfer-targets.ts), fed as the console feeds them: its snapshot, then the pushes. */
describe('transfer lists', () => {
  const listed = (id: number) => ({ id, active: true, staffed: true }) as ServiceWithQueue
  const figure = (serviceId: number, active?: boolean) => ({
    serviceId,
    waiting: 0,
    estimatedWaitSeconds: null,
    ahead: 0,
    staffed: false,
    available: false,
    issuedToday: 0,
    checkIn: false,
    ...(active === undefined ? {} : { active }),
  })

  it('a service deactivated after the snapshot leaves the list at its push (it stayed offered until a reload, then was refused)', () => {
    const snapshot = [listed(1), listed(2), listed(3)]
    expect(transferServices(snapshot, 1).map((s) => s.id)).toEqual([2, 3])
    const pushed = withFigures(snapshot, [figure(3, false)])
    expect(transferServices(pushed, 1).map((s) => s.id)).toEqual([2])
    // an older server pushes no `active`: the service keeps what the snapshot said
    expect(transferServices(withFigures(snapshot, [figure(3)]), 1).map((s) => s.id)).toEqual([2, 3])
    // active again: offered again
    expect(transferServices(withFigures(pushed, [figure(3, true)]), 1).map((s) => s.id)).toEqual([2, 3])
  })

  it('counters: the active ones but this one, by number (a disabled one is refused: nobody can open it)', () => {
    const cs = [
      { id: 5, number: 3, active: true },
      { id: 6, number: 1, active: true },
      { id: 7, number: 2, active: false },
      { id: 8, number: 4, active: true },
    ] as Counter[]
    expect(transferCounters(cs, 8).map((c) => c.number)).toEqual([1, 3])
  })
})
