import { describe, expect, it } from 'vitest'
import { businessDay, businessDayStartMs, localTime, localTimeMs } from '../../protocol/center-clock.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type OpenInterval, type WeeklyHours } from '../../protocol/calendar.ts'
import { calendarProblems } from '../../protocol/calendar-validation.ts'
import { closingMs, hoursNow, isOpenAt, lastTicketMs, nextClosing, nextOpeningMs, openSpansOn } from '../../protocol/opening-hours.ts'
import { importIcs, mergeImport, exportIcs } from '../../server/config/calendar-ics.ts'

/**
 * The center's opening hours on the center clock (issue 18), in Cairo, whose DST starts
 * 2026-04-24 (00:00 → 01:00) and ends 2026-10-29 (24:00 → 23:00). 2026-12-06 is a Sunday.
 */
const TZ = 'Africa/Cairo'
const at = (day: string, time: string) => localTimeMs(day, time, TZ)
const iso = (day: string, time: string) => new Date(at(day, time)).toISOString()
const H = (open: string, close: string): OpenInterval => ({ open, close })

const workWeek = (hours: OpenInterval[]): WeeklyHours => ({ sun: hours, mon: hours, tue: hours, wed: hours, thu: hours, fri: [], sat: [] })
const everyDay = (hours: OpenInterval[]): WeeklyHours => ({
  sun: hours,
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
  sat: hours,
})

/** Sunday to Thursday 08:00–15:00 and 17:00–20:00, Friday and Saturday off; service 1 stops issuing 10 minutes before closing. */
const GOVERNMENT: CenterCalendar = {
  ...DEFAULT_CALENDAR,
  weekly: workWeek([H('08:00', '15:00'), H('17:00', '20:00')]),
  services: [{ serviceId: 1, weekly: null, lastTicketMinutes: 10, stopWhenWaitPastClose: true }],
}

