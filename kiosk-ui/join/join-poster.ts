/**
 * `<tabour-join-poster>`: the A4 poster staff print for the center's wall (the dashboard links
 * to `<base>/join/poster/`): the QR code of the join page, three short steps and the services
 * in Arabic and English, and the link for those who type it. The print button hides on paper.
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { RemoteServicesReply } from '../../protocol/remote-join.ts'
import { joinText } from '../../protocol/messages/join.ts'
import '../../ui-common/qr-code.ts'

const STEPS = ['poster.step1', 'poster.step2', 'poster.step3'] as const

@customElement('tabour-join-poster')
export class JoinPoster extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 1.5rem;
      justify-items: center;
      max-inline-size: 48rem;
      margin-inline: auto;
      padding: 2rem 1.5rem;
      background: var(--tabour-bg, #fff);
      color: var(--tabour-text, #0a0a0a);
      text-align: center;
    }
    h1,
    h2,
    p,
    ol {
      margin: 0;
    }
    .center {
      font-size: 1.3rem;
      font-weight: 700;
    }
    h1 {
      font-size: 2.4rem;
      line-height: 1.2;
      color: var(--tabour-primary, #003a70);
    }
    h1 .en {
      display: block;
      font-size: 1.6rem;
    }
    tabour-qr-code {
      --qr-size: 16rem;
    }
    .steps {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 1.5rem;
      inline-size: 100%;
      text-align: start;
    }
    ol {
      display: grid;
      gap: 0.5rem;
      padding-inline-start: 1.5rem;
      font-size: 1.15rem;
    }
    /* the Arabic steps numbered in the center's digits (walk s44: "1. 2. 3." beside Arabic-Indic text) */
    ol[data-digits='arabic-indic'] {
      list-style-type: arabic-indic;
    }
    /*
     * Two languages side by side, each its own box: on a phone they wrap whole, one under the other,
     * not as one bidi paragraph ("Print the · اطبع الملصق / poster", a name line ending in "·").
     */
    .both {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.25rem 1rem;
    }
    /* each service its own item: a name never breaks across the line between two others (walk s44, at A4) */
    .service-list {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.5rem 1.5rem;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
    }
    h2 {
      font-size: 1.1rem;
    }
    .services {
      font-size: 1.1rem;
    }
    .link {
      font-size: 1.1rem;
      direction: ltr;
      overflow-wrap: anywhere;
    }
    button {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0 0.75rem;
      min-block-size: 3rem;
      padding-inline: 1.5rem;
      border: 0;
      border-radius: 0.5rem;
      background: var(--tabour-primary, #003a70);
      color: var(--tabour-on-primary, #fff);
      font: inherit;
      font-weight: 700;
    }
    @media print {
      button {
        display: none;
      }
    }
  `

  @property({ attribute: false }) data!: RemoteServicesReply & { joinUrl: string }

  override render(): TemplateResult {
    const { center, services, joinUrl } = this.data
    return html`
      <p class="center both" data-center>${this.both(center.nameAr, center.nameEn)}</p>
      <h1>${joinText('poster.title', 'ar')}<span class="en" lang="en" dir="ltr">${joinText('poster.title', 'en')}</span></h1>
      <tabour-qr-code .value=${joinUrl} .label=${joinText('poster.step1', 'ar')}></tabour-qr-code>
      <div class="steps">
        <ol lang="ar" dir="rtl" data-digits=${center.digits} data-steps="ar">${STEPS.map((k) => html`<li>${joinText(k, 'ar')}</li>`)}</ol>
        <ol lang="en" dir="ltr">${STEPS.map((k) => html`<li>${joinText(k, 'en')}</li>`)}</ol>
      </div>
      <div class="services">
        <h2 class="both">${this.both(joinText('poster.services', 'ar'), joinText('poster.services', 'en'))}</h2>
        <ul class="service-list">
          ${services.map((s) => html`<li class="both" data-service>${this.both(s.nameAr, s.nameEn)}</li>`)}
        </ul>
      </div>
      <p class="both">${this.both(joinText('poster.orLink', 'ar'), joinText('poster.orLink', 'en'))}</p>
      <p class="link" data-join-url>${joinUrl}</p>
      <button data-print @click=${() => window.print()}>${this.both(joinText('poster.print', 'ar'), joinText('poster.print', 'en'))}</button>
    `
  }

  /** The Arabic and the English of one thing, each isolated in its own box (styled by the parent's `.both`). */
  private both(ar: string, en: string): TemplateResult {
    return html`<span lang="ar" dir="rtl">${ar}</span><bdi lang="en" dir="ltr">${en}</bdi>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-join-poster': JoinPoster
  }
}
