import { DEFAULT_CALENDAR, type CenterCalendar } from '../../protocol/calendar.ts'

/**
 * The calendar the closing-note tests run on (protocol/closing-note.ts): open every day
 * 08:00–15:00; service `a` stops issuing 10 minutes before closing (last ticket 14:50), service
 * `b` stops when the wait runs past closing.
 */
export function closingCalendar(a: number, b: number): CenterCalendar {
  const h = [{ open: '08:00', close: '15:00' }]
  return {
    ...DEFAULT_CALENDAR,
    weekly: { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h },
    services: [
      { serviceId: a, weekly: null, lastTicketMinutes: 10, stopWhenWaitPastClose: false },
      { serviceId: b, weekly: null, lastTicketMinutes: 0, stopWhenWaitPastClose: true },
    ],
  }
}
