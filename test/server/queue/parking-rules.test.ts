import { describe, expect, it } from 'vitest'
import { isParkOverdue, parkDeadline, parkDeadlineInForce, parkSecondsLeft, pausedParkMs } from '../../../server/queue/parking-rules.ts'

const AT = Date.parse('2026-03-10T08:00:00Z')

describe('the parking deadline', () => {
  it('is the park time plus the minutes', () => {
    expect(parkDeadline(AT, 15)).toBe(AT + 15 * 60_000)
    expect(new Date(parkDeadline(AT, 30)).toISOString()).toBe('2026-03-10T08:30:00.000Z')
  })

  it('is overdue at the deadline itself, not a millisecond before', () => {
    const deadline = parkDeadline(AT, 10)
    expect(isParkOverdue(deadline, deadline - 1)).toBe(false)
    expect(isParkOverdue(deadline, deadline)).toBe(true)
    expect(isParkOverdue(deadline, deadline + 3_600_000)).toBe(true)
  })

  it('counts whole seconds left, never negative', () => {
    const deadline = parkDeadline(AT, 1)
    expect(parkSecondsLeft(deadline, AT)).toBe(60)
    expect(parkSecondsLeft(deadline, AT + 59_001)).toBe(0)
    expect(parkSecondsLeft(deadline, AT + 58_999)).toBe(1)
    expect(parkSecondsLeft(deadline, deadline + 5_000)).toBe(0)
  })
})

describe('the park clock under a pause of the parking counter', () => {
  const deadline = parkDeadline(AT, 15)
  const minute = 60_000

  it('is the stored deadline while the counter is not paused', () => {
    expect(parkDeadlineInForce(deadline, AT, null, AT + 40 * minute)).toBe(deadline)
  })

  it('moves later by the time paused since the park, so the minutes left stand still', () => {
    const pausedAt = AT + 5 * minute
    expect(parkDeadlineInForce(deadline, AT, pausedAt, pausedAt)).toBe(deadline)
    expect(parkDeadlineInForce(deadline, AT, pausedAt, AT + 35 * minute)).toBe(deadline + 30 * minute)
    expect(parkSecondsLeft(parkDeadlineInForce(deadline, AT, pausedAt, AT + 35 * minute), AT + 35 * minute)).toBe(10 * 60)
  })

  it('counts a pause that began before the park only from the park', () => {
    expect(pausedParkMs(AT, AT - 10 * minute, AT + 3 * minute)).toBe(3 * minute)
  })
})
