/**
 * Issuing tickets from the kiosk, safely: one request at a time (a double tap is ignored),
 * one Idempotency-Key per tap session, sent again on each retry, so the server never makes two
 * tickets for one tap. After a network failure the key is kept for a few minutes: if the
 * citizen taps the same service again once the kiosk is back, the server returns the ticket it
 * may already have made instead of a second one. Owns its retry timer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { backoffDelay } from '../protocol/backoff.ts'
import { NetworkError } from '../ui-common/api-client.ts'
import { randomUuid } from '../ui-common/random-id.ts'
import { issueTicket, type IssuedTicketReply, type IssueRequest } from './kiosk-api.ts'

/** How long a key survives a network failure; default 3 min. */
const REUSE_KEY_MS = 3 * 60_000
/** Tries per tap when the network fails; default 3 (waits 0.7 s, then 1.4 s). */
const ATTEMPTS = 3
/** The waits between those tries: short, and without jitter (one citizen, one tap). */
const RETRY_BACKOFF = { baseMs: 700, maxMs: 1400, jitter: 0 }

export class IssueController implements ReactiveController {
  /** The service whose ticket is in flight, or null. */
  busyServiceId: number | null = null
  private unfinished: { serviceId: number; key: string; at: number } | null = null
  private wait: { timer: ReturnType<typeof setTimeout>; resolve: () => void } | null = null
  private disposed = false

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly base: string,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    this.disposed = false
  }

  hostDisconnected(): void {
    this.disposed = true
    if (this.wait) {
      clearTimeout(this.wait.timer)
      this.wait.resolve()
      this.wait = null
    }
  }

  /** Whether a ticket is being issued. */
  get busy(): boolean {
    return this.busyServiceId !== null
  }

  /** The key of a new tap session on `serviceId` (or of the one a network failure left unfinished). */
  keyFor(serviceId: number, now: number = Date.now()): string {
    const u = this.unfinished
    if (u && u.serviceId === serviceId && now - u.at < REUSE_KEY_MS) return u.key
    return randomUuid()
  }

  /**
   * Issues a ticket; rejects with ApiError or NetworkError (after the retries), or with an
   * Error('busy') when another ticket is in flight.
   */
  async issue(token: string, body: IssueRequest, key: string): Promise<IssuedTicketReply> {
    if (this.busy) throw new Error('busy')
    this.busyServiceId = body.serviceId
    this.host.requestUpdate()
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const ticket = await issueTicket(this.base, token, body, key)
          this.unfinished = null
          return ticket
        } catch (err) {
          if (!(err instanceof NetworkError) || attempt >= ATTEMPTS || this.disposed) {
            if (err instanceof NetworkError) this.unfinished = { serviceId: body.serviceId, key, at: Date.now() }
            throw err
          }
          await this.pause(backoffDelay(attempt - 1, RETRY_BACKOFF))
        }
      }
    } finally {
      this.busyServiceId = null
      this.host.requestUpdate()
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wait = null
        resolve()
      }, ms)
      this.wait = { timer, resolve }
    })
  }
}
