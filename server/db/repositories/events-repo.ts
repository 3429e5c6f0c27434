import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'

/** Every state change of a ticket, a counter or a clerk. The type names the change: `ticket.called`, `counter.opened`, … */
export interface EventRecord {
  id?: number
  at: number
  day: string
  type: string
  ticketId?: string | null
  counterId?: number | null
  serviceId?: number | null
  userId?: number | null
  deviceId?: number | null
  data?: Record<string, unknown>
}

/** The append-only event log (the database refuses UPDATE and DELETE on it). */
export class EventsRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  append(e: EventRecord): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO events (at, day, type, ticket_id, counter_id, service_id, user_id, device_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.at,
      e.day,
      e.type,
      e.ticketId ?? null,
      e.counterId ?? null,
      e.serviceId ?? null,
      e.userId ?? null,
      e.deviceId ?? null,
      JSON.stringify(e.data ?? {}),
    )
    return Number(lastInsertRowid)
  }

  lastId(): number {
    return (this.sql('SELECT COALESCE(MAX(id), 0) AS n FROM events').get() as { n: number }).n
  }

  forTicket(ticketId: string): EventRecord[] {
    return (
      this.sql(
        `SELECT id, at, day, type, ticket_id AS ticketId, counter_id AS counterId, service_id AS serviceId,
                user_id AS userId, device_id AS deviceId, data FROM events WHERE ticket_id = ? ORDER BY id`,
      ).all(ticketId) as (EventRecord & { data: string })[]
    ).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }))
  }

  /** The latest `config.changed` rows, newest first, with the acting user's name. */
  configChanges(
    limit: number,
  ): { id: number; at: number; userId: number | null; username: string | null; data: Record<string, unknown> }[] {
    return (
      this.sql(
        `SELECT e.id, e.at, e.user_id AS userId, u.username, e.data FROM events e LEFT JOIN users u ON u.id = e.user_id
         WHERE e.type = 'config.changed' ORDER BY e.id DESC LIMIT ?`,
      ).all(limit) as { id: number; at: number; userId: number | null; username: string | null; data: string }[]
    ).map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }))
  }
}
