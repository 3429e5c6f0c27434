/**
 * Appointments (issue 19): the wire contract shared by the center, the booking page, the kiosk
 * and the console. Settings per service, the slots of a day, a booking and its check-in.
 */
import { ClosingNote } from './closing-note.ts'
import { type Static, Type } from '@sinclair/typebox'
import { CalendarDate } from './calendar.ts'
import { Lang, literalUnion, Nullable, TicketStatus, Timestamp } from './common.ts'
import { RequiredDocument } from './service-menu.ts'
import { VisitProgress } from './visit-steps.ts'
import { DigitStyleName } from './settings.ts'

/** How many recent services make the average service time when a service's `serviceMinutes` is null (the dashboard's hint names it). */
export const SERVICE_TIME_SAMPLE = 20

/** Minutes one citizen is taken to need for booking capacity until enough services measure it (the dashboard's hint names it too). */
export const FALLBACK_SERVICE_MINUTES = 10

/** A service's appointment settings; every field has a default (APPOINTMENT_DEFAULTS), appointments are off until `enabled`. */
export const AppointmentSettings = Type.Object(
  {
    /** Whether the service takes bookings at all. Default false. */
    enabled: Type.Boolean(),
    /** Length of one slot in minutes. Default 15. */
    slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
    /** Share of the service's capacity kept for walk-ins, 0–0.95. Default 0.5. */
    walkInShare: Type.Number({ minimum: 0, maximum: 0.95 }),
    /** Minutes one citizen takes at a counter for capacity; null: the average of the last 20 finishes once there are 10 (10 min before). Default null. */
    serviceMinutes: Nullable(Type.Integer({ minimum: 1, maximum: 240 })),
    /** Check-in opens this many minutes before the slot. Default 30. */
    checkInBeforeMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    /** Check-in closes this many minutes after the slot starts (later: a walk-in ticket). Default 15. */
    checkInAfterMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    /** An unused slot's place is released to walk-ins this many minutes after it starts. Default 15. */
    releaseAfterMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    /** How many days ahead a slot may be booked. Default 14. */
    bookAheadDays: Type.Integer({ minimum: 1, maximum: 90 }),
    /** Live bookings one phone may hold on one day. Default 1. */
    maxPerPhonePerDay: Type.Integer({ minimum: 1, maximum: 100 }),
    /** Live bookings one phone may hold in one week (Saturday to Friday, center-local). Default 3. */
    maxPerPhonePerWeek: Type.Integer({ minimum: 1, maximum: 500 }),
    /** Bookings one client address may make in an hour (public booking only). Default 20. */
    maxPerAddressPerHour: Type.Integer({ minimum: 1, maximum: 100_000 }),
  },
  { additionalProperties: false },
)
export type AppointmentSettings = Static<typeof AppointmentSettings>

/** Appointments off; 15-minute slots; half the capacity kept for walk-ins; check-in 30 min before to 15 min after. */
export const APPOINTMENT_DEFAULTS: Readonly<AppointmentSettings> = Object.freeze({
  enabled: false,
  slotMinutes: 15,
  walkInShare: 0.5,
  serviceMinutes: null,
  checkInBeforeMinutes: 30,
  checkInAfterMinutes: 15,
  releaseAfterMinutes: 15,
  bookAheadDays: 14,
  maxPerPhonePerDay: 1,
  maxPerPhonePerWeek: 3,
  maxPerAddressPerHour: 20,
})

