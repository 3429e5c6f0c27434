import { describe, expect, it } from 'vitest'
import { unstaffedTarget } from '../../counter-ui/transfer-targets.ts'
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
