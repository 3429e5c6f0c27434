/**
 * Messages about appointments. The appointments slice publishes `appointment:booked | moved |
 * cancelled | checked_in` domain events; `appointmentMessage` turns one into the message to
 * send (checked_in sends none: the citizen is at the kiosk), and `queueAppointmentMessage`
 * queues it in the outbox under a key that names the booking, the change and the slot, so the
 * same change can never be texted twice. Call it inside the transaction that records the
 * change (or from a scan of the event log), never from a listener after the commit: that would
 * lose the message to a kill -9 between the two.
 */
import type { Lang } from '../../protocol/common.ts'
import type { MessageKind } from '../../protocol/messages/citizen.ts'
import type { MessageValues } from '../../protocol/messages/format.ts'
import { localDay } from '../../protocol/center-clock.ts'
import { clockTime, dayName } from '../../protocol/messages/clock-time.ts'
import { digitsFor, type DigitStyle } from '../../protocol/messages/digits.ts'
import { bookingPageUrlAt } from '../queue/ticket-link.ts'

/** One message to queue: what it says, to whom, in which language, and until when it is worth sending. */
export interface QueuedMessage {
  kind: MessageKind
  key: string
  phone: string
  lang: Lang
  values: MessageValues
  ticketId: string | null
  eventId: number | null
  expiresAt: number
}

/** What queues a message (MessageScanner.enqueueMessage; named here so the scanner may use this file). */
export interface MessageQueue {
  enqueueMessage(m: QueuedMessage, now: number): boolean
}

/** The booking as the appointment events carry it. */
export interface BookingFacts {
  code: string
  serviceId: number
  /** The slot's start, epoch ms. */
  slotStart: number
  name: string
  phone: string
  lang: Lang
}

export interface AppointmentEvent {
  type: 'appointment:booked' | 'appointment:moved' | 'appointment:cancelled' | 'appointment:checked_in'
  booking: BookingFacts
}

const KIND: Record<AppointmentEvent['type'], MessageKind | null> = {
  'appointment:booked': 'appointment_booked',
  'appointment:moved': 'appointment_moved',
  'appointment:cancelled': 'appointment_cancelled',
  'appointment:checked_in': null,
}

/** The message an appointment event makes: its kind, the key of its cause and its values; null when none is sent. */
export function appointmentMessage(
  event: AppointmentEvent,
  ctx: {
    timeZone: string
    centerName: Record<Lang, string>
    serviceName: (serviceId: number, lang: Lang) => string
    /** The center's digits (screens.digits): an Arabic text writes the date and time in them, as the booking page does. */
    digits: DigitStyle
    /** Where phones reach the public pages: the booking's page ({link}), as a ticket's message links its status page. */
    publicBase: string
  },
): { kind: MessageKind; key: string; values: MessageValues } | null {
  const kind = KIND[event.type]
  if (!kind) return null
  const b = event.booking
  return {
    kind,
    key: `${kind}:${b.code}:${b.slotStart}`,
    values: {
      code: b.code,
      service: ctx.serviceName(b.serviceId, b.lang),
      center: ctx.centerName[b.lang],
      date: dayName(localDay(b.slotStart, ctx.timeZone), ctx.timeZone, b.lang, digitsFor(b.lang, ctx.digits)),
      time: clockTime(b.slotStart, ctx.timeZone, b.lang, digitsFor(b.lang, ctx.digits)),
      link: bookingPageUrlAt(ctx.publicBase, b.code, b.lang),
    },
  }
}

/**
 * A reminder's outbox key: `appointment_reminder:b<booking id>:<slot>`, once per booking and slot;
 * the booking's id in it is how its number is erased with the booking's (booking-number-retention.ts).
 */
export const REMINDER_KEY_PREFIX = 'appointment_reminder:b'
export const reminderKey = (bookingId: number, slotStart: number) => `${REMINDER_KEY_PREFIX}${bookingId}:${slotStart}`

/** The reminder for booking `bookingId` (`messages.reminderHoursBefore` before its slot), keyed once per booking and slot. */
export function reminderMessage(
  bookingId: number,
  booking: BookingFacts,
  ctx: Parameters<typeof appointmentMessage>[1],
): { kind: MessageKind; key: string; values: MessageValues } {
  const booked = appointmentMessage({ type: 'appointment:booked', booking }, ctx)!
  return { ...booked, kind: 'appointment_reminder', key: reminderKey(bookingId, booking.slotStart) }
}

/**
 * Queues an appointment's message (inside the caller's transaction); false when this change was
 * already queued. It expires at the slot's start: a reminder after the appointment helps nobody.
 */
export function queueAppointmentMessage(
  scanner: MessageQueue,
  message: { kind: MessageKind; key: string; values: MessageValues },
  booking: BookingFacts,
  now: number,
): boolean {
  return scanner.enqueueMessage(
    {
      kind: message.kind,
      key: message.key,
      phone: booking.phone,
      lang: booking.lang,
      values: message.values,
      ticketId: null,
      eventId: null,
      expiresAt: message.kind === 'appointment_cancelled' ? now + 24 * 3600_000 : Math.max(now, booking.slotStart),
    },
    now,
  )
}
