import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'

/** A webhook subscription as stored (with its secret: never hand this row to a client). */
export interface WebhookRecord {
  id: number
  url: string
  description: string
  eventTypes: string[]
  secret: string
  fromEventId: number
  pausedAt: number | null
  pausedReason: 'manual' | 'failing' | null
  resumedAt: number | null
  failingSince: number | null
  consecutiveFailures: number
  createdAt: number
  updatedAt: number
}

/** One delivery of one event to one subscription. */
export interface DeliveryRecord {
  id: number
  subscriptionId: number
  eventId: number
  eventType: string
  deliveryId: string
  body: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  nextAttemptAt: number
  lastAttemptAt: number | null
  lastStatusCode: number | null
  lastErrorCode: string | null
  lastError: string | null
  deliveredAt: number | null
  createdAt: number
}

const SUBSCRIPTION_COLUMNS = `id, url, description, event_types AS eventTypes, secret, from_event_id AS fromEventId,
  paused_at AS pausedAt, paused_reason AS pausedReason, resumed_at AS resumedAt, failing_since AS failingSince,
  consecutive_failures AS consecutiveFailures, created_at AS createdAt, updated_at AS updatedAt`

const DELIVERY_COLUMNS = `id, subscription_id AS subscriptionId, event_id AS eventId, event_type AS eventType,
  delivery_id AS deliveryId, body, status, attempts, next_attempt_at AS nextAttemptAt, last_attempt_at AS lastAttemptAt,
  last_status_code AS lastStatusCode, last_error_code AS lastErrorCode, last_error AS lastError,
  delivered_at AS deliveredAt, created_at AS createdAt`

const subscription = (r: (Omit<WebhookRecord, 'eventTypes'> & { eventTypes: string }) | undefined): WebhookRecord | undefined =>
  r && { ...r, eventTypes: JSON.parse(r.eventTypes) as string[] }

/** Webhook subscriptions, their deliveries and the scan position (tables of migration 12). */
export class WebhooksRepo {
  private readonly sql: Sql
  constructor(readonly db: Db) {
    this.sql = statementCache(db)
  }

  list(): WebhookRecord[] {
    return (this.sql(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions ORDER BY id`).all() as never[]).map((r) => subscription(r)!)
  }

  get(id: number): WebhookRecord | undefined {
    return subscription(this.sql(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = ?`).get(id) as never)
  }

