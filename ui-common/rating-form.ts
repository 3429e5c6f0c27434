/**
 * `<tabour-rating-form>`: five faces (1 very bad … 5 excellent), then, on a low score, the
 * reasons of protocol/feedback.ts as toggles and a send button; emits `rating-submit`
 * `{score, reasons}`. A good score is sent with the tap. `bilingual` (the counter tablet) shows
 * Arabic with English under it; otherwise it speaks `lang` (the status page). Every target is at
 * least 64 px; `large` makes the faces big for a tablet at arm's length.
 */
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { FEEDBACK_REASONS, LOW_SCORE_MAX, MAX_SCORE, MIN_SCORE } from '../protocol/feedback.ts'
import { feedbackText, type FeedbackMessageKey } from '../protocol/messages/feedback.ts'
import type { Lang } from './i18n.ts'
import { themeStyles } from './theme.ts'
import { touchStyles } from './touch-styles.ts'

/** Payload of `rating-submit`. */
export interface RatingSubmitDetail {
  score: number
  reasons: string[]
}

const SCORES = Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => MIN_SCORE + i)

/** A face for a score: red and frowning at 1, green and smiling at 5. */
function face(score: number): TemplateResult {
  const bend = (score - 3) * 9
  return html`<svg viewBox="0 0 100 100" aria-hidden="true" focusable="false" class="face s${score}">
    ${svg`<circle cx="50" cy="50" r="46" class="skin"></circle>
    <circle cx="34" cy="40" r="6" class="eye"></circle><circle cx="66" cy="40" r="6" class="eye"></circle>
    <path d="M28 ${68 - bend / 3} Q50 ${68 + bend} 72 ${68 - bend / 3}" class="mouth"></path>`}
  </svg>`
}

@customElement('tabour-rating-form')
export class RatingForm extends LitElement {
  static override styles = [
    themeStyles,
    touchStyles,
    css`
      :host {
        display: block;
      }
      /* the five faces stay in one row, from a 360 px phone to a tablet */
      .faces {
        display: flex;
        justify-content: center;
        gap: 0.25rem;
        flex-wrap: nowrap;
      }
      .face-btn {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--tabour-space-1);
        /*
         * Five share the row equally, none narrower than its own face and word (the flex item's automatic
         * minimum): a minimum of a fifth of the row let «ممتازة» / "Excellent" run past its button onto the
         * card's edge on a 390 px phone (walk s53). On a narrow phone a button may be a few px under 64 wide
         * (still well over 44), never on the tablet.
         */
        flex: 1 1 0;
        max-inline-size: 10rem;
        min-inline-size: auto;
        min-block-size: var(--tabour-touch-min);
        padding: 0.25rem 0.125rem;
        border: 3px solid transparent;
        border-radius: var(--tabour-radius);
        background: var(--tabour-bg);
        color: var(--tabour-fg);
        font: inherit;
        cursor: pointer;
        touch-action: manipulation;
      }
      .face-btn[aria-pressed='true'] {
        border-color: var(--tabour-primary);
        background: var(--tabour-surface);
      }
      /* a little smaller on a narrow phone, so the five and their words fit a 360 px screen's card */
      .face {
        inline-size: min(3rem, 11vw);
        block-size: min(3rem, 11vw);
      }
      :host(:not([large])) .word {
        font-size: 0.7em;
      }
      /* five in one row on an 800 px tablet, each still far above the 64 px minimum */
      :host([large]) .face {
        inline-size: min(13vw, 8rem);
        block-size: min(13vw, 8rem);
      }
      :host([large]) .faces {
        flex-wrap: nowrap;
        gap: var(--tabour-space-1);
      }
      .skin {
        stroke: #0a0a0a;
        stroke-width: 3;
      }
      .s1 .skin { fill: #e35d52; }
      .s2 .skin { fill: #f29a4a; }
      .s3 .skin { fill: #f5d04c; }
      .s4 .skin { fill: #a5d46a; }
      .s5 .skin { fill: #4cbf6b; }
      .eye {
        fill: #0a0a0a;
      }
      .mouth {
        fill: none;
        stroke: #0a0a0a;
        stroke-width: 6;
        stroke-linecap: round;
      }
      .word {
        font-weight: 700;
        line-height: 1.2;
        text-align: center;
      }
      .second {
        display: block;
        font-size: 0.75em;
        font-weight: 400;
        color: var(--tabour-muted);
      }
      h2 {
        margin: var(--tabour-space-3) 0 var(--tabour-space-2);
        font-size: var(--tabour-text-large);
        text-align: center;
      }
      .reasons {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: var(--tabour-space-2);
      }
      .reason[aria-pressed='true'] {
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
      }
      .primary .second,
      .reason[aria-pressed='true'] .second {
        color: var(--tabour-on-primary);
      }
      .send {
        display: flex;
        justify-content: center;
        margin-block-start: var(--tabour-space-3);
      }
    `,
  ]

