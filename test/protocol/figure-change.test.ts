import { describe, expect, it } from 'vitest'
import { figureChange } from '../../protocol/hub-analysis.ts'

describe('figureChange (the hub trend totals and the page per-point column)', () => {
  it('is relative in % for counts and means, to one decimal', () => {
    expect(figureChange(557, 570, false)).toBe(-2.3)
    expect(figureChange(12, 8, false)).toBe(50)
  })
  it('is in points for a share: 80 % → 90 % is +10, not +12.5', () => {
    expect(figureChange(90, 80, true)).toBe(10)
    expect(figureChange(72.2, 80, true)).toBe(-7.8)
  })
  it('is null with nothing to compare with, and a share may start from 0', () => {
    expect(figureChange(5, 0, false)).toBeNull()
    expect(figureChange(null, 3, false)).toBeNull()
    expect(figureChange(3, null, true)).toBeNull()
    expect(figureChange(40, 0, true)).toBe(40)
  })
})
