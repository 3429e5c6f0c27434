import { Type, type Static } from '@sinclair/typebox'
import { CounterState, Lang, literalUnion, Nullable, Timestamp } from './common.ts'

/** The percentile of the p90 figures: server/reports/figures.ts computes them with it, and their labels say it. */
export const FIGURE_PERCENTILE = 90

const Figures = {
  issued: Type.Integer(),
  called: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  /** Every ticket cancelled today: by its holder, by staff, or by the center's closing. */
  cancelled: Type.Integer(),
  /**
   * Of `cancelled`, the tickets the center's closing cancelled (closing time, the day's close),
   * counted as the daily reports count them (ReportFigures.cancelledAtClosing), so the live and
   * the daily figures agree; `cancelledByPeople` gives the rest. Absent on an older server.
   */
  cancelledAtClosing: Type.Optional(Type.Integer()),
  transferredOut: Type.Integer(),
  waiting: Type.Integer(),
  avgWaitSeconds: Nullable(Type.Number()),
  maxWaitSeconds: Nullable(Type.Number()),
  /**
   * % of the tickets the target covers that were called within their service's target wait (the
   * one definition, server/reports/figures.ts): every call, plus every ticket that left the line
   * uncalled after its target passed, plus (today) every ticket still waiting past it. Null
   * while no ticket counts yet.
   */
  slaPercent: Nullable(Type.Number()),
  /** How many tickets `slaPercent` covers (absent on an older server). */
  slaCounted: Type.Optional(Type.Integer()),
  avgServiceSeconds: Nullable(Type.Number()),
  /** 90th percentile (nearest rank) of the waits of today's calls; absent on an older server. */
  p90WaitSeconds: Type.Optional(Nullable(Type.Number())),
  /** 90th percentile (nearest rank) of today's service times (call to finish). */
  p90ServiceSeconds: Type.Optional(Nullable(Type.Number())),
  /** % no-show of today's calls whose outcome is known (served, transferred or no-show; server/reports/figures.ts noShowPercent); null before the first. */
  noShowPercent: Type.Optional(Nullable(Type.Number())),
  /** How long the longest-waiting ticket still in line has waited, now (null when nobody waits). */
  longestWaitSeconds: Type.Optional(Nullable(Type.Number())),
}

export const ServiceStats = Type.Object({
  serviceId: Type.Integer(),
  prefix: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  ...Figures,
  /** The service's target wait now (absent on an older server). */
  targetWaitSeconds: Type.Optional(Type.Integer()),
  /**
   * Of `waiting`, the tickets whose wait, measured as `longestWaitSeconds` measures it (since they
   * joined the line, rounded to the second), is past `targetWaitSeconds` now: the line has broken
   * its target exactly when this is above 0 (absent on an older server).
   */
  pastTarget: Type.Optional(Type.Integer()),
})
/** The ticket at a counter now: called (the citizen on the way) or being served, since when (the call, a resume after parking, or the start). */
export const CounterCurrentTicket = Type.Object({
  ticketId: Type.String(),
  label: Type.String(),
  status: literalUnion(['called', 'serving']),
  since: Timestamp,
})
export type CounterCurrentTicket = Static<typeof CounterCurrentTicket>
export const CounterStats = Type.Object({
  counterId: Type.Integer(),
  number: Type.Integer(),
  name: Type.String(),
  state: CounterState,
  called: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  avgServiceSeconds: Nullable(Type.Number()),
  /** Tickets transferred to this counter and waiting now: only its clerk calls them (absent on an older server). */
  waitingForIt: Type.Optional(Type.Integer()),
  /** Its current ticket; null when none (absent on an older server). */
  current: Type.Optional(Nullable(CounterCurrentTicket)),
})
/**
 * One finish outcome of the "served by outcome" figures: a code of queue.finishOutcomes with its
 * names as configured now; a code no longer configured (names null: a screen writes the code); or
 * null, the finishes with no outcome recorded.
 */
export const OutcomeColumn = Type.Object({
  code: Nullable(Type.String()),
  nameAr: Nullable(Type.String()),
  nameEn: Nullable(Type.String()),
})
export type OutcomeColumn = Static<typeof OutcomeColumn>

