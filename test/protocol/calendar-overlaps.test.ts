import { describe, expect, it } from 'vitest'
import { exceptionOverlaps } from '../../protocol/calendar-overlaps.ts'
import { DEFAULT_CALENDAR, type HoursException } from '../../protocol/calendar.ts'
import { centerExceptionOn, openSpansOn } from '../../protocol/opening-hours.ts'

const ex = (from: string, to: string, name: string, more: Partial<HoursException> = {}): HoursException => ({
  from,
  to,
  nameAr: name,
  nameEn: name,
  hours: [],
  ...more,
})

describe('overlapping calendar exceptions (accepted, and which one applies said)', () => {
  it('names the shorter as the one that applies on the shared days, whichever was added first', () => {
    const ramadan = ex('2027-02-08', '2027-03-09', 'Ramadan', { hours: [{ open: '10:00', close: '14:00' }] })
    const holiday = ex('2027-02-20', '2027-02-22', 'Holiday')
    expect(exceptionOverlaps([ramadan, holiday])).toEqual([{ winner: 1, loser: 0, from: '2027-02-20', to: '2027-02-22', why: 'shorter' }])
    expect(exceptionOverlaps([holiday, ramadan])).toEqual([{ winner: 0, loser: 1, from: '2027-02-20', to: '2027-02-22', why: 'shorter' }])
  })

  it('between two as long, the later one; only the shared days', () => {
    const a = ex('2027-01-01', '2027-01-05', 'A')
    const b = ex('2027-01-04', '2027-01-08', 'B')
    expect(exceptionOverlaps([a, b])).toEqual([{ winner: 1, loser: 0, from: '2027-01-04', to: '2027-01-05', why: 'later' }])
  })

  it('says what the calendar does: the named winner decides every shared day', () => {
    const list = [ex('2027-01-01', '2027-01-05', 'A'), ex('2027-01-04', '2027-01-08', 'B'), ex('2027-01-02', '2027-01-02', 'C')]
    const cal = { ...DEFAULT_CALENDAR, exceptions: list }
    for (const o of exceptionOverlaps(list))
      for (let d = o.from; d <= o.to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
        const deciding = centerExceptionOn(cal, d)
        // a third, shorter one may decide over both; never the named loser
        expect(deciding, d).not.toBe(list[o.loser])
      }
    expect(openSpansOn(cal, null, '2027-01-04', 'Africa/Cairo')).toEqual([])
  })

  it('leaves out identical ones (refused elsewhere), days apart, and a service’s own against the center’s', () => {
    const day = ex('2027-01-01', '2027-01-01', 'A')
    expect(exceptionOverlaps([day, { ...day, nameEn: 'again' }])).toEqual([])
    expect(exceptionOverlaps([day, ex('2027-01-02', '2027-01-03', 'B')])).toEqual([])
    expect(exceptionOverlaps([day, ex('2027-01-01', '2027-01-03', 'S', { serviceIds: [1] })])).toEqual([])
    expect(
      exceptionOverlaps([
        ex('2027-01-01', '2027-01-09', 'S1', { serviceIds: [1, 2] }),
        ex('2027-01-03', '2027-01-03', 'S2', { serviceIds: [2] }),
      ]),
    ).toEqual([{ winner: 1, loser: 0, from: '2027-01-03', to: '2027-01-03', why: 'shorter' }])
  })
})
