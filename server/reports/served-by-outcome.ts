/**
 * "Served" broken down by how the clerk finished the ticket (queue.finishOutcomes: served,
 * referred, incomplete papers…, or no outcome recorded), per service and in total, over a range
 * of local days. Served counts every finish whatever its outcome (figures.ts), so a manager who
 * reads "served 120" must be able to see that 30 of them left with incomplete papers.
 *
 * Read from the rollup report_outcome_day (rollup.ts folds each `ticket.finished` and
 * `ticket.next_step`, the two events that count as served, under the outcome code written in the
 * event), so the counts add up to the report's `served` exactly and a month reads a few hundred
 * rows, not every finish.
 *
 * Names: an outcome is grouped by its code, the thing the clerk picked. A code still configured
 * shows its names as configured now: renaming «أوراق ناقصة» to «أوراق غير مكتملة» rewords the same
 * outcome, and a report across the rename must not split it in two. A code no longer configured
 * (removed from the list, by the config file or a hub bundle) is shown by its code: the event log
 * keeps only the code, and the names it had lived in a configuration that is gone, so the code is
 * the one true thing left to show (names null on the wire).
 */
import type Database from 'better-sqlite3'
import type { FinishOutcome } from '../../protocol/entities.ts'
import type { OutcomeColumn, ServedByOutcome } from '../../protocol/stats.ts'
import { refreshRollups } from './rollup.ts'
import { servicesInReportOrder } from './report-services.ts'

export interface ServedByOutcomeQuery {
  from: string
  to: string
  /** The center's zone (the rollups are folded in it). */
  timeZone: string
  /** The outcomes configured now (config queue.finishOutcomes), in their order. */
  finishOutcomes: readonly FinishOutcome[]
}

/** The rollup's code for "no outcome recorded". */
const NONE = ''

/**
 * One finish outcome as the reports name it: a configured code by its names now, a code no longer
 * configured by its code alone, none recorded ('' or absent) with a null code.
 */
export function outcomeColumnOf(code: string | null | undefined, configured: readonly FinishOutcome[]): OutcomeColumn {
  if (!code) return { code: null, nameAr: null, nameEn: null }
  const o = configured.find((c) => c.code === code)
  return o ? { code, nameAr: o.nameAr, nameEn: o.nameEn } : { code, nameAr: null, nameEn: null }
}

/** The columns: every configured outcome in its order, then the other codes seen (sorted), then "none" when seen. */
function columnsOf(seen: ReadonlySet<string>, configured: readonly FinishOutcome[]): OutcomeColumn[] {
  const known = new Set(configured.map((o) => o.code))
  const others = [...seen].filter((code) => code !== NONE && !known.has(code)).sort()
  return [
    ...configured.map((o) => outcomeColumnOf(o.code, configured)),
    ...others.map((code) => outcomeColumnOf(code, configured)),
    ...(seen.has(NONE) ? [outcomeColumnOf(NONE, configured)] : []),
  ]
}

/** Served per service and finish outcome over local days `from..to` (from ≤ to is the caller's check). */
export function servedByOutcome(db: Database.Database, q: ServedByOutcomeQuery): ServedByOutcome {
  refreshRollups(db, q.timeZone)
  const cells = db
    .prepare(
      `SELECT service_id AS serviceId, outcome, SUM(served) AS n FROM report_outcome_day
       WHERE day BETWEEN ? AND ? GROUP BY service_id, outcome HAVING n <> 0`,
    )
    .all(q.from, q.to) as { serviceId: number; outcome: string; n: number }[]
  const outcomes = columnsOf(new Set(cells.map((c) => c.outcome)), q.finishOutcomes)
  const column = new Map(outcomes.map((o, i) => [o.code ?? NONE, i]))
  const zeros = () => outcomes.map(() => 0)
  const byService = new Map<number, number[]>()
  const totals = { served: 0, counts: zeros() }
  for (const c of cells) {
    const i = column.get(c.outcome)!
    let counts = byService.get(c.serviceId)
    if (!counts) byService.set(c.serviceId, (counts = zeros()))
    counts[i]! += c.n
    totals.counts[i]! += c.n
    totals.served += c.n
  }
  const rows = servicesInReportOrder(db).flatMap((s) => {
    const counts = byService.get(s.id)
    if (!counts) return []
    const service = { prefix: s.prefix, nameAr: s.nameAr, nameEn: s.nameEn }
    return [{ serviceId: s.id, service, served: counts.reduce((a, b) => a + b, 0), counts }]
  })
  return { outcomes, rows, totals }
}
