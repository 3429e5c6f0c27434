import { describe, expect, it } from 'vitest'
import { localTimeMs } from '../../protocol/center-clock.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type HoursException, type OpenInterval } from '../../protocol/calendar.ts'
import { bookableSpansOn } from '../../protocol/bookable-hours.ts'
import { openSpansOn } from '../../protocol/opening-hours.ts'

const TZ = 'Africa/Cairo'
const H = (open: string, close: string): OpenInterval => ({ open, close })
const span = (day: string, open: string, close: string) => ({ start: localTimeMs(day, open, TZ), end: localTimeMs(day, close, TZ) })
const exception = (from: string, to: string, hours: OpenInterval[], more: Partial<HoursException> = {}): HoursException => ({
  from,
  to,
  nameAr: 'ع',
  nameEn: 'E',
  hours,
  ...more,
})
const sunToThu = [H('08:00', '15:00')]
/** Sunday to Thursday 08:00–15:00. 2026-12-06 is a Sunday, 2026-12-11 a Friday. */
const week = (exceptions: HoursException[]): CenterCalendar => ({
  ...DEFAULT_CALENDAR,
  weekly: { sun: sunToThu, mon: sunToThu, tue: sunToThu, wed: sunToThu, thu: sunToThu, fri: [], sat: [] },
  exceptions,
})

/**
 * An exception for walk-in tickets only (`walkInsOnly`) opens its hours to the kiosk, not to
 * bookings: they keep the usual hours (the calendar without it) within its own. The demo's
 * "always open" is one; so is a real center's evening to clear a backlog.
 */
describe('the hours a service takes bookings in', () => {
  it('are its opening hours when no exception is for walk-ins only', () => {
    const cal = week([exception('2026-12-06', '2026-12-06', [H('09:00', '12:00')])])
    expect(bookableSpansOn(cal, 1, '2026-12-06', TZ)).toEqual(openSpansOn(cal, 1, '2026-12-06', TZ))
    expect(bookableSpansOn(cal, 1, '2026-12-06', TZ)).toEqual([span('2026-12-06', '09:00', '12:00')])
  })

  it('keep the usual hours under longer walk-in hours, and none on a day only the walk-in hours open', () => {
    const cal = week([exception('2026-12-01', '2026-12-31', [H('07:00', '21:00')], { walkInsOnly: true })])
    expect(openSpansOn(cal, 1, '2026-12-06', TZ)).toEqual([span('2026-12-06', '07:00', '21:00')])
    expect(bookableSpansOn(cal, 1, '2026-12-06', TZ)).toEqual([span('2026-12-06', '08:00', '15:00')])
    expect(openSpansOn(cal, 1, '2026-12-11', TZ)).toHaveLength(1)
    expect(bookableSpansOn(cal, 1, '2026-12-11', TZ)).toEqual([])
  })

  it('stay within shorter walk-in hours, and a holiday inside them closes both', () => {
    const cal = week([
      exception('2026-12-01', '2026-12-31', [H('10:00', '12:00')], { walkInsOnly: true }),
      exception('2026-12-07', '2026-12-07', []),
    ])
    expect(bookableSpansOn(cal, 1, '2026-12-06', TZ)).toEqual([span('2026-12-06', '10:00', '12:00')])
    expect(openSpansOn(cal, 1, '2026-12-07', TZ)).toEqual([])
    expect(bookableSpansOn(cal, 1, '2026-12-07', TZ)).toEqual([])
  })

  it('keep a shorter exception the walk-in hours overlap (Ramadan hours inside the demo’s always open)', () => {
    const cal = week([
      exception('2026-12-01', '2036-12-01', [H('00:00', '24:00')], { walkInsOnly: true }),
      exception('2026-12-06', '2026-12-10', [H('09:00', '14:00')]),
    ])
    // the shorter range decides the day for everyone: Ramadan's hours, bookings too
    expect(openSpansOn(cal, 1, '2026-12-06', TZ)).toEqual([span('2026-12-06', '09:00', '14:00')])
    expect(bookableSpansOn(cal, 1, '2026-12-06', TZ)).toEqual([span('2026-12-06', '09:00', '14:00')])
    // a day outside it: the weekly hours for bookings, all day for walk-ins
    expect(bookableSpansOn(cal, 1, '2026-12-13', TZ)).toEqual([span('2026-12-13', '08:00', '15:00')])
  })
})
