import { describe, expect, it } from 'vitest'
import {
  addDays,
  businessDay,
  businessDayStartMs,
  dayCount,
  dayEndMs,
  daysBetween,
  dayStartMs,
  isRealDay,
  isValidTimeZone,
  localDay,
  localHour,
  localHourStartMs,
  localParts,
  localTime,
  localTimeMs,
  nextLocalTimeMs,
} from '../../protocol/center-clock.ts'

const CAIRO = 'Africa/Cairo'
const at = (iso: string) => Date.parse(iso)
const iso = (ms: number) => new Date(ms).toISOString()
const HOUR = 3_600_000

describe('an ordinary day in Cairo (10 March 2026, UTC+2)', () => {
  it('local day and hour change at local midnight, 22:00Z', () => {
    expect(localDay(at('2026-03-09T21:59:59Z'), CAIRO)).toBe('2026-03-09')
    expect(localHour(at('2026-03-09T21:59:59Z'), CAIRO)).toBe(23)
    expect(localDay(at('2026-03-09T22:00:00Z'), CAIRO)).toBe('2026-03-10')
    expect(localHour(at('2026-03-09T22:00:00Z'), CAIRO)).toBe(0)
    expect(localTime(at('2026-03-10T07:05:00Z'), CAIRO)).toBe('09:05')
    expect(localParts(at('2026-03-10T07:05:09Z'), CAIRO)).toEqual({
      year: 2026,
      month: 3,
      day: 10,
      hour: 9,
      minute: 5,
      second: 9,
      dayOfWeek: 2,
    })
  })

  it('is 24 hours long and starts and ends at local midnight', () => {
    expect(iso(dayStartMs('2026-03-10', CAIRO))).toBe('2026-03-09T22:00:00.000Z')
    expect(iso(dayEndMs('2026-03-10', CAIRO))).toBe('2026-03-10T22:00:00.000Z')
  })

  it('the next 02:30 is today’s when still to come, else tomorrow’s, and now when it is 02:30', () => {
    expect(iso(nextLocalTimeMs(at('2026-03-09T23:00:00Z'), '02:30', CAIRO))).toBe('2026-03-10T00:30:00.000Z')
    expect(iso(nextLocalTimeMs(at('2026-03-10T00:30:00Z'), '02:30', CAIRO))).toBe('2026-03-10T00:30:00.000Z')
    expect(iso(nextLocalTimeMs(at('2026-03-10T00:30:01Z'), '02:30', CAIRO))).toBe('2026-03-11T00:30:00.000Z')
  })

  it('the start of the local hour', () => {
    expect(iso(localHourStartMs(at('2026-03-10T07:59:59.999Z'), CAIRO))).toBe('2026-03-10T07:00:00.000Z')
    // a zone with a :30 offset: its hours start at :30 UTC
    expect(iso(localHourStartMs(at('2026-03-10T07:10:00Z'), 'Asia/Kolkata'))).toBe('2026-03-10T06:30:00.000Z')
  })
})

