/**
 * `<tabour-logout-dialog>`: logging out with a counter open asks what to do with it, because a
 * counter left open in the clerk's name keeps its services on sale and shortens every estimate
 * (issue 14). Close or pause it, then log out; or cancel. A counter holding a ticket cannot be
 * left (finish, transfer, park it or mark it a no-show first: the sentence names the buttons that can now): only cancel is offered then. Esc cancels. Fires
 * `logout-choice` {choice} or `logout-cancel`. Closing the tab cannot ask: the server marks the
 * counter away after queue.awayAfterSeconds instead (server/realtime/console-presence.ts).
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { Counter } from '../protocol/entities.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { consoleStyles, dialogStyles } from './console-styles.ts'
import { staffingText } from '../protocol/messages/staffing.ts'
import { consoleText } from '../protocol/messages/console.ts'
import type { ConsoleAction } from './console-actions.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'

export type LogoutChoice = 'close' | 'pause'

@customElement('tabour-logout-dialog')
export class LogoutDialog extends LitElement {
  static override styles = [...consoleStyles, dialogStyles]

  @property() override lang: Lang = DEFAULT_LANG
  /** Digits of the counter's number: `digitsFor(lang, the center's setting)`; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** The clerk's counter; null renders nothing. */
  @property({ attribute: false }) counter: Counter | null = null
  /** The buttons that take the held ticket off the counter now (finish, transfer, park, no-show), named in the sentence. */
  @property({ attribute: false }) ways: readonly ConsoleAction[] = []
  /** A request is in flight or the server is away: the choices wait. Default false. */
  @property({ type: Boolean }) busy = false

  /** «إنهاء الخدمة»، «تحويل» … / “Finish”, “Transfer” …: the buttons' own labels. */
  private waysText(lang: Lang): string {
    const quote = (t: string) => (lang === 'ar' ? `«${t}»` : `“${t}”`)
    return this.ways.map((a) => quote(consoleText(`action.${a}`, lang))).join(lang === 'ar' ? '، ' : ', ')
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus()
  }

  override render(): TemplateResult | typeof nothing {
    const counter = this.counter
    if (!counter) return nothing
    const lang = this.lang
    const holdsTicket = counter.currentTicketId !== null
    return html`<div class="overlay" @keydown=${this.onKeyDown}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="logout-title" data-dialog="logout">
        <h2 id="logout-title">${staffingText('staffing.logout.title', lang, { n: formatNumber(counter.number, { digits: this.digits }) })}</h2>
        <p data-logout-why>${holdsTicket ? staffingText('staffing.logout.busy', lang, { ways: this.waysText(lang) }) : staffingText('staffing.logout.body', lang)}</p>
        <div class="buttons">
          ${
            holdsTicket
              ? nothing
              : html`<button type="button" class="danger" data-choice="close" ?disabled=${this.busy} @click=${() => this.choose('close')}>
                  ${staffingText('staffing.logout.close', lang)}
                </button>
                <button type="button" data-choice="pause" ?disabled=${this.busy} @click=${() => this.choose('pause')}>
                  ${staffingText('staffing.logout.pause', lang)}
                </button>`
          }
          <button type="button" data-choice="cancel" @click=${this.cancel}>${staffingText('staffing.logout.cancel', lang)}</button>
        </div>
      </div>
    </div>`
  }

  private choose(choice: LogoutChoice): void {
    if (this.busy) return
    this.dispatchEvent(new CustomEvent<{ choice: LogoutChoice }>('logout-choice', { detail: { choice }, bubbles: true, composed: true }))
  }

  private readonly cancel = (): void => {
    this.dispatchEvent(new CustomEvent('logout-cancel', { bubbles: true, composed: true }))
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') this.cancel()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-logout-dialog': LogoutDialog
  }
}
