/**
 * `<tabour-message-consent>`: a large tick box under the kiosk's phone keypad, asking the
 * citizen's explicit consent to be texted about the ticket at that number. Unticked by default;
 * fires `consent-change` with the new value.
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { consentText } from '../protocol/messages/consent.ts'

@customElement('tabour-message-consent')
export class MessageConsent extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        inline-size: min(100%, 56rem);
      }
      button {
        display: flex;
        align-items: center;
        gap: var(--tabour-space-2);
        inline-size: 100%;
        min-block-size: 5rem;
        padding: var(--tabour-space-2) var(--tabour-space-3);
        border: 3px solid var(--tabour-border);
        border-radius: var(--tabour-radius);
        background: var(--tabour-surface);
        color: inherit;
        font: inherit;
        font-size: var(--tabour-text-base);
        text-align: start;
        cursor: pointer;
      }
      button[aria-checked='true'] {
        border-color: var(--tabour-primary);
      }
      .box {
        flex: none;
        display: grid;
        place-items: center;
        inline-size: 2.75rem;
        block-size: 2.75rem;
        border: 3px solid currentColor;
        border-radius: 0.4rem;
        font-weight: 700;
        font-size: 1.8rem;
      }
      button[aria-checked='true'] .box {
        background: var(--tabour-primary);
        border-color: var(--tabour-primary);
        color: var(--tabour-on-primary, #fff);
      }
      small {
        display: block;
        margin-block-start: 0.25rem;
        opacity: 0.8;
      }
    `,
  ]

  /** Ticked; default false (consent is never assumed). */
  @property({ type: Boolean }) checked = false
  /** Current language; default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** The kiosk is busy issuing: the box cannot change. Default false. */
  @property({ type: Boolean }) disabled = false

  override render(): TemplateResult {
    return html`<button type="button" role="checkbox" aria-checked=${this.checked ? 'true' : 'false'} ?disabled=${this.disabled} @click=${this.toggle}>
      <span class="box" aria-hidden="true">${this.checked ? '✓' : ''}</span>
      <span>${consentText('consent.messages', this.lang)}<small>${consentText('consent.note', this.lang)}</small></span>
    </button>`
  }

  private readonly toggle = (): void => {
    this.checked = !this.checked
    this.dispatchEvent(new CustomEvent<boolean>('consent-change', { detail: this.checked, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-message-consent': MessageConsent
  }
  interface HTMLElementEventMap {
    'consent-change': CustomEvent<boolean>
  }
}
