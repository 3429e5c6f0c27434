import { describe, it, expect } from 'vitest'
import { rollingMeanServiceSeconds, SHORTEST_SERVICE_SECONDS } from '../../../server/queue/wait-estimate.ts'

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
  // s49: three services finished at once made the mean 0 s, and three waiting were promised "less than a minute"
  it('leaves out services finished within seconds of their call: clicked through, nobody was served', () => {
    expect(SHORTEST_SERVICE_SECONDS).toBeGreaterThanOrEqual(10)
    expect(rollingMeanServiceSeconds([0, 0, 0], 300)).toBe(300)
    expect(rollingMeanServiceSeconds([0, 0.4, SHORTEST_SERVICE_SECONDS - 1, 200], 300)).toBe(200)
    expect(rollingMeanServiceSeconds([SHORTEST_SERVICE_SECONDS, 200], 300)).toBe((SHORTEST_SERVICE_SECONDS + 200) / 2)
    // nor do they count towards the samples a caller needs (appointment-capacity.ts: 10 before sizing by the mean)
    expect(rollingMeanServiceSeconds([1, 1, 1, 200], 300, 2)).toBe(300)
  })
  it('never estimates a service shorter than the shortest that counts', () => {
    for (const samples of [[0], [0, 1, 2], [SHORTEST_SERVICE_SECONDS, 0, 0, 0], [5, 7, 30]])
      expect(rollingMeanServiceSeconds(samples, 300)).toBeGreaterThanOrEqual(SHORTEST_SERVICE_SECONDS)
  })
  it('does not mutate the samples', () => {
    const samples = [30, -1, 50]
    rollingMeanServiceSeconds(samples, 1)
    expect(samples).toEqual([30, -1, 50])
  })
})
