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

/**
 * An event as the readers of the whole log take it (the reports' fold, the webhooks' outbox):
 * one row of `SELECT ${EVENT_ROW_COLUMNS}`, its data still the stored JSON text (each reader
 * parses only the rows it keeps).
 */
export interface EventRow {
  id: number
  at: number
  day: string
  type: string
  ticketId: string | null
  counterId: number | null
  serviceId: number | null
  userId: number | null
  data: string
}

/** The columns of an EventRow. */
export const EVENT_ROW_COLUMNS =
  'id, at, day, type, ticket_id AS ticketId, counter_id AS counterId, service_id AS serviceId, user_id AS userId, data'

/** A call that has left its counter, as the event log tells it (EventsRepo.pastCalls). */
export interface PastCallRecord {
  ticketId: string
  label: string
  /** The line the ticket was called from. */
  serviceId: number
  counterId: number
  /** When the ticket was last called (or recalled) there. */
  at: number
  recall: boolean
}

/** The events that end a ticket's stay at the counter that called it (a counter is idle after each). */
const LEAVES_COUNTER = `'ticket.finished', 'ticket.no_show', 'ticket.transferred', 'ticket.parked', 'ticket.next_step', 'ticket.cancelled'`
const CALLS = `'ticket.called', 'ticket.recalled'`

/**
 * A day's calls whose ticket has since left the counter (and was not called again at one of
 * those counters), the one that left last first: what a display's live board keeps under
 * "recent calls" (display-ui now-serving.ts withPast), which sees only its zone's calls.
 * `@counters` is a JSON array of those counters' ids. It walks the log back from its end, one
 * departure `l` at a time, and stops at `@limit`: a busy day holds tens of thousands of calls, and
 * reading them all took 0.2 s of the server's one thread per snapshot. A recall whose ticket was
 * then started is no recall any more (the live board's `ticket:started`), so `recall` says so.
 */
export const PAST_CALLS_SQL = `
  SELECT c.ticket_id AS ticketId, t.label, c.service_id AS serviceId, c.counter_id AS counterId, c.at,
         c.type = 'ticket.recalled' AND NOT EXISTS (SELECT 1 FROM events s WHERE s.ticket_id = l.ticket_id AND s.id > c.id AND s.id < l.id AND s.type = 'ticket.started') AS recall
  FROM events l
  JOIN events c ON c.id = (SELECT MAX(x.id) FROM events x WHERE x.ticket_id = l.ticket_id AND x.id < l.id AND x.type IN (${CALLS}))
  JOIN tickets t ON t.id = l.ticket_id
  WHERE l.id >= (SELECT MIN(s.id) FROM events s WHERE s.day = @day AND s.type = 'ticket.called')
    AND l.type IN (${LEAVES_COUNTER})
    AND c.day = @day
    AND c.counter_id IN (SELECT value FROM json_each(@counters))
    AND NOT EXISTS (SELECT 1 FROM events b WHERE b.ticket_id = l.ticket_id AND b.id > c.id AND b.id < l.id AND b.type IN (${LEAVES_COUNTER}))
    AND NOT EXISTS (SELECT 1 FROM events n WHERE n.ticket_id = l.ticket_id AND n.id > c.id AND n.type IN (${CALLS})
                    AND n.counter_id IN (SELECT value FROM json_each(@counters)))
  ORDER BY l.id DESC
  LIMIT @limit`

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

  /** PAST_CALLS_SQL: at most `limit` of `day`'s calls gone from one of `counterIds`. */
  pastCalls(day: string, counterIds: readonly number[], limit: number): PastCallRecord[] {
    return (
      this.sql(PAST_CALLS_SQL).all({ day, counters: JSON.stringify(counterIds), limit }) as (Omit<PastCallRecord, 'recall'> & {
        recall: number
      })[]
    ).map((r) => ({ ...r, recall: r.recall === 1 }))
  }

  /** The latest `config.changed` rows, newest first, with the acting user's name or the acting device's (a pairing). */
  configChanges(limit: number): ConfigChangeRow[] {
    return (
      this.sql(
        `SELECT e.id, e.at, e.user_id AS userId, u.username, d.name AS deviceName, e.data,
           e.user_id IS NULL AND e.device_id IS NULL AND EXISTS (
             SELECT 1 FROM events b
             WHERE b.day = e.day AND b.type = 'config.changed' AND b.at = e.at AND b.id > e.id
               AND json_extract(b.data, '$.command') = 'config-bundle.apply'
           ) AS inBundle
         FROM events e
         LEFT JOIN users u ON u.id = e.user_id LEFT JOIN devices d ON d.id = e.device_id
         WHERE e.type = 'config.changed' ORDER BY e.id DESC LIMIT ?`,
      ).all(limit) as (Omit<ConfigChangeRow, 'data' | 'inBundle'> & { data: string; inBundle: 0 | 1 })[]
    ).map((r) => ({ ...r, inBundle: r.inBundle === 1, data: JSON.parse(r.data) as Record<string, unknown> }))
  }
}

/** One `config.changed` row: who made it (a user, or a device that paired) and what it holds (ConfigChange). */
export interface ConfigChangeRow {
  id: number
  at: number
  userId: number | null
  username: string | null
  deviceName: string | null
  data: Record<string, unknown>
  /**
   * Written by the system in the transaction of a hub's configuration bundle (the same moment as, and
   * before, its `config-bundle.apply` row): a change that bundle made. Rows written before session 51
   * carry no `by: "hub"` (ConfigChange), so this is how the change log still names the hub for them:
   * the event log is append-only, so they are read anew, not rewritten.
   */
  inBundle: boolean
}
