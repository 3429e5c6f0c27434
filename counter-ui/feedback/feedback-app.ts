/**
 * `<tabour-feedback-app>`: the small tablet at a counter (issue 21). Pairs like a kiosk (`?pair=`
 * or the code typed), is bound to a counter in its device config, and after each finish there
 * (`feedback:ask`) shows five large faces, Arabic first and English under it, right to left; on
 * a low score the reasons; then thanks the citizen and returns to idle by itself. An ask nobody
 * answers goes back to idle after the tablet's idle time; a ticket rated elsewhere (keypad,
 * status page) stops being asked about.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import type { FeedbackAsk } from '../../protocol/feedback.ts'
import { feedbackText, type FeedbackMessageKey } from '../../protocol/messages/feedback.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { basePathBefore } from '../../ui-common/base-path.ts'
import { applyLang, type Lang } from '../../ui-common/i18n.ts'
import type { LangChangeEvent } from '../../ui-common/lang-switch.ts'
import { takePairingQuery } from '../../ui-common/pairing-code.ts'
import type { PairSubmitDetail } from '../../ui-common/pairing-screen.ts'
import '../../ui-common/pairing-screen.ts'
import '../../ui-common/rating-form.ts'
import type { RatingForm, RatingSubmitDetail } from '../../ui-common/rating-form.ts'
import { screenHost } from '../../ui-common/screen-styles.ts'
import { applyPageTheme, themeStyles } from '../../ui-common/theme.ts'
import { touchStyles } from '../../ui-common/touch-styles.ts'
import { FeedbackSession } from './feedback-session.ts'

/** How long the thank-you stays before the tablet is idle again. */
export const THANKS_MS = 6000

type Phase = 'idle' | 'asking' | 'thanks'

@customElement('tabour-feedback-app')
export class FeedbackApp extends LitElement {
  static override styles = [
    themeStyles,
    touchStyles,
    screenHost,
    css`
      main {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: var(--tabour-space-3);
        min-block-size: 100vh;
        padding: var(--tabour-space-3);
        text-align: center;
      }
      h1 {
        margin: 0;
        font-size: var(--tabour-text-huge);
        line-height: 1.25;
        color: var(--tabour-primary);
      }
      .second {
        display: block;
        font-size: 0.6em;
        font-weight: 400;
        color: var(--tabour-muted);
      }
      .counter {
        margin: 0;
        font-size: var(--tabour-text-large);
        font-weight: 700;
      }
      .hint,
      .ticket {
        margin: 0;
        font-size: var(--tabour-text-large);
      }
      tabour-rating-form {
        inline-size: 100%;
      }
    `,
  ]

  @state() private phase: Phase = 'idle'
  @state() private ask: FeedbackAsk | null = null
  @state() private busy = false
  @state() private notice: FeedbackMessageKey | null = null
  @state() private pairLang: Lang = 'ar'
  @query('tabour-rating-form') private form!: RatingForm | null

  private booted = false
  private timer: ReturnType<typeof setTimeout> | undefined

  private readonly session = new FeedbackSession(this, basePathBefore(location.pathname, 'feedback'), {
    onAsk: (ask) => this.showAsk(ask),
    onRated: (ticketId) => {
      if (this.phase === 'asking' && this.ask?.ticketId === ticketId && !this.busy) this.goIdle()
    },
  })

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    applyLang('ar')
    if (!this.booted) {
      this.booted = true
      void this.session.pairing.boot(takePairingQuery())
    }
  }

  override disconnectedCallback(): void {
    clearTimeout(this.timer)
    super.disconnectedCallback()
  }

  private idleMs(): number {
    return (this.session.state?.idleSeconds ?? 60) * 1000
  }

  private showAsk(ask: FeedbackAsk): void {
    this.ask = ask
    this.phase = 'asking'
    this.notice = null
    this.form?.reset()
    this.later(this.idleMs())
  }

  private goIdle(): void {
    clearTimeout(this.timer)
    this.phase = 'idle'
    this.ask = null
    this.notice = null
  }

  private later(ms: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.goIdle(), ms)
  }

  private async send(e: CustomEvent<RatingSubmitDetail>): Promise<void> {
    const ask = this.ask
    if (!ask || this.busy) return
    this.busy = true
    this.later(this.idleMs())
    try {
      await this.session.rate(ask.ticketId, e.detail.score, e.detail.reasons)
      this.thank(null)
    } catch (err) {
      const code = err instanceof ApiError ? err.code : null
      if (code === ErrorCodes.RATING_EXISTS) this.thank('feedback.error.exists')
      else if (code === ErrorCodes.RATING_WINDOW_CLOSED) this.thank('feedback.error.late')
      else this.notice = 'feedback.error.failed'
    } finally {
      this.busy = false
    }
  }

  private thank(notice: FeedbackMessageKey | null): void {
    this.phase = 'thanks'
    this.notice = notice
    this.later(THANKS_MS)
  }

  /** Arabic (in the center's digits), then English smaller under it. */
  private both(key: FeedbackMessageKey, values?: Record<string, string | number>): TemplateResult {
    const digits = this.session.state?.digits ?? 'western'
    return html`<span lang="ar">${feedbackText(key, 'ar', values, digits)}</span><span class="second" lang="en" dir="ltr">${feedbackText(key, 'en', values)}</span>`
  }

  override render(): TemplateResult {
    const session = this.session
    if (session.phase === 'starting') return html`<main aria-busy="true">…</main>`
    if (session.phase === 'pairing') {
      return html`<tabour-pairing-screen
        kind="feedback"
        .lang=${this.pairLang}
        .busy=${session.pairing.busy}
        .error=${session.pairing.error}
        .initialCode=${session.pairing.code}
        @lang-change=${(e: LangChangeEvent) => (this.pairLang = e.detail.lang)}
        @pair-submit=${(e: CustomEvent<PairSubmitDetail>) => void session.pairing.pair(e.detail.code, false)}
      ></tabour-pairing-screen>`
    }
    const counter = session.state?.counter
    return html`<main data-phase=${this.phase} data-synced=${session.synced ? 'yes' : 'no'}>
      ${counter ? html`<p class="counter">${this.both('feedback.counter', { number: counter.number })}</p>` : nothing}
      ${session.state && !counter ? html`<p class="notice danger-notice" role="alert">${this.both('feedback.unbound')}</p>` : this.body()}
      ${session.connected ? nothing : html`<p class="notice danger-notice" role="status" data-offline>${this.both('feedback.offline')}</p>`}
    </main>`
  }

  private body(): TemplateResult {
    if (this.phase === 'asking' && this.ask) {
      return html`<h1>${this.both('feedback.ask.title')}</h1>
        <p class="ticket">${this.both('feedback.ask.ticket', { label: this.ask.label })}</p>
        <tabour-rating-form bilingual large .busy=${this.busy} @rating-submit=${(e: CustomEvent<RatingSubmitDetail>) => void this.send(e)}></tabour-rating-form>
        ${this.notice ? html`<p class="notice danger-notice" role="alert">${this.both(this.notice)}</p>` : nothing}`
    }
    if (this.phase === 'thanks') {
      return html`<h1 role="status" data-thanks>${this.both(this.notice ?? 'feedback.thanks')}</h1>`
    }
    return html`<h1>${this.both('feedback.idle.title')}</h1><p class="hint">${this.both('feedback.idle.hint')}</p>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-feedback-app': FeedbackApp
  }
}