export const StatsToday = Type.Object({
  day: Type.String(),
  totals: Type.Object(Figures),
  services: Type.Array(ServiceStats),
  counters: Type.Array(CounterStats),
  /** Today's served tickets by finish outcome, the whole center: counts follow outcomes and add up to totals.served (absent on an older server). */
  servedByOutcome: Type.Optional(Type.Object({ outcomes: Type.Array(OutcomeColumn), counts: Type.Array(Type.Integer()) })),
  /**
   * Tickets parked now (issue 21): out of the line (not in `waiting`), each kept until it is resumed or
   * its time runs out; the live view says them under "Waiting now" (absent on an older server).
   */
  parkedNow: Type.Optional(Type.Integer()),
})
export type StatsToday = Static<typeof StatsToday>

/** GET /stats/me: today's figures of the calling member of staff (the console's "my day"). */
export const ClerkStatsToday = Type.Object({
  day: Type.String(),
  userId: Type.Integer(),
  issued: Type.Integer(),
  called: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  transferredOut: Type.Integer(),
  avgServiceSeconds: Nullable(Type.Number()),
})
export type ClerkStatsToday = Static<typeof ClerkStatsToday>

// --- reports over a date range (GET /stats/report, /stats/hourly) --------------------------

/** A local day of the center, YYYY-MM-DD. */
export const LocalDay = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' })

/** How a report's rows are grouped. */
export const ReportGrouping = Type.Union(
  ['day', 'hour', 'service', 'counter', 'clerk'].map((g) => Type.Literal(g as 'day' | 'hour' | 'service' | 'counter' | 'clerk')),
)
export type ReportGrouping = Static<typeof ReportGrouping>

/**
 * Whether a report's rows can say how many tickets were issued: a ticket is issued to a service
 * at a moment, never by a counter or a clerk, so rows by counter or clerk hold 0 under a total
 * of every issue. Screens and CSVs show no figure there ("—", an empty cell), not a false 0
 * (walk 2026-12-06: «صدرت 0» on every counter against a total of 23).
 */
export const rowsCountIssued = (by: ReportGrouping): boolean => by !== 'counter' && by !== 'clerk'

/**
 * Whether a row's "within target" covers more than its calls: tickets that left uncalled after
 * their target passed, or still wait past it (Figures.slaPercent). Then "Called 0, SLA 0 %" is
 * true and wants the report's note saying why.
 */
export const coversUncalled = (f: { called: number; slaCounted?: number }): boolean => (f.slaCounted ?? 0) > f.called

/** ?from&to&by: both days included, at most 366 days. */
export const ReportQuery = Type.Object({ from: LocalDay, to: LocalDay, by: ReportGrouping }, { additionalProperties: false })
export type ReportQuery = Static<typeof ReportQuery>

export const RangeQuery = Type.Object({ from: LocalDay, to: LocalDay }, { additionalProperties: false })
export type RangeQuery = Static<typeof RangeQuery>

/** ?lang=ar|en of a CSV download: the language of its headers and words (default ar). */
export const CsvLangParam = Lang

/** GET /stats/report.csv: the report's query and the headers' language. */
export const ReportCsvQuery = Type.Object({ ...ReportQuery.properties, lang: Type.Optional(CsvLangParam) }, { additionalProperties: false })
export type ReportCsvQuery = Static<typeof ReportCsvQuery>

/** GET /stats/tickets.csv: the days and the headers' language. */
export const TicketLogQuery = Type.Object({ ...RangeQuery.properties, lang: Type.Optional(CsvLangParam) }, { additionalProperties: false })
export type TicketLogQuery = Static<typeof TicketLogQuery>

/** The tickets a citizen or staff cancelled: `cancelled` less those the center's closing cancelled (shown apart). */
export const cancelledByPeople = (f: { cancelled: number; cancelledAtClosing?: number }): number =>
  f.cancelled - (f.cancelledAtClosing ?? 0)