/** A manager's change to one day of one service: blocked (no bookings) and/or places added to every slot. */
export const AppointmentDay = Type.Object(
  {
    blocked: Type.Boolean(),
    /** Places added to each slot of the day (on top of the derived capacity). */
    extraPerSlot: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
)
export type AppointmentDay = Static<typeof AppointmentDay>

export const Slot = Type.Object({
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
  capacity: Type.Integer(),
  booked: Type.Integer(),
  free: Type.Integer(),
})
export type Slot = Static<typeof Slot>

/**
 * Why a day has no slot to offer: bookings `off`; `closed` (no opening hours that day); `blocked` (a
 * manager stopped bookings, or the day is open for walk-in tickets only: bookable-hours.ts); `brief` (open, but no open stretch holds one slot); `too-far` (past
 * bookAheadDays); `past` (a day gone, or today once its last slot has begun); `no-capacity` (no
 * counter gives the service time).
 */
export const NoSlotsReason = literalUnion(['off', 'closed', 'blocked', 'brief', 'too-far', 'past', 'no-capacity'])
export type NoSlotsReason = Static<typeof NoSlotsReason>

export const DaySlots = Type.Object({
  serviceId: Type.Integer(),
  day: CalendarDate,
  timeZone: Type.String(),
  slots: Type.Array(Slot),
  /** Set when `slots` is empty for a reason other than every slot being taken. */
  reason: Nullable(NoSlotsReason),
})
export type DaySlots = Static<typeof DaySlots>

/** The center as the booking pages name it: its names and its one digits setting (protocol/messages/digits.ts). */
export const BookingCenter = Type.Object({ nameAr: Type.String(), nameEn: Type.String(), digits: DigitStyleName })
export type BookingCenter = Static<typeof BookingCenter>

/** A citizen's mobile: Egyptian 01xxxxxxxxx, or international (+, 00 or the bare country code, then digits); stored in one form (phone-number.ts). */
export const Phone = Type.String({ pattern: '^(\\+[1-9]\\d{7,14}|00[1-9]\\d{7,14}|[1-9]\\d{7,14}|0\\d{9,10})$' })

export const BookBody = Type.Object(
  {
    serviceId: Type.Integer({ minimum: 1 }),
    slotStart: Type.String({ format: 'date-time' }),
    name: Type.String({ minLength: 2, maxLength: 80 }),
    phone: Phone,
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
)
export type BookBody = Static<typeof BookBody>

export const MoveBody = Type.Object({ slotStart: Type.String({ format: 'date-time' }) }, { additionalProperties: false })
export type MoveBody = Static<typeof MoveBody>

export const BookingStatus = literalUnion(['booked', 'checked_in', 'cancelled'])
export type BookingStatus = Static<typeof BookingStatus>

/** A booking as its holder sees it (the code is the capability: no login). */
export const Booking = Type.Object({
  code: Type.String(),
  serviceId: Type.Integer(),
  serviceNameAr: Type.String(),
  serviceNameEn: Type.String(),
  slotStart: Type.String({ format: 'date-time' }),
  slotEnd: Type.String({ format: 'date-time' }),
  /**
   * The slot start it was last moved from (staff or its holder moved it; its last `appointment.moved`
   * event), so its page says the time changed; null when it was never moved.
   */
  movedFrom: Nullable(Type.String({ format: 'date-time' })),
  name: Type.String(),
  /** The phone with all but its last 3 digits hidden; '' once erased after the appointment. */
  phoneHint: Type.String(),
  lang: Lang,
  status: BookingStatus,
  /** Check-in window. */
  checkInFrom: Type.String({ format: 'date-time' }),
  checkInUntil: Type.String({ format: 'date-time' }),
  /**
   * Where a `booked` booking's time stands as of this answer (the center's clock, not the
   * phone's): `ahead` before its slot begins (it may still be moved or cancelled), `begun` once
   * it has (check-in still possible until checkInUntil; the server refuses a move or cancel),
   * `missed` past checkInUntil (the kiosk no longer takes the code: book again).
   */
  timing: literalUnion(['ahead', 'begun', 'missed']),
  timeZone: Type.String(),
  /** The page to view, move or cancel it (absolute when the center knows its public address, else a path). */
  manageUrl: Type.String(),
  /** Which center the booking is at, and its digits for Arabic text. */
  center: BookingCenter,
  /** What to bring for the service (its documents list; empty: none listed). */
  documents: Type.Array(RequiredDocument),
  /**
   * Only once checked in: the ticket the check-in gave, its label and its public status page (in the
   * ticket's language: the kiosk's where the citizen checked in there), what the paper's QR opens. Nothing more of it: the page says no more than /t/ does
   * (walk s52: the page said only "This booking was used on arrival").
   */
  ticket: Type.Optional(Type.Object({ label: Type.String(), statusUrl: Type.String() })),
})
export type Booking = Static<typeof Booking>

/** What a scanned or typed code gives at the kiosk or the console. */
export const CheckInBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 512 }), lang: Type.Optional(Lang) },
  { additionalProperties: false },
)
export type CheckInBody = Static<typeof CheckInBody>

