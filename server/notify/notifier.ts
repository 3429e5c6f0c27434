/**
 * Sends the message outbox: scans the event log into it (message-scanner.ts) whenever the
 * domain reports a change and every `scanSeconds`, then hands due messages to the provider,
 * oldest first. A message leaves `queued` only with the provider's answer: accepted (with its
 * ids, for the receipts), failed for good (refused), or, when the provider is down or answers
 * garbage, it stays queued and is tried again with backoff (protocol/backoff.ts). After a
 * kill -9 it simply carries on from the table: the scan's read position and the outbox were
 * committed together, so nothing is skipped and nothing is made twice.
 */
import type { FastifyBaseLogger } from 'fastify'
import { backoffDelay } from '../../protocol/backoff.ts'
import type { DomainEvents } from '../queue/domain-events.ts'
import type { DueMessage } from './message-outbox.ts'
import type { MessageScanner, MessagesConfig } from './message-scanner.ts'
import { ProviderError, type MessageProvider, type ProviderHealth, type Receipt } from './provider.ts'

export interface NotifierDeps {
  scanner: MessageScanner
  provider: MessageProvider
  config: { messages: MessagesConfig }
  events: DomainEvents
  log: FastifyBaseLogger
  /** The center's clock (quiet hours, expiry); timers use real time. */
  clock: () => number
}

export interface NotifierStats {
  accepted: number
  failures: number
  lastError: string | null
}

export class Notifier {
  readonly stats: NotifierStats = { accepted: 0, failures: 0, lastError: null }
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private stopped = true
  private again = false
  private unsubscribe: (() => void) | null = null
  private nextScanAt = 0
  private waiters: (() => void)[] = []
  /** Consecutive failed sends: the backoff's attempt number (the provider is down for all messages at once). */
  private streak = 0
  /** Receipts that came before their message was stored as accepted, applied once it is (kept a minute). */
  private readonly early = new Map<string, { receipt: Receipt; at: number }>()

  constructor(private readonly deps: NotifierDeps) {
    deps.provider.onReceipt((r) => {
      if (this.stopped) return
      const result = deps.scanner.outbox.receipt(deps.provider.name, r.providerMessageId, r.status, deps.clock())
      // a fast SMSC's receipt can overtake the answer to the message's last part: it waits for the parts to be stored
      if (!result) this.early.set(r.providerMessageId, { receipt: r, at: Date.now() })
    })
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    // a committed change may make a message: scan at once rather than at the next tick
    this.unsubscribe = this.deps.events.on((e) => {
      if (e.type === 'ticket:issued' || e.type === 'ticket:called' || e.type === 'ticket:updated' || e.type === 'queue:updated') this.poke()
    })
    this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.unsubscribe?.()
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
    await this.deps.provider.close()
    for (const w of this.waiters.splice(0)) w()
  }

  /** Resolves after the next complete round (scan + send): for tests. */
  nextRound(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  health(): ProviderHealth & { pending: number } {
    return { ...this.deps.provider.health(), pending: this.deps.scanner.outbox.pending() }
  }

  /** Scan and send now (after the round under way, if one is). */
  poke(): void {
    this.nextScanAt = 0
    if (this.running) this.again = true
    else this.schedule(0)
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.running = this.round().finally(() => {
          this.running = null
        })
      },
      Math.max(0, Math.min(ms, 2_147_000_000)),
    )
  }

  private async round(): Promise<void> {
    const cfg = this.deps.config.messages
    let wait = cfg.scanSeconds * 1000
    try {
      if (Date.now() >= this.nextScanAt) {
        this.deps.scanner.scan(this.deps.clock())
        this.nextScanAt = Date.now() + cfg.scanSeconds * 1000
      }
      wait = await this.sendDue()
    } catch (err) {
      this.deps.log.error({ err }, 'message round failed')
    }
    for (const w of this.waiters.splice(0)) w()
    if (this.again) {
      this.again = false
      wait = 0
    }
    this.schedule(Math.min(wait, this.nextScanAt - Date.now()))
  }

  /** Sends what is due; returns how long until the next message is due. */
  private async sendDue(): Promise<number> {
    const outbox = this.deps.scanner.outbox
    for (;;) {
      if (this.stopped) return Infinity
      const now = this.deps.clock()
      const due = outbox.due(now)
      if (due.length === 0) {
        const next = outbox.nextDueAt()
        return next === null ? Infinity : Math.max(0, next - now)
      }
      // the provider's window and rate limit how many are in flight (SMPP); the others take one at a time
      const results = await Promise.all(due.map((m) => this.sendOne(m, now)))
      if (this.stopped) return Infinity
      const failed = results.filter((ok) => !ok).length
      if (failed > 0) return 0 // the failed ones are rescheduled; the loop picks up what is due next
    }
  }

  private applyEarlyReceipts(ids: string[]): void {
    for (const id of ids) {
      const early = this.early.get(id)
      if (!early) continue
      this.early.delete(id)
      this.deps.scanner.outbox.receipt(this.deps.provider.name, id, early.receipt.status, this.deps.clock())
    }
    const stale = Date.now() - 60_000
    for (const [id, e] of this.early)
      if (e.at < stale) {
        this.early.delete(id)
        this.deps.log.warn(
          { provider: this.deps.provider.name, status: e.receipt.status },
          'a delivery receipt for a message this center did not send',
        )
      }
  }

  /** True when the message left `queued` (accepted, refused, expired). */
  private async sendOne(m: DueMessage, now: number): Promise<boolean> {
    const outbox = this.deps.scanner.outbox
    const provider = this.deps.provider
    if (now > m.expiresAt) {
      outbox.finish(m.id, 'expired', 'not sent in time', now)
      return true
    }
    try {
      const result = await provider.send(m)
      if (this.stopped) return true // closing: an acceptance not recorded is sent again after the restart (the provider gets the same key)
      outbox.accepted(m.id, provider.name, result.providerMessageIds, this.deps.clock())
      this.applyEarlyReceipts(result.providerMessageIds)
      this.stats.accepted++
      this.streak = 0
      return true
    } catch (err) {
      if (this.stopped) return true
      const e = err instanceof ProviderError ? err : new ProviderError('down', (err as Error).message ?? String(err))
      this.stats.failures++
      this.stats.lastError = e.message
      if (e.failure === 'refused') {
        outbox.finish(m.id, 'failed', `${e.code}: ${e.message}`, this.deps.clock(), provider.name)
        this.deps.log.warn({ message: m.id, kind: m.kind, error: e.message }, 'message refused by the provider: failed')
        return true
      }
      this.streak++
      const cfg = this.deps.config.messages
      const delay = backoffDelay(Math.min(m.attempts, this.streak - 1), {
        baseMs: cfg.retryMinSeconds * 1000,
        maxMs: cfg.retryMaxSeconds * 1000,
        jitter: 0.5,
      })
      outbox.retry(m.id, provider.name, `${e.code}: ${e.message}`, this.deps.clock() + delay)
      if (m.attempts === 0 || m.attempts % 10 === 0)
        this.deps.log.warn(
          { message: m.id, attempts: m.attempts + 1, error: e.message, code: e.code, retryInMs: delay },
          'message not sent; will retry',
        )
      return false
    }
  }
}
