/**
 * What the dashboard shows of messages: the day's counts by kind, provider and status, and the
 * log of recent messages with numbers masked for everyone but admins.
 */
import type { Db } from '../db/connection.ts'
import type { MessageKind } from '../../protocol/messages/citizen.ts'
import type { MessageStatus } from './message-outbox.ts'
import { maskPhone } from './phone-number.ts'

export interface MessageCountRow {
  kind: MessageKind
  provider: string | null
  status: MessageStatus
  count: number
}

/** Messages made on local `day`, by kind, provider (the configured one for those not tried yet) and status. */
export function messageCounts(db: Db, day: string, provider: string | null): MessageCountRow[] {
  return (
    db
      .prepare(
        `SELECT kind, COALESCE(provider, ?) AS provider, status, COUNT(*) AS count FROM message_outbox
         WHERE day = ? GROUP BY kind, COALESCE(provider, ?), status ORDER BY kind, provider, status`,
      )
      .all(provider, day, provider) as MessageCountRow[]
  ).map((r) => ({ ...r, count: Number(r.count) }))
}

/** How many of a provider's latest answered messages the dashboard looks at for a run of failures. */
export const RECENT_ATTEMPTS = 20

/**
 * The run of failures among the latest messages `provider` answered (accepted, delivered, or
 * failed: refused, or failed by its receipt), newest first: how many failed in a row, the newest's
 * error and when; null when the newest did not fail. Messages that never reached it (an invalid
 * number, the daily cap) are not its answers; one still retrying is queued, not failed.
 */
export function recentFailures(db: Db, provider: string): { count: number; lastError: string; at: number } | null {
  const rows = db
    .prepare(
      `SELECT status, last_error AS lastError, status_at AS at FROM message_outbox
       WHERE provider = ? AND status IN ('accepted', 'delivered', 'failed') ORDER BY status_at DESC, id DESC LIMIT ?`,
    )
    .all(provider, RECENT_ATTEMPTS) as { status: MessageStatus; lastError: string | null; at: number }[]
  const run = rows.findIndex((r) => r.status !== 'failed')
  const count = run === -1 ? rows.length : run
  if (count === 0) return null
  // a receipt's failure keeps no error of its own
  return { count, lastError: rows[0]!.lastError ?? 'delivery failed', at: rows[0]!.at }
}

/** The latest `limit` messages, newest first; phones whole only when `wholeNumbers` (admins). */
export function messageLog(db: Db, limit: number, wholeNumbers: boolean) {
  const rows = db
    .prepare(
      `SELECT id, kind, status, phone, provider, attempts, last_error AS lastError, created_at AS createdAt, status_at AS statusAt
       FROM message_outbox ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as {
    id: number
    kind: MessageKind
    status: MessageStatus
    phone: string | null
    provider: string | null
    attempts: number
    lastError: string | null
    createdAt: number
    statusAt: number
  }[]
  return rows.map((r) => ({ ...r, phone: r.phone === null ? null : wholeNumbers ? r.phone : maskPhone(r.phone) }))
}
