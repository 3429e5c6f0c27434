import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'

/** Where a rating came from (protocol/feedback.ts RatingSource). */
export type RatingSourceName = 'tablet' | 'keypad' | 'status_page'

/** A stored rating (table `ratings`, migration 12), camel-cased; times are epoch ms. No phone, ever. */
export interface RatingRecord {
  ticketId: string
  serviceId: number
  counterId: number | null
  clerkId: number | null
  outcome: string | null
  score: number
  reasons: string[]
  source: RatingSourceName
  deviceId: number | null
  finishedAt: number
  at: number
  day: string
}

/** A rating with the names reports group it under (as they are now). */
export interface NamedRating extends RatingRecord {
  serviceNameAr: string
  serviceNameEn: string
  counterNumber: number | null
  counterName: string | null
  clerkUsername: string | null
}

const COLUMNS = `r.ticket_id AS ticketId, r.service_id AS serviceId, r.counter_id AS counterId, r.clerk_id AS clerkId, r.outcome,
  r.score, r.reasons, r.source, r.device_id AS deviceId, r.finished_at AS finishedAt, r.at, r.day`

const parse = <T extends { reasons: unknown }>(row: T): T & { reasons: string[] } => ({
  ...row,
  reasons: JSON.parse(row.reasons as string) as string[],
})

/** The ratings table: one row per rated ticket, written once, never updated. */
export class RatingsRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  insert(r: RatingRecord): void {
    this.sql(
      `INSERT INTO ratings (ticket_id, service_id, counter_id, clerk_id, outcome, score, reasons, source, device_id, finished_at, at, day)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.ticketId,
      r.serviceId,
      r.counterId,
      r.clerkId,
      r.outcome,
      r.score,
      JSON.stringify(r.reasons),
      r.source,
      r.deviceId,
      r.finishedAt,
      r.at,
      r.day,
    )
  }

  get(ticketId: string): RatingRecord | undefined {
    const row = this.sql(`SELECT ${COLUMNS} FROM ratings r WHERE r.ticket_id = ?`).get(ticketId) as RatingRecord | undefined
    return row && parse(row)
  }

  /** Ratings given on local days `from..to` (inclusive), with the names of their service, counter and clerk. */
  namedBetweenDays(from: string, to: string): NamedRating[] {
    return this.named('r.day BETWEEN ? AND ?', from, to)
  }

  /** Ratings given at or after `since` (epoch ms), with names. */
  namedSince(since: number): NamedRating[] {
    return this.named('r.at >= ?', since)
  }

  /** Ratings given in [from, to) (epoch ms), oldest first: the upstream figures of an hour. */
  between(from: number, to: number): RatingRecord[] {
    return (this.sql(`SELECT ${COLUMNS} FROM ratings r WHERE r.at >= ? AND r.at < ? ORDER BY r.at`).all(from, to) as RatingRecord[]).map(
      parse,
    )
  }

  /** The ticket that left `counterId` last (done, no-show or transferred away: whatever ended there last), or undefined. */
  lastFinishedAt(counterId: number): { id: string } | undefined {
    return this.sql(
      `SELECT id FROM tickets WHERE counter_id = ? AND finished_at IS NOT NULL ORDER BY finished_at DESC, rowid DESC LIMIT 1`,
    ).get(counterId) as { id: string } | undefined
  }

  private named(where: string, ...args: (string | number)[]): NamedRating[] {
    return (
      this.sql(
        `SELECT ${COLUMNS}, s.name_ar AS serviceNameAr, s.name_en AS serviceNameEn, c.number AS counterNumber, c.name AS counterName,
                u.username AS clerkUsername
         FROM ratings r JOIN services s ON s.id = r.service_id LEFT JOIN counters c ON c.id = r.counter_id
         LEFT JOIN users u ON u.id = r.clerk_id WHERE ${where} ORDER BY r.at`,
      ).all(...args) as NamedRating[]
    ).map(parse)
  }
}
