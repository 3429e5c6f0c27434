import type { Booking } from '../../../protocol/appointments.ts'
import type { BookingRecord } from '../../db/repositories/bookings-repo.ts'
import type { Queue } from '../../queue/queue.ts'

/** The address of a booking's manage page (what its QR carries); the kiosk's scanner accepts it as well as the bare code. */
export const bookingUrlAt = (base: string, code: string) => `${base.replace(/\/$/, '')}/b/${encodeURIComponent(code)}`

/**
 * All but the last 3 digits hidden: the page shows whose booking it is without handing the number
 * to whoever holds the code. '' when the number was erased after the appointment.
 */
export const phoneHint = (phone: string) => (phone === '' ? '' : `${'•'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`)

/** A booking as its holder sees it. */
export function bookingView(queue: Queue, timeZone: string, publicBase: string, b: BookingRecord): Booking {
  const service = queue.ctx.services.get(b.serviceId)!
  const settings = queue.appointments.settingsOf(b.serviceId)
  return {
    code: b.code,
    serviceId: b.serviceId,
    serviceNameAr: service.nameAr,
    serviceNameEn: service.nameEn,
    slotStart: new Date(b.slotStart).toISOString(),
    slotEnd: new Date(b.slotEnd).toISOString(),
    name: b.name,
    phoneHint: phoneHint(b.phone),
    lang: b.lang,
    status: b.status,
    checkInFrom: new Date(b.slotStart - settings.checkInBeforeMinutes * 60_000).toISOString(),
    checkInUntil: new Date(b.slotStart + settings.checkInAfterMinutes * 60_000).toISOString(),
    timeZone,
    manageUrl: bookingUrlAt(publicBase, b.code),
  }
}
