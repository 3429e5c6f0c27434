/**
 * The shared placeholder screen of the four UIs until each gets its real one: product and
 * screen name, a "coming soon" line and the language switch, Arabic first and right to left.
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { state } from 'lit/decorators.js'
import { applyLang, initialLang, t, type Lang, type StringKey } from './i18n.ts'
import { centeredMain, headerBar, screenHost } from './screen-styles.ts'
import { applyPageTheme, themeStyles } from './theme.ts'
import './lang-switch.ts'
import type { LangChangeEvent } from './lang-switch.ts'

export abstract class PlaceholderPage extends LitElement {
  /** The i18n key of this screen's name. */
  protected abstract readonly titleKey: StringKey

  static override styles = [
    themeStyles,
    screenHost,
    headerBar,
    centeredMain,
    css`
      :host {
        /* 100vh where the browser does not know dvh */
        min-block-size: 100vh;
        min-block-size: 100dvh;
      }
      .product {
        line-height: 1.2;
      }
      main {
        gap: var(--tabour-space-2);
        padding-block: var(--tabour-space-4);
        padding-inline: var(--tabour-space-3);
      }
      h1 {
        margin: 0;
        font-size: var(--tabour-text-huge);
        line-height: 1.3;
      }
      .tagline {
        margin: 0;
        color: var(--tabour-muted);
      }
      .soon {
        margin: 0;
        padding-block: var(--tabour-space-1);
        padding-inline: var(--tabour-space-3);
        border-inline-start: 8px solid var(--tabour-accent);
        background: var(--tabour-surface);
        font-weight: 700;
      }
    `,
  ]

  /** Current language; starts from `?lang=`, else `<html lang>`, else Arabic. */
  @state() private language: Lang = initialLang()

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    applyLang(this.language)
  }

  override render(): TemplateResult {
    const lang = this.language
    return html`
      <header>
        <p class="product">${t('product.name', lang)}</p>
        <tabour-lang-switch .lang=${lang} @lang-change=${this.onLangChange}></tabour-lang-switch>
      </header>
      <main>
        <h1>${t(this.titleKey, lang)}</h1>
        <p class="tagline">${t('product.tagline', lang)}</p>
        <p class="soon" role="status">${t('common.comingSoon', lang)}</p>
      </main>
    `
  }

  private onLangChange(event: LangChangeEvent): void {
    this.language = event.detail.lang
    applyLang(this.language)
  }
}
