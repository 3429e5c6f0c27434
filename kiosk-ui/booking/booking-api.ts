/**
 * What the booking page asks the center (public, no token): the bookable services, a day's
 * slots, book, and a booking by its code (view, move, cancel). Failures are ApiError (with the
 * stable code) or NetworkError.
 */
import type { BookableService, Booking, DaySlots } from '../../protocol/appointments.ts'
import { requestJson } from '../../ui-common/api-client.ts'
import { apiUrl } from '../../ui-common/base-path.ts'

export const fetchBookable = (base: string) => requestJson<BookableService[]>(apiUrl(base, '/appointments/services'))

export const fetchSlots = (base: string, serviceId: number, day: string) =>
  requestJson<DaySlots>(apiUrl(base, `/appointments/slots?serviceId=${serviceId}&day=${day}`))

export const bookSlot = (base: string, body: { serviceId: number; slotStart: string; name: string; phone: string; lang: 'ar' | 'en' }) =>
  requestJson<Booking>(apiUrl(base, '/appointments'), { method: 'POST', body })

export const fetchBooking = (base: string, code: string) => requestJson<Booking>(apiUrl(base, `/appointments/${encodeURIComponent(code)}`))

export const moveBooking = (base: string, code: string, slotStart: string) =>
  requestJson<Booking>(apiUrl(base, `/appointments/${encodeURIComponent(code)}/move`), { method: 'POST', body: { slotStart } })

export const cancelBooking = (base: string, code: string) =>
  requestJson<Booking>(apiUrl(base, `/appointments/${encodeURIComponent(code)}/cancel`), { method: 'POST' })

/** The page's address split: the center's base path and the code in `<base>/b/<code>` (null: a new booking at `<base>/b/`). */
export function parseBookingPath(pathname: string): { base: string; code: string | null } {
  const m = pathname.match(/^(.*)\/b(?:\/([^/]*))?\/?$/)
  if (!m) return { base: '', code: null }
  return { base: m[1] ?? '', code: m[2] ? decodeURIComponent(m[2]) : null }
}
