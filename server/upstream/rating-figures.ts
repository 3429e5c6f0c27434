import type { Db } from '../db/connection.ts'
import type { HourFigures } from '../../protocol/upstream.ts'
import { LOW_SCORE_MAX } from '../../protocol/feedback.ts'

/**
 * Citizen ratings (issue 21) for the hub: per local hour the rating was given and per service,
 * how many, their scores summed and how many were low. The hour is the rating's own (not the
 * finish's), so a rating joins the running hour and a past hour never needs to be reopened;
 * a rating is one row written once, and an hour is sent as revisions the hub keeps the highest
 * of, so each rating is counted at the hub exactly once.
 */
export function addRatingFigures(
  db: Db,
  day: string,
  hourFunction: string,
  cell: (hour: number, serviceId: number) => HourFigures | null,
): void {
  const rows = db
    .prepare(
      `SELECT ${hourFunction}(at) AS hour, service_id AS serviceId, COUNT(*) AS n, SUM(score) AS scoreSum,
              SUM(CASE WHEN score <= ${LOW_SCORE_MAX} THEN 1 ELSE 0 END) AS low
       FROM ratings WHERE day = ? GROUP BY hour, service_id`,
    )
    .all(day) as { hour: number; serviceId: number; n: number; scoreSum: number; low: number }[]
  for (const r of rows) {
    const f = cell(r.hour, r.serviceId)
    if (!f) continue
    f.ratingCount = r.n
    f.ratingScoreSum = r.scoreSum
    f.ratingLow = r.low
  }
}
