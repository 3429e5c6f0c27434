/**
 * The staff ticket tools' wire contract: finding a ticket of today, its history, the center's
 * printers, reprinting on one of them and cancelling with a reason.
 */
import { Type, type Static } from '@sinclair/typebox'
import { literalUnion, Nullable, Timestamp } from './common.ts'
import { PrinterConfig } from './device-config.ts'
import { Ticket } from './entities.ts'
import { OutcomeColumn } from './stats.ts'

/** `GET /tickets/search?q=`: a label typed loosely (`a15`, `A-015`, `أ-١٥` digits), or a pasted or scanned status link. */
export const TicketSearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false })

/** One ticket found, with what a clerk needs to act on it. */
export const TicketMatch = Type.Object({
  ticket: Ticket,
  service: Type.Object({ id: Type.Integer(), prefix: Type.String(), nameAr: Type.String(), nameEn: Type.String() }),
  /** The counter that called it (or holds it now); null while it has never been called. */
  counter: Nullable(Type.Object({ id: Type.Integer(), number: Type.Integer(), name: Type.String() })),
  /**
   * While it waits: when its current wait began, as the reports count it (server/queue/wait-facts.ts):
   * its issue, or the latest transfer, reinstatement or next step that put it back in line. Its
   * place in line may still be its issue time's (queue.transferKeepsIssueTime). Null otherwise.
   */
  waitingSince: Nullable(Timestamp),
  /** People ahead while it waits; null once called or finished. */
  position: Nullable(Type.Integer({ minimum: 0 })),
  estimatedWaitSeconds: Nullable(Type.Integer({ minimum: 0 })),
  /** The kiosk that issued it (its printer is the default reprint target); null for a walk-in. */
  kioskId: Nullable(Type.Integer()),
  statusUrl: Type.String(),
  /**
   * Only for a finished ticket: the outcome it was finished with, named as the center lists it now
   * (code null: none recorded; names null: an outcome removed since), so the tools say "Incomplete
   * papers", not "Served", for a citizen sent away for papers (walk s50). Absent on an older server.
   */
  finishedWith: Type.Optional(OutcomeColumn),
  /** Only for a finished ticket: whether its finish reads as served (endsAsServed), as its citizen's page says it; the badge is green only then. */
  endedAsServed: Type.Optional(Type.Boolean()),
})
export type TicketMatch = Static<typeof TicketMatch>

/** What happened to a ticket, as the event log recorded it. */
export const HistoryStep = literalUnion([
  'issued',
  'called',
  'recalled',
  'started',
  'transferred',
  'no_show',
  'reinstated',
  'cancelled',
  'finished',
  // a finished step of a visit with several steps, sent on to the next step's line (issue 21)
  'next_step',
  // its paper did not come out (details.problem: the printer's problem code, when it said one)
  'not_printed',
])
export type HistoryStep = Static<typeof HistoryStep>

/** One step of a ticket's timeline: what, when, who, where, and the step's own details. */
export const HistoryEntry = Type.Object({
  step: HistoryStep,
  at: Timestamp,
  /** A user's display name (or username), a device's name; null for the system (the day's close). */
  by: Nullable(Type.Object({ kind: literalUnion(['user', 'device']), name: Type.String() })),
  counter: Nullable(Type.Object({ number: Type.Integer(), name: Type.String() })),
  /** cancelled: reason code and note; finished: outcome; transferred: the service or counter it went to. */
  details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  /** Only on a `finished` step: its outcome, as `TicketMatch.finishedWith`. */
  finishedWith: Type.Optional(OutcomeColumn),
})
export type HistoryEntry = Static<typeof HistoryEntry>

export const TicketHistory = Type.Object({ ticket: Ticket, label: Type.String(), entries: Type.Array(HistoryEntry) })
export type TicketHistory = Static<typeof TicketHistory>

/** Why staff cancel a ticket; `other` needs a note. */
export const CANCEL_REASONS = ['citizen_left', 'citizen_request', 'duplicate', 'wrong_service', 'other'] as const
export const CancelReason = literalUnion(CANCEL_REASONS)
export type CancelReason = Static<typeof CancelReason>

/** `POST /tickets/:id/cancel` (staff): a reason code is required; the note is optional except for `other`. */
export const CancelTicketBody = Type.Object(
  { reason: CancelReason, note: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
)
export type CancelTicketBody = Static<typeof CancelTicketBody>

/** `POST /tickets/:id/reprint`: no body (or no deviceId) prints on the issuing kiosk; deviceId names any of the center's printers. */
export const ReprintBody = Type.Union([
  Type.Object({ deviceId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
  Type.Null(),
])

/**
 * A printer device's `config`: a stand-alone ticket printer (at reception, say) that no kiosk
 * owns. Same key as a kiosk's, so "the printer of a device" is one rule for both kinds.
 */
export const PrinterDeviceConfig = Type.Object({ printer: Type.Optional(PrinterConfig) }, { additionalProperties: false })
export type PrinterDeviceConfig = Static<typeof PrinterDeviceConfig>

/** A printer the center has: a kiosk's or a stand-alone one, with its last known health. */
export const PrinterTarget = Type.Object({
  deviceId: Type.Integer(),
  kind: literalUnion(['kiosk', 'printer']),
  name: Type.String(),
  zone: Nullable(Type.String()),
  /** ok: the last report was clean; fault: out of paper, cover open, offline…; unknown: nothing reported yet. */
  health: literalUnion(['ok', 'fault', 'unknown']),
})
export type PrinterTarget = Static<typeof PrinterTarget>
