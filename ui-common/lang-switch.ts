/**
 * `<tabour-lang-switch>`: one large button offering the other language, labelled in that
 * language ("English" on an Arabic screen, "العربية" on an English one).
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { DEFAULT_LANG, LANG_NATIVE_NAMES, otherLang, type Lang } from './i18n.ts'
import { themeStyles } from './theme.ts'
import { commonText } from '../protocol/messages/common.ts'

/** Payload of `lang-change`. */
export interface LangChangeDetail {
  /** The language the user picked. */
  lang: Lang
}

/** Fired (bubbles, composed, cancelable) when the user picks a language. */
export type LangChangeEvent = CustomEvent<LangChangeDetail>

/**
 * Properties in, events out: `lang` is the current language; a click fires `lang-change`
 * and then switches `lang` itself unless a listener called `preventDefault()`.
 */
@customElement('tabour-lang-switch')
export class LangSwitch extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: inline-block;
      }
      button {
        min-block-size: var(--tabour-touch-min);
        min-inline-size: var(--tabour-touch-min);
        padding-block: var(--tabour-space-1);
        padding-inline: var(--tabour-space-3);
        border: 3px solid var(--tabour-on-primary);
        border-radius: var(--tabour-radius);
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
        font: inherit;
        font-size: var(--tabour-text-base);
        font-weight: 700;
        line-height: 1.2;
        cursor: pointer;
        touch-action: manipulation;
      }
      button:active {
        background: var(--tabour-accent);
        color: var(--tabour-on-accent);
      }
    `,
  ]

  /** The current language; default 'ar'. Reflected, so it also marks the host's language. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG

  override render(): TemplateResult {
    const target = otherLang(this.lang)
    return html`
      <button
        type="button"
        part="button"
        aria-label=${`${commonText('langSwitch.label', this.lang)}: ${LANG_NATIVE_NAMES[target]}`}
        @click=${this.onClick}
      >
        <span lang=${target}>${LANG_NATIVE_NAMES[target]}</span>
      </button>
    `
  }

  private onClick(): void {
    const lang = otherLang(this.lang)
    const event: LangChangeEvent = new CustomEvent('lang-change', {
      detail: { lang },
      bubbles: true,
      composed: true,
      cancelable: true,
    })
    if (this.dispatchEvent(event)) this.lang = lang
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-lang-switch': LangSwitch
  }
  interface HTMLElementEventMap {
    'lang-change': LangChangeEvent
  }
}
