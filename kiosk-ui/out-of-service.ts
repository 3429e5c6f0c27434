/**
 * `<tabour-out-of-service>`: the full screen a kiosk shows while it cannot reach the center.
 * Both languages at once (nobody should have to find a switch on a broken kiosk), and no
 * buttons: the kiosk comes back by itself when the server answers again.
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement } from 'lit/decorators.js'
import { kioskScreenStyles } from './kiosk-styles.ts'
import { kioskText } from '../protocol/messages/kiosk.ts'

@customElement('tabour-out-of-service')
export class OutOfService extends LitElement {
  static override styles = [
    kioskScreenStyles,
    css`
      :host {
        align-items: center;
        justify-content: center;
        gap: var(--tabour-space-4);
        padding: var(--tabour-space-4);
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
        text-align: center;
      }
      .sign {
        display: grid;
        place-items: center;
        inline-size: 9rem;
        block-size: 9rem;
        border-radius: 50%;
        background: var(--tabour-accent);
        color: var(--tabour-on-accent);
        font-size: 6rem;
        font-weight: 700;
        line-height: 1;
      }
      .lang {
        display: grid;
        gap: var(--tabour-space-1);
      }
      h1,
      h2 {
        margin: 0;
        line-height: 1.25;
      }
      h1 {
        font-size: var(--tabour-text-huge);
      }
      h2 {
        font-size: calc(var(--tabour-text-huge) * 0.8);
      }
      p {
        margin: 0;
        font-size: var(--tabour-text-large);
      }
      .retry {
        font-size: var(--tabour-text-base);
        opacity: 0.9;
      }
      hr {
        inline-size: min(60%, 30rem);
        border: 0;
        border-block-start: 3px solid var(--tabour-accent);
      }
    `,
  ]

  override render(): TemplateResult {
    return html`
      <div class="sign" aria-hidden="true">!</div>
      <div class="lang" lang="ar" dir="rtl" role="alert">
        <h1>${kioskText('oos.title', 'ar')}</h1>
        <p>${kioskText('oos.body', 'ar')}</p>
        <p class="retry">${kioskText('oos.retrying', 'ar')}</p>
      </div>
      <hr />
      <div class="lang" lang="en" dir="ltr">
        <h2>${kioskText('oos.title', 'en')}</h2>
        <p>${kioskText('oos.body', 'en')}</p>
        <p class="retry">${kioskText('oos.retrying', 'en')}</p>
      </div>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-out-of-service': OutOfService
  }
}