describe('a normal week', () => {
  it('is open inside each interval, closed between and around them', () => {
    expect(isOpenAt(GOVERNMENT, null, at('2026-12-06', '07:59'), TZ)).toBe(false)
    expect(isOpenAt(GOVERNMENT, null, at('2026-12-06', '08:00'), TZ)).toBe(true)
    expect(isOpenAt(GOVERNMENT, null, at('2026-12-06', '14:59'), TZ)).toBe(true)
    expect(isOpenAt(GOVERNMENT, null, at('2026-12-06', '15:00'), TZ)).toBe(false)
    expect(isOpenAt(GOVERNMENT, null, at('2026-12-06', '18:00'), TZ)).toBe(true)
    expect(isOpenAt(GOVERNMENT, null, at('2026-12-06', '20:00'), TZ)).toBe(false)
  })

  it('knows when it closes, the last-ticket time and when it opens next', () => {
    expect(closingMs(GOVERNMENT, null, at('2026-12-06', '10:00'), TZ)).toBe(at('2026-12-06', '15:00'))
    expect(lastTicketMs(GOVERNMENT, 1, at('2026-12-06', '10:00'), TZ)).toBe(at('2026-12-06', '14:50'))
    expect(nextOpeningMs(GOVERNMENT, null, at('2026-12-06', '16:00'), TZ)).toBe(at('2026-12-06', '17:00'))
    expect(nextOpeningMs(GOVERNMENT, null, at('2026-12-06', '10:00'), TZ)).toBe(at('2026-12-06', '10:00'))
    expect(closingMs(GOVERNMENT, null, at('2026-12-06', '16:00'), TZ)).toBeNull()
  })

  it('a kiosk at 14:55 with a 15:00 close and a 10-minute cut-off may not issue; it opens again at 17:00', () => {
    expect(hoursNow(GOVERNMENT, 1, at('2026-12-06', '14:55'), TZ)).toEqual({
      at: iso('2026-12-06', '14:55'),
      open: true,
      closedReason: 'last-ticket',
      opensAt: iso('2026-12-06', '17:00'),
      closesAt: iso('2026-12-06', '15:00'),
      dayClose: false,
      lastTicketAt: iso('2026-12-06', '14:50'),
      // the calendar serves the tickets still waiting at 15:00 (atClosing serve-until-empty, the default)
      cancelsWaitingAt: null,
    })
    expect(hoursNow(GOVERNMENT, 1, at('2026-12-06', '14:49'), TZ).closedReason).toBeNull()
  })

  it("says what becomes of the tickets still waiting at the closing: served, or cancelled at the center's closing plus its grace", () => {
    // service 2 ends its own hours at 12:00, while the center stays open until 15:00
    const cal: CenterCalendar = {
      ...GOVERNMENT,
      services: [
        ...GOVERNMENT.services,
        { serviceId: 2, weekly: workWeek([H('08:00', '12:00')]), lastTicketMinutes: 0, stopWhenWaitPastClose: false },
      ],
    }
    expect(hoursNow(cal, 2, at('2026-12-06', '11:00'), TZ)).toMatchObject({ closesAt: iso('2026-12-06', '12:00'), cancelsWaitingAt: null })
    const cancelAfter: CenterCalendar = { ...cal, atClosing: 'cancel-after', cancelAfterMinutes: 20 }
    // the center's closing cancels, not the service's (queue-context.ts closingDueForCancel reads the center's)
    expect(hoursNow(cancelAfter, 2, at('2026-12-06', '11:00'), TZ)).toMatchObject({
      closesAt: iso('2026-12-06', '12:00'),
      cancelsWaitingAt: iso('2026-12-06', '15:20'),
    })
    expect(hoursNow(cancelAfter, null, at('2026-12-06', '18:00'), TZ).cancelsWaitingAt).toBe(iso('2026-12-06', '20:20'))
    // closed: nothing to say of a closing
    expect(hoursNow(cancelAfter, null, at('2026-12-06', '16:00'), TZ)).not.toHaveProperty('cancelsWaitingAt')
    // the day's close is its own note (it cancels what still waits): no field
    expect(hoursNow(DEFAULT_CALENDAR, 1, at('2026-12-06', '12:00'), TZ)).toMatchObject({ dayClose: true })
    expect(hoursNow(DEFAULT_CALENDAR, 1, at('2026-12-06', '12:00'), TZ)).not.toHaveProperty('cancelsWaitingAt')
  })

  it('stops issuing when the estimated wait runs past closing, only for a service that asks for it', () => {
    expect(hoursNow(GOVERNMENT, 1, at('2026-12-06', '14:00'), TZ, 30 * 60).closedReason).toBeNull()
    expect(hoursNow(GOVERNMENT, 1, at('2026-12-06', '14:00'), TZ, 61 * 60).closedReason).toBe('wait-past-close')
    expect(hoursNow(GOVERNMENT, 2, at('2026-12-06', '14:00'), TZ, 61 * 60).closedReason).toBeNull()
    // an unknown wait never stops issuing
    expect(hoursNow(GOVERNMENT, 1, at('2026-12-06', '14:00'), TZ, null).closedReason).toBeNull()
  })

  it('the default calendar is always open: existing centers issue at any hour, and their line closes at midnight (its daily close)', () => {
    for (const time of ['00:00', '03:30', '12:00', '23:59']) {
      expect(hoursNow(DEFAULT_CALENDAR, 1, at('2026-12-04', time), TZ)).toEqual({
        at: iso('2026-12-04', time),
        open: true,
        closedReason: null,
        opensAt: null,
        closesAt: iso('2026-12-05', '00:00'),
        dayClose: true,
        lastTicketAt: iso('2026-12-05', '00:00'),
      })
    }
  })
})

describe('Friday and Saturday closed', () => {
  it('Thursday evening opens next on Sunday 08:00', () => {
    expect(isOpenAt(GOVERNMENT, null, at('2026-12-04', '10:00'), TZ)).toBe(false)
    expect(isOpenAt(GOVERNMENT, null, at('2026-12-05', '10:00'), TZ)).toBe(false)
    const closed = hoursNow(GOVERNMENT, null, at('2026-12-03', '20:30'), TZ)
    expect(closed).toMatchObject({ open: false, closedReason: 'closed', opensAt: iso('2026-12-06', '08:00') })
  })
})