  insert(s: { url: string; description: string; eventTypes: string[]; secret: string; fromEventId: number }, now: number): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO webhook_subscriptions (url, description, event_types, secret, from_event_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.url, s.description, JSON.stringify(s.eventTypes), s.secret, s.fromEventId, now, now)
    return Number(lastInsertRowid)
  }

  update(id: number, s: { url: string; description: string; eventTypes: string[] }, now: number): void {
    this.sql('UPDATE webhook_subscriptions SET url = ?, description = ?, event_types = ?, updated_at = ? WHERE id = ?').run(
      s.url,
      s.description,
      JSON.stringify(s.eventTypes),
      now,
      id,
    )
  }

  /** Makes the pending deliveries due now (a new address: no reason to wait out the old one's backoff). */
  dueNow(id: number, now: number): void {
    this.sql(
      `UPDATE webhook_deliveries SET next_attempt_at = MIN(next_attempt_at, ?) WHERE subscription_id = ? AND status = 'pending'`,
    ).run(now, id)
  }

  setSecret(id: number, secret: string, now: number): void {
    this.sql('UPDATE webhook_subscriptions SET secret = ?, updated_at = ? WHERE id = ?').run(secret, now, id)
  }

  remove(id: number): void {
    this.sql('DELETE FROM webhook_deliveries WHERE subscription_id = ?').run(id)
    this.sql('DELETE FROM webhook_subscriptions WHERE id = ?').run(id)
  }

  pause(id: number, reason: 'manual' | 'failing', now: number): void {
    this.sql('UPDATE webhook_subscriptions SET paused_at = ?, paused_reason = ? WHERE id = ?').run(now, reason, id)
  }

  /** Resumes delivering: the failure streak starts again, and the pending deliveries are due now, in order. */
  resume(id: number, now: number): void {
    this.sql(
      `UPDATE webhook_subscriptions SET paused_at = NULL, paused_reason = NULL, resumed_at = ?, failing_since = NULL,
       consecutive_failures = 0 WHERE id = ?`,
    ).run(now, id)
    this.sql(`UPDATE webhook_deliveries SET next_attempt_at = ? WHERE subscription_id = ? AND status = 'pending'`).run(now, id)
  }

  /** A failure of the subscription's head delivery: the streak grows (and starts now if it had not). */
  recordFailure(id: number, now: number): WebhookRecord {
    this.sql(
      `UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, ?), consecutive_failures = consecutive_failures + 1
       WHERE id = ?`,
    ).run(now, id)
    return this.get(id)!
  }

  recordSuccess(id: number): void {
    this.sql('UPDATE webhook_subscriptions SET failing_since = NULL, consecutive_failures = 0 WHERE id = ?').run(id)
  }

  /** Pending, delivered and failed counts of a subscription. */
  counts(id: number): { pending: number; delivered: number; failed: number } {
    const rows = this.sql('SELECT status, COUNT(*) AS n FROM webhook_deliveries WHERE subscription_id = ? GROUP BY status').all(id) as {
      status: string
      n: number
    }[]
    const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0
    return { pending: of('pending'), delivered: of('delivered'), failed: of('failed') }
  }

  // --- deliveries -----------------------------------------------------------------------

  insertDelivery(
    d: Omit<
      DeliveryRecord,
      'id' | 'status' | 'attempts' | 'lastAttemptAt' | 'lastStatusCode' | 'lastErrorCode' | 'lastError' | 'deliveredAt'
    >,
  ): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, delivery_id, body, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(d.subscriptionId, d.eventId, d.eventType, d.deliveryId, d.body, d.nextAttemptAt, d.createdAt)
    return Number(lastInsertRowid)
  }

  delivery(id: number): DeliveryRecord | undefined {
    return this.sql(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = ?`).get(id) as DeliveryRecord | undefined
  }

  /** The oldest pending delivery of a subscription: deliveries go out in this order, one at a time. */
  head(subscriptionId: number): DeliveryRecord | undefined {
    return this.sql(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE subscription_id = ? AND status = 'pending' ORDER BY id LIMIT 1`,
    ).get(subscriptionId) as DeliveryRecord | undefined
  }

  /** The latest deliveries of a subscription, newest first. */
  recent(subscriptionId: number, limit: number): DeliveryRecord[] {
    return this.sql(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE subscription_id = ? ORDER BY id DESC LIMIT ?`).all(
      subscriptionId,
      limit,
    ) as DeliveryRecord[]
  }

  /** How many redeliveries of this event this subscription already has (for the next one's id). */
  copiesOf(subscriptionId: number, eventId: number): number {
    return (
      this.sql('SELECT COUNT(*) AS n FROM webhook_deliveries WHERE subscription_id = ? AND event_id = ?').get(subscriptionId, eventId) as {
        n: number
      }
    ).n
  }

  delivered(id: number, statusCode: number, now: number): void {
    this.sql(
      `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = ?, last_status_code = ?,
       last_error_code = NULL, last_error = NULL, delivered_at = ? WHERE id = ?`,
    ).run(now, statusCode, now, id)
  }

  /** A failed attempt; `nextAttemptAt` null gives the delivery up (status failed). */
  attemptFailed(
    id: number,
    f: { statusCode: number | null; code: string; error: string },
    now: number,
    nextAttemptAt: number | null,
  ): void {
    this.sql(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = ?, last_status_code = ?, last_error_code = ?,
       last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), status = CASE WHEN ? IS NULL THEN 'failed' ELSE status END
       WHERE id = ?`,
    ).run(now, f.statusCode, f.code, f.error.slice(0, 300), nextAttemptAt, nextAttemptAt, id)
  }

  // --- the scan position ----------------------------------------------------------------

  position(): number | null {
    const row = this.sql(`SELECT value FROM webhook_state WHERE key = 'lastEventId'`).get() as { value: string } | undefined
    return row ? Number(row.value) : null
  }

  setPosition(eventId: number): void {
    this.sql(`INSERT INTO webhook_state (key, value) VALUES ('lastEventId', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
      String(eventId),
    )
  }
}
