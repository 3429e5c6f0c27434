/**
 * `<tabour-no-show-list>`: today's no-shows of this counter's services that can still be undone
 * (config queue.noShowGraceMinutes), newest first, each with an "undo" button: a citizen who was
 * away when called goes back to the place their ticket had. Hidden when there is none. Fires
 * `reinstate` {ticketId}.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { LocalNoShow } from './console-session.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { consoleStyles, ticketListStyles } from './console-styles.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { consoleText } from '../protocol/messages/console.ts'
import { minutesLeft } from '../ui-common/minutes-left.ts'
import { DeadlineRefresh } from './deadline-refresh.ts'

export interface ReinstateDetail {
  ticketId: string
}

@customElement('tabour-no-show-list')
export class NoShowList extends LitElement {
  static override styles = [
    ...consoleStyles,
    ticketListStyles,
    css`
      .left {
        color: var(--console-soft);
        flex: 1;
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** Digits for figures: `digitsFor(lang, the center's setting)` (protocol/messages/digits.ts); default 'western'. */
  @property() digits: DigitStyle = 'western'
  @property({ attribute: false }) noShows: LocalNoShow[] = []
  /** Epoch ms, from the console's ticker: windows that have ended disappear. */
  @property({ attribute: false }) now = Date.now()
  @property({ type: Boolean }) disabled = false

  constructor() {
    super()
    // a window that ends leaves the list then (and its undo with it), not at the console's next tick
    new DeadlineRefresh(this, () => this.noShows.map((n) => n.endsAt))
  }

  override render(): TemplateResult | typeof nothing {
    const lang = this.lang
    const open = this.noShows.filter((n) => n.endsAt > this.now)
    if (open.length === 0) return nothing
    return html`<section class="card" data-panel="no-shows">
      <h2>${consoleText('noShows.title', lang)}</h2>
      <p class="hint">${consoleText('noShows.hint', lang)}</p>
      <ul>
        ${open.map(
          ({ ticket, endsAt }) => html`<li data-ticket-id=${ticket.id}>
            <span class="label" dir="ltr">${ticket.label}</span>
            <span class="left">${consoleText('noShows.left', lang, { n: formatNumber(minutesLeft(endsAt, this.now, this.now), { digits: this.digits }) })}</span>
            <button type="button" data-action="reinstate" ?disabled=${this.disabled} @click=${() => this.fire(ticket.id)}>
              ${consoleText('noShows.reinstate', lang)}
            </button>
          </li>`,
        )}
      </ul>
    </section>`
  }

  private fire(ticketId: string): void {
    if (this.disabled) return
    this.dispatchEvent(new CustomEvent<ReinstateDetail>('reinstate', { detail: { ticketId }, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-no-show-list': NoShowList
  }
}
