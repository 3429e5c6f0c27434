import type { QueueContext } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { ErrorCodes, domainError, fieldError } from '../errors.ts'
import { auditChange } from './config-audit.ts'
import { WebhooksRepo, type DeliveryRecord, type WebhookRecord } from '../db/repositories/webhooks-repo.ts'
import { WEBHOOK_EVENT_TYPES, type CreateWebhookBody, type UpdateWebhookBody } from '../../protocol/webhooks.ts'
import { checkWebhookUrl, type WebhookHostRules } from '../webhooks/url-policy.ts'
import { newWebhookSecret } from '../webhooks/signature.ts'

const KNOWN = new Set<string>(WEBHOOK_EVENT_TYPES)

/** The event types asked for, each known and listed once; else WEBHOOK_UNKNOWN_EVENT naming the first unknown one. */
function checkEventTypes(types: string[]): string[] {
  const unknown = types.find((t) => !KNOWN.has(t))
  if (unknown !== undefined)
    throw fieldError(
      ErrorCodes.WEBHOOK_UNKNOWN_EVENT,
      { field: 'eventTypes', reason: 'invalid' },
      `${unknown.slice(0, 64)} is not an event type a webhook can subscribe to`,
    )
  return [...new Set(types)]
}

/**
 * Webhook subscriptions as configuration commands: each change is one transaction with its
 * `config.changed` audit row, followed by `webhook:changed` (the dispatcher looks again). The
 * secret is made here, returned once, and never written to the audit row.
 */
export class WebhookCommands {
  readonly repo: WebhooksRepo

  constructor(
    private readonly ctx: QueueContext,
    private readonly rules: WebhookHostRules,
  ) {
    this.repo = new WebhooksRepo(ctx.db)
  }

  list(): WebhookRecord[] {
    return this.repo.list()
  }

  /** One subscription, or WEBHOOK_NOT_FOUND. */
  get(id: number): WebhookRecord {
    const s = this.repo.get(id)
    if (!s) throw domainError(ErrorCodes.WEBHOOK_NOT_FOUND, `webhook ${id} does not exist`)
    return s
  }

  /** Subscribes a URL; the answer holds the secret, the only time it is shown. Events from now on are delivered. */
  create(actor: Actor, body: CreateWebhookBody): WebhookRecord {
    const url = checkWebhookUrl(body.url, this.rules)
    const eventTypes = checkEventTypes(body.eventTypes)
    return this.ctx.write((tx) => {
      const id = this.repo.insert(
        { url, description: body.description ?? '', eventTypes, secret: newWebhookSecret(), fromEventId: this.ctx.events.lastId() },
        tx.now,
      )
      auditChange(tx, actor, 'webhook.create', {}, body)
      tx.emit({ type: 'webhook:changed', subscriptionId: id })
      return this.get(id)
    })
  }

  update(actor: Actor, id: number, body: UpdateWebhookBody): WebhookRecord {
    const url = body.url === undefined ? undefined : checkWebhookUrl(body.url, this.rules)
    const eventTypes = body.eventTypes === undefined ? undefined : checkEventTypes(body.eventTypes)
    return this.ctx.write((tx) => {
      const s = this.get(id)
      this.repo.update(
        id,
        { url: url ?? s.url, description: body.description ?? s.description, eventTypes: eventTypes ?? s.eventTypes },
        tx.now,
      )
      if (url !== undefined && url !== s.url) this.repo.dueNow(id, tx.now)
      auditChange(tx, actor, 'webhook.update', { id }, body)
      tx.emit({ type: 'webhook:changed', subscriptionId: id })
      return this.get(id)
    })
  }

  /** Deletes the subscription and its delivery log (pending deliveries included). */
  remove(actor: Actor, id: number): void {
    this.ctx.write((tx) => {
      this.get(id)
      this.repo.remove(id)
      auditChange(tx, actor, 'webhook.delete', { id }, null)
      tx.emit({ type: 'webhook:changed', subscriptionId: id })
    })
  }

  /** A new secret, signing every delivery from now on (returned once). */
  rotateSecret(actor: Actor, id: number): WebhookRecord {
    return this.ctx.write((tx) => {
      this.get(id)
      this.repo.setSecret(id, newWebhookSecret(), tx.now)
      auditChange(tx, actor, 'webhook.rotate-secret', { id }, null)
      tx.emit({ type: 'webhook:changed', subscriptionId: id })
      return this.get(id)
    })
  }

  /** Stops sending (deliveries keep being queued, and wait). */
  pause(actor: Actor, id: number): WebhookRecord {
    return this.ctx.write((tx) => {
      const s = this.get(id)
      if (s.pausedAt === null) this.repo.pause(id, 'manual', tx.now)
      auditChange(tx, actor, 'webhook.pause', { id }, null)
      tx.emit({ type: 'webhook:changed', subscriptionId: id })
      return this.get(id)
    })
  }

  /** Sends again: every pending delivery, in order, from now. */
  resume(actor: Actor, id: number): WebhookRecord {
    return this.ctx.write((tx) => {
      this.get(id)
      this.repo.resume(id, tx.now)
      auditChange(tx, actor, 'webhook.resume', { id }, null)
      tx.emit({ type: 'webhook:changed', subscriptionId: id })
      return this.get(id)
    })
  }

  /** One delivery of a subscription, or WEBHOOK_DELIVERY_NOT_FOUND. */
  delivery(deliveryId: number): DeliveryRecord {
    const d = this.repo.delivery(deliveryId)
    if (!d) throw domainError(ErrorCodes.WEBHOOK_DELIVERY_NOT_FOUND, `delivery ${deliveryId} does not exist`)
    return d
  }

  /**
   * Queues the same event again at the end of the subscription's line, with a new idempotency
   * id (an admin's redeliver is meant to be processed again); the body, and its event id, stay.
   */
  redeliver(actor: Actor, deliveryId: number): DeliveryRecord {
    return this.ctx.write((tx) => {
      const d = this.delivery(deliveryId)
      if (d.status === 'pending') throw domainError(ErrorCodes.WEBHOOK_DELIVERY_PENDING, `delivery ${deliveryId} is still pending`)
      const copy = this.repo.copiesOf(d.subscriptionId, d.eventId)
      const id = this.repo.insertDelivery({
        subscriptionId: d.subscriptionId,
        eventId: d.eventId,
        eventType: d.eventType,
        deliveryId: `${d.deliveryId.split('.')[0]}.r${copy}`,
        body: d.body,
        nextAttemptAt: tx.now,
        createdAt: tx.now,
      })
      auditChange(tx, actor, 'webhook.redeliver', { id: deliveryId }, null)
      tx.emit({ type: 'webhook:changed', subscriptionId: d.subscriptionId })
      return this.delivery(id)
    })
  }
}
