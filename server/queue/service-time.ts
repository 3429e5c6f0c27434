/**
 * A ticket's service time at its finish, transfer or next step: every stay at a counter since
 * its latest call. A park (ticket-parking.ts) ends a stay and a resume starts the next, so the
 * time at the counter before a park is service time and the time parked is not. Each
 * `ticket.parked` row keeps the seconds of the stay it ended (`serviceSeconds`); the current
 * stay runs from atCounterSince (the call, or the latest resume).
 */
import type { Db } from '../db/connection.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { atCounterSince } from '../../protocol/at-counter-since.ts'

const statements = new WeakMap<Db, ReturnType<Db['prepare']>>()

/** Seconds of the stays ended by a park since the ticket's latest call (0 when never parked). */
function parkedStaysSeconds(db: Db, ticketId: string): number {
  let st = statements.get(db)
  if (!st) {
    st = db.prepare(
      `SELECT COALESCE(SUM(json_extract(data, '$.serviceSeconds')), 0) AS s FROM events
       WHERE ticket_id = @id AND type = 'ticket.parked'
         AND id > COALESCE((SELECT MAX(id) FROM events WHERE ticket_id = @id AND type = 'ticket.called'), 0)`,
    )
    statements.set(db, st)
  }
  return (st.get({ id: ticketId }) as { s: number }).s
}

/** Whole seconds the ticket has been at a counter since its latest call, parked time left out; 0 if never called. */
export function serviceSecondsSoFar(db: Db, t: TicketRecord, now: number): number {
  const since = atCounterSince(t)
  const current = since === null ? 0 : Math.max(0, Math.round((now - since) / 1000))
  return current + parkedStaysSeconds(db, t.id)
}
