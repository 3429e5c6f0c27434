/** The dashboard's calls for appointments (issue 19), through the staff session. */
import type { AppointmentDay, AppointmentSettings, BookableService, BookBody, Booking, DaySlots } from '../protocol/appointments.ts'
import type { DayBookings } from '../protocol/staff-booking.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { intlLocale, type DigitStyle } from '../ui-common/digits.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'

export const appointmentsApi = (api: DashboardApi) => ({
  bookable: () => api.send<BookableService[]>('/appointments/services'),
  slots: (serviceId: number, day: string) => api.send<DaySlots>(`/appointments/slots?serviceId=${serviceId}&day=${day}`),
  /** Books for a caller as the logged-in user (no per-address limit). */
  book: (body: BookBody) => api.send<Booking>('/appointments/staff', 'POST', body),
  dayBookings: (day: string) => api.send<DayBookings>(`/appointments/staff/bookings?day=${day}`),
  settings: (serviceId: number) => api.send<AppointmentSettings>(`/appointments/settings/${serviceId}`),
  putSettings: (serviceId: number, body: AppointmentSettings) =>
    api.send<AppointmentSettings>(`/appointments/settings/${serviceId}`, 'PUT', body),
  /** What is set for the day now (not blocked, 0 extra when nothing is). */
  day: (serviceId: number, day: string) => api.send<AppointmentDay>(`/appointments/days/${serviceId}/${day}`),
  putDay: (serviceId: number, day: string, body: AppointmentDay) =>
    api.send<AppointmentDay>(`/appointments/days/${serviceId}/${day}`, 'PUT', body),
})

/** Local date-time formats of the center's zone with the screen's digits. */
export function centerFormats(lang: 'ar' | 'en', digits: DigitStyle, timeZone: string) {
  const locale = intlLocale(lang, digits)
  // noon UTC of a date names the same calendar day in every zone near Egypt's
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' })
  return {
    time: (iso: string) => clockTime(iso, timeZone, lang, digits),
    day: (ymd: string) => day.format(new Date(`${ymd}T12:00:00Z`)),
    dayOf: (iso: string) => day.format(new Date(iso)),
  }
}
