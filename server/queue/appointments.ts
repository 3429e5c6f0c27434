/**
 * Appointments (issue 19): the slots of a day, booking, moving, cancelling and checking in.
 * Every change is one `ctx.write` transaction: the capacity and the hoarding limits are counted
 * inside it (BEGIN IMMEDIATE: two bookings of the last place are serialised, one of them is
 * refused), with its event-log row; the `appointment:*` domain events follow the commit.
 */
import type { QueueContext, WriteScope } from './queue-context.ts'
import type { TicketIssuer } from './ticket-issuer.ts'
import type { Actor } from './actor.ts'
import { actorIds } from './actor.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { addDays, businessDayStartMs, localDay, type LocalDate } from '../../protocol/center-clock.ts'
import { weekdayOf } from '../../protocol/opening-hours.ts'
import type { BookingRecord } from '../db/repositories/bookings-repo.ts'
import { messagesOn } from '../messages-on.ts'
import type {
  AppointmentDay,
  AppointmentSettings,
  BookableService,
  BookingCenter,
  DaySlots,
  CheckInResult,
} from '../../protocol/appointments.ts'
import { SERVICE_TIME_SAMPLE } from '../../protocol/appointments.ts'
import type { Lang } from '../../protocol/common.ts'
import { capacityServiceSeconds, dayShut, planDay, type PlannedSlot } from './appointment-capacity.ts'
import { BookingCodes } from './booking-code.ts'
import { checkInTicket } from './check-in-ticket.ts'
import { canonicalPhone } from '../../protocol/phone-number.ts'

/** Who books: a citizen from a public page (its client address counts against the hourly limit) or staff. */
export type Booker = { type: 'public'; address: string } | { type: 'user'; id: number }

export interface BookRequest {
  serviceId: number
  slotStart: number
  name: string
  phone: string
  lang: Lang
}

const iso = (ms: number) => new Date(ms).toISOString()

/** Days since the Saturday that starts `day`'s week (Egypt's week runs Saturday to Friday). */
const daysSinceSaturday = (day: LocalDate) => ({ sat: 0, sun: 1, mon: 2, tue: 3, wed: 4, thu: 5, fri: 6 })[weekdayOf(day)]

export class Appointments {
  readonly codes: BookingCodes

  constructor(
    private readonly ctx: QueueContext,
    private readonly issuer: TicketIssuer,
  ) {
    this.codes = new BookingCodes(ctx.bookings.codeKey())
  }

  settingsOf(serviceId: number): AppointmentSettings {
    return this.ctx.bookings.settings(serviceId)
  }

  /** What a manager set for one day of a service; nothing set reads as not blocked, no extra places. */
  dayOverrideOf(serviceId: number, day: LocalDate): AppointmentDay {
    return this.ctx.bookings.dayOverride(serviceId, day) ?? { blocked: false, extraPerSlot: 0 }
  }

  /** Active services that take bookings, in the services' order, each naming `center` and its documents to bring. */
  services(center: BookingCenter): BookableService[] {
    const enabled = new Set(this.ctx.bookings.enabledServiceIds())
    // the slots' own "today" (appointment-capacity.ts planDay): the center's local date now
    const today = localDay(this.ctx.clock(), this.ctx.config.timeZone)
    return this.ctx.services
      .list({ activeOnly: true })
      .filter((s) => enabled.has(s.id))
      .map((s) => {
        const st = this.settingsOf(s.id)
        const days = Array.from({ length: st.bookAheadDays + 1 }, (_, i) => addDays(today, i))
        return {
          id: s.id,
          nameAr: s.nameAr,
          nameEn: s.nameEn,
          slotMinutes: st.slotMinutes,
          bookAheadDays: st.bookAheadDays,
          timeZone: this.ctx.config.timeZone,
          days,
          shutDays: this.shutDays(s.id, st, days),
          messagesOn: messagesOn(this.ctx.config),
          center,
          documents: s.documents ?? [],
        }
      })
  }

