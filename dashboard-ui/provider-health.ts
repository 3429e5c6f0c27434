/**
 * `<tabour-provider-health>`: the message provider's row in the live view's device health
 * (issue 20): connected since …, not connected since …, failing (provider-state.ts), or off when
 * no provider is configured.
 * Asks the center every 30 s (GET /messages/today, the messages card's figures).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Static } from '@sinclair/typebox'
import type { MessagesToday } from '../protocol/citizen-messages.ts'
import { localDay } from '../protocol/center-clock.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'
import { messagesCardText } from '../protocol/messages/messages-card.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles } from './dashboard-styles.ts'
import { providerState } from './provider-state.ts'
import { PollController } from '../ui-common/poll-controller.ts'

@customElement('tabour-provider-health')
export class ProviderHealthRow extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: inline-flex;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ]

  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @property() timeZone = 'Africa/Cairo'
  @state() private today: Static<typeof MessagesToday> | null = null
  // every 30 s while the page is seen: messages have no push of their own
  private readonly poll = new PollController(this, () => this.load(), 30_000)

  override connectedCallback(): void {
    super.connectedCallback()
    this.poll.start()
  }

  private async load(): Promise<void> {
    if (!this.api) return
    try {
      this.today = await this.api.messagesToday()
    } catch {
      // the live view's own calls report a lost center; the row keeps what it last knew
    }
  }

  /** The time of day, with the date when it was not today. */
  private when(ms: number): string {
    const time = clockTime(ms, this.timeZone, this.lang, this.digits)
    const day = localDay(ms, this.timeZone)
    return day === localDay(this.api?.now() ?? Date.now(), this.timeZone) ? time : `${day} ${time}`
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.today
    if (!t) return nothing
    const text = (key: Parameters<typeof messagesCardText>[0], values?: Record<string, string | number>) =>
      messagesCardText(key, this.lang, values, this.digits)
    if (t.provider === null || t.health === null)
      return html`<span class="pill" data-tone="warn" data-provider-health="off">${text('msgs.health.off')}</span>`
    const h = t.health
    const since = h.since === null ? null : this.when(h.since)
    const state = providerState(h, this.lang, this.digits, this.timeZone)
    // failing: its pill says since when (the newest failure); "connected since" would be the untrue part
    return html`<span class="muted">${t.provider}</span>
      <span class="pill" data-tone=${state.tone} data-provider-health=${state.state} title=${state.title ?? nothing}>${state.text}</span>
      ${
        state.state === 'failing'
          ? nothing
          : html`<span class="muted" data-since>${since === null ? text('msgs.health.never') : text(h.up ? 'msgs.health.upSince' : 'msgs.health.downSince', { time: since })}</span>`
      }`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-provider-health': ProviderHealthRow
  }
}
