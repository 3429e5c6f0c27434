/**
 * `<tabour-code-keyboard>`: the on-screen keyboard for a booking code (walk finding 9: the kiosk has
 * no keyboard). Its keys are the code's alphabet, Crockford base32 as the server makes codes
 * (server/queue/booking-code.ts: digits, then letters without I, L, O and U), always left to right
 * as the printed code reads, with "delete last" and "clear" as on `<tabour-numeric-keypad>`.
 * Fires `code-key` for each press. A key never takes the focus: the code's field keeps it, so a
 * barcode scanner still types into the field after a key was tapped.
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { commonText } from '../protocol/messages/common.ts'
import { kioskStyles } from './kiosk-styles.ts'
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_GROUP as GROUP, BOOKING_CODE_LENGTH } from '../protocol/booking-code-form.ts'

/** A key of the keyboard: one code character, or an edit. */
export type CodeKey = string | 'delete' | 'clear'

/** Payload of `code-key`. */
export interface CodeKeyDetail {
  key: CodeKey
}

/** What the code becomes after `key`; a full code takes no more characters. */
export function applyCodeKey(plain: string, key: CodeKey): string {
  if (key === 'clear') return ''
  if (key === 'delete') return plain.slice(0, -1)
  return plain.length < BOOKING_CODE_LENGTH ? plain + key : plain
}

@customElement('tabour-code-keyboard')
export class CodeKeyboard extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    css`
      .keys {
        display: grid;
        grid-template-columns: repeat(${GROUP * 2}, minmax(var(--tabour-touch-min), 1fr));
        gap: var(--tabour-space-1);
      }
      .btn {
        min-inline-size: 0;
        min-block-size: 5rem;
        padding-inline: 0;
        font-size: var(--tabour-text-large);
        font-family: ui-monospace, monospace;
      }
      .edit {
        grid-column: span ${GROUP};
        font-family: inherit;
        font-size: var(--tabour-text-base);
      }
    `,
  ]

  /** Current language (for the labels of delete and clear); default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** Names the keyboard for screen readers. */
  @property() label = ''
  /** Disables every key; default false. */
  @property({ type: Boolean }) disabled = false

  override render(): TemplateResult {
    const key = (k: CodeKey, text: string, cls = 'btn', aria?: string) =>
      html`<button
        type="button"
        class=${cls}
        data-key=${k}
        aria-label=${aria ?? text}
        ?disabled=${this.disabled}
        @mousedown=${(e: Event) => e.preventDefault()}
        @click=${() => this.press(k)}
      >${text}</button>`
    return html`
      <div class="keys" dir="ltr" role="group" aria-label=${this.label}>
        ${[...BOOKING_CODE_ALPHABET].map((ch) => key(ch, ch))}
        ${key('clear', commonText('common.clear', this.lang), 'btn edit')}
        ${key('delete', '⌫', 'btn edit', commonText('common.delete', this.lang))}
      </div>
    `
  }

  private press(key: CodeKey): void {
    this.dispatchEvent(new CustomEvent<CodeKeyDetail>('code-key', { detail: { key }, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-code-keyboard': CodeKeyboard
  }
  interface HTMLElementEventMap {
    'code-key': CustomEvent<CodeKeyDetail>
  }
}
