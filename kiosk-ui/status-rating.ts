/**
 * `<tabour-status-rating>`: on the ticket's status page after the visit (issue 21), the five
 * faces and, on a low score, the reasons; the rating goes to POST /feedback/tickets/:id (no
 * token: the ticket id is the capability). Shown only for a served ticket that may still be
 * rated (GET /feedback/tickets/:id says `open`); then thanks. Anonymous: nothing is asked but
 * the faces and the reasons.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { ErrorCodes } from '../protocol/error-codes.ts'
import type { PublicTicket } from '../protocol/entities.ts'
import type { RatingState } from '../protocol/feedback.ts'
import { feedbackText, type FeedbackMessageKey } from '../protocol/messages/feedback.ts'
import { ApiError, requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'
import type { Lang } from '../ui-common/i18n.ts'
import '../ui-common/rating-form.ts'
import type { RatingSubmitDetail } from '../ui-common/rating-form.ts'
import { themeStyles } from '../ui-common/theme.ts'

type Step = 'hidden' | 'open' | 'busy' | 'done' | 'failed'

@customElement('tabour-status-rating')
export class StatusRating extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        margin-block-start: var(--tabour-space-3);
        font-family: inherit;
      }
      h2 {
        margin: 0 0 var(--tabour-space-2);
        font-size: var(--tabour-text-large);
        text-align: center;
      }
      .done {
        margin: 0;
        font-weight: 700;
        text-align: center;
      }
      .warn {
        margin: var(--tabour-space-2) 0 0;
        color: var(--tabour-danger);
        font-weight: 700;
        text-align: center;
      }
    `,
  ]

  /** The ticket as the status page shows it; the faces appear only once it is done. */
  @property({ attribute: false }) ticket: PublicTicket | null = null
  /** The server's prefix. */
  @property() base = ''
  @property() override lang: Lang = 'ar'
  @state() private step: Step = 'hidden'
  @state() private message: FeedbackMessageKey | null = null
  private checkedFor: string | null = null

  protected override willUpdate(changed: PropertyValues<this>): void {
    const t = this.ticket
    // rated elsewhere while the faces are up (the counter's tablet, the keypad): received, not asked again
    if (changed.has('ticket') && t?.rated && (this.step === 'open' || this.step === 'failed')) {
      this.step = 'done'
      this.message = 'feedback.status.done'
      return
    }
    if (changed.has('ticket') && t?.status === 'done' && this.checkedFor !== t.id) {
      this.checkedFor = t.id
      void this.check(t.id)
    }
  }

  private async check(id: string): Promise<void> {
    try {
      const { state } = await requestJson<RatingState>(apiUrl(this.base, `/feedback/tickets/${encodeURIComponent(id)}`))
      this.step = state === 'open' ? 'open' : 'hidden'
    } catch {
      this.step = 'hidden' // the page still shows the ticket; rating is a bonus
    }
  }

  private async send(e: CustomEvent<RatingSubmitDetail>): Promise<void> {
    const t = this.ticket
    if (!t || this.step === 'busy') return
    this.step = 'busy'
    try {
      await requestJson(apiUrl(this.base, `/feedback/tickets/${encodeURIComponent(t.id)}`), {
        method: 'POST',
        body: { score: e.detail.score, ...(e.detail.reasons.length > 0 ? { reasons: e.detail.reasons } : {}) },
        timeoutMs: 8000,
      })
      this.step = 'done'
      this.message = 'feedback.status.done'
    } catch (err) {
      const code = err instanceof ApiError ? err.code : null
      if (code === ErrorCodes.RATING_EXISTS || code === ErrorCodes.RATING_WINDOW_CLOSED) {
        this.step = 'done'
        this.message = code === ErrorCodes.RATING_EXISTS ? 'feedback.error.exists' : 'feedback.error.late'
      } else {
        this.step = 'failed'
        this.message = 'feedback.error.failed'
      }
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (this.ticket?.status !== 'done' || this.step === 'hidden') return nothing
    const lang = this.lang
    if (this.step === 'done')
      return html`<p class="done" role="status" data-rating="done">${feedbackText(this.message ?? 'feedback.status.done', lang)}</p>`
    return html`<section aria-labelledby="rate-title" data-rating=${this.step}>
      <h2 id="rate-title">${feedbackText('feedback.status.title', lang)}</h2>
      <tabour-rating-form .lang=${lang} .busy=${this.step === 'busy'} @rating-submit=${(e: CustomEvent<RatingSubmitDetail>) => void this.send(e)}></tabour-rating-form>
      ${this.step === 'failed' ? html`<p class="warn" role="alert">${feedbackText('feedback.error.failed', lang)}</p>` : nothing}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-status-rating': StatusRating
  }
}
