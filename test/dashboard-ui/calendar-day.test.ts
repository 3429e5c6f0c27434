import { describe, expect, it } from 'vitest'
import { calendarDay } from '../../dashboard-ui/calendar-day.ts'
import { isAllDay } from '../../dashboard-ui/hours-lines.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type HoursException } from '../../protocol/calendar.ts'
import { hoursEditorText } from '../../protocol/messages/hours-editor.ts'
import { openSpansOn } from '../../protocol/opening-hours.ts'

const open = [{ open: '08:00', close: '15:00' }]
const weekly = { mon: open, tue: open, wed: open, thu: open, fri: [], sat: [], sun: open }
const day = (from: string, to: string, nameEn: string, more: Partial<HoursException> = {}): HoursException => ({
  from,
  to,
  nameAr: '',
  nameEn,
  hours: [],
  ...more,
})
// December 2026: Thursday 24 a center holiday; service 1 closed 20–23 (a week's stocktaking), its own
// shorter holiday on 22 inside it, and on 24 (the center's too); services 1 and 2 in short hours on 27
const stocktaking = day('2026-12-20', '2026-12-23', 'Stocktaking', { serviceIds: [1] })
const oneDay = day('2026-12-22', '2026-12-22', 'Inventory audit', { serviceIds: [1] })
const shortDay = day('2026-12-27', '2026-12-27', 'Short day', { hours: [{ open: '09:00', close: '12:00' }], serviceIds: [1, 2] })
const cal: CenterCalendar = {
  ...DEFAULT_CALENDAR,
  weekly,
  exceptions: [
    day('2026-12-24', '2026-12-24', 'Holiday'),
    stocktaking,
    oneDay,
    day('2026-12-24', '2026-12-24', 'Own', { serviceIds: [1] }),
    shortDay,
  ],
}

describe("the hours tab's month grid: a day of the center and of one service", () => {
  it("shows one service's holiday on its days, with the service, where the center is open as usual", () => {
    expect(calendarDay(cal, '2026-12-21')).toEqual({
      state: 'open',
      exception: undefined,
      services: [{ state: 'holiday', exception: stocktaking, serviceIds: [1] }],
    })
    // the shorter of the service's own exceptions decides its day, as the kiosk's opening hours have it
    expect(calendarDay(cal, '2026-12-22').services).toEqual([{ state: 'holiday', exception: oneDay, serviceIds: [1] }])
    expect(openSpansOn(cal, 1, '2026-12-22', 'Africa/Cairo')).toEqual([])
    expect(openSpansOn(cal, 2, '2026-12-22', 'Africa/Cairo')).toHaveLength(1)
    // one exception for two services is one mark naming both; special hours are told from a holiday
    expect(calendarDay(cal, '2026-12-27').services).toEqual([{ state: 'special', exception: shortDay, serviceIds: [1, 2] }])
    expect(calendarDay(cal, '2026-12-28').services).toEqual([])
  })

  it("marks none on a day the center is shut: the center's holiday or weekly day off decides it for every service", () => {
    expect(calendarDay(cal, '2026-12-24')).toMatchObject({ state: 'holiday', exception: { nameEn: 'Holiday' }, services: [] })
    expect(calendarDay({ ...cal, exceptions: [day('2026-12-25', '2026-12-26', 'Off', { serviceIds: [1] })] }, '2026-12-25')).toEqual({
      state: 'closed',
      exception: undefined,
      services: [],
    })
  })

  it("words one service's day for its label in both languages, and an all-day exception as open all day", () => {
    expect(hoursEditorText('calendar.serviceState', 'en', { state: 'holiday', services: 'A — Passports' })).toBe(
      'Holiday for A — Passports only',
    )
    expect(hoursEditorText('calendar.serviceState', 'ar', { state: 'special', services: 'A — الجوازات' })).toBe(
      'مواعيد خاصة لخدمة A — الجوازات وحدها',
    )
    expect(isAllDay([{ open: '00:00', close: '24:00' }])).toBe(true)
    expect(isAllDay([{ open: '00:00', close: '23:59' }])).toBe(false)
    expect(hoursEditorText('hoursTab.openAllDay', 'ar', { reach: 'center' })).toBe('مفتوح طوال اليوم')
    expect(hoursEditorText('hoursTab.openAllDay', 'en', { reach: 'service' })).toBe('Open whenever the center is')
  })
})
