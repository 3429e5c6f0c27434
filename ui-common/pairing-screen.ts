/**
 * `<tabour-pairing-screen>`: the first screen of a kiosk or display without a device token. Big on-screen
 * keys for the 8-character pairing code (a hardware keyboard works too), then `pair-submit`.
 * The alphabet is the server's: no 0/O, no 1/I/L, so nothing can be misread off the admin screen.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { DEFAULT_LANG, otherLang, type Lang } from './i18n.ts'
import { inLang } from './bilingual.ts'
import { centeredMain, headerBar, screenHost } from './screen-styles.ts'
import { themeStyles } from './theme.ts'
import { touchStyles } from './touch-styles.ts'
import './lang-switch.ts'
import { normalizePairingCode, PAIRING_ALPHABET, PAIRING_CODE_LENGTH } from './pairing-code.ts'
import type { PairedKind } from './device-pairing.ts'
import { pairingText, type PairingMessageKey } from '../protocol/messages/pairing.ts'

/** Payload of `pair-submit`. */
export interface PairSubmitDetail {
  code: string
}

@customElement('tabour-pairing-screen')
export class PairingScreen extends LitElement {
  static override styles = [
    themeStyles,
    touchStyles,
    screenHost,
    headerBar,
    centeredMain,
    css`
      main {
        gap: var(--tabour-space-3);
        padding: var(--tabour-space-3);
      }
      h1 {
        margin: 0;
        font-size: var(--tabour-text-large);
        line-height: 1.3;
      }
      .hint {
        margin: 0;
        max-inline-size: 40em;
      }
      .code {
        display: grid;
        grid-template-columns: repeat(8, minmax(0, 4.5rem));
        gap: var(--tabour-space-1);
        margin: 0;
      }
      .slot {
        display: grid;
        place-items: center;
        block-size: 5.5rem;
        border: 3px solid var(--tabour-border);
        border-radius: var(--tabour-radius);
        background: var(--tabour-surface);
        font-size: var(--tabour-text-large);
        font-weight: 700;
      }
      .slot.next {
        border-color: var(--tabour-primary);
        box-shadow: 0 0 0 4px var(--tabour-accent);
      }
      .error {
        max-inline-size: 44em;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(8, minmax(var(--tabour-touch-min), 1fr));
        gap: var(--tabour-space-1);
        inline-size: min(100%, 60rem);
      }
      @media (orientation: landscape) {
        .keys {
          grid-template-columns: repeat(11, minmax(var(--tabour-touch-min), 1fr));
          inline-size: min(100%, 80rem);
        }
      }
      .key {
        min-inline-size: 0;
        min-block-size: 5rem;
        padding-inline: 0;
        font-size: var(--tabour-text-large);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: var(--tabour-space-2);
      }
    `,
  ]

  /** What is being paired (the title says so); default 'kiosk'. */
  @property() kind: PairedKind = 'kiosk'
  /** Current language; default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** A pairing request is in flight: keys and the button are disabled. Default false. */
  @property({ type: Boolean }) busy = false
  /** The i18n key of the message to show (a wrong code, throttled, no network); default none. */
  @property({ attribute: false }) error: PairingMessageKey | null = null
  /** The code to start with (from `?pair=`); default empty. */
  @property({ attribute: false }) initialCode = ''

  @state() private code = ''

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('keydown', this.onKeyDown)
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKeyDown)
    super.disconnectedCallback()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('initialCode')) this.code = normalizePairingCode(this.initialCode)
  }

  override render(): TemplateResult {
    const lang = this.lang
    const full = this.code.length === PAIRING_CODE_LENGTH
    // the code is an <output>, not a <p>: a paragraph may not carry aria-label
    return html`
      <header>
        <p class="product">${pairingText('product.name', lang)} · ${pairingText('product.name', otherLang(lang))}</p>
        <tabour-lang-switch .lang=${lang}></tabour-lang-switch>
      </header>
      <main>
        <h1>${pairingText(this.kind === 'display' ? 'pair.titleDisplay' : this.kind === 'feedback' ? 'pair.titleFeedback' : 'pair.title', lang)}</h1>
        <p class="hint">${pairingText('pair.hint', lang, { n: PAIRING_CODE_LENGTH })}</p>
        <output class="code ltr" aria-label=${pairingText('pair.codeLabel', lang)} data-code=${this.code}>
          ${Array.from({ length: PAIRING_CODE_LENGTH }, (_, i) => html`<span class="slot ${i === this.code.length ? 'next' : ''}">${this.code[i] ?? ''}</span>`)}
        </output>
        ${
          this.error
            ? html`<p class="error danger-notice" role="alert" data-error=${this.error}>
              ${pairingText(this.error, lang)}<span class="second">${inLang(pairingText(this.error, otherLang(lang)), otherLang(lang))}</span>
            </p>`
            : nothing
        }
        <div class="keys ltr" role="group" aria-label=${pairingText('pair.codeLabel', lang)}>
          ${[...PAIRING_ALPHABET].map(
            (c) =>
              html`<button type="button" class="btn key" data-key=${c} ?disabled=${this.busy || full} @click=${() => this.type(c)}>${c}</button>`,
          )}
        </div>
        <div class="actions">
          <button type="button" class="btn" data-action="delete" ?disabled=${this.busy || this.code === ''} @click=${this.deleteLast}>
            ${pairingText('common.delete', lang)}
          </button>
          <button type="button" class="btn" data-action="clear" ?disabled=${this.busy || this.code === ''} @click=${this.clear}>${pairingText('common.clear', lang)}</button>
          <button type="button" class="btn primary" data-action="pair" ?disabled=${this.busy || !full} @click=${this.submit}>
            ${this.busy ? pairingText('pair.pairing', lang) : pairingText('pair.submit', lang)}
          </button>
        </div>
      </main>
    `
  }

  private type(c: string): void {
    this.code = normalizePairingCode(this.code + c)
  }

  private readonly deleteLast = (): void => {
    this.code = this.code.slice(0, -1)
  }

  private readonly clear = (): void => {
    this.code = ''
  }

  private readonly submit = (): void => {
    if (this.busy || this.code.length !== PAIRING_CODE_LENGTH) return
    this.dispatchEvent(new CustomEvent<PairSubmitDetail>('pair-submit', { detail: { code: this.code }, bubbles: true, composed: true }))
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (this.busy || e.ctrlKey || e.metaKey || e.altKey) return
    if (e.key === 'Backspace') this.deleteLast()
    else if (e.key === 'Enter') this.submit()
    else if (e.key.length === 1 && normalizePairingCode(e.key)) this.type(e.key)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-pairing-screen': PairingScreen
  }
  interface HTMLElementEventMap {
    'pair-submit': CustomEvent<PairSubmitDetail>
  }
}