/** The figures of one report row (every KPI is computed from the event log). */
export const ReportFigures = {
  issued: Type.Integer(),
  called: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  /** Every cancelled ticket: by its holder, by staff, or by the center's closing. */
  cancelled: Type.Integer(),
  /**
   * Of `cancelled`, the tickets the center's closing cancelled (closing time, the day's close),
   * not a citizen or staff: the reports show the two apart. Absent on an older server.
   */
  cancelledAtClosing: Type.Optional(Type.Integer()),
  transferred: Type.Integer(),
  avgWaitSeconds: Nullable(Type.Number()),
  p90WaitSeconds: Nullable(Type.Number()),
  maxWaitSeconds: Nullable(Type.Number()),
  avgServiceSeconds: Nullable(Type.Number()),
  p90ServiceSeconds: Nullable(Type.Number()),
  /** % within the target wait of the tickets it covers (see Figures.slaPercent above for which). */
  slaPercent: Nullable(Type.Number()),
  /** How many tickets `slaPercent` covers. */
  slaCounted: Type.Optional(Type.Integer()),
  /** % no-show of the calls whose outcome is known (served, transferred or no-show; a ticket still at a counter is neither). */
  noShowPercent: Nullable(Type.Number()),
  /** Service, day rows and totals: minutes inside the opening hours (the calendar as it is now, also for past days). */
  openMinutes: Type.Optional(Type.Integer()),
  /** Service, day rows and totals: busy time (call to end) ÷ open time, %; above 100 with several counters; null when never open. */
  utilisationPercent: Type.Optional(Nullable(Type.Number())),
  /** Service, day rows and totals: tickets issued outside the hours of their service. */
  issuedOutsideHours: Type.Optional(Type.Integer()),
  /** Service, day rows and totals: tickets served (finished) outside the hours of their service, e.g. after closing. */
  servedOutsideHours: Type.Optional(Type.Integer()),
  /** Service rows and totals, when the range has any: tickets finished with the outcome "incomplete papers" (issue 21). */
  incompletePapers: Type.Optional(Type.Integer()),
  /** With incompletePapers: its share of the tickets served (finished), %; null when none was served. */
  incompletePapersPercent: Type.Optional(Nullable(Type.Number())),
}

