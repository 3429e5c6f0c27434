import { describe, expect, it } from 'vitest'
import { isParkOverdue, parkDeadline, parkSecondsLeft } from '../../../server/queue/parking-rules.ts'

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
