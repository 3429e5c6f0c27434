import { describe, it, expect } from 'vitest'
import { formatLabel, ticketDayKey } from '../../../server/queue/numbering.ts'

describe('formatLabel', () => {
  it('zero-pads to three digits', () => {
    expect(formatLabel('A', 1)).toBe('A-001')
    expect(formatLabel('A', 15)).toBe('A-015')
    expect(formatLabel('A', 999)).toBe('A-999')
  })
  it('grows past three digits instead of wrapping', () => {
    expect(formatLabel('A', 1000)).toBe('A-1000')
    expect(formatLabel('A', 12345)).toBe('A-12345')
  })
  it('keeps a multi-letter prefix as is', () => {
    expect(formatLabel('PAS', 7)).toBe('PAS-007')
    expect(formatLabel('ج', 42)).toBe('ج-042')
  })
  it('rejects numbers that cannot be ticket numbers', () => {
    expect(() => formatLabel('A', -1)).toThrow(RangeError)
    expect(() => formatLabel('A', 1.5)).toThrow(RangeError)
    expect(() => formatLabel('A', Number.NaN)).toThrow(RangeError)
  })
})

describe('ticketDayKey', () => {
  it('restarts at local midnight in the center zone, not at UTC midnight', () => {
    expect(ticketDayKey(Date.parse('2024-01-15T21:59:59Z'), 'Africa/Cairo')).toBe('2024-01-15')
    expect(ticketDayKey(Date.parse('2024-01-15T22:00:00Z'), 'Africa/Cairo')).toBe('2024-01-16')
    expect(ticketDayKey(Date.parse('2024-01-15T22:00:00Z'), 'UTC')).toBe('2024-01-15')
  })
})
