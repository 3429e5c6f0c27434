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

const COLUMNS = `p.ticket_id AS ticketId, p.counter_id AS counterId, p.clerk_id AS clerkId, p.parked_at AS parkedAt,
  p.deadline_at AS deadlineAt, p.reason, p.note`

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

  get(ticketId: string): ParkingRecord | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM parked_tickets p WHERE p.ticket_id = ?`).get(ticketId) as ParkingRecord | undefined
  }

  remove(ticketId: string): void {
    this.sql('DELETE FROM parked_tickets WHERE ticket_id = ?').run(ticketId)
  }

  /** Every parked ticket, earliest deadline first. */
  list(): ParkingRecord[] {
    return this.sql(`SELECT ${COLUMNS} FROM parked_tickets p ORDER BY p.deadline_at, p.ticket_id`).all() as ParkingRecord[]
  }

  /** Parked tickets whose deadline is at or before `at` (epoch ms). */
  overdue(at: number): ParkingRecord[] {
    return this.sql(`SELECT ${COLUMNS} FROM parked_tickets p WHERE p.deadline_at <= ? ORDER BY p.deadline_at`).all(at) as ParkingRecord[]
  }

  /** True when any ticket is parked (cheap: the sweep runs on every change and read). */
  any(): boolean {
    return this.sql('SELECT 1 FROM parked_tickets LIMIT 1').get() !== undefined
  }
}