describe('Cairo’s spring change, 24 April 2026: 00:00 jumps to 01:00, a 23-hour day', () => {
  it('the day begins at the jump (22:00Z), with 01:00 as its first hour, and lasts 23 hours', () => {
    expect(localDay(at('2026-04-23T21:59:59Z'), CAIRO)).toBe('2026-04-23')
    expect(localHour(at('2026-04-23T21:59:59Z'), CAIRO)).toBe(23)
    expect(localDay(at('2026-04-23T22:00:00Z'), CAIRO)).toBe('2026-04-24')
    expect(localHour(at('2026-04-23T22:00:00Z'), CAIRO)).toBe(1)
    expect(iso(dayStartMs('2026-04-24', CAIRO))).toBe('2026-04-23T22:00:00.000Z')
    expect(iso(dayEndMs('2026-04-24', CAIRO))).toBe('2026-04-24T21:00:00.000Z')
    expect(dayEndMs('2026-04-24', CAIRO) - dayStartMs('2026-04-24', CAIRO)).toBe(23 * HOUR)
    // from then on UTC+3
    expect(localDay(at('2026-04-24T20:59:59Z'), CAIRO)).toBe('2026-04-24')
    expect(localDay(at('2026-04-24T21:00:00Z'), CAIRO)).toBe('2026-04-25')
  })

  it('the next 02:30 is 02:30 summer time; the next 00:30, which does not exist, is the jump', () => {
    const afternoon = at('2026-04-23T12:00:00Z')
    expect(iso(nextLocalTimeMs(afternoon, '02:30', CAIRO))).toBe('2026-04-23T23:30:00.000Z')
    expect(iso(nextLocalTimeMs(afternoon, '00:30', CAIRO))).toBe('2026-04-23T22:00:00.000Z')
    expect(localTime(nextLocalTimeMs(afternoon, '00:30', CAIRO), CAIRO)).toBe('01:00')
    // once past it, the next one is a day later, at UTC+3
    expect(iso(nextLocalTimeMs(at('2026-04-23T22:00:01Z'), '00:30', CAIRO))).toBe('2026-04-24T21:30:00.000Z')
    expect(iso(nextLocalTimeMs(at('2026-04-23T23:30:01Z'), '02:30', CAIRO))).toBe('2026-04-24T23:30:00.000Z')
  })
})

describe('Cairo’s autumn change, 29 October 2026: 24:00 goes back to 23:00, a 25-hour day', () => {
  it('the repeated 23:00 hour stays on the 29th; the day lasts 25 hours', () => {
    expect(iso(dayStartMs('2026-10-29', CAIRO))).toBe('2026-10-28T21:00:00.000Z')
    expect(iso(dayEndMs('2026-10-29', CAIRO))).toBe('2026-10-29T22:00:00.000Z')
    expect(dayEndMs('2026-10-29', CAIRO) - dayStartMs('2026-10-29', CAIRO)).toBe(25 * HOUR)
    for (const t of ['2026-10-29T20:00:00Z', '2026-10-29T20:59:59Z', '2026-10-29T21:00:00Z', '2026-10-29T21:59:59Z']) {
      expect(localDay(at(t), CAIRO), t).toBe('2026-10-29')
      expect(localHour(at(t), CAIRO), t).toBe(23)
    }
    expect(localDay(at('2026-10-29T22:00:00Z'), CAIRO)).toBe('2026-10-30')
    expect(localHour(at('2026-10-29T22:00:00Z'), CAIRO)).toBe(0)
    // each pass through 23:00 is its own hour
    expect(iso(localHourStartMs(at('2026-10-29T20:30:00Z'), CAIRO))).toBe('2026-10-29T20:00:00.000Z')
    expect(iso(localHourStartMs(at('2026-10-29T21:30:00Z'), CAIRO))).toBe('2026-10-29T21:00:00.000Z')
  })

  it('the next 00:30 and 02:30 are winter time; a repeated 23:30 comes round once, the first time', () => {
    const afternoon = at('2026-10-29T12:00:00Z')
    expect(iso(nextLocalTimeMs(afternoon, '00:30', CAIRO))).toBe('2026-10-29T22:30:00.000Z')
    expect(iso(nextLocalTimeMs(afternoon, '02:30', CAIRO))).toBe('2026-10-30T00:30:00.000Z')
    // the day before, 02:30 of the 29th is still summer time
    expect(iso(nextLocalTimeMs(at('2026-10-28T12:00:00Z'), '02:30', CAIRO))).toBe('2026-10-28T23:30:00.000Z')
    expect(iso(nextLocalTimeMs(afternoon, '23:30', CAIRO))).toBe('2026-10-29T20:30:00.000Z')
    expect(iso(nextLocalTimeMs(at('2026-10-29T20:30:01Z'), '23:30', CAIRO))).toBe('2026-10-30T21:30:00.000Z')
    expect(iso(localTimeMs('2026-10-29', '23:30', CAIRO))).toBe('2026-10-29T20:30:00.000Z')
  })
})

