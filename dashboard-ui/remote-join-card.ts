/**
 * `<tabour-remote-join-card>`: the live view's card about joining the line from a phone
 * (issue 19): what the poster is for and the link that opens it in a new tab, to print for the
 * center's wall. The poster itself is the join page's `poster` view (kiosk-ui/join/join-poster.ts).
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { joinText } from '../protocol/messages/join.ts'
import type { Lang } from '../ui-common/i18n.ts'

@customElement('tabour-remote-join-card')
export class RemoteJoinCard extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    p {
      margin: 0 0 0.75rem;
    }
    a {
      font-weight: 700;
      color: var(--tabour-primary);
    }
  `

  @property() language: Lang = 'ar'

  override render(): TemplateResult {
    const lang = this.language
    return html`<h2>${joinText('poster.cardTitle', lang)}</h2>
      <p>${joinText('poster.cardText', lang)}</p>
      <a href="../join/poster/" target="_blank" rel="noopener" data-poster-link>${joinText('poster.open', lang)}</a>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-remote-join-card': RemoteJoinCard
  }
}