export const CheckInTicket = Type.Object({
  id: Type.String(),
  label: Type.String(),
  serviceId: Type.Integer(),
  /**
   * Its status now: `waiting` for a booking's new ticket, and for a place joined from a phone that
   * joins the line; already `called` (or `serving`) when its turn came before its citizen scanned
   * its page at the kiosk (a call-ahead join): the kiosk says "go to counter N", not "nobody ahead".
   */
  status: TicketStatus,
  /** The counter that called it, while `called` or `serving`; else null. */
  counter: Nullable(Type.Object({ number: Type.Integer(), name: Type.String() })),
  /** When it was issued: a joined place's join time, not the scan's (the screen prints "issued at"). */
  issuedAt: Timestamp,
  position: Type.Integer(),
  estimatedWaitSeconds: Nullable(Type.Integer()),
  statusUrl: Nullable(Type.String()),
  /** As for a walk-in ticket (entities.ts IssuedTicket): queued on the kiosk's printer, none, or fault. */
  printing: Type.Optional(Type.String()),
  /** Only for a visit of several steps (entities.ts IssuedTicket.visit): the kiosk's screen names them. */
  visit: Type.Optional(VisitProgress),
  /** The closing note its status page and its paper show (entities.ts IssuedTicket.closing): the kiosk's screen says it too. Absent: none. */
  closing: Type.Optional(ClosingNote),
})

export type CheckInTicket = Static<typeof CheckInTicket>

/** The answer to a check-in: a ticket, "come back at", or "too late: take a walk-in ticket". */
export const CheckInResult = Type.Union([
  /** kind 'appointment' (a booking, with its slot) or 'remote' (a place joined from a phone, checked in by scanning its page's code). */
  Type.Object({ outcome: Type.Literal('ticket'), kind: Type.String(), ticket: CheckInTicket, slotStart: Type.Optional(Type.String()) }),
  Type.Object({
    outcome: Type.Literal('too_early'),
    kind: Type.String(),
    serviceId: Type.Integer(),
    comeBackAt: Type.String(),
    timeZone: Type.String(),
  }),
  Type.Object({ outcome: Type.Literal('too_late'), kind: Type.String(), serviceId: Type.Integer(), slotStart: Type.String() }),
])
export type CheckInResult = Static<typeof CheckInResult>

/** A service that takes bookings, as the booking page lists it. */
export const BookableService = Type.Object({
  id: Type.Integer(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  slotMinutes: Type.Integer(),
  bookAheadDays: Type.Integer(),
  /** The center's IANA zone: the page lists days and times on the center's clock, not the phone's. */
  timeZone: Type.String(),
  /**
   * The days a booking can be asked for, in order: the center's today (its local date now, the rule
   * the slots follow) and `bookAheadDays` more. Worked out by the center: a phone's or a desk PC's
   * own clock may be off, and a day list from it offered a day the center calls past or too far.
   */
  days: Type.Array(CalendarDate),
  /**
   * The days of `days` this service takes no booking on at all, and why (the `reason` its slots
   * give that day): `closed` (a center holiday, the service's own holiday or weekly day off),
   * `blocked` (a manager stopped bookings, or open for walk-ins only), `brief` (open, but no open stretch holds one slot),
   * or `past` (today, once its last slot has begun). The
   * pages mark these days so in their day lists: one offered as a day like the others said "no
   * times" once picked (walk s47).
   */
  shutDays: Type.Array(Type.Object({ day: CalendarDate, reason: literalUnion(['closed', 'blocked', 'brief', 'past']) })),
  /** The center sends messages (config messages.provider set): the page may say the booking is texted. */
  messagesOn: Type.Boolean(),
  /** Which center the page books at, and its digits for Arabic text (the same on every service). */
  center: BookingCenter,
  /** What to bring for the service (its documents list; empty: none listed). */
  documents: Type.Array(RequiredDocument),
})
export type BookableService = Static<typeof BookableService>
