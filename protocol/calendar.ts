import { Type, type Static } from '@sinclair/typebox'
import { ClosedReason, literalUnion, Nullable } from './common.ts'

/**
 * The center's calendar as an admin writes it: weekly opening hours for the center and,
 * optionally, per service; exceptions by date range (holidays, Ramadan hours, an emergency
 * closure); the business day and what happens at closing. All times are wall-clock times in
 * the center's zone (settings `timeZone`); opening-hours.ts turns them into instants.
 * The default (`weekly: null`) is always open: a center that configures nothing keeps issuing
 * at any hour, as before.
 */

/** `HH:MM`, 00:00–23:59. */
export const TimeOfDay = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM (24 h)' })
/** `HH:MM`, 00:01–24:00 (24:00: the end of the day). */
export const CloseTime = Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$', description: 'HH:MM (24 h), 24:00 = end of day' })
/** `YYYY-MM-DD`. */
export const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })

/**
 * The days of a month written `YYYY-MM` (2024-02 → 29): day 0 of the next month in UTC, no zone
 * involved. Here, not in center-clock.ts, so a page that needs only this does not load Temporal.
 */
export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()
}

/** One opening interval of a day, open ≤ t < close; an interval never crosses midnight (split it: 20:00–24:00 and 00:00–02:00). */
export const OpenInterval = Type.Object({ open: TimeOfDay, close: CloseTime }, { additionalProperties: false })
export type OpenInterval = Static<typeof OpenInterval>

/** Weekday keys in Temporal's order (dayOfWeek 1 = Monday … 7 = Sunday): `WEEKDAYS[dayOfWeek - 1]`. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

const DayHours = Type.Array(OpenInterval, { maxItems: 8 })
/** The intervals of each weekday; an empty list: closed that day. */
export const WeeklyHours = Type.Object(Object.fromEntries(WEEKDAYS.map((d) => [d, DayHours])) as Record<Weekday, typeof DayHours>, {
  additionalProperties: false,
})
export type WeeklyHours = Static<typeof WeeklyHours>

const Label = Type.String({ maxLength: 120 })

/**
 * Hours that replace the weekly pattern from `from` to `to` (both included): a holiday (no
 * hours), Ramadan (shorter hours), an emergency closure today. When two cover the same day the
 * shorter range wins (a holiday inside Ramadan closes that day); on equal length, the later in
 * the list.
 */
