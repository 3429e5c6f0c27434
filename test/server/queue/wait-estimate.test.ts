import { describe, it, expect } from 'vitest'
import { rollingMeanServiceSeconds } from '../../../server/queue/wait-estimate.ts'

describe('rollingMeanServiceSeconds', () => {
  it('falls back to the default with no history', () => {
    expect(rollingMeanServiceSeconds([], 300)).toBe(300)
  })
  it('is the mean of the samples', () => {
    expect(rollingMeanServiceSeconds([120, 180, 240], 300)).toBe(180)
    expect(rollingMeanServiceSeconds([100, 101], 300)).toBe(100.5)
  })
  it('ignores negative and non-finite samples', () => {
    expect(rollingMeanServiceSeconds([120, -5, Number.NaN, Number.POSITIVE_INFINITY, 240], 300)).toBe(180)
    expect(rollingMeanServiceSeconds([-1, Number.NaN], 300)).toBe(300)
  })
  it('keeps a zero-length service as a real sample', () => {
    expect(rollingMeanServiceSeconds([0, 200], 300)).toBe(100)
  })
  it('does not mutate the samples', () => {
    const samples = [3, -1, 5]
    rollingMeanServiceSeconds(samples, 1)
    expect(samples).toEqual([3, -1, 5])
  })
})
