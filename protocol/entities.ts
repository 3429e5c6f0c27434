import { Type, type Static } from '@sinclair/typebox'
import { ClosingNote } from './closing-note.ts'
import { RemoteFacts } from './remote-join.ts'
import { VisitProgress } from './visit-steps.ts'
import { CounterState, DeviceKind, Lang, literalUnion, Nullable, Role, TicketStatus, Timestamp } from './common.ts'
import { PrintingState } from './device-config.ts'
import { DigitStyleName } from './settings.ts'
import { HoursNow } from './calendar.ts'
import { RequiredDocument } from './service-menu.ts'

/**
 * What the kiosk does with a service while it is unstaffed (no open or paused counter, whose
 * clerk is not away, serves it): `not-offered` (the default) shows it greyed out with "no counter
 * is open now" and refuses kiosk tickets for it; `offer-without-estimate` sells it with "no counter
 * is open now, you may wait" and no estimate. Staff may issue either way.
 */
export const WhenUnstaffed = literalUnion(['not-offered', 'offer-without-estimate'])
export type WhenUnstaffed = Static<typeof WhenUnstaffed>

export const Service = Type.Object({
  id: Type.Integer(),
  prefix: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  targetWaitSeconds: Type.Integer(),
  dailyCap: Nullable(Type.Integer()),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
  whenUnstaffed: WhenUnstaffed,
  /** The national service code (the hub's catalogue) this service counts under nationally; absent while unmapped. */
  nationalCode: Type.Optional(Type.String()),
  /** Present (true) when the hub's configuration set the national code: the center admin sees it but cannot change it. */
  nationalCodeLocked: Type.Optional(Type.Literal(true)),
  /** What the citizen must bring (issue 21); absent when none. */
  documents: Type.Optional(Type.Array(RequiredDocument)),
  /** Present (false) when the kiosk shows the documents without asking "I have them" first; absent: it asks. */
  confirmDocuments: Type.Optional(Type.Literal(false)),
  /** The kiosk menu's group (GET /service-groups); absent: in no group. */
  groupId: Type.Optional(Type.Integer()),
  /** Its icon on the kiosk (protocol/service-menu.ts SERVICE_ICONS); absent: none. */
  icon: Type.Optional(Type.String()),
})
export type Service = Static<typeof Service>

/** A service as the kiosk lists it: with its live queue figures. */
export const ServiceWithQueue = Type.Composite([
  Service,
  Type.Object({
    waiting: Type.Integer(),
    /** Of `waiting`, the tickets sent to one counter (a transfer to a counter), by counter (WaitingFigure.sentToCounters). */
    sentToCounters: Type.Optional(Type.Array(Type.Object({ counterId: Type.Integer(), waiting: Type.Integer() }))),
    /** The wait of a ticket taken now; null when no open counter (clerk not away) serves the service: unknown, never "less than a minute". */
    estimatedWaitSeconds: Nullable(Type.Integer()),
    /**
     * People ahead of a ticket taken now: the figure that ticket prints (QueueView.newTicketAhead), which
     * counts the other lines' tickets its counters call first; `waiting` is the line's own length.
     */
    ahead: Type.Integer(),
    issuedToday: Type.Integer(),
    /** True when an open or paused counter whose clerk is not away serves the service. */
    staffed: Type.Boolean(),
    /** False when inactive, at its daily cap, unstaffed and `not-offered`, or outside its hours (see `hours`): kiosks show it greyed out, not hidden. */
    available: Type.Boolean(),
    /** Its opening hours now (issue 18): why a kiosk may not issue and when it opens next. */
    hours: Type.Optional(HoursNow),
    /** It takes bookings or joins from a phone: a code can be checked in for it (kiosk and console offer check-in only then). */
    checkIn: Type.Boolean(),
    /** It takes bookings (its appointment settings are on): the kiosk's day's-close note says a booking is the way to another day. Absent: an older server. */
    takesBookings: Type.Optional(Type.Boolean()),
  }),
])
export type ServiceWithQueue = Static<typeof ServiceWithQueue>

