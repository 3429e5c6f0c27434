import { describe, expect, it } from 'vitest'
import { cachedLiveQueues, LIVE_QUEUES_MAX_AGE_MS, liveQueuesOf, localLiveQueuesOf } from '../../../server/upstream/live-queues.ts'
import type { ServiceWithQueue } from '../../../protocol/entities.ts'

/** The heartbeat's open-data lines (issue 23): per national code, counts only, never a shorter wait than a citizen is told. */

const service = (o: Partial<ServiceWithQueue>): ServiceWithQueue =>
  ({
    id: 1,
    prefix: 'A',
    nameAr: 'أ',
    nameEn: 'A',
    active: true,
    waiting: 0,
    estimatedWaitSeconds: null,
    available: true,
    ...o,
  }) as ServiceWithQueue

describe('liveQueuesOf', () => {
  it('one entry per national code: waiting added, the longest estimate, open when any issues; unmapped, inactive and malformed left out', () => {
    const lines = liveQueuesOf([
      service({ id: 1, nationalCode: 'PASSPORT', waiting: 3, estimatedWaitSeconds: 299.6, available: false }),
      service({ id: 2, nationalCode: 'PASSPORT', waiting: 2, estimatedWaitSeconds: 900, available: true }),
      service({ id: 3, nationalCode: 'CIV-BIRTH', waiting: 1, estimatedWaitSeconds: null }),
      service({ id: 4, waiting: 9 }), // no national code
      service({ id: 5, nationalCode: 'TRAFFIC', active: false, waiting: 4 }),
      service({ id: 6, nationalCode: 'old code', waiting: 1 }), // not a code the schema takes: the heartbeat must not be refused for it
    ])
    expect(lines).toEqual([
      { nationalCode: 'PASSPORT', waiting: 5, waitSeconds: 900, open: true },
      { nationalCode: 'CIV-BIRTH', waiting: 1, open: true }, // no estimate: absent, never null (see protocol/open-data.ts)
    ])
    expect(liveQueuesOf([service({ nationalCode: 'X1', estimatedWaitSeconds: 299.6 })])[0].waitSeconds).toBe(300)
  })

  it("the center's own services (no national code) go apart, one each, by its prefix and names; mapped and inactive ones not", () => {
    expect(
      localLiveQueuesOf([
        service({ id: 1, nationalCode: 'PASSPORT', waiting: 3 }),
        service({ id: 2, prefix: 'N', nameAr: 'توثيق', nameEn: 'Notary', waiting: 4, estimatedWaitSeconds: 599.5 }),
        service({ id: 3, prefix: 'Q', nameAr: 'استعلام', nameEn: 'Enquiries', waiting: 0, available: false }),
        service({ id: 4, prefix: 'Z', active: false, waiting: 2 }),
      ]),
    ).toEqual([
      { serviceCode: 'N', nameAr: 'توثيق', nameEn: 'Notary', waiting: 4, waitSeconds: 600, open: true },
      { serviceCode: 'Q', nameAr: 'استعلام', nameEn: 'Enquiries', waiting: 0, open: false },
    ])
  })
})

describe('cachedLiveQueues', () => {
  it('computes again after a domain event or once the lines are 30 s old, not on every heartbeat', () => {
    let now = 1_000_000
    let computed = 0
    const listeners: (() => void)[] = []
    const events = { on: (l: () => void) => (listeners.push(l), () => {}) }
    const get = cachedLiveQueues(
      () => {
        computed++
        return []
      },
      events,
      () => now,
    )
    get()
    get()
    expect(computed).toBe(1)
    for (const l of listeners) l()
    get()
    expect(computed).toBe(2)
    now += LIVE_QUEUES_MAX_AGE_MS - 1
    get()
    expect(computed).toBe(2)
    now += 1
    get()
    expect(computed).toBe(3)
  })
})
