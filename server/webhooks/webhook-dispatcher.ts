/**
 * Sends the webhook outbox after commit. Per subscription, deliveries go out one at a time in
 * the order they were queued: a failing one holds those behind it and is retried with backoff
 * (protocol/backoff.ts) for up to webhooks.maxAgeHours; a subscription that has failed without a
 * success for webhooks.pauseAfterHours is paused (nothing deleted) until an admin resumes it.
 * Subscriptions do not wait for each other. A delivery is marked delivered only after its 2xx:
 * a crash in between sends it again under the same idempotency id, which the receiver drops.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/connection.ts'
import type { Config } from '../config.ts'
import type { DomainEvents } from '../queue/domain-events.ts'
import type { DeliveryRecord, WebhookRecord } from '../db/repositories/webhooks-repo.ts'
import { backoffDelay } from '../../protocol/backoff.ts'
import { WebhookHeaders } from '../../protocol/webhooks.ts'
import { ErrorCodes } from '../errors.ts'
import { TABOUR_VERSION } from '../version.ts'
import { WebhookOutbox } from './webhook-outbox.ts'
import { signatureHeader } from './signature.ts'
import { httpTransport, type AttemptResult, type WebhookTransport } from './webhook-sender.ts'

export interface DispatcherDeps {
  db: Db
  config: Pick<Config, 'webhooks'>
  events: DomainEvents
  log: FastifyBaseLogger
  /** The center's clock: queue times, retry times, ages and signature timestamps (tests drive it). */
  clock: () => number
  /** Default: HTTP with the address guard of config webhooks. */
  transport?: WebhookTransport
  /** For backoff jitter; default Math.random. */
  random?: () => number
}

const HOUR_MS = 3_600_000

export class WebhookDispatcher {
  readonly outbox: WebhookOutbox
  private readonly transport: WebhookTransport
  private unsubscribe: (() => void) | null = null
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private stopped = true

  constructor(private readonly deps: DispatcherDeps) {
    this.outbox = new WebhookOutbox(deps.db)
    this.transport = deps.transport ?? httpTransport(deps.config.webhooks)
  }

  private get cfg(): Config['webhooks'] {
    return this.deps.config.webhooks
  }

  /** Starts polling and listens for committed changes (each one kicks a round). */
  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.unsubscribe = this.deps.events.on(() => this.kick())
    this.kick()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.unsubscribe?.()
    this.unsubscribe = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  /** A round soon (after the current one, if one runs). */
  private kick(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.runOnce(), 0)
  }

  /** One complete round now: scan the log, then send whatever is due by the clock. Tests call it after moving the clock. */
  async runOnce(): Promise<void> {
    while (this.running) await this.running
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.running = this.round().finally(() => {
      this.running = null
    })
    await this.running
    if (this.stopped) return
    if (this.again) {
      this.again = false
      this.timer = setTimeout(() => void this.runOnce(), 0)
    } else {
      this.timer = setTimeout(() => void this.runOnce(), this.cfg.pollSeconds * 1000)
    }
    this.timer.unref?.()
  }

  private async round(): Promise<void> {
    try {
      this.outbox.scan(this.deps.clock())
      const active = this.outbox.repo.list().filter((s) => s.pausedAt === null)
      await Promise.all(active.map((s) => this.drain(s)))
    } catch (err) {
      this.deps.log.error({ err }, 'webhook round failed')
    }
  }

  /** Sends a subscription's due deliveries in order until one fails or none is due. */
  private async drain(subscription: WebhookRecord): Promise<void> {
    const { repo } = this.outbox
    for (;;) {
      if (this.stopped) return
      const sub = repo.get(subscription.id)
      if (!sub || sub.pausedAt !== null) return
      const head = repo.head(sub.id)
      if (!head || head.nextAttemptAt > this.deps.clock()) return
      const result = await this.attempt(sub, head)
      // closing: the database may be gone; a success not recorded only means a repeat the receiver drops
      if (this.stopped) return
      const now = this.deps.clock()
      if (!repo.get(sub.id)) return
      if (result.ok) {
        repo.delivered(head.id, result.statusCode, now)
        repo.recordSuccess(sub.id)
        continue
      }
      const since = Math.max(head.createdAt, sub.resumedAt ?? 0)
      const expired = now - since >= this.cfg.maxAgeHours * HOUR_MS
      const next = expired ? null : now + this.backoffMs(head.attempts)
      repo.attemptFailed(
        head.id,
        expired ? { ...result, code: ErrorCodes.WEBHOOK_EXPIRED, error: `${result.code}: ${result.error}` } : result,
        now,
        next,
      )
      const streak = repo.recordFailure(sub.id, now)
      if (head.attempts === 0 || head.attempts % 10 === 0 || expired)
        this.deps.log.warn(
          { webhook: sub.id, delivery: head.deliveryId, attempts: head.attempts + 1, code: result.code, givenUp: expired },
          'webhook delivery not accepted',
        )
      if (streak.failingSince !== null && now - streak.failingSince >= this.cfg.pauseAfterHours * HOUR_MS) {
        repo.pause(sub.id, 'failing', now)
        this.deps.log.error({ webhook: sub.id, since: streak.failingSince }, 'webhook endpoint keeps failing: paused, deliveries kept')
        return
      }
      if (!expired) return
    }
  }

  /** Backoff before retry n+1 of a delivery tried `attempts` times before this failure. */
  backoffMs(attempts: number): number {
    return backoffDelay(
      attempts,
      { baseMs: this.cfg.retryMinSeconds * 1000, maxMs: this.cfg.retryMaxSeconds * 1000, jitter: 0.5 },
      this.deps.random,
    )
  }

  private attempt(sub: WebhookRecord, d: DeliveryRecord): Promise<AttemptResult> {
    return this.transport({
      url: sub.url,
      body: d.body,
      timeoutMs: Math.round(this.cfg.timeoutSeconds * 1000),
      headers: {
        'content-type': 'application/json',
        'user-agent': `Tabour-Webhooks/${TABOUR_VERSION}`,
        [WebhookHeaders.delivery]: d.deliveryId,
        [WebhookHeaders.event]: d.eventType,
        [WebhookHeaders.signature]: signatureHeader(sub.secret, d.body, this.deps.clock()),
      },
    })
  }
}
