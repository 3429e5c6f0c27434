import { describe, expect, it } from 'vitest'
import { longestStretchMinutes } from '../../protocol/slot-fit.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../protocol/calendar.ts'

const ZONE = 'Africa/Cairo'
/** A Sunday. */
const TODAY = '2026-12-06'

const week = (hours: WeeklyHours['mon']): WeeklyHours => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: [], sat: [], sun: hours })

const calendar = (over: Partial<CenterCalendar>): CenterCalendar => ({ ...DEFAULT_CALENDAR, ...over })

describe('longestStretchMinutes: the longest a service is open at a stretch in the days open to booking', () => {
  it('the longest of the days and of their stretches, the service inside the center', () => {
    const cal = calendar({
      weekly: week([
        { open: '08:00', close: '10:00' },
        { open: '11:00', close: '14:00' },
      ]),
      services: [{ serviceId: 2, weekly: week([{ open: '09:00', close: '09:20' }]), lastTicketMinutes: 0, stopWhenWaitPastClose: false }],
    })
    expect(longestStretchMinutes(cal, 1, TODAY, 14, ZONE)).toBe(180)
    // a service open 20 minutes a day: a 30-minute slot fits no day (the server's `brief`)
    expect(longestStretchMinutes(cal, 2, TODAY, 14, ZONE)).toBe(20)
  })

  it('a longer day in the window counts (an exception), one outside it does not', () => {
    const cal = calendar({
      weekly: week([{ open: '09:00', close: '09:20' }]),
      exceptions: [
        { from: '2026-12-10', to: '2026-12-10', nameAr: 'يوم طويل', nameEn: 'Long day', hours: [{ open: '08:00', close: '12:00' }] },
      ],
    })
    expect(longestStretchMinutes(cal, 1, TODAY, 3, ZONE)).toBe(20)
    expect(longestStretchMinutes(cal, 1, TODAY, 4, ZONE)).toBe(240)
  })

  it('null when the service is closed on every day of the window (closed days are not too short: they say so)', () => {
    const cal = calendar({ weekly: week([{ open: '09:00', close: '15:00' }]) })
    // Friday and Saturday only
    expect(longestStretchMinutes(cal, 1, '2026-12-11', 1, ZONE)).toBeNull()
  })

  it('a center open all day and night is one stretch of the whole day', () => {
    expect(longestStretchMinutes(DEFAULT_CALENDAR, 1, TODAY, 1, ZONE)).toBeGreaterThanOrEqual(24 * 60)
  })
})
