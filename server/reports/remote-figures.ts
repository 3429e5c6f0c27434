import type Database from 'better-sqlite3'
import type { RemoteFigures } from '../../protocol/remote-join.ts'
import { undoneNoShowSql } from './no-show-undo.ts'

/**
 * A day's joins from a phone (issue 19), from the event log: joined (`ticket.issued` with
 * origin remote), arrived (`ticket.arrived`), abandoned (`ticket.abandoned` with reason `turn_passed` or
 * `day_closed`: the place was lost after its turn, or the day ended; a checked-in ticket parked
 * and not back in time is abandoned too, but it is not a lost place and counts with parking), cancelled by the citizen or staff, served and no-shows (not the undone ones, no-show-undo.ts) of
 * the tickets joined that day. The day is the center's business day the events were logged on.
 */
export function remoteFigures(db: Database.Database, day: string): RemoteFigures {
  const row = db
    .prepare(
      `WITH joined AS (
         SELECT ticket_id FROM events WHERE day = @day AND type = 'ticket.issued' AND json_extract(data, '$.origin') = 'remote'
       )
       SELECT
         (SELECT count(*) FROM joined) AS joined,
         (SELECT count(*) FROM events WHERE type = 'ticket.arrived' AND ticket_id IN (SELECT ticket_id FROM joined)) AS arrived,
         (SELECT count(*) FROM events WHERE type = 'ticket.abandoned' AND ticket_id IN (SELECT ticket_id FROM joined)
           AND json_extract(data, '$.reason') IN ('turn_passed', 'day_closed')) AS abandoned,
         (SELECT count(*) FROM events WHERE type = 'ticket.cancelled' AND ticket_id IN (SELECT ticket_id FROM joined)) AS cancelled,
         (SELECT count(*) FROM events WHERE type = 'ticket.finished' AND ticket_id IN (SELECT ticket_id FROM joined)) AS served,
         (SELECT count(*) FROM events n WHERE n.type = 'ticket.no_show' AND n.ticket_id IN (SELECT ticket_id FROM joined)
           AND NOT ${undoneNoShowSql('n')}) AS noShow`,
    )
    .get({ day }) as Omit<RemoteFigures, 'day'>
  return { day, ...row }
}
