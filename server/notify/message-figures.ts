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
