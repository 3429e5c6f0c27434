/**
 * `<tabour-numeric-keypad>`: a telephone-style keypad (1-2-3 on top, always left to right, as on
 * every phone) with "delete last" and "clear". Fires `keypad-key` for each press.
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { kioskStyles } from './kiosk-styles.ts'
import { commonText } from '../protocol/messages/common.ts'

/** A key of the keypad. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'delete' | 'clear'

/** Payload of `keypad-key`. */
export interface KeypadKeyDetail {
  key: KeypadKey
}

const DIGIT_ROWS: KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9']

@customElement('tabour-numeric-keypad')
export class NumericKeypad extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    css`
      .pad {
        display: grid;
        grid-template-columns: repeat(3, minmax(var(--tabour-touch-min), 7rem));
        gap: var(--tabour-space-1);
        justify-content: center;
      }
      .btn {
        min-inline-size: 0;
        min-block-size: 5rem;
        padding-inline: var(--tabour-space-1);
      }
      .digit {
        font-size: var(--tabour-text-large);
      }
      .small {
        font-size: var(--tabour-text-base);
      }
    `,
  ]

  /** Current language (for the labels of delete and clear); default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** Digits on the keys; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** Disables every key; default false. */
  @property({ type: Boolean }) disabled = false

  override render(): TemplateResult {
    const digit = (k: KeypadKey) =>
      html`<button type="button" class="btn digit" data-key=${k} ?disabled=${this.disabled} @click=${() => this.press(k)}>
        ${formatNumber(Number(k), { digits: this.digits })}
      </button>`
    return html`
      <div class="pad ltr" role="group">
        ${DIGIT_ROWS.map(digit)}
        <button type="button" class="btn small" data-key="clear" ?disabled=${this.disabled} @click=${() => this.press('clear')}>${commonText('common.clear', this.lang)}</button>
        ${digit('0')}
        <button type="button" class="btn small" data-key="delete" aria-label=${commonText('common.delete', this.lang)} ?disabled=${this.disabled} @click=${() => this.press('delete')}>
          ⌫
        </button>
      </div>
    `
  }

  private press(key: KeypadKey): void {
    this.dispatchEvent(new CustomEvent<KeypadKeyDetail>('keypad-key', { detail: { key }, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-numeric-keypad': NumericKeypad
  }
  interface HTMLElementEventMap {
    'keypad-key': CustomEvent<KeypadKeyDetail>
  }
}
