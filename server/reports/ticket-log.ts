/**
 * The CSV files of the reports (protocol/csv.ts writes them): the raw ticket log of a range of
 * local days, one line per ticket with its times (local, with their offset) and who handled it,
 * phone numbers only for admins (personal data); and a report table with a total line. Headers
 * in the language asked for (protocol/messages/csv.ts), services under both their names.
 */
import type Database from 'better-sqlite3'
import type { TicketStatus } from '../../protocol/ticket-lifecycle.ts'
import type { FinishOutcome, PriorityCategory } from '../../protocol/entities.ts'
import { csvTable, type CsvColumn, type CsvLang } from '../../protocol/csv.ts'
import { csvText } from '../../protocol/messages/csv.ts'
import { outcomeName } from '../../protocol/messages/finish-outcome-name.ts'
import { INCOMPLETE_PAPERS } from './incomplete-papers.ts'
import { rowsCountIssued, type Report, type ReportRow } from '../../protocol/stats.ts'
import { callAfterUndoSql } from './no-show-undo.ts'
import { cachedLocalIsoTime } from './sql-functions.ts'
import { ticketLogWords } from './ticket-log-words.ts'

interface TicketLogRow {
  id: string
  day: string
  label: string
  service: string
  serviceAr: string
  serviceEn: string
  issuedService: string
  priority: string
  phone: string | null
  status: TicketStatus
  outcome: string | null
  issuedAt: number
  calledAt: number | null
  startedAt: number | null
  /** 1 when the latest call is of the line the ticket is in now (CALL_OF_THIS_LINE); 0 or null otherwise. */
  callOfThisLine: number | null
  finishedAt: number | null
  /** The visit's waits by the reports' rule (figures.ts): each line from joining it to its first call, summed; null before a call. */
  waitedSeconds: number | null
  counter: number | null
  clerk: string | null
  recalls: number
  transfers: number
}

/**
 * True when the ticket's latest call is of the line it is in now: no transfer, next step or
 * reinstatement came after it. The row keeps the earlier line's call and start once the ticket
 * waits again (walk 2026-12-06: B-001 transferred and waiting showed "called 11:26:28, started
 * 11:26:32"); queued_at cannot tell, since a transfer may keep the issue time
 * (queue.transferKeepsIssueTime). A new call resets the start (counter-actions.ts).
 */
const CALL_OF_THIS_LINE = `(SELECT MAX(e.id) FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.called')
  > COALESCE((SELECT MAX(e.id) FROM events e WHERE e.ticket_id = t.id
     AND e.type IN ('ticket.transferred', 'ticket.next_step', 'ticket.reinstated')), 0)`

/**
 * What the ticket log covers: local days `from..to`, the phone column (admins), the zone of its
 * times, the language of its headers and words, and the center's outcomes and categories now (their names).
 */
export interface TicketLogQuery {
  from: string
  to: string
  withPhone: boolean
  timeZone: string
  lang: CsvLang
  finishOutcomes: readonly FinishOutcome[]
  priorityCategories: readonly PriorityCategory[]
}