  /**
   * Which of `days` the service takes no booking on, and why: shut (appointment-capacity.ts dayShut,
   * the rule its slots follow: closed, blocked, open too briefly for a slot), or today once its last
   * slot has begun (the evening's page opened on today and said "no time is left"). The manager's
   * day changes are read once for the whole list.
   */
  private shutDays(serviceId: number, settings: AppointmentSettings, days: readonly LocalDate[]): BookableService['shutDays'] {
    if (days.length === 0) return []
    const calendar = this.ctx.calendar()
    const timeZone = this.ctx.config.timeZone
    const overrides = this.ctx.bookings.dayOverrides(serviceId, days[0]!, days.at(-1)!)
    return days.flatMap((day, i): BookableService['shutDays'] => {
      const override = overrides.get(day) ?? null
      const { reason } = dayShut({ calendar, serviceId, day, timeZone, override, slotMinutes: settings.slotMinutes })
      if (reason !== null) return [{ day, reason }]
      if (i === 0 && this.plan(serviceId, day, this.ctx.clock(), override).planned.reason === 'past') return [{ day, reason: 'past' }]
      return []
    })
  }

  /**
   * Seconds one citizen takes (appointment-capacity.ts capacityServiceSeconds): configured, else the
   * average of enough recent finishes, else 10 minutes. Only finishes of earlier business days count:
   * places are promised days ahead, and sized by today's finishes as they came, the same slot held
   * 1 place in the morning and 22 after ten quick finishes (citizen walk of 2026-12-06); so the
   * places a day offers change at most once a day, at its start.
   */
  serviceSeconds(serviceId: number, settings: AppointmentSettings): number {
    if (settings.serviceMinutes !== null) return capacityServiceSeconds(settings.serviceMinutes, [])
    const today = businessDayStartMs(this.ctx.dayOf(this.ctx.clock()), this.ctx.config.timeZone, this.ctx.calendar().businessDayStartsAt)
    return capacityServiceSeconds(null, this.ctx.tickets.recentServiceSeconds(serviceId, SERVICE_TIME_SAMPLE, today))
  }

