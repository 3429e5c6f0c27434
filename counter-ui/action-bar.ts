/**
 * `<tabour-action-bar>`: a button for each legal action, nothing else; the usual next step is
 * the big filled one, and each shows its key. Every button waits while a request is in flight
 * or the server is away; the no-show button also until the server accepts it (`noShowWait`),
 * counting down, with a line under the buttons saying when. Fires `console-action` {action}.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { CONFIRMED_ACTIONS, KEY_MAP, primaryAction, type ConsoleAction } from './console-actions.ts'
import { consoleStyles } from './console-styles.ts'
import { consoleText } from '../protocol/messages/console.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { minutesSeconds } from './minutes-seconds.ts'

export interface ConsoleActionDetail {
  action: ConsoleAction
}

/** Side actions sit in a second row, apart from the ticket's own. */
const SECONDARY: ReadonlySet<ConsoleAction> = new Set(['call_ticket', 'issue', 'pause', 'close'])

@customElement('tabour-action-bar')
export class ActionBar extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      .row + .row,
      .hint + .row {
        margin-block-start: 0.9rem;
        padding-block-start: 0.9rem;
        border-block-start: 1px solid var(--console-line);
      }
      .row button {
        flex: 1 1 9rem;
      }
      /* a label on one line: beside its countdown at 1280 px "No-show" broke at its hyphen (walk s55) */
      .row button > span:not(.wait) {
        white-space: nowrap;
      }
      button.primary.main {
        flex: 2 1 16rem;
        min-block-size: 4.25rem;
        font-size: 1.45rem;
      }
      .row:first-child button:not(.main) {
        min-block-size: 4.25rem;
      }
      .busy {
        opacity: 0.7;
      }
      .wait {
        font-variant-numeric: tabular-nums;
        font-weight: 400;
      }
      .hint {
        margin: 0.6rem 0 0;
        color: var(--console-soft);
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  @property({ attribute: false }) actions: ConsoleAction[] = []
  /** The action in flight, if any: it shows as busy; every button waits. */
  @property({ attribute: false }) busy: string | null = null
  /** The server is away, or a dialog is up. */
  @property({ type: Boolean }) disabled = false
  /** While a no-show of the current ticket would still be refused: whole seconds left and whether a recall ends the wait; null: none. */
  @property({ attribute: false }) noShowWait: { seconds: number; recallLifts: boolean } | null = null
  /** Digits for the countdown: `digitsFor(lang, the center's setting)`; default 'western'. */
  @property() digits: DigitStyle = 'western'

  override render(): TemplateResult {
    const lang = this.lang
    const primary = primaryAction(this.actions)
    const main = this.actions.filter((a) => !SECONDARY.has(a)).sort((a, b) => Number(b === primary) - Number(a === primary))
    const side = this.actions.filter((a) => SECONDARY.has(a))
    const wait = this.noShowWait && this.noShowWait.seconds > 0 && this.actions.includes('no_show') ? this.noShowWait : null
    const waitText = wait ? minutesSeconds(wait.seconds, this.digits) : ''
    const button = (a: ConsoleAction) => {
      const key = KEY_MAP[a].label
      const held = a === 'no_show' && wait !== null
      const classes = [a === primary ? 'primary main' : '', CONFIRMED_ACTIONS.has(a) ? 'danger' : '', this.busy === a ? 'busy' : ''].join(
        ' ',
      )
      return html`<button
        type="button"
        class=${classes}
        data-action=${a}
        aria-keyshortcuts=${key}
        title=${consoleText('actions.keyHint', lang, { key })}
        ?disabled=${this.disabled || this.busy !== null || held}
        aria-busy=${String(this.busy === a)}
        aria-describedby=${held ? 'no-show-wait' : nothing}
        data-wait-seconds=${held ? wait.seconds : nothing}
        @click=${() => this.fire(a)}
      >
        <span>${consoleText(`action.${a}`, lang)}</span>${held ? html`<span class="wait" data-no-show-countdown>${waitText}</span>` : nothing}<kbd>${key}</kbd>
      </button>`
    }
    // busy as a whole while any action is in flight: the button that started it may be gone already (a push can end the ticket before the answer arrives)
    return html`<div role="toolbar" aria-label=${consoleText('actions.label', lang)} aria-busy=${String(this.busy !== null)}>
      ${main.length ? html`<div class="row">${main.map(button)}</div>` : ''}
      ${
        wait
          ? html`<p class="hint" id="no-show-wait" data-hint="no-show-wait">
            ${consoleText(wait.recallLifts ? 'noShow.waitOrRecall' : 'noShow.wait', lang, { time: waitText })}
          </p>`
          : nothing
      }
      ${side.length ? html`<div class="row">${side.map(button)}</div>` : ''}
    </div>`
  }

  private fire(action: ConsoleAction): void {
    if (this.disabled || this.busy !== null || (action === 'no_show' && (this.noShowWait?.seconds ?? 0) > 0)) return
    this.dispatchEvent(new CustomEvent<ConsoleActionDetail>('console-action', { detail: { action }, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-action-bar': ActionBar
  }
}
