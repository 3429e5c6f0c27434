/**
 * The raw ticket log of a range of local days, for CSV: one line per ticket with its times and
 * who handled it. Phone numbers only for admins (they are personal data).
 */
import type Database from 'better-sqlite3'
import { csvCell, toCsv } from '../../protocol/csv.ts'
import type { Figures } from './figures.ts'
import type { Report } from '../../protocol/stats.ts'

interface TicketLogRow {
  id: string
  day: string
  label: string
  service: string
  issuedService: string
  priority: string
  phone: string | null
  status: string
  outcome: string | null
  issuedAt: number
  calledAt: number | null
  startedAt: number | null
  finishedAt: number | null
  counter: number | null
  clerk: string | null
  recalls: number
  transfers: number
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString())

/** The ticket log as CSV; `withPhone` adds the phone column (admins only). */
export function ticketLogCsv(db: Database.Database, q: { from: string; to: string; withPhone: boolean }): string {
  const rows = db
    .prepare(
      `SELECT t.id, t.day, t.label, s.prefix AS service, si.prefix AS issuedService, t.priority, t.phone, t.status, t.outcome,
              t.issued_at AS issuedAt, t.called_at AS calledAt, t.started_at AS startedAt, t.finished_at AS finishedAt,
              c.number AS counter, u.username AS clerk, t.recall_count AS recalls, t.transfer_count AS transfers
       FROM tickets t JOIN services s ON s.id = t.service_id JOIN services si ON si.id = t.issued_service_id
       LEFT JOIN counters c ON c.id = t.counter_id LEFT JOIN users u ON u.id = t.clerk_id
       WHERE t.day BETWEEN ? AND ? ORDER BY t.issued_at, t.issued_service_id, t.number`,
    )
    .all(q.from, q.to) as TicketLogRow[]
  const header = [
    'id',
    'day',
    'label',
    'service',
    'issued_service',
    'priority',
    ...(q.withPhone ? ['phone'] : []),
    'status',
    'outcome',
    'issued_at',
    'called_at',
    'started_at',
    'finished_at',
    'wait_seconds',
    'counter',
    'clerk',
    'recalls',
    'transfers',
  ]
  // 90k lines for a busy month: built by hand, quoting only the free-text columns (labels, codes and names)
  const lines: string[] = [header.join(',')]
  for (const r of rows) {
    lines.push(
      [
        r.id,
        r.day,
        csvCell(r.label),
        csvCell(r.service),
        csvCell(r.issuedService),
        csvCell(r.priority),
        ...(q.withPhone ? [csvCell(r.phone)] : []),
        r.status,
        csvCell(r.outcome),
        iso(r.issuedAt),
        iso(r.calledAt),
        iso(r.startedAt),
        iso(r.finishedAt),
        r.calledAt === null ? '' : Math.round((r.calledAt - r.issuedAt) / 1000),
        r.counter ?? '',
        csvCell(r.clerk),
        r.recalls,
        r.transfers,
      ].join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

const FIGURE_COLUMNS: [keyof Figures, string][] = [
  ['issued', 'issued'],
  ['called', 'called'],
  ['served', 'served'],
  ['noShow', 'no_show'],
  ['cancelled', 'cancelled'],
  ['transferred', 'transferred'],
  ['avgWaitSeconds', 'avg_wait_s'],
  ['p90WaitSeconds', 'p90_wait_s'],
  ['maxWaitSeconds', 'max_wait_s'],
  ['avgServiceSeconds', 'avg_service_s'],
  ['p90ServiceSeconds', 'p90_service_s'],
  ['slaPercent', 'sla_pct'],
  ['noShowPercent', 'no_show_pct'],
]

/** A report table as CSV: the same rows and numbers as its JSON, then a total line. */
export function reportCsv(report: Report): string {
  const clerk = report.by === 'clerk'
  const header = [report.by, ...FIGURE_COLUMNS.map(([, h]) => h), ...(clerk ? ['busy_s', 'idle_s', 'pause_s'] : [])]
  const lines = report.rows.map((r) => [
    r.label,
    ...FIGURE_COLUMNS.map(([k]) => r[k]),
    ...(clerk ? [r.busySeconds, r.idleSeconds, r.pauseSeconds] : []),
  ])
  lines.push(['total', ...FIGURE_COLUMNS.map(([k]) => report.totals[k]), ...(clerk ? [null, null, null] : [])])
  return toCsv(header, lines)
}
