import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'

/** How a remote ticket waits for its citizen (protocol/remote-join.ts RemoteMode). */
export type RemoteJoinMode = 'check-in' | 'call-ahead'

/** A ticket joined from a phone (table remote_joins); times are epoch ms. */
export interface RemoteJoinRecord {
  ticketId: string
  serviceId: number
  day: string
  mode: RemoteJoinMode
  arriveMinutes: number
  addressHash: string
  joinedAt: number
  arrivedAt: number | null
}

const COLUMNS = `ticket_id AS ticketId, service_id AS serviceId, day, mode, arrive_minutes AS arriveMinutes,
  address_hash AS addressHash, joined_at AS joinedAt, arrived_at AS arrivedAt`

/**
 * The calls `e` (events) in the line of the held ticket `t` since it joined: the log's ticket.called
 * rows of that service (the partial index events_line_calls, migration 41).
 */
const LINE_CALLS_AFTER = `e.type = 'ticket.called' AND e.service_id = t.service_id AND e.at >= t.queued_at AND e.ticket_id <> t.id`

/**
 * The call `e` of ticket `o` was of a place behind `t`'s in the line: by the place it was called from
 * (data.queuedAt). A call logged before migration 41 has none: its ticket's row stands for it while
 * the ticket is still in that line (what was read before).
 */
const CALLED_FROM_BEHIND = `(COALESCE(json_extract(e.data, '$.queuedAt'), CASE WHEN o.service_id = e.service_id THEN o.queued_at END), o.number)
  > (t.queued_at, t.number)`

/** Remote joins: the row beside each remote ticket, and the counts the limits need. */
export class RemoteJoinsRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  /** Stores a join (its ticket is issued with `origin = 'remote'`); call inside the transaction. */
  insert(r: RemoteJoinRecord): void {
    this.sql(
      `INSERT INTO remote_joins (ticket_id, service_id, day, mode, arrive_minutes, address_hash, joined_at, arrived_at)
       VALUES (@ticketId, @serviceId, @day, @mode, @arriveMinutes, @addressHash, @joinedAt, @arrivedAt)`,
    ).run(r)
  }

  get(ticketId: string): RemoteJoinRecord | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM remote_joins WHERE ticket_id = ?`).get(ticketId) as RemoteJoinRecord | undefined
  }

  markArrived(ticketId: string, at: number): void {
    this.sql('UPDATE remote_joins SET arrived_at = ? WHERE ticket_id = ?').run(at, ticketId)
  }

  /** Remote joins of a service on a day (its remote cap counts them all, cancelled ones too: a place was given). */
  countForService(serviceId: number, day: string): number {
    return (this.sql('SELECT count(*) AS n FROM remote_joins WHERE service_id = ? AND day = ?').get(serviceId, day) as { n: number }).n
  }

  /** Remote joins on a day whose ticket carries this phone number, any service. */
  countForPhone(phone: string, day: string): number {
    return (
      this.sql('SELECT count(*) AS n FROM remote_joins r JOIN tickets t ON t.id = r.ticket_id WHERE r.day = ? AND t.phone = ?').get(
        day,
        phone,
      ) as { n: number }
    ).n
  }

  /** Remote joins from one (hashed) client address since `since` (epoch ms). */
  countForAddress(addressHash: string, since: number): number {
    return (
      this.sql('SELECT count(*) AS n FROM remote_joins WHERE address_hash = ? AND joined_at >= ?').get(addressHash, since) as { n: number }
    ).n
  }

  /**
   * When a check-in ticket's turn came: the first call, in its line, of a ticket queued after it
   * there (everyone present ahead of it had been called by then); null while its turn has not come.
   * Read from the log's calls (LINE_CALLS_AFTER), not the tickets' rows: a ticket moved on by a
   * transfer or a next step keeps the call time of the line it left, and its service is the new one.
   */
  turnCameAt(ticketId: string): number | null {
    const row = this.sql(
      `SELECT min(e.at) AS at FROM tickets t JOIN events e ON ${LINE_CALLS_AFTER} JOIN tickets o ON o.id = e.ticket_id
       WHERE t.id = ? AND ${CALLED_FROM_BEHIND}`,
    ).get(ticketId) as { at: number | null }
    return row.at
  }

  /** Until when a held place whose turn has come may check in (its turn, plus its arrive_minutes); null while its turn has not come. */
  arriveByAfterTurn(join: Pick<RemoteJoinRecord, 'ticketId' | 'arriveMinutes'>): number | null {
    const turn = this.turnCameAt(join.ticketId)
    return turn === null ? null : turn + join.arriveMinutes * 60_000
  }

  /** Whether any ticket holds a place now (status remote): one index seek, so the sweep on every read costs nothing on most centers. */
  anyHeld(): boolean {
    return this.sql("SELECT 1 FROM tickets WHERE status = 'remote' LIMIT 1").get() !== undefined
  }

  /**
   * Check-in tickets still holding a place (status remote) that will not be called any more:
   * joined on a day before `closedBefore` (today, with a daily close; null: a line that runs on
   * across days), or whose turn came (see turnCameAt) more than their arrive_minutes before `now`.
   */
  overdue(closedBefore: string | null, now: number): { ticketId: string; serviceId: number; day: string; joinedAt: number }[] {
    return this.sql(
      `SELECT r.ticket_id AS ticketId, t.service_id AS serviceId, t.day, r.joined_at AS joinedAt
       FROM remote_joins r JOIN tickets t ON t.id = r.ticket_id
       WHERE t.status = 'remote' AND ((@closedBefore IS NOT NULL AND t.day < @closedBefore) OR EXISTS (
         SELECT 1 FROM events e JOIN tickets o ON o.id = e.ticket_id
         WHERE ${LINE_CALLS_AFTER} AND e.at < @now - r.arrive_minutes * 60000 AND ${CALLED_FROM_BEHIND}))`,
    ).all({ closedBefore, now }) as { ticketId: string; serviceId: number; day: string; joinedAt: number }[]
  }
}