describe('Ramadan 2027 hours as configured', () => {
  // the dates an admin enters (announced by the authorities), never an astronomical guess
  const RAMADAN: CenterCalendar = {
    ...GOVERNMENT,
    exceptions: [
      { from: '2027-02-08', to: '2027-03-09', nameAr: 'رمضان', nameEn: 'Ramadan', hours: [H('09:00', '14:00')] },
      // a one-day closure inside Ramadan wins: the shorter range decides
      { from: '2027-02-18', to: '2027-02-18', nameAr: 'إغلاق طارئ', nameEn: 'Emergency closure', hours: [] },
    ],
  }

  it('replaces the weekly hours for the range, keeps them outside it', () => {
    expect(openSpansOn(RAMADAN, null, '2027-02-10', TZ)).toEqual([{ start: at('2027-02-10', '09:00'), end: at('2027-02-10', '14:00') }])
    expect(isOpenAt(RAMADAN, null, at('2027-02-10', '08:30'), TZ)).toBe(false)
    expect(nextOpeningMs(RAMADAN, null, at('2027-02-10', '08:30'), TZ)).toBe(at('2027-02-10', '09:00'))
    expect(closingMs(RAMADAN, null, at('2027-02-10', '10:00'), TZ)).toBe(at('2027-02-10', '14:00'))
    expect(isOpenAt(RAMADAN, null, at('2027-02-07', '18:00'), TZ)).toBe(true)
    expect(isOpenAt(RAMADAN, null, at('2027-03-10', '08:30'), TZ)).toBe(true)
  })

  it('a closure day inside Ramadan closes it (Thursday 18 February), and the weekend still counts', () => {
    expect(isOpenAt(RAMADAN, null, at('2027-02-18', '10:00'), TZ)).toBe(false)
    // Ramadan hours replace the weekly pattern every day of the range, Friday included: the center chose so
    expect(nextOpeningMs(RAMADAN, null, at('2027-02-18', '10:00'), TZ)).toBe(at('2027-02-19', '09:00'))
  })
})

describe('a holiday imported from .ics', () => {
  const ICS = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ministry//Holidays//EN',
    'BEGIN:VEVENT',
    'UID:coptic-christmas@ministry.example',
    'DTSTAMP:20261101T000000Z',
    'DTSTART;VALUE=DATE:20270107',
    'DTEND;VALUE=DATE:20270108',
    'SUMMARY:Coptic Christmas',
    'RRULE:FREQ=YEARLY',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:eid-al-fitr-2027@ministry.example',
    'DTSTAMP:20261101T000000Z',
    'DTSTART;VALUE=DATE:20270310',
    'DTEND;VALUE=DATE:20270313',
    'SUMMARY:Eid al-Fitr',
    'X-TABOUR-NAME-AR:عيد الفطر',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n')

  it('closes the center on the holiday; a yearly Gregorian rule is expanded, a dated Eid kept as dated', () => {
    const imported = importIcs(ICS, '2026-12-03')
    expect(imported.find((e) => e.nameEn === 'Eid al-Fitr')).toMatchObject({
      from: '2027-03-10',
      to: '2027-03-12',
      nameAr: 'عيد الفطر',
      hours: [],
      uid: 'eid-al-fitr-2027@ministry.example',
    })
    expect(imported.filter((e) => e.nameEn === 'Coptic Christmas').map((e) => e.from)).toEqual(['2027-01-07', '2028-01-07', '2029-01-07'])
    const cal = mergeImport(GOVERNMENT, imported)
    // Thursday 7 January 2027 is a working day without the holiday
    expect(isOpenAt(GOVERNMENT, null, at('2027-01-07', '10:00'), TZ)).toBe(true)
    expect(isOpenAt(cal, null, at('2027-01-07', '10:00'), TZ)).toBe(false)
    expect(nextOpeningMs(cal, null, at('2027-01-07', '10:00'), TZ)).toBe(at('2027-01-10', '08:00'))
  })

  it('an export reads back the same, and importing the same file twice adds nothing', () => {
    const cal = mergeImport(GOVERNMENT, importIcs(ICS, '2026-12-03'))
    const again = mergeImport(cal, importIcs(exportIcs(cal, 'test'), '2026-12-03'))
    expect(again.exceptions).toEqual(cal.exceptions)
    // an exception for walk-ins only (the demo's "always open") stays one: bookings would take its night hours otherwise
    const walkIns = {
      ...DEFAULT_CALENDAR,
      exceptions: [
        { from: '2026-12-07', to: '2036-12-07', nameAr: 'ع', nameEn: 'W', hours: [H('00:00', '24:00')], walkInsOnly: true, uid: 'w' },
      ],
    }
    expect(importIcs(exportIcs(walkIns, 'test'), '2026-12-03')).toEqual(walkIns.exceptions)
  })

  const event = (lines: string[]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:x',
      'DTSTAMP:20261101T000000Z',
      'SUMMARY:Odd one',
      ...lines,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')

  it('refuses what it cannot honour, naming the event', () => {
    expect(() => importIcs(event(['DTSTART;VALUE=DATE:20270107', 'RRULE:FREQ=WEEKLY;BYDAY=FR']), '2026-12-03')).toThrow(
      /event "Odd one": cannot honour the recurrence FREQ=WEEKLY/,
    )
    expect(() => importIcs(event(['DTSTART;VALUE=DATE:20270107', 'RRULE:FREQ=YEARLY;BYDAY=1MO']), '2026-12-03')).toThrow(
      /"Odd one": cannot honour/,
    )
    expect(() => importIcs(event(['DTSTART;TZID=Mars/Olympus_Mons:20270107T090000']), '2026-12-03')).toThrow(
      /"Odd one": DTSTART time zone Mars\/Olympus_Mons does not exist/,
    )
    expect(() => importIcs(event(['DTSTART:20270107T090000Z']), '2026-12-03')).toThrow(/"Odd one": starts at a time of day/)
    expect(() => importIcs(event(['DTSTART;VALUE=DATE:20270107', 'X-TABOUR-HOURS:14:00-09:00']), '2026-12-03')).toThrow(
      /"Odd one".*closes at 09:00/,
    )
    expect(() => importIcs('hello', '2026-12-03')).toThrow(/not an iCalendar file/)
  })
})

describe("Egypt's DST change days (2026)", () => {
  it('spring forward, Friday 24 April: an opening at 00:00 is the first instant of the day (01:00), 02:00 comes an hour later', () => {
    const cal: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: everyDay([H('00:00', '02:00'), H('08:00', '15:00')]) }
    const [night, day] = openSpansOn(cal, null, '2026-04-24', TZ)
    expect(localTime(night!.start, TZ)).toBe('01:00')
    expect(night!.end - night!.start).toBe(3_600_000)
    expect(day!.end - day!.start).toBe(7 * 3_600_000)
    expect(nextOpeningMs(cal, null, at('2026-04-23', '16:00'), TZ)).toBe(Date.parse('2026-04-23T22:00:00Z'))
  })

  it('fall back, Thursday 29 October: 20:00–24:00 lasts five real hours, and closing is the next day’s first instant', () => {
    const cal: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: everyDay([H('08:00', '15:00'), H('20:00', '24:00')]) }
    const evening = openSpansOn(cal, null, '2026-10-29', TZ)[1]!
    expect(evening.end - evening.start).toBe(5 * 3_600_000)
    // the second 23:30 (after the clocks went back) is still open
    const secondHalfPast = Date.parse('2026-10-29T21:30:00Z')
    expect(localTime(secondHalfPast, TZ)).toBe('23:30')
    expect(isOpenAt(cal, null, secondHalfPast, TZ)).toBe(true)
    expect(closingMs(cal, null, secondHalfPast, TZ)).toBe(Date.parse('2026-10-29T22:00:00Z'))
  })
})

