import type { Db } from '../db/connection.ts'
import type { HourFigures } from '../../protocol/upstream.ts'
import { callAfterUndoSql } from '../reports/no-show-undo.ts'

/**
 * Visits with several steps (issue 21) for the hub: per local hour and service, the calls made
 * as a later step of a visit (a `ticket.called` after a `ticket.next_step` of the same ticket)
 * and their waits summed. Each call is one event row written once, in its own hour, and an hour
 * is sent as revisions the hub keeps the highest of, so each step call is counted at the hub
 * exactly once (as the ratings are, rating-figures.ts). The call after an undone no-show is no new
 * call and ends no wait (README "A ticket's wait", no-show-undo.ts): not counted (walk s54: two step
 * calls for one).
 */
export function addStepFigures(
  db: Db,
  day: string,
  hourFunction: string,
  cell: (hour: number, serviceId: number) => HourFigures | null,
): void {
  const rows = db
    .prepare(
      `SELECT ${hourFunction}(c.at) AS hour, c.service_id AS serviceId, COUNT(*) AS n,
              SUM(COALESCE(json_extract(c.data, '$.waitedSeconds'), 0)) AS waitSum
       FROM events c
       WHERE c.day = ? AND c.type = 'ticket.called' AND NOT ${callAfterUndoSql('c')}
         AND EXISTS (SELECT 1 FROM events s WHERE s.ticket_id = c.ticket_id AND s.type = 'ticket.next_step' AND s.id < c.id)
       GROUP BY hour, c.service_id`,
    )
    .all(day) as { hour: number; serviceId: number; n: number; waitSum: number }[]
  for (const r of rows) {
    const f = cell(r.hour, r.serviceId)
    if (!f) continue
    f.stepCalls = r.n
    f.stepWaitSumSeconds = r.waitSum
  }
}