  /** `override`: the day's change when the caller has read it already (undefined: read here). */
  private plan(serviceId: number, day: LocalDate, now: number, override?: AppointmentDay | null) {
    const service = this.ctx.services.get(serviceId)
    if (!service) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${serviceId} does not exist`)
    const settings = this.settingsOf(serviceId)
    const planned = planDay({
      calendar: this.ctx.calendar(),
      serviceId,
      day,
      timeZone: this.ctx.config.timeZone,
      settings: service.active ? settings : { ...settings, enabled: false },
      counters: this.ctx.bookings.servingCounters(serviceId),
      serviceSeconds: this.serviceSeconds(serviceId, settings),
      override: override === undefined ? this.ctx.bookings.dayOverride(serviceId, day) : override,
      now,
    })
    const first = planned.slots[0]?.start ?? 0
    const last = planned.slots.at(-1)?.start ?? 0
    const booked = planned.slots.length === 0 ? new Map<number, number>() : this.ctx.bookings.bookedBySlot(serviceId, first, last + 1)
    return { service, settings, planned, booked }
  }

  /** The day's slots with their free places; `reason` says why there are none (protocol/appointments.ts NoSlotsReason). */
  slots(serviceId: number, day: LocalDate): DaySlots {
    const { planned, booked } = this.plan(serviceId, day, this.ctx.clock())
    return {
      serviceId,
      day,
      timeZone: this.ctx.config.timeZone,
      reason: planned.reason,
      slots: planned.slots.map((s) => {
        const n = booked.get(s.start) ?? 0
        return { start: iso(s.start), end: iso(s.end), capacity: s.capacity, booked: n, free: Math.max(0, s.capacity - n) }
      }),
    }
  }

  /** The slot starting at `slotStart` with room for one more, or the error that says why not. Runs inside the transaction. */
  private freeSlot(
    serviceId: number,
    slotStart: number,
    now: number,
  ): { slot: PlannedSlot; day: LocalDate; settings: AppointmentSettings } {
    if (!Number.isFinite(slotStart)) throw domainError(ErrorCodes.SLOT_NOT_FOUND, 'no such slot')
    if (slotStart <= now) throw domainError(ErrorCodes.SLOT_IN_PAST, 'that slot has already begun')
    const day = localDay(slotStart, this.ctx.config.timeZone)
    const { settings, planned, booked } = this.plan(serviceId, day, now)
    if (planned.reason === 'off') throw domainError(ErrorCodes.APPOINTMENTS_OFF, `service ${serviceId} does not take bookings`)
    if (planned.reason === 'closed' || planned.reason === 'blocked') throw domainError(ErrorCodes.DAY_CLOSED, `no bookings on ${day}`)
    if (planned.reason === 'too-far') throw domainError(ErrorCodes.SLOT_TOO_FAR, `bookings open ${settings.bookAheadDays} days ahead`)
    const slot = planned.slots.find((s) => s.start === slotStart)
    if (!slot) throw domainError(ErrorCodes.SLOT_NOT_FOUND, 'no slot starts at that time')
    if ((booked.get(slot.start) ?? 0) >= slot.capacity) throw domainError(ErrorCodes.SLOT_FULL, 'that slot is fully booked')
    return { slot, day, settings }
  }

  /** Refuses a phone over its day or week limit (live bookings, this one excepted). */
  private checkPhone(phone: string, day: LocalDate, settings: AppointmentSettings, exceptId = 0): void {
    if (this.ctx.bookings.countByPhone(phone, day, day, exceptId) >= settings.maxPerPhonePerDay) {
      throw domainError(
        ErrorCodes.BOOKING_LIMIT_PHONE,
        `this phone already holds ${settings.maxPerPhonePerDay} booking(s) on ${day}`,
        'day',
      )
    }
    const weekStart = addDays(day, -daysSinceSaturday(day))
    if (this.ctx.bookings.countByPhone(phone, weekStart, addDays(weekStart, 6), exceptId) >= settings.maxPerPhonePerWeek) {
      throw domainError(
        ErrorCodes.BOOKING_LIMIT_PHONE,
        `this phone already holds ${settings.maxPerPhonePerWeek} booking(s) this week`,
        'week',
      )
    }
  }

  /**
   * A code no booking holds: a code's 30 random bits (booking-code.ts) meet a kept booking's about
   * once in 2^30 / n draws, and the column is UNIQUE (a citizen's booking refused with a 500).
   */
  private freshCode(): string {
    for (;;) {
      const code = this.codes.issue()
      if (!this.ctx.bookings.byCode(code)) return code
    }
  }

  book(by: Booker, req: BookRequest): BookingRecord {
    // one form for every spelling of a number: stored and counted against the limits as such
    const phone = canonicalPhone(req.phone, this.ctx.config.messages?.countryCode)
    return this.ctx.write((tx) => {
      const { slot, day, settings } = this.freeSlot(req.serviceId, req.slotStart, tx.now)
      this.checkPhone(phone, day, settings)
      if (by.type === 'public' && this.ctx.bookings.countByAddress(by.address, tx.now - 3_600_000) >= settings.maxPerAddressPerHour) {
        throw domainError(ErrorCodes.BOOKING_LIMIT_ADDRESS, 'too many bookings from this address in the last hour; try again later')
      }
      const booking = this.ctx.bookings.insert({
        code: this.freshCode(),
        serviceId: req.serviceId,
        day,
        slotStart: slot.start,
        slotEnd: slot.end,
        name: req.name.trim(),
        phone,
        lang: req.lang,
        status: 'booked',
        createdAt: tx.now,
        createdByType: by.type,
        createdById: by.type === 'user' ? by.id : null,
        clientAddress: by.type === 'public' ? by.address : null,
        ticketId: null,
        checkedInAt: null,
        cancelledAt: null,
        movedCount: 0,
        movedFrom: null,
      })
      this.logAndEmit(tx, 'booked', booking, by.type === 'user' ? { userId: by.id } : {})
      return booking
    })
  }

  /** A booking by its code (or a link holding it), or the error that says what is wrong with the code. */
  find(text: string): BookingRecord {
    const check = this.codes.check(text)
    if (!check.ok) {
      if (check.problem === 'other_center') throw domainError(ErrorCodes.BOOKING_OTHER_CENTER, 'this booking was made at another center')
      throw domainError(ErrorCodes.BOOKING_CODE_INVALID, 'this is not a valid booking code')
    }
    const booking = this.ctx.bookings.byCode(check.code)
    if (!booking) throw domainError(ErrorCodes.BOOKING_NOT_FOUND, 'no booking has this code')
    return booking
  }

  /** Only a booking not yet used nor cancelled, whose slot has not begun, may be moved or cancelled. */
  private changeable(code: string, now: number): BookingRecord {
    const booking = this.find(code)
    if (booking.status === 'cancelled') throw domainError(ErrorCodes.BOOKING_CANCELLED, 'this booking was cancelled')
    if (booking.status === 'checked_in') throw domainError(ErrorCodes.BOOKING_USED, 'this booking was already used')
    if (booking.slotStart <= now) throw domainError(ErrorCodes.SLOT_IN_PAST, 'this booking’s time has already begun')
    return booking
  }

  move(code: string, slotStart: number): BookingRecord {
    return this.ctx.write((tx) => {
      const booking = this.changeable(code, tx.now)
      if (slotStart === booking.slotStart) return booking
      const { slot, day, settings } = this.freeSlot(booking.serviceId, slotStart, tx.now)
      this.checkPhone(booking.phone, day, settings, booking.id)
      this.ctx.bookings.move(booking.id, day, slot.start, slot.end, booking.slotStart)
      const moved = {
        ...booking,
        day,
        slotStart: slot.start,
        slotEnd: slot.end,
        movedCount: booking.movedCount + 1,
        movedFrom: booking.slotStart,
      }
      this.logAndEmit(tx, 'moved', moved, {}, { from: booking.slotStart })
      return moved
    })
  }

  cancel(code: string): BookingRecord {
    return this.ctx.write((tx) => {
      const booking = this.changeable(code, tx.now)
      this.ctx.bookings.cancel(booking.id, tx.now)
      const cancelled: BookingRecord = { ...booking, status: 'cancelled', cancelledAt: tx.now }
      this.logAndEmit(tx, 'cancelled', cancelled)
      return cancelled
    })
  }

  /**
   * Checks a citizen in by the code (or link) they scanned or typed: on time (from
   * checkInBeforeMinutes before the slot to checkInAfterMinutes after its start) they get a
   * ticket marked `appointment` in the same transaction that marks the booking used; too early
   * says when to come back; too late offers a walk-in ticket (the booking stays unused).
   * At a kiosk the ticket takes the language the citizen uses there (`kioskLang`), as a walk-in's
   * does: its status link, the QR printed and its messages (walk s54: an English check-in got an
   * Arabic page from the booking's language); at a console, or without one, the booking's.
   */
  checkIn(actor: Actor, text: string, publicBase: string | undefined, kioskLang?: Lang): CheckInResult {
    return this.ctx.write((tx) => {
      const booking = this.find(text)
      if (booking.status === 'cancelled') throw domainError(ErrorCodes.BOOKING_CANCELLED, 'this booking was cancelled')
      if (booking.status === 'checked_in') throw domainError(ErrorCodes.BOOKING_USED, 'this booking was already used')
      const settings = this.settingsOf(booking.serviceId)
      const opens = booking.slotStart - settings.checkInBeforeMinutes * 60_000
      const closes = booking.slotStart + settings.checkInAfterMinutes * 60_000
      if (tx.now < opens) {
        return {
          outcome: 'too_early',
          kind: 'appointment',
          serviceId: booking.serviceId,
          comeBackAt: iso(opens),
          timeZone: this.ctx.config.timeZone,
          messagesOn: messagesOn(this.ctx.config),
        }
      }
      if (tx.now > closes)
        return { outcome: 'too_late', kind: 'appointment', serviceId: booking.serviceId, slotStart: iso(booking.slotStart) }
      // the booking is used before the ticket is issued: the ticket's estimate (printed, logged,
      // answered) must not count its own booking as a place still held ahead of it
      // (appointment-hold.ts): it did, one service time too long (walk of 2026-12-07, A-006)
      this.ctx.bookings.checkIn(booking.id, tx.now)
      const issued = this.issuer.issueIn(tx, actor, {
        serviceId: booking.serviceId,
        phone: booking.phone,
        lang: actor.type === 'device' && actor.kind === 'kiosk' && kioskLang ? kioskLang : booking.lang,
        publicBase,
        origin: 'appointment',
        slotStart: booking.slotStart,
      })
      this.ctx.bookings.linkTicket(booking.id, issued.ticket.id)
      this.logAndEmit(tx, 'checked_in', { ...booking, status: 'checked_in' }, { ticketId: issued.ticket.id, ...actorIds(actor) })
      return {
        outcome: 'ticket',
        kind: 'appointment',
        slotStart: iso(booking.slotStart),
        ticket: checkInTicket(this.ctx, issued.ticket, issued, publicBase),
      }
    })
  }

  private logAndEmit(
    tx: WriteScope,
    what: 'booked' | 'moved' | 'cancelled' | 'checked_in',
    b: BookingRecord,
    ids: { ticketId?: string; userId?: number | null; deviceId?: number | null } = {},
    data: Record<string, unknown> = {},
  ): void {
    tx.log({
      type: `appointment.${what}`,
      serviceId: b.serviceId,
      ...ids,
      // no name or phone in the log: figures need the slot, not the person
      data: { booking: b.id, slotStart: b.slotStart, ...data },
    })
    tx.emit({
      type: `appointment:${what}`,
      booking: { code: b.code, serviceId: b.serviceId, slotStart: b.slotStart, name: b.name, phone: b.phone, lang: b.lang },
    })
  }
}