describe('a business day that starts at 06:00', () => {
  it('05:59 still belongs to the day before, 06:00 to the day', () => {
    expect(businessDay(at('2026-03-10T03:59:59Z'), CAIRO, '06:00')).toBe('2026-03-09')
    expect(businessDay(at('2026-03-10T04:00:00Z'), CAIRO, '06:00')).toBe('2026-03-10')
    expect(businessDay(at('2026-03-10T21:59:59Z'), CAIRO, '06:00')).toBe('2026-03-10')
    // after local midnight, before 06:00
    expect(businessDay(at('2026-03-10T22:30:00Z'), CAIRO, '06:00')).toBe('2026-03-10')
    expect(iso(businessDayStartMs('2026-03-10', CAIRO, '06:00'))).toBe('2026-03-10T04:00:00.000Z')
  })

  it('is 23 and 25 hours long across the DST changes', () => {
    const length = (day: string) => businessDayStartMs(addDays(day, 1), CAIRO, '06:00') - businessDayStartMs(day, CAIRO, '06:00')
    expect(length('2026-04-23')).toBe(23 * HOUR)
    expect(length('2026-10-29')).toBe(25 * HOUR)
    expect(length('2026-03-10')).toBe(24 * HOUR)
  })

  it('defaults to local midnight: the calendar day', () => {
    for (const t of ['2026-03-09T21:59:59Z', '2026-03-09T22:00:00Z', '2026-04-23T22:00:00Z', '2026-10-29T21:30:00Z']) {
      expect(businessDay(at(t), CAIRO), t).toBe(localDay(at(t), CAIRO))
    }
    expect(businessDayStartMs('2026-04-24', CAIRO)).toBe(dayStartMs('2026-04-24', CAIRO))
  })

  it('a start inside the repeated hour never moves an instant back a day', () => {
    // 23:30 comes twice on 29 October: the day begins at the first; the second pass stays in it
    expect(iso(businessDayStartMs('2026-10-29', CAIRO, '23:30'))).toBe('2026-10-29T20:30:00.000Z')
    expect(businessDay(at('2026-10-29T20:29:59Z'), CAIRO, '23:30')).toBe('2026-10-28')
    expect(businessDay(at('2026-10-29T20:30:00Z'), CAIRO, '23:30')).toBe('2026-10-29')
    expect(businessDay(at('2026-10-29T21:10:00Z'), CAIRO, '23:30')).toBe('2026-10-29')
    // a start that does not exist (00:30 on 24 April) is the jump
    expect(iso(businessDayStartMs('2026-04-24', CAIRO, '00:30'))).toBe('2026-04-23T22:00:00.000Z')
  })
})

describe('local dates', () => {
  it('adds days across months, leap days and DST changes', () => {
    expect(addDays('2026-04-23', 1)).toBe('2026-04-24')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-10-28', '2026-10-31')).toEqual(['2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31'])
    expect(daysBetween('2026-10-31', '2026-10-28')).toEqual([])
    expect(dayCount('2026-01-01', '2026-12-31')).toBe(365)
  })

  it('tells a real date from a malformed or impossible one', () => {
    expect(isRealDay('2026-02-28')).toBe(true)
    expect(isRealDay('2026-02-30')).toBe(false)
    expect(isRealDay('2026-2-3')).toBe(false)
    expect(isRealDay('20260203')).toBe(false)
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError)
  })
})

describe('time zones', () => {
  it('accepts IANA names, refuses anything else', () => {
    for (const tz of ['Africa/Cairo', 'Asia/Riyadh', 'UTC', 'America/New_York']) expect(isValidTimeZone(tz), tz).toBe(true)
    for (const tz of ['', 'Mars/Olympus', 'not a zone', '+02:00', '-05:00', '2026-01-01[Africa/Cairo]', 'Z'])
      expect(isValidTimeZone(tz), tz).toBe(false)
  })

  it('an unknown zone or an invalid instant is a RangeError', () => {
    expect(() => localDay(0, 'Mars/Olympus')).toThrow(RangeError)
    expect(() => localHour(Number.NaN, CAIRO)).toThrow(RangeError)
    expect(() => dayStartMs('2026-03-10', 'Mars/Olympus')).toThrow(RangeError)
    expect(() => nextLocalTimeMs(0, '2:30', CAIRO)).toThrow(RangeError)
  })
})
