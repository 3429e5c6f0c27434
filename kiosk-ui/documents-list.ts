/**
 * `<tabour-documents-list>`: what to bring for a service (issue 21), in the screen's language
 * with the other language under each item, under the heading the paper ticket prints too
 * (`ticket.bringTitle`). Shown by the "what to bring" step and on the ticket on screen.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { RequiredDocument } from '../protocol/service-menu.ts'
import { serviceMenuText } from '../protocol/messages/service-menu.ts'
import { inLang } from '../ui-common/bilingual.ts'
import { DEFAULT_LANG, otherLang, type Lang } from '../ui-common/i18n.ts'
import { kioskStyles } from './kiosk-styles.ts'
import { themeStyles } from '../ui-common/theme.ts'

@customElement('tabour-documents-list')
export class DocumentsList extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 var(--tabour-space-1);
        font-size: var(--tabour-text-large);
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
        counter-reset: doc;
        display: grid;
        gap: var(--tabour-space-1);
        font-size: 1.75rem;
        line-height: 1.3;
      }
      /* the number right beside its item (a drawn counter, not a marker out in the padding) */
      li {
        counter-increment: doc;
        display: grid;
        grid-template-columns: 2ch minmax(0, 1fr);
        column-gap: 0.4em;
        text-align: start;
      }
      li::before {
        content: counter(doc) '.';
        font-weight: 700;
        color: var(--tabour-primary);
        text-align: end;
      }
      .second {
        display: block;
        font-size: var(--tabour-text-base);
      }
      /* on the ticket on screen: up to 10 documents must fit the kiosk with the label, QR and Done */
      :host([compact]) h2 {
        font-size: var(--tabour-text-base);
      }
      :host([compact]) ol {
        /* 0.35rem left the Arabic ticket with ten long documents 1 px over 1920 once the wait read "unknown, no counter open" on two lines */
        gap: 0.25rem;
        font-size: 1rem;
        line-height: 1.25;
      }
      :host([compact]) .second {
        font-size: 0.9rem;
        color: var(--tabour-muted);
      }
    `,
  ]

  /** The service's documents; default none (renders nothing). */
  @property({ attribute: false }) documents: readonly RequiredDocument[] = []
  /** Current language; default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** Smaller type, for the ticket on screen (the step shows them large); default false. */
  @property({ type: Boolean, reflect: true }) compact = false
  /** The heading's level in the page (2 on the step, 3 inside the ticket); default 2. */
  @property({ type: Number }) level = 2

  override render(): TemplateResult | typeof nothing {
    if (this.documents.length === 0) return nothing
    const lang = this.lang
    const other = otherLang(lang)
    const title = serviceMenuText('ticket.bringTitle', lang)
    return html`<section aria-labelledby="bring-title" data-documents=${this.documents.length}>
      <h2 id="bring-title" role="heading" aria-level=${this.level}>${title}</h2>
      <ol>
        ${this.documents.map((d) => html`<li data-document><span class="text">${d[lang]}<span class="second">${inLang(d[other], other)}</span></span></li>`)}
      </ol>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-documents-list': DocumentsList
  }
}
