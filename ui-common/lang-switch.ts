/**
 * `<tabour-lang-switch>`: one large button offering the other language, labelled in that
 * language ("English" on an Arabic screen, "العربية" on an English one).
 */
import { LitElement, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { DEFAULT_LANG, otherLang, type Lang } from './i18n.ts'
import { langSwitchStyles, langSwitchTemplate } from './lang-switch-view.ts'

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
  static override styles = langSwitchStyles

  /** The current language; default 'ar'. Reflected, so it also marks the host's language. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG

  override render(): TemplateResult {
    return langSwitchTemplate(this.lang, () => this.onClick())
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