export const HoursException = Type.Object(
  {
    from: CalendarDate,
    to: CalendarDate,
    nameAr: Label,
    nameEn: Label,
    /** The hours on those days; empty: closed. */
    hours: DayHours,
    /** Only these services (their own hours within the center's); absent: the whole center. */
    serviceIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
    /**
     * True: its hours are for walk-in tickets only, and appointments keep the usual hours (those it
     * replaces, within its own: opening-hours.ts bookableSpansOn). The demo's "always open" exception
     * (server/demo/seed.ts): the kiosk issues at any hour, the booking page offers only a government
     * center's hours. Absent: bookings follow it as walk-ins do.
     */
    walkInsOnly: Type.Optional(Type.Boolean()),
    /** The UID of the .ics event it was imported from: a later import of the same file replaces it instead of adding a copy. */
    uid: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
)
export type HoursException = Static<typeof HoursException>

/** The most minutes a service's last-ticket cut-off or the cancellation after closing may be: 12 hours. */
export const MAX_CLOSING_MINUTES = 720

/** A service's own rules. A service is open only while the center is open and its own hours (if any) say so. */
export const ServiceHours = Type.Object(
  {
    serviceId: Type.Integer({ minimum: 1 }),
    /** Its own weekly hours inside the center's; null: the center's. */
    weekly: Nullable(WeeklyHours),
    /** The kiosk stops issuing this many minutes before the service closes (0: up to closing). */
    lastTicketMinutes: Type.Integer({ minimum: 0, maximum: MAX_CLOSING_MINUTES }),
    /** The kiosk also stops when a new ticket's estimated wait runs past closing. */
    stopWhenWaitPastClose: Type.Boolean(),
  },
  { additionalProperties: false },
)
export type ServiceHours = Static<typeof ServiceHours>

/** Tickets still waiting when the center closes: served until the line is empty (what centers do), or cancelled some minutes after closing. */
export const AtClosing = literalUnion(['serve-until-empty', 'cancel-after'])
export type AtClosing = Static<typeof AtClosing>

export const CenterCalendar = Type.Object(
  {
    /** The center's weekly hours; null: always open (the default, today's behaviour). */
    weekly: Nullable(WeeklyHours),
    exceptions: Type.Array(HoursException, { maxItems: 500 }),
    services: Type.Array(ServiceHours, { maxItems: 200 }),
    /** Local time a business day starts: numbering restarts and the old day's line closes then. Default 00:00. */
    businessDayStartsAt: TimeOfDay,
    /** False for a 24-hour center: numbers never restart and no line is closed at the day's start. Default true. */
    dailyClose: Type.Boolean(),
    /** What happens to tickets still waiting at closing; default serve-until-empty. */
    atClosing: AtClosing,
    /** With `cancel-after`: minutes after closing when the waiting tickets are cancelled. Default 30. */
    cancelAfterMinutes: Type.Integer({ minimum: 0, maximum: MAX_CLOSING_MINUTES }),
  },
  { additionalProperties: false },
)
export type CenterCalendar = Static<typeof CenterCalendar>

/** What a center that configured nothing has: always open, the day starts at midnight, waiting tickets are served. */
export const DEFAULT_CALENDAR: CenterCalendar = {
  weekly: null,
  exceptions: [],
  services: [],
  businessDayStartsAt: '00:00',
  dailyClose: true,
  atClosing: 'serve-until-empty',
  cancelAfterMinutes: 30,
}

/** Why a kiosk may not issue for a service now (defined beside the error body, which carries it too). */
export { ClosedReason }

/** The hours as a screen needs them now, for the center or one service. Instants are ISO (UTC). */
export const HoursNow = Type.Object({
  /** The server's instant these were computed at: screens say "today" / "tomorrow" from it, not from their own clock. */
  at: Type.String(),
  /** True while it is inside its opening hours. */
  open: Type.Boolean(),
  /** Why a kiosk may not issue now; null: it may. */
  closedReason: Nullable(ClosedReason),
  /** The next opening when closed; null when open now, or when no opening is configured within a year. */
  opensAt: Nullable(Type.String()),
  /** When the open stretch ends, or the day's line with a daily close (`dayClose`); null when closed, or open with no close within a fortnight and no daily close (a 24-hour center). */
  closesAt: Nullable(Type.String()),
  /**
   * True when `closesAt` is the business day's close (the calendar's `dailyClose`), not the end of
   * the hours: the center may stay open, but the day's line closes then and its tickets not yet
   * called are cancelled. Screens say so ("Today's line closes at 12:00 AM"), not "the center closes".
   */
  dayClose: Type.Boolean(),
  /** The last time a kiosk issues (closesAt minus the service's cut-off); null with closesAt. */
  lastTicketAt: Nullable(Type.String()),
  /**
   * Only in GET /calendar/now while closed: true when tickets taken before the closing still wait
   * and the calendar serves them (`atClosing: serve-until-empty`). The board then says the center
   * takes no new tickets but serves those already taken, not a bare "Closed" that sends people home
   * (walk 2026-12-05).
   */
  servingOn: Type.Optional(Type.Boolean()),
  /**
   * Open, with a closing that is not the day's (`dayClose` false): what becomes of the tickets still
   * waiting then, by the calendar's `atClosing`: null, they are served (serve-until-empty); else when
   * they are cancelled (cancel-after: the center's closing plus its grace, or the day's close when
   * the center's hours run into it). Absent otherwise, and from an older server. The closing note
   * (closing-note-of.ts) says it, not "you may not be served" (s55: read as "leave the line").
   */
  cancelsWaitingAt: Type.Optional(Nullable(Type.String())),
})
export type HoursNow = Static<typeof HoursNow>

/**
 * GET /calendar/now: the center's hours now and its date. `today` is the center's local date at
 * `at` in its zone (opening-hours.ts hoursDay), the day whose weekly hours and exceptions decide
 * this moment: the hours tab says a holiday "ended before today" by it, never by the UTC date of
 * `at` (a day early from 00:00 to 02:00 in Cairo) nor by the PC's clock.
 */
export const CalendarNow = Type.Composite([HoursNow, Type.Object({ today: CalendarDate })])
export type CalendarNow = Static<typeof CalendarNow>
