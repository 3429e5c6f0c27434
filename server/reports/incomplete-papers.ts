/**
 * "Incomplete papers" per service (issue 21): how many tickets a clerk finished with the outcome
 * `incomplete_papers` (queue.finishOutcomes), and their share of the service's finished tickets,
 * so a manager sees which services' "what to bring" lists need work. On service reports (rows and
 * totals) and their CSV, whenever the range holds at least one such finish; absent otherwise
 * (nothing to work on). One column of the served-by-outcome figures (served-by-outcome.ts).
 */
import type { ReportRow, ServedByOutcome } from '../../protocol/stats.ts'

/** The finish outcome these figures count. */
export const INCOMPLETE_PAPERS = 'incomplete_papers'

/** Finishes with INCOMPLETE_PAPERS per service id, from the served-by-outcome figures; empty when none. */
export function incompletePapersByService(byOutcome: ServedByOutcome): Map<number, number> {
  const i = byOutcome.outcomes.findIndex((o) => o.code === INCOMPLETE_PAPERS)
  if (i < 0) return new Map()
  return new Map(byOutcome.rows.filter((r) => r.counts[i]! > 0).map((r) => [r.serviceId, r.counts[i]!]))
}

/** The count and its share of `served` (finished tickets), one decimal; null share when nothing was served. */
export function incompletePapersFigures(count: number, served: number): Pick<ReportRow, 'incompletePapers' | 'incompletePapersPercent'> {
  return { incompletePapers: count, incompletePapersPercent: served > 0 ? Math.round((1000 * count) / served) / 10 : null }
}