export const CounterService = Type.Object({ serviceId: Type.Integer(), weight: Type.Number({ minimum: 0 }) })

export const Clerk = Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() })

export const Counter = Type.Object({
  id: Type.Integer(),
  number: Type.Integer(),
  name: Type.String(),
  zone: Type.String(),
  state: CounterState,
  clerk: Nullable(Clerk),
  currentTicketId: Nullable(Type.String()),
  pauseReason: Nullable(Type.String()),
  services: Type.Array(CounterService),
  active: Type.Boolean(),
  /** The printer (a device id) walk-ins issued here print on; absent when none is bound. */
  printerDeviceId: Type.Optional(Type.Integer()),
  /** Since when its clerk has had no live console (queue.awayAfterSeconds passed); null when present or closed. An away counter serves nobody in the estimates. */
  awaySince: Nullable(Timestamp),
  /** Only while paused, to staff: since when (a second pause keeps the first's time); the console says "Paused since 10:42 (12 min)". */
  pausedSince: Type.Optional(Timestamp),
  /**
   * Only to staff: how many priority-category tickets it called in a row just now. The call policy caps them
   * (queue.maxPriorityInARow), so the console's "next" labels need it to be the tickets a call takes.
   */
  priorityStreak: Type.Optional(Type.Integer({ minimum: 0 })),
  /**
   * Only to staff: how many appointments it called in a row just now (counted at each call, whatever the ticket did
   * after). At queue.maxAppointmentsInARow a walk-in goes before a due appointment (rule f), so the console's "next"
   * labels need it too.
   */
  appointmentStreak: Type.Optional(Type.Integer({ minimum: 0 })),
})
export type Counter = Static<typeof Counter>

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: Role,
  displayName: Type.String(),
  active: Type.Boolean(),
})
export type User = Static<typeof User>

export const Device = Type.Object({
  id: Type.Integer(),
  kind: DeviceKind,
  name: Type.String(),
  zone: Nullable(Type.String()),
  config: Type.Record(Type.String(), Type.Unknown()),
  paired: Type.Boolean(),
  revoked: Type.Boolean(),
  lastSeenAt: Nullable(Timestamp),
})
export type Device = Static<typeof Device>

/** When a called ticket may be marked a no-show (Ticket.noShowAllowed). */
export const NoShowAllowed = Type.Object({ at: Timestamp, inMs: Type.Integer({ minimum: 0 }), recallLifts: Type.Boolean() })
export type NoShowAllowed = Static<typeof NoShowAllowed>