export const ReportRow = Type.Object({
  /** The day (YYYY-MM-DD), the local hour (0–23), or the service/counter/user id. */
  key: Type.Union([Type.String(), Type.Integer()]),
  /** What the row is called: the day, "09:00", "A · Passports", "3 · Counter 3", a username (as the CSV writes it). */
  label: Type.String(),
  labelAr: Type.Optional(Type.String()),
  /**
   * Service rows: the service's prefix and names, for a screen to write the row in its language
   * («A — تراخيص البناء»); the labels join them into one string, which a screen would have to parse.
   */
  service: Type.Optional(Type.Object({ prefix: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
  /** Counter rows: the counter's number and name, for a screen to write the number in its digits and the name in its language. */
  counter: Type.Optional(Type.Object({ number: Type.Integer(), name: Type.String() })),
  ...ReportFigures,
  /**
   * Day rows only: a day on which nothing could be recorded, before the center's first record or
   * after today. Its figures are 0 because the log has no such day, not because nobody came: a
   * screen shows "no records" and a CSV leaves its cells empty.
   */
  noRecords: Type.Optional(Type.Literal(true)),
  /** clerk and counter rows: seconds with a ticket at the counter (call, or resume after a park, to its end: finish, no-show, transfer, next step or park). */
  busySeconds: Type.Optional(Type.Number()),
  /** clerk and counter rows: seconds open at a counter without a ticket. */
  idleSeconds: Type.Optional(Type.Number()),
  /** clerk and counter rows: seconds with the counter paused. */
  pauseSeconds: Type.Optional(Type.Number()),
  /** clerk and counter rows: busySeconds ÷ the time open (paused time aside), %, at most 100; null when never open in the range. */
  busyPercent: Type.Optional(Nullable(Type.Number())),
})
export type ReportRow = Static<typeof ReportRow>

/**
 * "Served" of the range broken down by how the tickets were finished (server/reports/finish-outcomes.ts):
 * `counts` follow `outcomes`, and add up to `served`, the same figure as the report's.
 */
export const ServedByOutcome = Type.Object({
  /** Every configured outcome in its order, then any other code finished with in the range, then null if any finish had none. */
  outcomes: Type.Array(OutcomeColumn),
  /** The services with at least one finish in the range, in the services' order. */
  rows: Type.Array(
    Type.Object({
      serviceId: Type.Integer(),
      service: Type.Object({ prefix: Type.String(), nameAr: Type.String(), nameEn: Type.String() }),
      served: Type.Integer(),
      counts: Type.Array(Type.Integer()),
    }),
  ),
  totals: Type.Object({ served: Type.Integer(), counts: Type.Array(Type.Integer()) }),
})
export type ServedByOutcome = Static<typeof ServedByOutcome>

export const Report = Type.Object({
  from: Type.String(),
  to: Type.String(),
  by: ReportGrouping,
  timeZone: Type.String(),
  rows: Type.Array(ReportRow),
  totals: Type.Object(ReportFigures),
  /** The range's served tickets per service and finish outcome, whatever the grouping (absent on an older server). */
  servedByOutcome: Type.Optional(ServedByOutcome),
})
export type Report = Static<typeof Report>

/** ?day (default today) & weeks (default 4): the hourly charts. */
export const HourlyQuery = Type.Object(
  { day: Type.Optional(LocalDay), weeks: Type.Optional(Type.Integer({ minimum: 0, maximum: 12 })) },
  { additionalProperties: false },
)

/** 24 values, index = local hour. */
const Hours = Type.Array(Nullable(Type.Number()), { minItems: 24, maxItems: 24 })
export const HourlySeries = Type.Object({
  day: Type.String(),
  /** The same weekday in earlier weeks that the baseline averages. */
  baselineDays: Type.Array(Type.String()),
  issued: Hours,
  served: Hours,
  avgWaitSeconds: Hours,
  /** Mean per hour over baselineDays (null when there are none). */
  baselineIssued: Hours,
  baselineServed: Hours,
  /** Issued today per service and hour. */
  services: Type.Array(
    Type.Object({
      serviceId: Type.Integer(),
      prefix: Type.String(),
      nameAr: Type.String(),
      nameEn: Type.String(),
      issued: Hours,
      served: Hours,
    }),
  ),
})
export type HourlySeries = Static<typeof HourlySeries>

/** GET /stats/devices: every device with what the dashboard needs to judge its health. */
export const DeviceHealth = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  name: Type.String(),
  zone: Nullable(Type.String()),
  paired: Type.Boolean(),
  revoked: Type.Boolean(),
  lastSeenAt: Nullable(Type.String()),
  /** The last `device:status` pushed since the server started (printer paper/cover/online, serial line), or null. */
  status: Nullable(Type.Record(Type.String(), Type.Unknown())),
  /** Whether that status reports a fault. */
  faulty: Type.Boolean(),
})
export type DeviceHealth = Static<typeof DeviceHealth>

// --- one clerk's shift on one day (GET /stats/shift) ---------------------------------------

/** ?day&userId: the clerk and the local day. */
export const ShiftQuery = Type.Object({ day: LocalDay, userId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })
export type ShiftQuery = Static<typeof ShiftQuery>

/**
 * How the clerk's part of a ticket ended: finished (with whichever finish outcome: `finishedWith`
 * says which, so a referral is not printed as "served"), no-show, transferred on, parked and
 * not back yet, abandoned (parked and never resumed: the day's close cancels only waiting
 * tickets, so the parking sweep ends a parked one at its deadline, server/queue/ticket-parking.ts),
 * back in line (marked no-show, then undone: no no-show, server/reports/no-show-undo.ts), or still
 * at the counter (`open`).
 */
export const ShiftOutcome = literalUnion(['finished', 'no_show', 'transferred', 'parked', 'abandoned', 'back_in_line', 'open'])
export type ShiftOutcome = Static<typeof ShiftOutcome>

/** One call the clerk made that day and how it ended. */
export const ShiftTicket = Type.Object({
  ticketId: Type.String(),
  label: Type.String(),
  servicePrefix: Type.String(),
  serviceNameAr: Type.String(),
  serviceNameEn: Type.String(),
  counterNumber: Nullable(Type.Integer()),
  /** Epoch ms. */
  calledAt: Type.Number(),
  /** Epoch ms of the finish, no-show, transfer or abandonment, or of the park while parked; null while open. */
  endedAt: Nullable(Type.Number()),
  /** Issue (or latest transfer) to this call; null for the call after an undone no-show, which ends no wait. */
  waitedSeconds: Nullable(Type.Number()),
  /** This call to its end. */
  handledSeconds: Nullable(Type.Number()),
  outcome: ShiftOutcome,
  /**
   * Only on a finished call: the finish outcome the clerk picked (served, referred elsewhere,
   * incomplete papers…), named as the center lists it now, by its code with no names once no
   * longer listed, code null when none was recorded (the same wording as served-by-outcome).
   */
  finishedWith: Type.Optional(OutcomeColumn),
})
export type ShiftTicket = Static<typeof ShiftTicket>

export const ShiftReport = Type.Object({
  day: Type.String(),
  timeZone: Type.String(),
  user: Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() }),
  /** The clerk's row of the day's report by clerk (the same figures as the reports view). */
  figures: ReportRow,
  /** When the clerk held a counter that day (epoch ms; `until` null while still open). */
  sessions: Type.Array(Type.Object({ counterNumber: Type.Integer(), from: Type.Number(), until: Nullable(Type.Number()) })),
  tickets: Type.Array(ShiftTicket),
})
export type ShiftReport = Static<typeof ShiftReport>
