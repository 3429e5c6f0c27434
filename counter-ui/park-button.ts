/**
 * `<tabour-park-button>`: the Park button (key K) under the action bar while the counter holds a
 * called or serving ticket. Apart from the action bar so the ticket's usual moves keep their
 * place; it fires the same `console-action` {action: 'park'} the bar and the keyboard do.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { consoleStyles } from './console-styles.ts'
import { KEY_MAP } from './console-actions.ts'
import type { ConsoleActionDetail } from './action-bar.ts'
import { consoleText } from '../protocol/messages/console.ts'

@customElement('tabour-park-button')
export class ParkButton extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        margin-block-start: 0.9rem;
        padding-block-start: 0.9rem;
        border-block-start: 1px solid var(--console-line);
      }
      button {
        flex: 1 1 9rem;
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** Parking is legal now (the counter holds a called or serving ticket). */
  @property({ type: Boolean }) available = false
  /** Another request is in flight, the server is away, or a dialog is up. */
  @property({ type: Boolean }) disabled = false

  override render(): TemplateResult | typeof nothing {
    if (!this.available) return nothing
    const key = KEY_MAP.park.label
    return html`<div class="row">
      <button type="button" data-action="park" aria-keyshortcuts=${key} title=${consoleText('actions.keyHint', this.lang, { key })}
        ?disabled=${this.disabled} @click=${this.fire}>
        <span>${consoleText('action.park', this.lang)}</span><kbd>${key}</kbd>
      </button>
    </div>`
  }

  private fire(): void {
    if (this.disabled) return
    this.dispatchEvent(
      new CustomEvent<ConsoleActionDetail>('console-action', { detail: { action: 'park' }, bubbles: true, composed: true }),
    )
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-park-button': ParkButton
  }
}
