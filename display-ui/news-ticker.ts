/**
 * `<tabour-news-ticker>`: the manager's news line scrolling along the bottom of the screen, the
 * Arabic sentence then the English one, each moving the way it is read (Arabic enters from the
 * left, English from the right). Nothing is shown when both are empty. A new line replaces the
 * old one at once.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CenterNews } from '../protocol/center.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { displayText } from '../protocol/messages/display.ts'
import { newsLanguages } from './news-languages.ts'

/** Scroll speed, in screen widths per minute: about 10 s to cross a TV. */
const WIDTHS_PER_MINUTE = 6

@customElement('tabour-news-ticker')
export class NewsTicker extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .band {
      display: flex;
      block-size: 7vmin;
      background: var(--display-ticker-bg, #ffc20e);
      color: var(--display-ticker-fg, #0a0a0a);
    }
    .tag {
      display: flex;
      align-items: center;
      gap: 1vmin;
      padding-inline: 2.5vmin;
      background: #a4001d;
      color: #fff;
      font-size: 3vmin;
      font-weight: 700;
      white-space: nowrap;
      z-index: 1;
    }
    .tag .en {
      font-size: 2.2vmin;
      font-weight: 400;
    }
    .track {
      position: relative;
      flex: 1;
      overflow: hidden;
    }
    .text {
      position: absolute;
      inset-block: 0;
      left: 0;
      display: flex;
      align-items: center;
      white-space: nowrap;
      font-size: 4vmin;
      font-weight: 700;
      will-change: transform;
    }
  `

  /** The line to scroll; default none. */
  @property({ attribute: false }) news: Pick<CenterNews, 'ar' | 'en'> = { ar: '', en: '' }

  @state() private showing: Lang = 'ar'
  private animation: Animation | null = null

  override disconnectedCallback(): void {
    this.animation?.cancel()
    this.animation = null
    super.disconnectedCallback()
  }

  private languages(): Lang[] {
    return newsLanguages(this.news)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const langs = this.languages()
    if (changed.has('news') && langs.length && !langs.includes(this.showing)) this.showing = langs[0]
    if (changed.has('news') && langs.length === 2) this.showing = 'ar'
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.languages().length) return nothing
    const lang = this.showing
    return html`<div class="band" data-ar=${this.news.ar} data-en=${this.news.en} aria-live="polite">
      <span class="tag">${displayText('display.news', 'ar')} <span class="en" lang="en">${displayText('display.news', 'en')}</span></span>
      <div class="track"><span class="text" lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} data-showing=${lang}>${this.news[lang]}</span></div>
    </div>`
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('news') || changed.has('showing')) this.run()
  }

  private run(): void {
    this.animation?.cancel()
    this.animation = null
    const band = this.renderRoot.querySelector<HTMLElement>('.track')
    const text = this.renderRoot.querySelector<HTMLElement>('.text')
    if (!band || !text) return
    const width = band.clientWidth
    const own = text.offsetWidth
    const fromLeft = this.showing === 'ar'
    const start = fromLeft ? -own : width
    const end = fromLeft ? width : -own
    const duration = ((width + own) / Math.max(1, width)) * (60_000 / WIDTHS_PER_MINUTE)
    const animation = text.animate([{ transform: `translateX(${start}px)` }, { transform: `translateX(${end}px)` }], {
      duration,
      easing: 'linear',
    })
    this.animation = animation
    animation.onfinish = () => {
      if (animation !== this.animation) return
      const langs = this.languages()
      const next = langs[(langs.indexOf(this.showing) + 1) % langs.length] ?? 'ar'
      if (next === this.showing) this.run()
      else this.showing = next
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-news-ticker': NewsTicker
  }
}
