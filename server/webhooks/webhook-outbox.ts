/**
 * The webhook outbox: the append-only event log is scanned from a stored read position into one
 * delivery per (subscription, event), and the position moves in the same transaction, so a crash
 * neither skips nor repeats an event. The body is fixed when queued: every retry sends the same
 * bytes under the same idempotency id.
 */
import type { Db } from '../db/connection.ts'
import { WebhooksRepo } from '../db/repositories/webhooks-repo.ts'
import {
  WEBHOOK_DETAILS,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_PAYLOAD_VERSION,
  type WebhookEventType,
  type WebhookPayload,
} from '../../protocol/webhooks.ts'
import { EVENT_ROW_COLUMNS, type EventRow } from '../db/repositories/events-repo.ts'

const SUBSCRIBABLE = new Set<string>(WEBHOOK_EVENT_TYPES)

/** Events read per transaction: a long backlog is scanned in steps, each committed with its position. */
const SCAN_STEP = 500

/** The idempotency id of the first delivery of an event to a subscription. */
export const deliveryIdOf = (subscriptionId: number, eventId: number) => `whd_${subscriptionId}_${eventId}`

export class WebhookOutbox {
  readonly repo: WebhooksRepo

  constructor(private readonly db: Db) {
    this.repo = new WebhooksRepo(db)
  }

  /** Queues deliveries for every event since the stored position; returns how many were queued. */
  scan(now: number): number {
    // no subscription, nothing to write: a center without integrators pays one SELECT per round
    if (this.repo.list().length === 0) return 0
    let queued = 0
    for (;;) {
      const step = this.db.transaction(() => this.scanStep(now)).immediate()
      queued += step.queued
      if (!step.more) return queued
    }
  }

  private scanStep(now: number): { queued: number; more: boolean } {
    const subscriptions = this.repo.list()
    const maxId = (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM events').get() as { n: number }).n
    // never before the oldest subscription began (each takes only events after its start), so a
    // first subscription on a center with a long log does not read the log from its beginning
    const from = Math.max(this.repo.position() ?? 0, Math.min(maxId, ...subscriptions.map((s) => s.fromEventId)))
    if (subscriptions.length === 0 || from >= maxId) {
      this.repo.setPosition(maxId)
      return { queued: 0, more: false }
    }
    const rows = this.db
      .prepare(
        `SELECT ${EVENT_ROW_COLUMNS}
         FROM events WHERE id > ? ORDER BY id LIMIT ?`,
      )
      .all(from, SCAN_STEP) as EventRow[]
    let queued = 0
    for (const e of rows) {
      if (!SUBSCRIBABLE.has(e.type)) continue
      const takers = subscriptions.filter((s) => e.id > s.fromEventId && s.eventTypes.includes(e.type))
      if (takers.length === 0) continue
      const body = JSON.stringify(this.payload(e))
      for (const s of takers) {
        this.repo.insertDelivery({
          subscriptionId: s.id,
          eventId: e.id,
          eventType: e.type,
          deliveryId: deliveryIdOf(s.id, e.id),
          body,
          nextAttemptAt: now,
          createdAt: now,
        })
        queued++
      }
    }
    const last = rows.at(-1)?.id ?? maxId
    this.repo.setPosition(last)
    return { queued, more: rows.length === SCAN_STEP }
  }

  /** The versioned payload of one event-log row: the ticket and counter it names, and its whitelisted facts. */
  payload(e: EventRow): WebhookPayload {
    const type = e.type as WebhookEventType
    const data = JSON.parse(e.data) as Record<string, unknown>
    const ticket = e.ticketId
      ? (this.db.prepare('SELECT id, label, service_id AS serviceId, priority FROM tickets WHERE id = ?').get(e.ticketId) as
          | WebhookPayload['data']['ticket']
          | undefined)
      : undefined
    const counter = e.counterId
      ? (this.db.prepare('SELECT id, number, name FROM counters WHERE id = ?').get(e.counterId) as
          | WebhookPayload['data']['counter']
          | undefined)
      : undefined
    const details = Object.fromEntries(WEBHOOK_DETAILS[type].filter((k) => k in data).map((k) => [k, data[k]]))
    return {
      id: `evt_${e.id}`,
      type,
      version: WEBHOOK_PAYLOAD_VERSION,
      occurredAt: new Date(e.at).toISOString(),
      day: e.day,
      data: {
        ticket: ticket ?? null,
        counter: counter ?? null,
        serviceId: e.serviceId,
        userId: e.userId,
        details,
      },
    }
  }
}
