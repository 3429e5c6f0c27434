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
   * (everyone present ahead of it had been called by then); null while its turn has not come.
   */
  turnCameAt(ticketId: string): number | null {
    const row = this.sql(
      `SELECT min(o.called_at) AS at FROM tickets t JOIN tickets o ON o.service_id = t.service_id
       WHERE t.id = ? AND o.called_at IS NOT NULL AND o.called_at >= t.queued_at AND (o.queued_at, o.number) > (t.queued_at, t.number)`,
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
         SELECT 1 FROM tickets o WHERE o.service_id = t.service_id AND o.called_at IS NOT NULL AND o.called_at >= t.queued_at
           AND o.called_at < @now - r.arrive_minutes * 60000 AND (o.queued_at, o.number) > (t.queued_at, t.number)))`,
    ).all({ closedBefore, now }) as { ticketId: string; serviceId: number; day: string; joinedAt: number }[]
  }
}
