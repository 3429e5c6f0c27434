/**
 * A feedback tablet's link to its center: a DeviceSession (pairing like a kiosk, revocation, the
 * live feed, reachability) plus what is the tablet's own: the counter it is bound to, the ask
 * still open there (after a reload), and the `feedback:ask` / `feedback:rated` pushes of its
 * counter (the feed carries every counter's; a tablet keeps its own).
 */
import type { ReactiveControllerHost } from 'lit'
import type { FeedbackAsk, Rating, TabletState } from '../../protocol/feedback.ts'
import { requestJson } from '../../ui-common/api-client.ts'
import { apiUrl } from '../../ui-common/base-path.ts'
import { DeviceSession } from '../../ui-common/device-session.ts'

/** What the session tells its host besides "render again". */
export interface FeedbackSessionHooks {
  /** A ticket was just served at this tablet's counter (or was still waiting for its rating at load). */
  onAsk(ask: FeedbackAsk): void
  /** A ticket of this counter was rated (here, on the keypad or on the status page). */
  onRated(ticketId: string): void
}

export class FeedbackSession extends DeviceSession {
  /** The tablet's counter and idle time; null until loaded. */
  state: TabletState | null = null

  constructor(
    host: ReactiveControllerHost,
    base: string,
    private readonly hooks: FeedbackSessionHooks,
  ) {
    super(host, { kind: 'feedback', base })
    this.feed
      .on('feedback:ask', (e) => {
        if (e.ask.counterId === this.state?.counter?.id) this.update(() => this.hooks.onAsk(e.ask))
      })
      .on('feedback:rated', (e) => {
        if (e.counterId !== null && e.counterId === this.state?.counter?.id) this.update(() => this.hooks.onRated(e.ticketId))
      })
  }

  protected override async load(token: string): Promise<() => void> {
    const state = await requestJson<TabletState>(apiUrl(this.base, '/feedback/tablet'), { token })
    return () => {
      this.state = state
      if (state.ask) this.hooks.onAsk(state.ask)
    }
  }

  protected override reset(): void {
    this.state = null
  }

  /** Sends the rating of `ticketId`; rejects with ApiError (its stable code) or NetworkError. */
  rate(ticketId: string, score: number, reasons: string[]): Promise<Rating> {
    return requestJson<Rating>(apiUrl(this.base, '/feedback'), {
      method: 'POST',
      token: this.token,
      body: { ticketId, score, ...(reasons.length > 0 ? { reasons } : {}) },
    })
  }
}