describe('a service closing earlier than the center', () => {
  const cal: CenterCalendar = {
    ...DEFAULT_CALENDAR,
    weekly: workWeek([H('08:00', '15:00')]),
    services: [
      { serviceId: 2, weekly: workWeek([H('08:00', '13:00')]), lastTicketMinutes: 15, stopWhenWaitPastClose: false },
      // its own hours reach outside the center's: the center's bound it
      { serviceId: 3, weekly: everyDay([H('07:00', '16:00')]), lastTicketMinutes: 0, stopWhenWaitPastClose: false },
    ],
  }

  it('is closed while the center is still open, and says when it opens next', () => {
    const t = at('2026-12-06', '13:30')
    expect(isOpenAt(cal, null, t, TZ)).toBe(true)
    expect(hoursNow(cal, 2, t, TZ)).toMatchObject({ open: false, closedReason: 'closed', opensAt: iso('2026-12-07', '08:00') })
    expect(hoursNow(cal, 2, at('2026-12-06', '12:50'), TZ)).toMatchObject({
      closedReason: 'last-ticket',
      closesAt: iso('2026-12-06', '13:00'),
    })
    expect(hoursNow(cal, 1, t, TZ).closedReason).toBeNull()
  })

  it('a service never opens outside the center', () => {
    expect(isOpenAt(cal, 3, at('2026-12-06', '07:30'), TZ)).toBe(false)
    expect(closingMs(cal, 3, at('2026-12-06', '10:00'), TZ)).toBe(at('2026-12-06', '15:00'))
    expect(isOpenAt(cal, 3, at('2026-12-04', '10:00'), TZ)).toBe(false)
  })

  it('a service-only exception closes that service alone', () => {
    const withTraining: CenterCalendar = {
      ...cal,
      exceptions: [
        { from: '2026-12-06', to: '2026-12-06', nameAr: 'تدريب', nameEn: 'Training', hours: [H('11:00', '15:00')], serviceIds: [3] },
      ],
    }
    expect(isOpenAt(withTraining, 3, at('2026-12-06', '10:00'), TZ)).toBe(false)
    expect(isOpenAt(withTraining, 1, at('2026-12-06', '10:00'), TZ)).toBe(true)
  })
})

