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
      <p class="center">${center.nameAr} · <bdi lang="en" dir="ltr">${center.nameEn}</bdi></p>
      <h1>${joinText('poster.title', 'ar')}<span class="en" lang="en" dir="ltr">${joinText('poster.title', 'en')}</span></h1>
      <tabour-qr-code .value=${joinUrl} .label=${joinText('poster.step1', 'ar')}></tabour-qr-code>
      <div class="steps">
        <ol lang="ar" dir="rtl">${STEPS.map((k) => html`<li>${joinText(k, 'ar')}</li>`)}</ol>
        <ol lang="en" dir="ltr">${STEPS.map((k) => html`<li>${joinText(k, 'en')}</li>`)}</ol>
      </div>
      <div class="services">
        <h2>${joinText('poster.services', 'ar')} · <bdi lang="en" dir="ltr">${joinText('poster.services', 'en')}</bdi></h2>
        <p>${services.map((s, i) => html`${i > 0 ? ' · ' : ''}${s.nameAr} (<bdi lang="en" dir="ltr">${s.nameEn}</bdi>)`)}</p>
      </div>
      <p>${joinText('poster.orLink', 'ar')} · <bdi lang="en" dir="ltr">${joinText('poster.orLink', 'en')}</bdi></p>
      <p class="link" data-join-url>${joinUrl}</p>
      <button @click=${() => window.print()}>${joinText('poster.print', 'ar')} · ${joinText('poster.print', 'en')}</button>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-join-poster': JoinPoster
  }
}
