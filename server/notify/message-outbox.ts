/**
 * The message outbox's table (message_outbox, message_parts): what is due, what the provider
 * took, what its receipts said. A row leaves `queued` only with the provider's answer; a part's
 * receipt moves its message on (delivered when every part is, failed or expired when one is).
 */
import type { Db } from '../db/connection.ts'
import type { Lang } from '../../protocol/common.ts'
import type { MessageKind } from '../../protocol/messages/citizen.ts'
import type { MessageValues } from '../../protocol/messages/format.ts'
import type { OutgoingMessage, ReceiptStatus } from './provider.ts'

export type MessageStatus = 'queued' | 'accepted' | 'delivered' | 'failed' | 'expired'

/** A message to be made; `idempotencyKey` names its cause (the same cause never makes two). */
export interface MessageDraft {
  idempotencyKey: string
  kind: MessageKind
  ticketId: string | null
  eventId: number | null
  phone: string
  lang: Lang
  body: string
  params: MessageValues
  /** Not sent before (quiet hours); default now. */
  notBefore: number
  /** Expired, not sent, after. */
  expiresAt: number
  /** The center-local day it counts in (the daily cap, the dashboard's figures). */
  day: string
}

export interface DueMessage extends OutgoingMessage {
  attempts: number
  expiresAt: number
}

interface Row {
  id: number
  idempotency_key: string
  kind: MessageKind
  phone: string | null
  lang: Lang
  body: string
  params: string
  attempts: number
  expires_at: number
}

export class MessageOutbox {
  constructor(private readonly db: Db) {}

  /** Queues a message unless its cause already made one; true when new. Runs in the caller's transaction. */
  enqueue(d: MessageDraft, now: number, status: MessageStatus = 'queued', error: string | null = null): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO message_outbox (idempotency_key, kind, ticket_id, event_id, phone, lang, body, params, status,
           next_attempt_at, expires_at, last_error, created_at, day, status_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(
        d.idempotencyKey,
        d.kind,
        d.ticketId,
        d.eventId,
        d.phone,
        d.lang,
        d.body,
        JSON.stringify(d.params),
        status,
        d.notBefore,
        d.expiresAt,
        error,
        now,
        d.day,
        now,
      )
    return r.changes === 1
  }

  /** Messages sent to `phone` that count in `day` (anything not refused by the cap itself). */
  sentToday(phone: string, day: string): number {
    return (
      this.db
        .prepare(
          `SELECT COUNT(*) AS n FROM message_outbox WHERE phone = ? AND day = ? AND (last_error IS NULL OR last_error NOT LIKE 'TABOUR_ERR_MESSAGE_DAILY_CAP%')`,
        )
        .get(phone, day) as { n: number }
    ).n
  }

  /** Queued messages whose time has come, oldest first. */
  due(now: number, limit = 20): DueMessage[] {
    const rows = this.db
      .prepare(
        `SELECT id, idempotency_key, kind, phone, lang, body, params, attempts, expires_at FROM message_outbox
         WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      )
      .all(now, limit) as Row[]
    return rows.map((r) => ({
      id: r.id,
      idempotencyKey: r.idempotency_key,
      kind: r.kind,
      phone: r.phone ?? '',
      lang: r.lang,
      body: r.body,
      params: JSON.parse(r.params),
      attempts: r.attempts,
      expiresAt: r.expires_at,
    }))
  }

  /** When the next queued message is due; null when none is. */
  nextDueAt(): number | null {
    return (this.db.prepare(`SELECT MIN(next_attempt_at) AS at FROM message_outbox WHERE status = 'queued'`).get() as { at: number | null })
      .at
  }

  /** The provider took it (one id per part): accepted, in one transaction with its parts. */
  accepted(id: number, provider: string, providerMessageIds: string[], now: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE message_outbox SET status = 'accepted', provider = ?, attempts = attempts + 1, last_error = NULL, status_at = ? WHERE id = ?`,
        )
        .run(provider, now, id)
      const part = this.db.prepare(
        `INSERT INTO message_parts (provider, provider_message_id, message_id, status) VALUES (?, ?, ?, 'accepted')
         ON CONFLICT (provider, provider_message_id) DO NOTHING`,
      )
      for (const pid of providerMessageIds) part.run(provider, pid, id)
    })()
  }

  /** Not taken this time: stays queued until `nextAttemptAt`. */
  retry(id: number, provider: string, error: string, nextAttemptAt: number): void {
    this.db
      .prepare('UPDATE message_outbox SET attempts = attempts + 1, provider = ?, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(provider, error.slice(0, 500), nextAttemptAt, id)
  }

  /** Ends a queued message (refused for good, or past its time). */
  finish(id: number, status: 'failed' | 'expired', error: string, now: number, provider: string | null = null): void {
    this.db
      .prepare(
        `UPDATE message_outbox SET status = ?, last_error = ?, status_at = ?, provider = COALESCE(?, provider) WHERE id = ? AND status = 'queued'`,
      )
      .run(status, error.slice(0, 500), now, provider, id)
  }

  /** A delivery receipt for one part; returns the message's id and status after it, or null for an id we never sent. */
  receipt(provider: string, providerMessageId: string, status: ReceiptStatus, now: number): { id: number; status: MessageStatus } | null {
    return this.db.transaction(() => {
      const part = this.db
        .prepare('SELECT message_id AS id FROM message_parts WHERE provider = ? AND provider_message_id = ?')
        .get(provider, providerMessageId) as { id: number } | undefined
      if (!part) return null
      this.db
        .prepare('UPDATE message_parts SET status = ? WHERE provider = ? AND provider_message_id = ?')
        .run(status, provider, providerMessageId)
      const parts = (this.db.prepare('SELECT status FROM message_parts WHERE message_id = ?').all(part.id) as { status: string }[]).map(
        (p) => p.status,
      )
      const next: MessageStatus = parts.includes('failed')
        ? 'failed'
        : parts.includes('expired')
          ? 'expired'
          : parts.every((p) => p === 'delivered')
            ? 'delivered'
            : 'accepted'
      this.db
        .prepare(`UPDATE message_outbox SET status = ?, status_at = ? WHERE id = ? AND status IN ('accepted', 'delivered')`)
        .run(next, now, part.id)
      return { id: part.id, status: next }
    })()
  }

  /** Queued messages (what device health shows as the backlog). */
  pending(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM message_outbox WHERE status = 'queued'`).get() as { n: number }).n
  }
}
