/**
 * "Incomplete papers" per service (issue 21): how many tickets a clerk finished with the outcome
 * `incomplete_papers` (queue.finishOutcomes), read from the `ticket.finished` events of the
 * range, and their share of the service's finished tickets, so a manager sees which services'
 * "what to bring" lists need work. On service reports (rows and totals) and their CSV, whenever
 * the range holds at least one such finish; absent otherwise (nothing to work on).
 */
import type Database from 'better-sqlite3'
import type { ReportRow } from '../../protocol/stats.ts'

/** The finish outcome these figures count. */
export const INCOMPLETE_PAPERS = 'incomplete_papers'

/** Finishes with INCOMPLETE_PAPERS per service id over local days `from..to`; empty when none. */
export function incompletePapersByService(db: Database.Database, q: { from: string; to: string }): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT service_id AS serviceId, COUNT(*) AS n FROM events
       WHERE day BETWEEN ? AND ? AND type = 'ticket.finished' AND json_extract(data, '$.outcome') = ?
       GROUP BY service_id`,
    )
    .all(q.from, q.to, INCOMPLETE_PAPERS) as { serviceId: number; n: number }[]
  return new Map(rows.map((r) => [r.serviceId, r.n]))
}

/** The count and its share of `served` (finished tickets), one decimal; null share when nothing was served. */
export function incompletePapersFigures(count: number, served: number): Pick<ReportRow, 'incompletePapers' | 'incompletePapersPercent'> {
  return { incompletePapers: count, incompletePapersPercent: served > 0 ? Math.round((1000 * count) / served) / 10 : null }
}