/** A ticket as staff see it. */
export const Ticket = Type.Object({
  id: Type.String(),
  label: Type.String(),
  number: Type.Integer(),
  serviceId: Type.Integer(),
  status: TicketStatus,
  priority: Type.String(),
  lang: Lang,
  issuedAt: Timestamp,
  calledAt: Nullable(Timestamp),
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
  counterId: Nullable(Type.Integer()),
  targetCounterId: Nullable(Type.Integer()),
  recallCount: Type.Integer(),
  transferCount: Type.Integer(),
  /** A finished ticket's finish outcome code as its `ticket.finished` event records it; null before the finish, and for a finish that named none. */
  outcome: Nullable(Type.String()),
  /** When it came back from parking, if it did (calledAt stays the first call: the wait in the line). */
  resumedAt: Type.Optional(Timestamp),
  /**
   * Its place in the line when that is not its issue time: a transfer (queue.transferKeepsIssueTime
   * false) or a next step (stepPlacement end-of-line) that put it at the end. The call policy orders
   * and ages by it, so the console does too.
   */
  queuedAt: Type.Optional(Timestamp),
  /**
   * When it last joined a line again after its issue (a transfer, a reinstatement, a next step, a
   * check-in arrival), absent when never: its wait in its present line began here, else at its
   * issue (protocol/waiting-since.ts). The wait a call records, the console's and the dashboard's
   * longest wait count from that, whatever its place (`queuedAt`).
   */
  rejoinedAt: Type.Optional(Timestamp),
  /** How the ticket came (issue 19): a booking checked in, or a place joined from a phone; absent for a walk-in. */
  origin: Type.Optional(literalUnion(['appointment', 'remote'])),
  /**
   * A checked-in appointment's slot start, absent for every other ticket: once it has come the call
   * policy calls the ticket ahead of the line (protocol/appointment-blend.ts, rule f), so the
   * console's "next" labels, which play the policy forward, need it as the server's call does.
   */
  slotStart: Type.Optional(Timestamp),
  /**
   * Only while called, in what the counter's clerk gets (action answers, the staff feed, its
   * snapshot): when the server accepts a no-show of it (server/queue/no-show-due.ts), so the
   * console offers the button then and not before (walk 2026-12-05). `inMs`: the wait as of this
   * message, 0 when accepted now (a console whose clock is off counts from it); `recallLifts`: a
   * recall now ends the wait (never for a call-ahead citizen's time to arrive).
   */
  noShowAllowed: Type.Optional(NoShowAllowed),
  /**
   * Only on a called or serving ticket whose latest call is the call after an undone no-show, in what
   * staff get: the earlier call that ended its wait in this line (the citizen's wait ended there, a hit
   * or a miss: server/queue/wait-ending-call.ts), when it was and the wait it recorded. The console
   * shows that wait, not the time since the undo (walk s54).
   */
  waitEnded: Type.Optional(Type.Object({ calledAt: Timestamp, waitedSeconds: Type.Integer({ minimum: 0 }) })),
})
export type Ticket = Static<typeof Ticket>

/**
 * A no-show the asking clerk may still reinstate, and when its grace window (queue.noShowGraceMinutes)
 * ends, as a time and as seconds from the answer (so a screen whose clock is off still counts right).
 */
export const ReinstatableNoShow = Type.Object({ ticket: Ticket, graceEndsAt: Timestamp, graceSecondsLeft: Type.Integer({ minimum: 0 }) })
export type ReinstatableNoShow = Static<typeof ReinstatableNoShow>

/** What the kiosk gets back when it issues a ticket (and prints on it). */
export const IssuedTicket = Type.Object({
  id: Type.String(),
  label: Type.String(),
  serviceId: Type.Integer(),
  status: TicketStatus,
  priority: Type.String(),
  position: Type.Integer(),
  /** Null when no open counter serves the service now: the screen and the paper say the wait is unknown. */
  estimatedWaitSeconds: Nullable(Type.Integer()),
  issuedAt: Timestamp,
  /** The public status page of this ticket (what the QR on the ticket and the kiosk screen opens). */
  statusUrl: Type.String(),
  /** queued: the kiosk's printer has the job; none: no printer; fault: the printer is known to be down (show the ticket on screen). */
  printing: PrintingState,
  /** Present (true) when the estimated wait runs past the service's closing: the citizen is told they may not be served today (issue 18). */
  mayNotBeServedToday: Type.Optional(Type.Boolean()),
  /**
   * The closing note its status page shows (PublicTicket.closing): the wait run past closing, or the
   * closing within the half hour, with the time; the kiosk's screen names it. Absent: nothing to say.
   */
  closing: Type.Optional(ClosingNote),
  /** Only for a visit of several steps (as PublicTicket.visit): the kiosk's screen names them, as the paper does. */
  visit: Type.Optional(VisitProgress),
})
export type IssuedTicket = Static<typeof IssuedTicket>

/** The public status of a ticket (QR on the ticket): no personal data. */
/** A count of people placed ahead of a waiting ticket (absent: nobody). */
const PlacedCount = Type.Optional(Type.Integer({ minimum: 1 }))
/** How many people were placed ahead of a waiting ticket after it joined, by why (server/queue/placed-ahead.ts). */
export const PlacedAhead = Type.Object({
  priority: PlacedCount,
  appointment: PlacedCount,
  counter: PlacedCount,
  earlier: PlacedCount,
  line: PlacedCount,
})
export type PlacedAhead = Static<typeof PlacedAhead>
export type PlacedAheadKind = keyof PlacedAhead

