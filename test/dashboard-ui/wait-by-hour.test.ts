import { describe, expect, it } from 'vitest'
import { waitByHour } from '../../dashboard-ui/wait-by-hour.ts'
import { nothingToDraw } from '../../dashboard-ui/chart-axes.ts'

/**
 * The live "Average wait by hour (minutes)" chart is empty only when nothing was called today, and
 * "No tickets yet today" only when the counts say so (walk s51: 14 tickets in hour 12, called after
 * 2.3 s on average, and the chart said there were no tickets).
 */
const day = (at: Record<number, number>, fill: number | null) => Array.from({ length: 24 }, (_, h) => at[h] ?? fill)

describe("the live view's wait chart", () => {
  it('draws an hour whose tickets were called at once: a 2.3 s average is a value, not "no tickets"', () => {
    const wait = waitByHour({ issued: day({ 12: 14 }, 0), avgWaitSeconds: day({ 12: 2.3 }, null) })
    expect(wait.empty).toBeNull()
    expect(wait.minutes[12]).toBeCloseTo(2.3 / 60)
    expect(wait.minutes[11]).toBeNull()
    // what the chart decided before: the averages rounded to 0.1 minute and an all-zero series taken for no tickets
    expect(nothingToDraw([{ values: day({ 12: 2.3 }, null).map((v) => (v === null ? null : Math.round(v / 6) / 10)) }])).toBe(true)
  })

  it('draws a 0-minute average on the 0 line', () => {
    const wait = waitByHour({ issued: day({ 9: 3 }, 0), avgWaitSeconds: day({ 9: 0 }, null) })
    expect(wait).toEqual({ minutes: day({ 9: 0 }, null), empty: null })
  })

  it('says no tickets only without tickets, and "none called yet" while tickets wait uncalled', () => {
    expect(waitByHour({ issued: day({}, 0), avgWaitSeconds: day({}, null) }).empty).toBe('chart.empty')
    expect(waitByHour({ issued: day({ 10: 4 }, 0), avgWaitSeconds: day({}, null) }).empty).toBe('chart.noCallYet')
  })
})
