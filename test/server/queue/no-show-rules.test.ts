import { describe, expect, it } from 'vitest'
import { graceEndsAt, noShowDue, secondsBeforeNoShow, withinGrace } from '../../../server/queue/no-show-rules.ts'
import { nextStatus, reinstatedStatus, TICKET_STATUSES } from '../../../protocol/ticket-lifecycle.ts'

const CALLED = Date.parse('2026-03-10T08:00:00Z')

describe('the minimum time before a no-show', () => {
  const due = (recalledSinceCall = false, arriveBy: number | null = null) =>
    noShowDue({ atCounterSince: CALLED, minSeconds: 60, recalledSinceCall, arriveBy })
  const at = (seconds: number, recalledSinceCall = false) => secondsBeforeNoShow(due(recalledSinceCall), CALLED + seconds * 1000)

  it('counts down the seconds left, rounding a part second up', () => {
    expect(at(0)).toBe(60)
    expect(at(1)).toBe(59)
    expect(at(59.5)).toBe(1)
    expect(at(59.999)).toBe(1)
  })

  it('is due at the minimum and after it: the instant it names is the first accepted one', () => {
    expect(due().allowedAt).toBe(CALLED + 60_000)
    expect(at(60)).toBe(0)
    expect(at(3600)).toBe(0)
  })

  it('is due at once when the clerk recalled since the call, and a recall is what lifts it before', () => {
    expect(at(0, true)).toBe(0)
    expect(at(5, true)).toBe(0)
    expect(due(true)).toEqual({ allowedAt: CALLED, recallLifts: false })
    expect(due(false).recallLifts).toBe(true)
  })

  it("waits for a call-ahead citizen's time to arrive, which no recall shortens", () => {
    const arriveBy = CALLED + 10 * 60_000
    expect(due(false, arriveBy)).toEqual({ allowedAt: arriveBy, recallLifts: false })
    expect(due(true, arriveBy)).toEqual({ allowedAt: arriveBy, recallLifts: false })
    // a time to arrive shorter than the minimum: the minimum still holds
    expect(due(false, CALLED + 1000).allowedAt).toBe(CALLED + 60_000)
  })

  it('a minimum of 0 turns the rule off', () => {
    const off = noShowDue({ atCounterSince: CALLED, minSeconds: 0, recalledSinceCall: false, arriveBy: null })
    expect(off).toEqual({ allowedAt: CALLED, recallLifts: false })
    expect(secondsBeforeNoShow(off, CALLED)).toBe(0)
  })
})

describe('the grace window of a no-show', () => {
  it('is open up to and including noShowGraceMinutes after the no-show, closed after', () => {
    expect(graceEndsAt(CALLED, 30)).toBe(CALLED + 30 * 60_000)
    expect(withinGrace(CALLED, CALLED, 30)).toBe(true)
    expect(withinGrace(CALLED, CALLED + 30 * 60_000, 30)).toBe(true)
    expect(withinGrace(CALLED, CALLED + 30 * 60_000 + 1, 30)).toBe(false)
    expect(withinGrace(CALLED, CALLED + 1, 0)).toBe(false)
  })
})

describe('reinstatedStatus', () => {
  it('takes a no-show, and only a no-show, back to waiting; no counter action leaves no_show', () => {
    for (const s of TICKET_STATUSES) expect(reinstatedStatus(s)).toBe(s === 'no_show' ? 'waiting' : null)
    expect(nextStatus('no_show', 'call')).toBeNull()
  })
})
