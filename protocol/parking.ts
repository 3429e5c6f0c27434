import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Timestamp } from './common.ts'
import { Ticket } from './entities.ts'

/**
 * Parking a ticket (issue 21): a clerk sets the current ticket aside while the citizen fetches a
 * document, for at most queue.maxParkMinutes; any clerk of its service resumes it (it is called
 * to their counter at once, ahead of the line) or the sweep abandons it when the time runs out.
 */

/** POST /counters/:id/park: why (one of queue.parkReasons), an optional note, and for how long. */
export const ParkBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 32 }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
    /** At most queue.maxParkMinutes (TABOUR_ERR_PARK_TOO_LONG above it). */
    minutes: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
)
export type ParkBody = Static<typeof ParkBody>

/** POST /counters/:id/resume-parked: the parked ticket to call to this counter now. */
export const ResumeParkedBody = Type.Object({ ticketId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false })
export type ResumeParkedBody = Static<typeof ResumeParkedBody>

/** A reason a clerk may park a ticket for (config queue.parkReasons). */
export const ParkReason = Type.Object({ code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })
export type ParkReason = Static<typeof ParkReason>

/** One parked ticket: why, where it was parked, and when its time runs out (a time, and seconds from the answer). */
export const ParkedTicket = Type.Object({
  ticket: Ticket,
  reason: Type.String(),
  note: Nullable(Type.String()),
  counterId: Nullable(Type.Integer()),
  parkedAt: Timestamp,
  /** The deadline in force at the answer: it moves later while the parking counter is paused. */
  deadlineAt: Timestamp,
  secondsLeft: Type.Integer({ minimum: 0 }),
  /** The counter that parked it is paused: the park clock stands still until it opens or closes (docs/parking.md). */
  clockStopped: Type.Optional(Type.Boolean()),
})
export type ParkedTicket = Static<typeof ParkedTicket>

/** GET /tickets/parked: the settings the park dialog needs, and the parked tickets of the asking clerk's services. */
export const ParkedList = Type.Object({
  maxMinutes: Type.Integer(),
  reasons: Type.Array(ParkReason),
  parked: Type.Array(ParkedTicket),
})
export type ParkedList = Static<typeof ParkedList>

/** The parking figures of one service (or of all: serviceId null) over a range of days. */
export const ParkingFigureRow = Type.Object({
  serviceId: Nullable(Type.Integer()),
  /** Tickets parked (a ticket parked twice counts twice). */
  parked: Type.Integer(),
  /** Parked tickets resumed at a counter. */
  resumed: Type.Integer(),
  /** Parked tickets whose time ran out: terminal, never counted as no-shows. */
  abandoned: Type.Integer(),
  /** Mean minutes away of the resumed ones, one decimal; null when none was resumed. */
  meanParkedMinutes: Nullable(Type.Number()),
  /** abandoned ÷ (resumed + abandoned), a percentage with one decimal; null when none ended. */
  abandonedPercent: Nullable(Type.Number()),
})
export type ParkingFigureRow = Static<typeof ParkingFigureRow>

/** GET /stats/parking?from&to: the whole range (serviceId null) first, then one row per service that parked a ticket. */
export const ParkingFigures = Type.Object({ from: Type.String(), to: Type.String(), rows: Type.Array(ParkingFigureRow) })
export type ParkingFigures = Static<typeof ParkingFigures>
