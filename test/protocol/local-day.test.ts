import { describe, it, expect } from 'vitest'
import { isValidTimeZone, localDay, localHour } from '../../protocol/center-clock.ts'
import { daysInMonth } from '../../protocol/calendar.ts'

const CAIRO = 'Africa/Cairo'
const at = (iso: string) => Date.parse(iso)

describe('localDay in Africa/Cairo', () => {
  it('an ordinary winter day (UTC+2) ends at 22:00Z', () => {
    expect(localDay(at('2024-01-15T21:59:59Z'), CAIRO)).toBe('2024-01-15')
    expect(localHour(at('2024-01-15T21:59:59Z'), CAIRO)).toBe(23)
    expect(localDay(at('2024-01-15T22:00:00Z'), CAIRO)).toBe('2024-01-16')
    expect(localHour(at('2024-01-15T22:00:00Z'), CAIRO)).toBe(0)
  })

  it('differs from the UTC day just after local midnight', () => {
    // 00:30 local on Jan 16 is still Jan 15 in UTC: numbering must follow the local day.
    expect(localDay(at('2024-01-15T22:30:00Z'), CAIRO)).toBe('2024-01-16')
    expect(new Date(at('2024-01-15T22:30:00Z')).toISOString().slice(0, 10)).toBe('2024-01-15')
  })

  it('DST start 2024-04-26: 00:00 EET jumps to 01:00 EEST, the day begins at 22:00Z', () => {
    expect(localDay(at('2024-04-25T21:59:59Z'), CAIRO)).toBe('2024-04-25')
    expect(localHour(at('2024-04-25T21:59:59Z'), CAIRO)).toBe(23)
    expect(localDay(at('2024-04-25T22:00:00Z'), CAIRO)).toBe('2024-04-26')
    // There is no 00:xx on Apr 26: the first local hour is 01.
    expect(localHour(at('2024-04-25T22:00:00Z'), CAIRO)).toBe(1)
    // From then on the zone is UTC+3: Apr 26 ends at 21:00Z.
    expect(localDay(at('2024-04-26T20:59:59Z'), CAIRO)).toBe('2024-04-26')
    expect(localDay(at('2024-04-26T21:00:00Z'), CAIRO)).toBe('2024-04-27')
  })

  it('DST end 2024-10-31: 24:00 EEST falls back to 23:00 EET, the repeated hour stays on Oct 31', () => {
    // 23:59:59 EEST, then the clock goes back to 23:00 EET.
    expect(localDay(at('2024-10-31T20:59:59Z'), CAIRO)).toBe('2024-10-31')
    expect(localDay(at('2024-10-31T21:00:00Z'), CAIRO)).toBe('2024-10-31')
    expect(localHour(at('2024-10-31T21:00:00Z'), CAIRO)).toBe(23)
    // 23:30 EET, the second pass through the 23:00 hour.
    expect(localDay(at('2024-10-31T21:30:00Z'), CAIRO)).toBe('2024-10-31')
    expect(localHour(at('2024-10-31T21:30:00Z'), CAIRO)).toBe(23)
    expect(localDay(at('2024-10-31T22:00:00Z'), CAIRO)).toBe('2024-11-01')
    expect(localHour(at('2024-10-31T22:00:00Z'), CAIRO)).toBe(0)
  })
})

describe('localDay honours the zone', () => {
  it('Asia/Riyadh (UTC+3, no DST) changes day at 21:00Z, when Cairo in winter has not', () => {
    const t = at('2024-01-15T21:30:00Z')
    expect(localDay(t, 'Asia/Riyadh')).toBe('2024-01-16')
    expect(localDay(t, CAIRO)).toBe('2024-01-15')
    expect(localDay(at('2024-01-15T20:59:59Z'), 'Asia/Riyadh')).toBe('2024-01-15')
    // No DST: the same UTC offset in summer.
    expect(localDay(at('2024-07-15T20:59:59Z'), 'Asia/Riyadh')).toBe('2024-07-15')
    expect(localDay(at('2024-07-15T21:00:00Z'), 'Asia/Riyadh')).toBe('2024-07-16')
  })

  it('UTC and a zone west of UTC', () => {
    const t = at('2024-03-01T02:00:00Z')
    expect(localDay(t, 'UTC')).toBe('2024-03-01')
    expect(localDay(t, 'America/New_York')).toBe('2024-02-29')
    expect(localHour(t, 'America/New_York')).toBe(21)
  })

  it('alternating zones does not mix up cached formatters', () => {
    const t = at('2024-01-15T21:30:00Z')
    for (let i = 0; i < 3; i++) {
      expect(localDay(t, CAIRO)).toBe('2024-01-15')
      expect(localDay(t, 'Asia/Riyadh')).toBe('2024-01-16')
    }
  })

  it('formats zero-padded YYYY-MM-DD', () => {
    expect(localDay(at('2024-02-03T10:00:00Z'), CAIRO)).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(localDay(at('2024-02-03T10:00:00Z'), CAIRO)).toBe('2024-02-03')
  })

  it('local hour at midnight is 0, never 24', () => {
    expect(localHour(at('2024-06-01T00:00:00Z'), 'UTC')).toBe(0)
  })

  it('throws RangeError for an unknown zone or an invalid time', () => {
    expect(() => localDay(0, 'Mars/Olympus')).toThrow(RangeError)
    expect(() => localDay(Number.NaN, CAIRO)).toThrow(RangeError)
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA zones', () => {
    expect(isValidTimeZone('Africa/Cairo')).toBe(true)
    expect(isValidTimeZone('Asia/Riyadh')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
  })
  it('rejects anything else', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
    expect(isValidTimeZone('not a zone')).toBe(false)
  })
})

describe('daysInMonth (protocol/calendar.ts: the hub trend’s partial months)', () => {
  it('counts a month’s days, leap Februaries included', () => {
    expect(['2026-01', '2026-02', '2024-02', '2100-02', '2000-02', '2026-04', '2026-12'].map(daysInMonth)).toEqual([
      31, 28, 29, 28, 29, 30, 31,
    ])
  })
})