  /** Show Arabic with English under it (the counter tablet); default false: `lang` only. */
  @property({ type: Boolean }) bilingual = false
  /** The language when not bilingual; default ar. */
  @property() override lang: Lang = 'ar'
  /** Big faces for a tablet; default false. */
  @property({ type: Boolean, reflect: true }) large = false
  /** A rating is on its way: the buttons wait. */
  @property({ type: Boolean }) busy = false

  @state() private score: number | null = null
  @state() private reasons = new Set<string>()

  /** Back to the faces, nothing chosen (a new ask). */
  reset(): void {
    this.score = null
    this.reasons = new Set()
  }

  private words(key: FeedbackMessageKey, values?: Record<string, string | number>): TemplateResult {
    if (!this.bilingual) return html`${feedbackText(key, this.lang, values)}`
    return html`<span lang="ar">${feedbackText(key, 'ar', values)}</span><span class="second" lang="en" dir="ltr">${feedbackText(key, 'en', values)}</span>`
  }

  private reasonWords(r: (typeof FEEDBACK_REASONS)[number]): TemplateResult {
    if (!this.bilingual) return html`${r[this.lang]}`
    return html`<span lang="ar">${r.ar}</span><span class="second" lang="en" dir="ltr">${r.en}</span>`
  }

  override render(): TemplateResult {
    const low = this.score !== null && this.score <= LOW_SCORE_MAX
    return html`<div class="faces" role="group" aria-label=${feedbackText('feedback.ask.title', this.bilingual ? 'ar' : this.lang)}>
        ${SCORES.map(
          (
            s,
          ) => html`<button type="button" class="face-btn" data-score=${s} aria-pressed=${this.score === s ? 'true' : 'false'} ?disabled=${this.busy} @click=${() => this.pick(s)}>
            ${face(s)}<span class="word">${this.words(`feedback.face.${s}` as FeedbackMessageKey)}</span>
          </button>`,
        )}
      </div>
      ${low ? this.reasonStep() : nothing}`
  }

  private reasonStep(): TemplateResult {
    return html`<h2>${this.words('feedback.reasons.title')}</h2>
      <div class="reasons" role="group">
        ${FEEDBACK_REASONS.map(
          (
            r,
          ) => html`<button type="button" class="btn reason" data-reason=${r.code} aria-pressed=${this.reasons.has(r.code) ? 'true' : 'false'} ?disabled=${this.busy} @click=${() => this.toggle(r.code)}>
            <span class="word">${this.reasonWords(r)}</span>
          </button>`,
        )}
      </div>
      <div class="send">
        <button type="button" class="btn primary" data-action="send" ?disabled=${this.busy} @click=${() => this.submit()}>
          <span class="word">${this.words(this.reasons.size > 0 ? 'feedback.reasons.send' : 'feedback.reasons.skip')}</span>
        </button>
      </div>`
  }

  private pick(score: number): void {
    this.score = score
    this.reasons = new Set()
    if (score > LOW_SCORE_MAX) this.submit()
  }

  private toggle(code: string): void {
    const next = new Set(this.reasons)
    if (next.has(code)) next.delete(code)
    else next.add(code)
    this.reasons = next
  }

  private submit(): void {
    if (this.score === null) return
    const detail: RatingSubmitDetail = { score: this.score, reasons: [...this.reasons] }
    this.dispatchEvent(new CustomEvent('rating-submit', { detail, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-rating-form': RatingForm
  }
}