/** The ticket log as CSV. */
export function ticketLogCsv(db: Database.Database, q: TicketLogQuery): string {
  const rows = db
    .prepare(
      `SELECT t.id, t.day, t.label, s.prefix AS service, s.name_ar AS serviceAr, s.name_en AS serviceEn, si.prefix AS issuedService,
              t.priority, t.phone, t.status, t.outcome,
              t.issued_at AS issuedAt,
              t.called_at AS calledAt, t.started_at AS startedAt, ${CALL_OF_THIS_LINE} AS callOfThisLine, t.finished_at AS finishedAt,
              (SELECT SUM(json_extract(e.data, '$.waitedSeconds')) FROM events e
                WHERE e.ticket_id = t.id AND e.type = 'ticket.called' AND NOT ${callAfterUndoSql('e')}) AS waitedSeconds,
              c.number AS counter, u.username AS clerk, t.recall_count AS recalls, t.transfer_count AS transfers
       FROM tickets t JOIN services s ON s.id = t.service_id JOIN services si ON si.id = t.issued_service_id
       LEFT JOIN counters c ON c.id = t.counter_id LEFT JOIN users u ON u.id = t.clerk_id
       WHERE t.day BETWEEN ? AND ? ORDER BY t.issued_at, t.issued_service_id, t.number`,
    )
    .all(q.from, q.to) as TicketLogRow[]
  const at = (ms: number | null) => (ms === null ? null : cachedLocalIsoTime(ms, q.timeZone))
  const h = (key: Parameters<typeof csvText>[0]) => csvText(key, q.lang)
  const words = ticketLogWords(q.lang, q.finishOutcomes, q.priorityCategories)
  const columns: CsvColumn<TicketLogRow>[] = [
    { header: h('ticket.id'), value: (r) => r.id, id: true },
    { header: h('ticket.day'), value: (r) => r.day },
    { header: h('ticket.label'), value: (r) => r.label, id: true },
    { header: h('ticket.serviceCode'), value: (r) => r.service, id: true },
    { header: h('ticket.serviceAr'), value: (r) => r.serviceAr },
    { header: h('ticket.serviceEn'), value: (r) => r.serviceEn },
    { header: h('ticket.issuedServiceCode'), value: (r) => r.issuedService, id: true },
    { header: h('ticket.priority'), value: (r) => r.priority },
    { header: h('ticket.priorityName'), value: (r) => words.priority(r.priority) },
    ...(q.withPhone ? [{ header: h('ticket.phone'), value: (r: TicketLogRow) => r.phone, id: true }] : []),
    { header: h('ticket.status'), value: (r) => r.status },
    { header: h('ticket.statusName'), value: (r) => words.status(r.status) },
    { header: h('ticket.outcome'), value: (r) => r.outcome },
    { header: h('ticket.outcomeName'), value: (r) => words.outcome(r.outcome, r.status) },
    { header: h('ticket.issuedAt'), value: (r) => at(r.issuedAt) },
    // an earlier line's call and start are not this line's (CALL_OF_THIS_LINE)
    { header: h('ticket.calledAt'), value: (r) => (r.callOfThisLine ? at(r.calledAt) : null) },
    { header: h('ticket.startedAt'), value: (r) => (r.callOfThisLine ? at(r.startedAt) : null) },
    { header: h('ticket.finishedAt'), value: (r) => at(r.finishedAt) },
    // the reports' waits, not "called at − issued at": a phone join waits from its arrival, a
    // transferred visit waits in each line and not while served in between, and "called at" keeps
    // only the last step's call (walk 2026-12-05: 144 s in the CSV against 13 s in the report)
    { header: h('ticket.waitSeconds'), value: (r) => (r.waitedSeconds === null ? null : Math.round(r.waitedSeconds)) },
    { header: h('ticket.counter'), value: (r) => r.counter },
    { header: h('ticket.clerk'), value: (r) => r.clerk },
    { header: h('ticket.recalls'), value: (r) => r.recalls },
    { header: h('ticket.transfers'), value: (r) => r.transfers },
  ]
  return csvTable(columns, rows)
}

type Figure = keyof Report['totals']

const FIGURE_COLUMNS: [Figure, Parameters<typeof csvText>[0]][] = [
  ['issued', 'figure.issued'],
  ['called', 'figure.called'],
  ['served', 'figure.served'],
  ['noShow', 'figure.noShow'],
  ['cancelled', 'figure.cancelled'],
  // of those, the center's closing's (closing-cancellation.ts): the rest were a citizen's or staff's
  ['cancelledAtClosing', 'figure.cancelledAtClosing'],
  ['transferred', 'figure.transferred'],
  ['avgWaitSeconds', 'figure.avgWait'],
  ['p90WaitSeconds', 'figure.p90Wait'],
  ['maxWaitSeconds', 'figure.maxWait'],
  ['avgServiceSeconds', 'figure.avgService'],
  ['p90ServiceSeconds', 'figure.p90Service'],
  ['slaPercent', 'figure.sla'],
  ['noShowPercent', 'figure.noShowPct'],
]

/** A service by its id, for the report's code and two name columns. */
export interface ServiceNames {
  id: number
  prefix: string
  nameAr: string
  nameEn: string
}

type Line = Partial<ReportRow> & Report['totals'] & { total?: true }

