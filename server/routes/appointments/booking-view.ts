import type { Booking, BookingCenter } from '../../../protocol/appointments.ts'
import type { BookingRecord } from '../../db/repositories/bookings-repo.ts'
import type { Queue } from '../../queue/queue.ts'
import type { Config } from '../../config.ts'
import { bookingPageUrlAt, ticketStatusUrlAt } from '../../queue/ticket-link.ts'

/**
 * All but the last 3 digits hidden: the page shows whose booking it is without handing the number
 * to whoever holds the code. '' when the number was erased after the appointment.
 */
export const phoneHint = (phone: string) => {
  // an Egyptian mobile (stored +201…) is hinted as its holder knows it, 01… (eleven places)
  const known = phone.startsWith('+20') ? `0${phone.slice(3)}` : phone
  return known === '' ? '' : `${'•'.repeat(Math.max(0, known.length - 3))}${known.slice(-3)}`
}

/** The center as the booking pages name it: its names and its digits for Arabic text (the live config). */
export const bookingCenter = (config: Pick<Config, 'centerName' | 'screens'>): BookingCenter => ({
  nameAr: config.centerName.ar,
  nameEn: config.centerName.en,
  digits: config.screens.digits,
})

/** A booking as its holder sees it. */
export function bookingView(
  queue: Queue,
  config: Pick<Config, 'timeZone' | 'centerName' | 'screens'>,
  publicBase: string,
  b: BookingRecord,
): Booking {
  const service = queue.ctx.services.get(b.serviceId)!
  const settings = queue.appointments.settingsOf(b.serviceId)
  const checkInUntil = b.slotStart + settings.checkInAfterMinutes * 60_000
  const now = queue.ctx.clock()
  // a checked-in booking's ticket: its label and status page, the way onward from "used on arrival"
  const ticket = b.status === 'checked_in' && b.ticketId !== null ? queue.ctx.tickets.get(b.ticketId) : undefined
  return {
    code: b.code,
    serviceId: b.serviceId,
    serviceNameAr: service.nameAr,
    serviceNameEn: service.nameEn,
    slotStart: new Date(b.slotStart).toISOString(),
    slotEnd: new Date(b.slotEnd).toISOString(),
    // where it was before its last move: kept on the row since migration 36, no read of the log
    movedFrom: b.movedFrom === null ? null : new Date(b.movedFrom).toISOString(),
    name: b.name,
    phoneHint: phoneHint(b.phone),
    lang: b.lang,
    status: b.status,
    checkInFrom: new Date(b.slotStart - settings.checkInBeforeMinutes * 60_000).toISOString(),
    checkInUntil: new Date(checkInUntil).toISOString(),
    // the same bounds appointments.ts enforces: a move or cancel from the slot's start, a check-in past checkInUntil
    timing: now < b.slotStart ? 'ahead' : now <= checkInUntil ? 'begun' : 'missed',
    timeZone: config.timeZone,
    // in the language it was booked in (walk s44: an English booking's link opened in Arabic); the kiosk's scanner
    // reads the code out of it, `?lang=en` or not
    manageUrl: bookingPageUrlAt(publicBase, b.code, b.lang),
    center: bookingCenter(config),
    documents: service.documents ?? [],
    ...(ticket ? { ticket: { label: ticket.label, statusUrl: ticketStatusUrlAt(publicBase, ticket.id, ticket.lang) } } : {}),
  }
}
