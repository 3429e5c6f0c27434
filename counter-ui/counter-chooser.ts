/**
 * `<tabour-counter-chooser>`: the counters a clerk may open, live. A counter someone else holds
 * is shown as taken (a manager may take it over, after a confirmation the app asks for); the
 * clerk's own counter offers to carry on. Fires `counter-open` {counterId, takeover}.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { Counter, Service } from '../protocol/entities.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { isolate } from '../ui-common/bilingual.ts'
import { consoleStyles } from './console-styles.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { consoleText } from '../protocol/messages/console.ts'
import { serviceLabel } from '../ui-common/service-label.ts'
import { counterName } from './counter-name.ts'

export interface CounterOpenDetail {
  counterId: number
  takeover: boolean
}

@customElement('tabour-counter-chooser')
export class CounterChooser extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
        gap: 1rem;
      }
      li {
        display: flex;
        flex-direction: column;
        gap: 0.6rem;
      }
      li.taken {
        background: #f7f8fa;
      }
      .top {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .number {
        font-size: 1.6rem;
        font-weight: 700;
        color: var(--tabour-primary);
      }
      .state {
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--console-soft);
      }
      .state[data-state='open'] {
        color: var(--console-ok);
      }
      .services {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        min-block-size: 1.8rem;
      }
      .services span {
        padding: 0.05rem 0.55rem;
        border-radius: 6px;
        background: var(--tabour-surface);
        font-size: 0.85rem;
      }
      .holder {
        margin: 0;
        font-weight: 700;
        color: var(--console-warn);
      }
      button {
        margin-block-start: auto;
      }
      .none {
        color: var(--console-soft);
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** Digits for figures: `digitsFor(lang, the center's setting)` (protocol/messages/digits.ts); default 'western'. */
  @property() digits: DigitStyle = 'western'
  @property({ attribute: false }) counters: Counter[] = []
  @property({ attribute: false }) services: Service[] = []
  /** The clerk using the console. */
  @property({ attribute: false }) userId: number | null = null
  /** Managers and admins may take over a held counter. */
  @property({ type: Boolean }) canTakeOver = false
  /** Buttons wait while a request is in flight or the server is away. */
  @property({ type: Boolean }) disabled = false

  override render(): TemplateResult {
    const lang = this.lang
    const counters = this.counters.filter((c) => c.active).sort((a, b) => a.number - b.number)
    if (counters.length === 0) return html`<p class="none">${consoleText('choose.none', lang)}</p>`
    const byId = new Map(this.services.map((s) => [s.id, s]))
    return html`<ul>
      ${counters.map((c) => {
        const holder = c.clerk && c.state !== 'closed' ? c.clerk : null
        const mine = holder?.id === this.userId
        const taken = holder !== null && !mine
        const name = holder ? holder.displayName || holder.username : ''
        return html`<li class="card ${taken ? 'taken' : ''}" data-counter-id=${c.id} data-taken=${String(taken)}>
          <div class="top">
            <span class="number">${consoleText('counter.number', lang, { n: formatNumber(c.number, { digits: this.digits }) })}</span>
            <span class="state" data-state=${c.state}>${consoleText(`state.${c.state}`, lang)}</span>
          </div>
          <div>${counterName(c.name, lang)}</div>
          <div class="services" aria-label=${consoleText('choose.services', lang)}>
            ${c.services.map((cs) => {
              const s = byId.get(cs.serviceId)
              // a backup (weight 0) is called only when nothing else waits: marked as the queue panel marks it (walk s54)
              return s
                ? html`<span data-backup=${cs.weight === 0 ? 'true' : nothing}>${serviceLabel(s, lang)}${cs.weight === 0 ? html` <small>(${consoleText('queue.backup', lang)})</small>` : nothing}</span>`
                : nothing
            })}
          </div>
          ${taken && this.canTakeOver ? html`<p class="holder" data-holder>${consoleText('choose.takenBy', lang, { name: isolate(name) })}</p>` : ''}
          ${
            taken && !this.canTakeOver
              ? html`<button type="button" disabled data-action="taken">${consoleText('choose.takenBy', lang, { name: isolate(name) })}</button>`
              : html`<button
                type="button"
                class=${taken ? 'danger' : 'primary'}
                data-action=${taken ? 'takeover' : 'open'}
                ?disabled=${this.disabled}
                @click=${() => this.fire(c.id, taken)}
              >
                ${consoleText(taken ? 'choose.takeover' : mine ? 'choose.resume' : 'choose.open', lang)}
              </button>`
          }
        </li>`
      })}
    </ul>`
  }

  private fire(counterId: number, takeover: boolean): void {
    if (this.disabled) return
    const detail: CounterOpenDetail = { counterId, takeover }
    this.dispatchEvent(new CustomEvent('counter-open', { detail, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-counter-chooser': CounterChooser
  }
}