/** Service reports: served per finish outcome (served-by-outcome.ts), a column per outcome, 0 for a service without finishes. */
function servedByOutcomeColumns(report: Report, lang: CsvLang): CsvColumn<Line>[] {
  const f = report.servedByOutcome
  if (!f) return []
  const counts = new Map(f.rows.map((r) => [r.serviceId, r.counts]))
  return f.outcomes.map((o, i) => ({
    header: csvText('figure.servedByOutcome', lang, { outcome: outcomeName(o, lang, false) }),
    value: (r: Line) => (r.total ? f.totals.counts[i] : (counts.get(Number(r.key))?.[i] ?? 0)),
  }))
}

/** The share column of "incomplete papers", named as the outcome is configured now: the name its count column carries. */
function incompletePapersHeader(report: Report, lang: CsvLang): string {
  const o = report.servedByOutcome?.outcomes.find((c) => c.code === INCOMPLETE_PAPERS)
  return csvText('figure.incompletePapersPct', lang, { outcome: o ? outcomeName(o, lang, false) : INCOMPLETE_PAPERS })
}

/** A report table as CSV: the same rows and numbers as its JSON, then a total line; services by code and both names. */
export function reportCsv(report: Report, lang: CsvLang, services: readonly ServiceNames[]): string {
  const h = (key: Parameters<typeof csvText>[0]) => csvText(key, lang)
  const total = h('report.total')
  const byId = new Map(services.map((s) => [s.id, s]))
  const service = (r: Line) => (r.total ? undefined : byId.get(Number(r.key)))
  const keyColumns: CsvColumn<Line>[] =
    report.by === 'service'
      ? [
          { header: h('ticket.serviceCode'), value: (r) => (r.total ? total : (service(r)?.prefix ?? r.label)), id: true },
          { header: h('ticket.serviceAr'), value: (r) => service(r)?.nameAr ?? null },
          { header: h('ticket.serviceEn'), value: (r) => service(r)?.nameEn ?? null },
        ]
      : [{ header: h(`report.${report.by}`), value: (r) => (r.total ? total : r.label) }]
  // how a clerk's or a counter's open time went (clerk-time.ts)
  const deskTime = report.by === 'clerk' || report.by === 'counter'
  // a counter or clerk issues nothing (rowsCountIssued): an empty cell, not 0 under the total of every issue
  const issuedCounted = rowsCountIssued(report.by)
  const columns: CsvColumn<Line>[] = [
    ...keyColumns,
    ...FIGURE_COLUMNS.map(
      ([k, key]): CsvColumn<Line> => ({ header: h(key), value: (r) => (k === 'issued' && !issuedCounted && !r.total ? null : r[k]) }),
    ),
    ...(deskTime
      ? [
          { header: h('figure.busy'), value: (r: Line) => r.busySeconds },
          { header: h('figure.idle'), value: (r: Line) => r.idleSeconds },
          { header: h('figure.pause'), value: (r: Line) => r.pauseSeconds },
          { header: h('figure.busyPercent'), value: (r: Line) => r.busyPercent },
        ]
      : []),
    // the opening hours' figures (open-hours.ts): service and day reports of a center with opening hours
    ...(report.totals.openMinutes !== undefined
      ? [
          { header: h('figure.openMinutes'), value: (r: Line) => r.openMinutes },
          { header: h('figure.utilisation'), value: (r: Line) => r.utilisationPercent },
          { header: h('figure.issuedOutsideHours'), value: (r: Line) => r.issuedOutsideHours },
          { header: h('figure.servedOutsideHours'), value: (r: Line) => r.servedOutsideHours },
        ]
      : []),
    // "incomplete papers" (issue 21): service reports whose range has any. Only its share: its count
    // is the column "Finished with outcome: Incomplete papers" below, and the two columns side by side
    // read as two different figures (walk s50)
    ...(report.totals.incompletePapers !== undefined
      ? [{ header: incompletePapersHeader(report, lang), value: (r: Line) => r.incompletePapersPercent }]
      : []),
    ...(report.by === 'service' ? servedByOutcomeColumns(report, lang) : []),
  ]
  // a day with no records (ReportRow.noRecords) has empty figure cells, not zeros
  const recordedOnly = columns.map(
    (c, i): CsvColumn<Line> => (i < keyColumns.length ? c : { ...c, value: (r) => (r.noRecords ? null : c.value(r)) }),
  )
  return csvTable(recordedOnly, [...report.rows, { ...report.totals, total: true } as Line])
}
