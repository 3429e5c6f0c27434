import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'

/** A parked ticket's row: why, by whom, and until when (epoch ms). */
export interface ParkingRecord {
  ticketId: string
  counterId: number | null
  clerkId: number | null
  parkedAt: number
  deadlineAt: number
  reason: string
  note: string | null
}

/** A parked ticket's row, and when the counter that parked it paused if it is paused now (parking-rules.ts: the clock stops). */
export interface ParkingRow extends ParkingRecord {
  counterPausedAt: number | null
}

const COLUMNS = `p.ticket_id AS ticketId, p.counter_id AS counterId, p.clerk_id AS clerkId, p.parked_at AS parkedAt,
  p.deadline_at AS deadlineAt, p.reason, p.note, c.paused_at AS counterPausedAt`
const FROM = `parked_tickets p LEFT JOIN counters c ON c.id = p.counter_id AND c.state = 'paused'`

/** The tickets parked now (table parked_tickets, migration 12): one row per parked ticket. */
export class ParkingRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  insert(p: ParkingRecord): void {
    this.sql(
      `INSERT INTO parked_tickets (ticket_id, counter_id, clerk_id, parked_at, deadline_at, reason, note)
       VALUES (@ticketId, @counterId, @clerkId, @parkedAt, @deadlineAt, @reason, @note)`,
    ).run(p)
  }

  get(ticketId: string): ParkingRow | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.ticket_id = ?`).get(ticketId) as ParkingRow | undefined
  }

  remove(ticketId: string): void {
    this.sql('DELETE FROM parked_tickets WHERE ticket_id = ?').run(ticketId)
  }

  /** Every parked ticket, earliest deadline first. */
  list(): ParkingRow[] {
    return this.sql(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY p.deadline_at, p.ticket_id`).all() as ParkingRow[]
  }

  /** Parked tickets whose stored deadline is at or before `at` (epoch ms); a paused counter's may still be in time (park-clock.ts). */
  overdue(at: number): ParkingRow[] {
    return this.sql(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.deadline_at <= ? ORDER BY p.deadline_at`).all(at) as ParkingRow[]
  }

  /** The tickets a counter parked (with its pause time when it is paused now). */
  ofCounter(counterId: number): ParkingRow[] {
    return this.sql(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.counter_id = ?`).all(counterId) as ParkingRow[]
  }

  /** Moves a parked ticket's stored deadline (the pause of its counter ended: parking-rules.ts). */
  setDeadline(ticketId: string, deadlineAt: number): void {
    this.sql('UPDATE parked_tickets SET deadline_at = ? WHERE ticket_id = ?').run(deadlineAt, ticketId)
  }

  /** True when any ticket is parked (cheap: the sweep runs on every change and read). */
  any(): boolean {
    return this.sql('SELECT 1 FROM parked_tickets LIMIT 1').get() !== undefined
  }
}
