/**
 * `<tabour-remote-join-card>`: the live view's card about joining the line from a phone
 * (issue 19): today's figures (joined, arrived, abandoned: GET /remote/figures, read again each
 * minute; whether any service takes joins is read until one read succeeds), what the poster is for and the link that opens it in a new tab, to print for the
 * center's wall. The poster itself is the join page's `poster` view (kiosk-ui/join/join-poster.ts).
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { joinText } from '../protocol/messages/join.ts'
import type { RemoteFigures } from '../protocol/remote-join.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { minutePassed } from './minute-passed.ts'

const FIGURES = ['joined', 'arrived', 'abandoned', 'cancelled', 'served', 'noShow'] as const

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
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin: 0 0 0.75rem;
    }
    dt {
      font-size: 0.85rem;
    }
    dd {
      margin: 0;
      font-size: 1.4rem;
      font-weight: 700;
    }
    a {
      font-weight: 700;
      color: var(--tabour-primary);
    }
  `

  @property() language: Lang = 'ar'
  @property({ attribute: false }) api: DashboardApi | null = null
  @property() digits: DigitStyle = 'western'
  /** The dashboard's clock (epoch ms, ticks each minute or so): the figures are read again when the minute changes. */
  @property({ type: Number }) now = 0
  @state() private figures: RemoteFigures | null = null
  /** How many services a phone may join (remoteJoin.services); null until read. None: no poster to print. */
  @state() private joinable: number | null = null

  protected override willUpdate(changed: PropertyValues<this>): void {
    const newMinute = minutePassed(changed, this.now)
    // a read that failed (center out of reach, or too slow under load) is tried again each minute: never blank for the session
    if (changed.has('api') || (newMinute && this.joinable === null)) void this.loadJoinable()
    if (changed.has('api') || newMinute) void this.loadFigures()
  }

  /**
   * Read once per session once it has answered, not each minute: which services take joins is the
   * config file's remoteJoin.services, fixed while the server runs, and asking /remote/services
   * plays the whole line forecast for a count that cannot change. Until it answers, each new minute asks again.
   */
  private async loadJoinable(): Promise<void> {
    if (!this.api) return
    try {
      this.joinable = (await this.api.remoteServices()).services.length
    } catch {
      // the live view's banner says when the center is unreachable
    }
  }

  private async loadFigures(): Promise<void> {
    if (!this.api) return
    try {
      this.figures = await this.api.remoteToday()
    } catch {
      // the live view's banner says when the center is unreachable; the last figures stay
    }
  }

  override render(): TemplateResult {
    const lang = this.language
    const f = this.figures
    return html`<h2>${joinText('poster.cardTitle', lang)}</h2>
      ${
        f
          ? html`<dl>
              ${FIGURES.map((k) => html`<div data-remote-figure=${k}><dt>${joinText(`figures.${k}`, lang)}</dt><dd>${formatNumber(f[k], { digits: this.digits })}</dd></div>`)}
            </dl>`
          : nothing
      }
      ${
        this.joinable === 0
          ? html`<p data-remote-off>${joinText('poster.off', lang)}</p>`
          : this.joinable === null
            ? nothing
            : html`<p>${joinText('poster.cardText', lang)}</p>
              <a href="../join/poster/" target="_blank" rel="noopener" data-poster-link>${joinText('poster.open', lang)}</a>`
      }`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-remote-join-card': RemoteJoinCard
  }
}