describe('a 24-hour center', () => {
  const cal: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: everyDay([H('00:00', '24:00')]), dailyClose: false }

  it('is one open stretch across midnight: no close in sight, no last-ticket time', () => {
    expect(isOpenAt(cal, null, at('2026-12-06', '23:59'), TZ)).toBe(true)
    expect(isOpenAt(cal, null, at('2026-12-07', '00:00'), TZ)).toBe(true)
    expect(closingMs(cal, null, at('2026-12-06', '23:59'), TZ)).toBeNull()
    expect(hoursNow(cal, 1, at('2026-12-06', '23:59'), TZ)).toMatchObject({ open: true, closedReason: null, closesAt: null })
  })

  it('closes at the start of a holiday, across the midnights before it', () => {
    const withHoliday: CenterCalendar = {
      ...cal,
      exceptions: [{ from: '2026-12-09', to: '2026-12-09', nameAr: 'عطلة', nameEn: 'Holiday', hours: [] }],
    }
    expect(closingMs(withHoliday, null, at('2026-12-07', '22:00'), TZ)).toBe(at('2026-12-09', '00:00'))
    expect(nextOpeningMs(withHoliday, null, at('2026-12-09', '12:00'), TZ)).toBe(at('2026-12-10', '00:00'))
  })

  it('a restart computes the same answers from the same stored calendar (nothing is kept in memory only)', () => {
    const stored = JSON.parse(JSON.stringify(cal)) as CenterCalendar
    const t = at('2026-12-07', '00:30')
    expect(hoursNow(stored, 1, t, TZ)).toEqual(hoursNow(cal, 1, t, TZ))
  })
})

describe("the business day's close is a closing (dailyClose)", () => {
  /** Open around the clock, as the demo is (an exception 00:00–24:00), with the default daily close at midnight. */
  const allDay: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: everyDay([H('00:00', '24:00')]) }

  it('a 24-hour center that closes its line at midnight closes at midnight, not never: 23:45 and 00:00 are not one stretch for the line', () => {
    expect(nextClosing(allDay, null, at('2026-12-06', '23:45'), TZ)).toEqual({ at: at('2026-12-07', '00:00'), dayClose: true })
    expect(nextClosing(allDay, 1, at('2026-12-07', '00:00'), TZ)).toEqual({ at: at('2026-12-08', '00:00'), dayClose: true })
    expect(hoursNow(allDay, 1, at('2026-12-06', '23:45'), TZ)).toMatchObject({
      open: true,
      closedReason: null,
      closesAt: iso('2026-12-07', '00:00'),
      dayClose: true,
    })
    // without the daily close the line runs on: no close in sight
    expect(nextClosing({ ...allDay, dailyClose: false }, null, at('2026-12-06', '23:45'), TZ)).toBeNull()
  })

  it('a night shift 20:00–24:00 then 00:00–02:00 closes its line at midnight, then the hours at 02:00', () => {
    const night: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: everyDay([H('00:00', '02:00'), H('20:00', '24:00')]) }
    expect(nextClosing(night, null, at('2026-12-06', '23:40'), TZ)).toEqual({ at: at('2026-12-07', '00:00'), dayClose: true })
    expect(nextClosing(night, null, at('2026-12-07', '01:00'), TZ)).toEqual({ at: at('2026-12-07', '02:00'), dayClose: false })
  })

  it("the hours' close, when it comes first, stays the center's: a government day is not touched", () => {
    expect(nextClosing(GOVERNMENT, null, at('2026-12-06', '14:45'), TZ)).toEqual({ at: at('2026-12-06', '15:00'), dayClose: false })
    expect(hoursNow(GOVERNMENT, 1, at('2026-12-06', '19:45'), TZ)).toMatchObject({ closesAt: iso('2026-12-06', '20:00'), dayClose: false })
  })

  it('with the business day starting at 06:00, a 24-hour line closes at 06:00, across midnight', () => {
    const sixAm: CenterCalendar = { ...allDay, businessDayStartsAt: '06:00' }
    expect(nextClosing(sixAm, null, at('2026-12-06', '23:45'), TZ)).toEqual({ at: at('2026-12-07', '06:00'), dayClose: true })
    expect(nextClosing(sixAm, null, at('2026-12-07', '05:40'), TZ)).toEqual({ at: at('2026-12-07', '06:00'), dayClose: true })
    expect(nextClosing(sixAm, null, at('2026-12-07', '06:00'), TZ)).toEqual({ at: at('2026-12-08', '06:00'), dayClose: true })
    // a service that stops when the wait runs past closing stops before the line's close too
    const withCutOff: CenterCalendar = {
      ...sixAm,
      services: [{ serviceId: 1, weekly: null, lastTicketMinutes: 0, stopWhenWaitPastClose: true }],
    }
    expect(hoursNow(withCutOff, 1, at('2026-12-07', '05:40'), TZ, 30 * 60).closedReason).toBe('wait-past-close')
    expect(hoursNow(withCutOff, 1, at('2026-12-07', '06:10'), TZ, 30 * 60).closedReason).toBeNull()
  })

  it("on Cairo's spring-forward day (2026-04-24, midnight does not exist) the line closes at the day's first instant, 01:00", () => {
    expect(nextClosing(allDay, null, at('2026-04-23', '23:50'), TZ)).toEqual({ at: Date.parse('2026-04-23T22:00:00Z'), dayClose: true })
  })
})

