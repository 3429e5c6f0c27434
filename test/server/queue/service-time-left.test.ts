import { describe, expect, it } from 'vitest'
import { expectedSecondsLeft } from '../../../server/queue/service-time-left.ts'
import { rollingMeanServiceSeconds, SHORTEST_SERVICE_SECONDS } from '../../../server/queue/wait-estimate.ts'
import { counterFreeAt } from '../../../server/queue/counter-free-at.ts'

describe('expectedSecondsLeft', () => {
  it('with no durations, counts the default down, then a whole default: never 0', () => {
    expect(expectedSecondsLeft([], 300, 0)).toBe(300)
    expect(expectedSecondsLeft([], 300, 120)).toBe(180)
    expect(expectedSecondsLeft([], 300, 300)).toBe(300)
    expect(expectedSecondsLeft([], 300, 900)).toBe(300)
  })

  it('with durations all shorter than the service so far, is their mean (the service has outlasted them all)', () => {
    expect(expectedSecondsLeft([100, 120, 140], 300, 140)).toBe(120)
    expect(expectedSecondsLeft([100, 120, 140], 300, 360)).toBe(120)
    expect(expectedSecondsLeft([100, 120, 140], 300, 1e6)).toBe(120)
  })

  it('with some longer, is the mean of what they went on for', () => {
    // only 600 is longer than 300: 300 to go
    expect(expectedSecondsLeft([60, 60, 600], 300, 300)).toBe(300)
    // 200 and 400 are longer than 150: (50 + 250) / 2
    expect(expectedSecondsLeft([100, 200, 400], 300, 150)).toBe(150)
    // a duration equal to the time so far has ended: not longer
    expect(expectedSecondsLeft([100, 200, 400], 300, 200)).toBe(200)
  })

  it('is the mean less the time so far while the service is shorter than every duration, and the mean at 0', () => {
    const samples = [90, 150, 240, 600]
    const mean = rollingMeanServiceSeconds(samples, 300)
    expect(expectedSecondsLeft(samples, 300, 0)).toBe(mean)
    expect(expectedSecondsLeft(samples, 300, 45.5)).toBeCloseTo(mean - 45.5, 9)
  })

  it('reads the durations the mean reads: a click-through or a corrupt one is no service', () => {
    const noise = [0, 3, SHORTEST_SERVICE_SECONDS - 1, -10, Number.NaN, Number.POSITIVE_INFINITY]
    expect(expectedSecondsLeft(noise, 300, 0)).toBe(300)
    expect(expectedSecondsLeft(noise, 300, 500)).toBe(300)
    expect(expectedSecondsLeft([...noise, 100, 140], 300, 200)).toBe(rollingMeanServiceSeconds([...noise, 100, 140], 300))
    expect(expectedSecondsLeft([...noise, 100, 140], 300, 200)).toBe(120)
  })

  it('is never 0 or less, whatever the time so far', () => {
    const samples = [30, 45, 60, 61, 300, 300, 1200]
    let least = Number.POSITIVE_INFINITY
    for (let served = 0; served <= 3000; served += 0.5) least = Math.min(least, expectedSecondsLeft(samples, 300, served))
    expect(least).toBeGreaterThan(0)
  })
})

describe('counterFreeAt', () => {
  const now = Date.parse('2026-03-10T09:00:00.000Z')
  const left = (served: number) => expectedSecondsLeft([100, 120, 140], 300, served)

  it('frees an idle counter now', () => {
    expect(counterFreeAt(undefined, 0, left, now)).toBe(now)
  })

  it('frees a serving counter when what is left of its service ends, past the mean too', () => {
    const serving = (agoSeconds: number) => ({ status: 'serving' as const, calledAt: now - agoSeconds * 1000, resumedAt: null })
    expect(counterFreeAt(serving(70), 0, left, now)).toBe(now + 50_000)
    // s52: three means on, "since + mean" was four minutes ago; a mean still to go
    expect(counterFreeAt(serving(360), 0, left, now)).toBe(now + 120_000)
  })

  it('counts a resumed ticket from what its earlier stays served', () => {
    const resumed = { status: 'serving' as const, calledAt: now - 3600_000, resumedAt: now - 20_000 }
    // 90 s before the park + 20 s since the resume: 110 s served, 100 of the durations have ended
    expect(counterFreeAt(resumed, 90, left, now)).toBe(now + (120 - 110 + (140 - 110)) * 500)
  })

  it('holds a called, not started counter for the whole of what is left from before this stay', () => {
    const called = { status: 'called' as const, calledAt: now - 600_000, resumedAt: null }
    expect(counterFreeAt(called, 0, left, now)).toBe(now + 120_000)
  })
})
