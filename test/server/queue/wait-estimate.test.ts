import { describe, it, expect } from 'vitest'
import { estimateWaitSeconds, rollingMeanServiceSeconds } from '../../../server/queue/wait-estimate.ts'

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

describe('estimateWaitSeconds', () => {
  it('nobody ahead → 0 while a counter is open', () => {
    expect(estimateWaitSeconds({ peopleAhead: 0, openCounters: 2, meanServiceSeconds: 300 })).toBe(0)
  })
  it('one counter: people ahead × mean', () => {
    expect(estimateWaitSeconds({ peopleAhead: 4, openCounters: 1, meanServiceSeconds: 300 })).toBe(1200)
  })
  it('divides by the open counters and rounds', () => {
    expect(estimateWaitSeconds({ peopleAhead: 4, openCounters: 3, meanServiceSeconds: 300 })).toBe(400)
    expect(estimateWaitSeconds({ peopleAhead: 5, openCounters: 3, meanServiceSeconds: 100 })).toBe(167)
  })
  // issue 14: "nobody, you are next / less than a minute" with every counter closed was a lie
  it('no open counter → null (unknown), never 0 or "as if one were open"', () => {
    expect(estimateWaitSeconds({ peopleAhead: 0, openCounters: 0, meanServiceSeconds: 300 })).toBeNull()
    expect(estimateWaitSeconds({ peopleAhead: 4, openCounters: 0, meanServiceSeconds: 300 })).toBeNull()
    expect(estimateWaitSeconds({ peopleAhead: 4, openCounters: Number.NaN, meanServiceSeconds: 300 })).toBeNull()
  })
  it('works with the rolling mean end to end', () => {
    const mean = rollingMeanServiceSeconds([240, 360], 600)
    expect(estimateWaitSeconds({ peopleAhead: 6, openCounters: 2, meanServiceSeconds: mean })).toBe(900)
  })
})
