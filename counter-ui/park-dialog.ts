/**
 * `<tabour-park-dialog>`: what parking the current ticket needs: a reason (queue.parkReasons),
 * the minutes (1 to queue.maxParkMinutes, default the smaller of 15 and the maximum) and an
 * optional note. Esc cancels, Enter confirms. Fires `park-confirm` {reason, minutes, note} or
 * `park-cancel`; the server checks the same bounds (TABOUR_ERR_PARK_TOO_LONG).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { ParkReason } from '../protocol/parking.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { choiceStyles, consoleStyles, dialogStyles } from './console-styles.ts'
import { parkingText } from '../protocol/messages/parking.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { FIGURE_PATTERN, typedFigure } from '../ui-common/figure-box.ts'

export interface ParkConfirmDetail {
  reason: string
  minutes: number
  note: string
}

/** The minutes the dialog proposes: 15, or the maximum when it is lower. */
export const DEFAULT_PARK_MINUTES = 15

@customElement('tabour-park-dialog')
export class ParkDialog extends LitElement {
  static override styles = [
    ...consoleStyles,
    dialogStyles,
    choiceStyles,
    css`
      legend,
      label.field {
        font-weight: 700;
        font-size: 0.95rem;
      }
      label.field {
        display: grid;
        gap: 0.3rem;
      }
      .hint {
        color: var(--console-soft);
        font-size: 0.9rem;
      }
      .error {
        margin: 0;
        font-weight: 700;
        color: var(--tabour-danger);
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** The ticket's label, for the title. */
  @property() label = ''
  @property({ attribute: false }) reasons: ParkReason[] = []
  /** Digits of the minutes and of their bound: `digitsFor(lang, the center's setting)`; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** queue.maxParkMinutes as the server said. */
  @property({ type: Number }) maxMinutes = 30
  /** The request is in flight: confirm waits. */
  @property({ type: Boolean }) busy = false
  /** The minutes typed are not 1 to maxMinutes: said under the box, and nothing is sent. */
  @state() private minutesBad = false
  @query('form') private form!: HTMLFormElement

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('input:checked, input')?.focus()
  }

  override render(): TemplateResult {
    const lang = this.lang
    const name = (r: ParkReason) => (lang === 'ar' ? r.nameAr : r.nameEn)
    return html`<div class="overlay" role="dialog" aria-modal="true" aria-labelledby="title" @keydown=${this.onKeyDown}>
      <form class="dialog" data-dialog="park" novalidate @submit=${this.onSubmit}>
        <h2 id="title">${parkingText('park.title', lang, { label: this.label })}</h2>
        <p class="hint">${parkingText('park.hint', lang)}</p>
        <fieldset>
          <legend>${parkingText('park.reason', lang)}</legend>
          ${this.reasons.map((r, i) => html`<label class="choice"><input type="radio" name="reason" value=${r.code} ?checked=${i === 0} data-park-reason=${r.code} />${name(r)}</label>`)}
        </fieldset>
        <label class="field">${parkingText('park.minutes', lang, { max: formatNumber(this.maxMinutes, { digits: this.digits }) })}
          <input name="minutes" type="text" inputmode="numeric" pattern=${FIGURE_PATTERN.whole} required dir="ltr" autocomplete="off"
            aria-invalid=${this.minutesBad ? 'true' : 'false'} aria-describedby=${this.minutesBad ? 'park-minutes-error' : nothing}
            .value=${formatNumber(Math.min(DEFAULT_PARK_MINUTES, this.maxMinutes), { digits: this.digits })} data-park-minutes />
        </label>
        ${
          this.minutesBad
            ? html`<p class="error" id="park-minutes-error" role="alert" data-error="minutes">${parkingText('park.minutesBad', lang, { min: formatNumber(1, { digits: this.digits }), max: formatNumber(this.maxMinutes, { digits: this.digits }) })}</p>`
            : nothing
        }
        <label class="field">${parkingText('park.note', lang)}<input name="note" maxlength="200" autocomplete="off" data-park-note /></label>
        <div class="buttons">
          <button type="button" data-action="cancel" @click=${this.cancel}>${parkingText('common.cancel', lang)} <kbd>Esc</kbd></button>
          <button type="submit" class="primary" data-action="confirm" ?disabled=${this.busy}>${parkingText('park.confirm', lang)} <kbd>↵</kbd></button>
        </div>
      </form>
    </div>`
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault()
      this.cancel()
    }
  }

  private onSubmit(e: Event): void {
    e.preventDefault()
    if (this.busy) return
    const data = new FormData(this.form)
    // the box shows the screen's digits and takes a keyboard's of either kind
    const typed = typedFigure(String(data.get('minutes') ?? '').trim())
    const minutes = /^[0-9]+$/.test(typed) ? Number(typed) : Number.NaN
    // out of bounds: said here, in the screen's language and digits, the dialog and its note kept
    // (the server's refusal closed it; the box's own bound was the browser's bubble in its language)
    this.minutesBad = !(minutes >= 1 && minutes <= this.maxMinutes)
    if (this.minutesBad) {
      this.renderRoot.querySelector<HTMLInputElement>('input[name="minutes"]')?.focus()
      return
    }
    const detail: ParkConfirmDetail = { reason: String(data.get('reason') ?? ''), minutes, note: String(data.get('note') ?? '').trim() }
    this.dispatchEvent(new CustomEvent<ParkConfirmDetail>('park-confirm', { detail, bubbles: true, composed: true }))
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('park-cancel', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-park-dialog': ParkDialog
  }
}
