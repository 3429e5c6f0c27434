/**
 * `<tabour-away-counter>`: what the dashboard shows in an away counter's row (issue 14): an
 * "Away" mark (its clerk has had no live console for queue.awayAfterSeconds, so it is left out
 * of staffing and the estimates) and a manager's "Close counter", asked once more before the
 * request (POST /counters/:id/close-away, audited as a counter action). The row itself follows
 * the staff feed's `counter:updated`, so nothing is refreshed here.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Counter } from '../protocol/entities.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles } from './dashboard-styles.ts'
import { num } from './format.ts'
import { staffingText } from '../protocol/messages/staffing.ts'
import { awayDetail } from './counter-now.ts'

@customElement('tabour-away-counter')
export class AwayCounter extends LitElement {
  static override styles = [
    deskStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      button {
        padding: 0.15rem 0.6rem;
        font-size: 0.85rem;
      }
      .paused-detail {
        font-size: 0.85rem;
        color: var(--tabour-muted);
      }
      .error {
        color: var(--tabour-danger);
        font-size: 0.85rem;
      }
    `,
  ]

  @property({ attribute: false }) counter: Counter | null = null
  /** The manager's API; without one the mark shows but no button. */
  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  /** The center's time now (epoch ms) and zone: since when it is away, "since 9:42 PM (2 min)". */
  @property({ type: Number }) now = Date.now()
  @property() timeZone = 'Africa/Cairo'
  @state() private confirming = false
  @state() private busy = false
  @state() private error: string | null = null

  override render(): TemplateResult | typeof nothing {
    const c = this.counter
    if (!c?.awaySince) return nothing
    const lang = this.lang
    return html`<span class="pill" data-tone="bad" data-away="true" title=${staffingText('staffing.awayHint', lang)}>${staffingText('staffing.away', lang)}</span>
      ${awayDetail(c, { now: this.now, timeZone: this.timeZone, lang, digits: this.digits })}
      ${
        !this.api
          ? nothing
          : this.confirming
            ? html`<span>${staffingText('staffing.closeAway.confirm', lang, { n: num(c.number, this.digits) })}</span>
                <button type="button" data-action="confirm-close-away" ?disabled=${this.busy} @click=${this.close}>
                  ${staffingText('staffing.closeAway.yes', lang)}
                </button>
                <button type="button" data-action="cancel-close-away" @click=${() => (this.confirming = false)}>${staffingText('common.cancel', lang)}</button>`
            : html`<button type="button" data-action="close-away" @click=${() => (this.confirming = true)}>${staffingText('staffing.closeAway', lang)}</button>`
      }
      ${this.error ? html`<span class="error" role="alert">${staffingText('staffing.closeAway.failed', lang, { reason: this.error })}</span>` : nothing}`
  }

  private readonly close = async (): Promise<void> => {
    if (!this.api || !this.counter || this.busy) return
    this.busy = true
    this.error = null
    try {
      await this.api.save(`/counters/${this.counter.id}/close-away`, 'POST', {})
      this.confirming = false
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-away-counter': AwayCounter
  }
}