export const PublicTicket = Type.Object({
  id: Type.String(),
  label: Type.String(),
  serviceId: Type.Integer(),
  serviceNameAr: Type.String(),
  serviceNameEn: Type.String(),
  status: TicketStatus,
  position: Type.Integer(),
  /** Null while waiting with no open counter serving the service (unknown); 0 once no longer waiting. */
  estimatedWaitSeconds: Nullable(Type.Integer()),
  issuedAt: Timestamp,
  counter: Nullable(Type.Object({ number: Type.Integer(), name: Type.String() })),
  /**
   * The center's name in both languages, for the status page's heading, its digits setting (for the
   * Arabic page), and how few ahead (`turnNearPeople`: protocol/turn-near.ts, the texts' count too) and how
   * soon (`queue.turnNearMinutes`) make the page's "Your turn is near".
   */
  center: Type.Object({
    nameAr: Type.String(),
    nameEn: Type.String(),
    digits: DigitStyleName,
    turnNearPeople: Type.Integer(),
    turnNearMinutes: Type.Integer(),
  }),
  /** Only for a ticket joined from a phone (protocol/remote-join.ts): its mode, its time to arrive and whether it has. */
  remote: Type.Optional(RemoteFacts),
  /**
   * Only for a cancelled ticket: who or what cancelled it, so the status page can say why. The
   * center's closing (`center_closed`), the business day's close (`day_closed`: its line closed,
   * the center may be open; also a held place abandoned then), the holder (`citizen`) or staff
   * (`staff`; their reason code and note stay internal).
   */
  cancelledBecause: Type.Optional(literalUnion(['center_closed', 'day_closed', 'citizen', 'staff'])),
  /**
   * Only for a ticket that ended without service (cancelled, abandoned, a no-show): whether a kiosk
   * sells its service's tickets now (open, staffed as the kiosk requires, under its daily cap, active),
   * so the page points to the kiosk only then (walk s45: "please take a new ticket" while the service
   * was closed; s53: said to a no-show of a service deactivated since).
   */
  newTicketsNow: Type.Optional(Type.Boolean()),
  /** Only for a visit of several steps (protocol/visit-steps.ts): the step it is at, of how many, and the next step's service. */
  visit: Type.Optional(VisitProgress),
  /**
   * Only for a waiting ticket sent to one counter (a transfer to a counter): that counter, and
   * whether it is open now. Only it calls the ticket, so while it is not open nobody does, even
   * with other counters of the service open (walk 2026-12-05, finding 2).
   */
  waitsFor: Type.Optional(Type.Object({ number: Type.Integer(), name: Type.String(), open: Type.Boolean() })),
  /**
   * Only for a ticket in line (waiting, or a place held from a phone) that no counter calls now
   * (estimate null) while counters serving its service are paused, their clerks present: how many.
   * The page says they are paused and calls resume when one is back, not "no counter is open; calls
   * start when one opens" (walk s52: counter 1 was open, paused for prayer).
   */
  pausedCounters: Type.Optional(Type.Integer({ minimum: 1 })),
  /**
   * Only for a ticket in line, not sent to one counter, whose service no active counter serves (an
   * admin took it off its counters, maybe after deactivating it): none will open to call it, so the
   * page says to ask a member of staff (a manager may call it from any counter), not "calls start when
   * one opens" (walk s53).
   */
  noCounterServes: Type.Optional(Type.Literal(true)),
  /**
   * Only for a waiting ticket with people placed ahead of it after it joined the line
   * (server/queue/placed-ahead.ts), how many by why: so its page says why "people ahead" grew
   * though nobody left (walk s52). Absent when nobody was.
   */
  placedAhead: Type.Optional(PlacedAhead),
  /**
   * Only while parked (docs/parking.md): until when the turn is kept (the deadline in force: it
   * moves later while the parking counter is paused, `clockStopped`), the center's zone to say it
   * in, the reason the clerk picked (its bilingual name; absent when the reason left the settings)
   * and the counter to go back to (the one that parked it). Never the clerk's note.
   */
  parked: Type.Optional(
    Type.Object({
      until: Timestamp,
      /**
       * Whole seconds left as of this answer. While `clockStopped` they do not run down, and `until`
       * moves later every second: the page says the time left, not an hour that is already stale.
       */
      secondsLeft: Type.Optional(Type.Integer({ minimum: 0 })),
      timeZone: Type.String(),
      reason: Type.Optional(Type.Object({ nameAr: Type.String(), nameEn: Type.String() })),
      counter: Type.Optional(Type.Object({ number: Type.Integer(), name: Nullable(Type.String()) })),
      clockStopped: Type.Optional(Type.Boolean()),
    }),
  ),
  /**
   * Only for a no-show that can still be undone (walk finding 7): until when a clerk can put it back
   * in line, the center's zone to say it in, and where to go: the open or paused counters that serve
   * its service (only their clerks may reinstate it), the one that called it first. Empty: none now.
   */
  noShow: Type.Optional(
    Type.Object({
      until: Timestamp,
      /** Whole seconds left as of this answer (a phone's clock may be wrong: the page counts down from here). */
      secondsLeft: Type.Integer({ minimum: 0 }),
      timeZone: Type.String(),
      counters: Type.Array(Type.Object({ number: Type.Integer(), name: Type.String() })),
    }),
  ),
  /**
   * Only for a finished ticket whose finish outcome is neither `served` nor the default: the
   * outcome's name as the center lists it (queue.finishOutcomes), so the page does not say "you
   * have been served" to someone sent away for incomplete papers (walk 2026-12-05). Never the
   * clerk's note. An outcome removed from the list since gives its code with no names; a finish
   * that named no outcome gives code and names null (s51: the page said "served" for it, the
   * reports "No outcome recorded"). Either way, without a name the page says the visit ended.
   */
  endedWith: Type.Optional(
    Type.Object({ code: Nullable(Type.String()), nameAr: Nullable(Type.String()), nameEn: Nullable(Type.String()) }),
  ),
  /**
   * Only for a finished ticket that has its rating (from the counter's tablet, the keypad or this
   * page), so a page left open stops offering the faces (walk s46: it offered them after the tablet's rating).
   */
  rated: Type.Optional(Type.Literal(true)),
  /**
   * Only for a ticket a booking's check-in gave: the slot's start and the center's zone to say it in,
   * so the page says «موعد محجوز ٣:٠٠ م — تم تسجيل الوصول» as the kiosk and the paper do (walk s44).
   */
  appointment: Type.Optional(Type.Object({ slotStart: Timestamp, timeZone: Type.String() })),
  /**
   * Only for a called ticket its clerk recalled since the call: how many times. The page says
   * "called again at counter N" and the phone vibrates at each (walk s44: a recall changed nothing).
   */
  recalls: Type.Optional(Type.Integer({ minimum: 1 })),
  /**
   * Only for a waiting ticket a clerk moved to another service's line (its latest transfer): the
   * service it left, so the page says it was moved (walk s44: only the service's name changed).
   */
  movedFrom: Type.Optional(Type.Object({ nameAr: Type.String(), nameEn: Type.String() })),
  /** Only for a ticket in line (waiting, or a held place) whose wait runs past closing or whose service closes within the half hour (protocol/closing-note.ts). */
  closing: Type.Optional(ClosingNote),
})
export type PublicTicket = Static<typeof PublicTicket>

export const CounterActionResult = Type.Object({ counter: Counter, ticket: Nullable(Ticket) })
export type CounterActionResult = Static<typeof CounterActionResult>

export const PriorityCategory = Type.Object({ code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })
export type PriorityCategory = Static<typeof PriorityCategory>

/** An outcome a clerk may finish a ticket with (config queue.finishOutcomes, GET /center). */
export const FinishOutcome = Type.Object({ code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })
export type FinishOutcome = Static<typeof FinishOutcome>