describe('a business day starting at 06:00', () => {
  it('05:59 belongs to the day before, 06:00 starts the next; a night shift 22:00–06:00 is one business day', () => {
    expect(businessDay(at('2026-12-07', '05:59'), TZ, '06:00')).toBe('2026-12-06')
    expect(businessDay(at('2026-12-07', '06:00'), TZ, '06:00')).toBe('2026-12-07')
    const cal: CenterCalendar = {
      ...DEFAULT_CALENDAR,
      businessDayStartsAt: '06:00',
      weekly: everyDay([H('00:00', '06:00'), H('22:00', '24:00')]),
    }
    const start = at('2026-12-06', '22:00')
    const close = closingMs(cal, null, start, TZ)!
    expect(close).toBe(at('2026-12-07', '06:00'))
    expect(close).toBe(businessDayStartMs('2026-12-07', TZ, '06:00'))
    expect(businessDay(start, TZ, '06:00')).toBe(businessDay(close - 1, TZ, '06:00'))
  })
})

describe('validation names the field', () => {
  const problems = (cal: Partial<CenterCalendar>) => calendarProblems({ ...DEFAULT_CALENDAR, ...cal }, [1, 2])

  it('overlapping intervals, a close before an open, a range ending before it starts, unknown services', () => {
    expect(problems({ weekly: workWeek([H('08:00', '15:00'), H('14:00', '20:00')]) })[0]).toEqual({
      field: 'weekly.mon[1]',
      reason: 'overlap',
      message: '14:00–20:00 overlaps weekly.mon[0] 08:00–15:00',
    })
    expect(problems({ weekly: { ...workWeek([]), sun: [H('15:00', '08:00')] } })).toEqual([
      { field: 'weekly.sun[0].close', reason: 'close-before-open', message: 'closes at 08:00, not after it opens at 15:00' },
    ])
    expect(problems({ exceptions: [{ from: '2027-03-10', to: '2027-03-01', nameAr: '', nameEn: '', hours: [] }] })).toEqual([
      { field: 'exceptions[0].to', reason: 'ends-before-start', message: 'ends 2027-03-01, before it starts 2027-03-10' },
    ])
    expect(problems({ exceptions: [{ from: '2027-02-30', to: '2027-03-01', nameAr: '', nameEn: '', hours: [] }] })[0]!.field).toBe(
      'exceptions[0].from',
    )
    expect(problems({ services: [{ serviceId: 9, weekly: null, lastTicketMinutes: 0, stopWhenWaitPastClose: false }] })).toEqual([
      { field: 'services[0].serviceId', reason: 'unknown', message: 'no service 9' },
    ])
    expect(problems(GOVERNMENT)).toEqual([])
    // touching intervals are fine (14:00 close, 14:00 open)
    expect(problems({ weekly: workWeek([H('08:00', '14:00'), H('14:00', '20:00')]) })).toEqual([])
  })
})
