import { describe, expect, it } from 'vitest'
import type { ServiceWithQueue } from '../../protocol/entities.ts'
import { checkInOffered, needsSnapshot, withFigures, withWaiting } from '../../ui-common/queue-figures.ts'

const service = (id: number, waiting: number): ServiceWithQueue =>
  ({
    id,
    prefix: String.fromCharCode(64 + id),
    nameAr: `خدمة ${id}`,
    nameEn: `Service ${id}`,
    waiting,
    estimatedWaitSeconds: 60,
    staffed: true,
    available: true,
    checkIn: false,
  }) as ServiceWithQueue

describe('queue figures', () => {
  it('applies each figure to its service and leaves the others as they were', () => {
    const before = [service(1, 0), service(2, 5)]
    const after = withFigures(before, [
      { serviceId: 2, waiting: 6, estimatedWaitSeconds: 420, ahead: 8, staffed: true, available: false, issuedToday: 3, checkIn: false },
    ])
    expect(after[0]).toBe(before[0])
    expect(after[1]).toEqual({
      ...before[1],
      waiting: 6,
      sentToCounters: [],
      estimatedWaitSeconds: 420,
      ahead: 8,
      staffed: true,
      available: false,
      // what says why it is not available when its daily cap is reached (walk s45)
      issuedToday: 3,
      checkIn: false,
    })
    // the names stay: a figure carries none
    expect(after[1].nameAr).toBe('خدمة 2')
    expect(before[1].waiting).toBe(5)
  })

  it("applies a call's line lengths (a display's CallBoard) and keeps every other figure", () => {
    const before = [service(1, 3), service(2, 5)]
    const after = withWaiting(before, [
      { serviceId: 2, waiting: 4 },
      { serviceId: 9, waiting: 1 },
    ])
    expect(after[0]).toBe(before[0])
    expect(after[1]).toEqual({ ...before[1], waiting: 4, sentToCounters: [] })
    // a service the board does not list is not added: only a snapshot brings its names
    expect(after.map((s) => s.id)).toEqual([1, 2])
  })

  it('asks for a snapshot only for a service it has never seen that is available, or unstaffed (shown greyed)', () => {
    const known = [service(1, 0)]
    expect(
      needsSnapshot(known, [
        { serviceId: 1, waiting: 1, estimatedWaitSeconds: 60, ahead: 1, staffed: true, available: true, issuedToday: 3, checkIn: false },
      ]),
    ).toBe(false)
    expect(
      needsSnapshot(known, [
        { serviceId: 9, waiting: 0, estimatedWaitSeconds: 0, ahead: 0, staffed: true, available: false, issuedToday: 3, checkIn: false },
      ]),
    ).toBe(false)
    expect(
      needsSnapshot(known, [
        { serviceId: 9, waiting: 0, estimatedWaitSeconds: 0, ahead: 0, staffed: true, available: true, issuedToday: 3, checkIn: false },
      ]),
    ).toBe(true)
    // a new service no open counter serves: listed greyed ("no counter is serving this service now"), so its names are needed
    expect(
      needsSnapshot(known, [
        {
          serviceId: 9,
          waiting: 0,
          estimatedWaitSeconds: null,
          ahead: 0,
          staffed: false,
          available: false,
          issuedToday: 3,
          checkIn: false,
        },
      ]),
    ).toBe(true)
  })

  it('asks for a snapshot for any active service it has never seen (one activated again at its daily cap too), never for an inactive one', () => {
    const known = [service(1, 0)]
    const figure = { serviceId: 9, waiting: 2, estimatedWaitSeconds: null, ahead: 2, issuedToday: 40, checkIn: false }
    // active again, counters open, all of today's tickets taken: a console must still offer it as a transfer target
    expect(needsSnapshot(known, [{ ...figure, staffed: true, available: false, active: true }])).toBe(true)
    // deactivated while tickets wait, unstaffed: in no snapshot, so never asked for (it would ask at every push)
    expect(needsSnapshot(known, [{ ...figure, staffed: false, available: false, active: false }])).toBe(false)
    expect(needsSnapshot([service(9, 0)], [{ ...figure, staffed: true, available: true, active: true }])).toBe(false)
  })

  it('offers check-in only while some service takes a code, following the pushed figures', () => {
    const services = [service(1, 0), service(2, 0)]
    expect(checkInOffered(services)).toBe(false)
    const on = withFigures(services, [
      { serviceId: 2, waiting: 0, estimatedWaitSeconds: 60, ahead: 0, staffed: true, available: true, issuedToday: 3, checkIn: true },
    ])
    expect(checkInOffered(on)).toBe(true)
    const off = withFigures(on, [
      { serviceId: 2, waiting: 0, estimatedWaitSeconds: 60, ahead: 0, staffed: true, available: true, issuedToday: 3, checkIn: false },
    ])
    expect(checkInOffered(off)).toBe(false)
  })
})
