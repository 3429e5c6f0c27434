/**
 * `<tabour-parked-list>`: the parked tickets of this counter's services (every counter of the
 * service sees them), earliest deadline first, each with its reason, the minutes left and a
 * Resume button that calls it to this counter ahead of the line. Resume waits while the counter
 * holds a ticket ("finish the current ticket first") or is paused ("resume the counter first": a
 * resume calls the citizen, and a paused counter calls nobody until its clerk says they are back).
 * A ticket parked by a paused counter keeps its minutes: its clock stands still (docs/parking.md).
 * Tickets whose time ran out disappear (the server abandons them).
 * Hidden when none is parked. Fires `resume-parked` {ticketId}.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ParkReason } from '../protocol/parking.ts'
import type { LocalParked } from './parking-state.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { consoleStyles, ticketListStyles } from './console-styles.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { parkingText } from '../protocol/messages/parking.ts'
import { minutesLeft } from '../ui-common/minutes-left.ts'
import { DeadlineRefresh } from './deadline-refresh.ts'

export interface ResumeParkedDetail {
  ticketId: string
}

@customElement('tabour-parked-list')
export class ParkedList extends LitElement {
  static override styles = [
    ...consoleStyles,
    ticketListStyles,
    css`
      li {
        flex-wrap: wrap;
      }
      .why {
        flex: 1;
      }
      .left {
        color: var(--console-soft);
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** Digits for figures; default 'western'. */
  @property() digits: DigitStyle = 'western'
  @property({ attribute: false }) parked: LocalParked[] = []
  @property({ attribute: false }) reasons: ParkReason[] = []
  /** Epoch ms on the center's clock, from the console (the clock `endsAt` is on). */
  @property({ attribute: false }) now = Date.now()
  /** Why Resume waits, said above the list: the counter holds a ticket, or is paused; null when it may resume. */
  @property({ attribute: false }) waitsFor: 'ticket' | 'paused' | null = null
  @property({ type: Boolean }) disabled = false

  constructor() {
    super()
    // a ticket whose time runs out leaves the list then, not at the console's next tick (a stopped clock has no end)
    new DeadlineRefresh(this, () => this.parked.filter((p) => !p.clockStopped).map((p) => p.endsAt))
  }

  override render(): TemplateResult | typeof nothing {
    const lang = this.lang
    // the center's time, taken by the console at each render (counter-app willUpdate)
    const now = this.now
    const open = this.parked.filter((p) => p.clockStopped || p.endsAt > now)
    const hint = this.waitsFor === 'ticket' ? 'parked.busy' : this.waitsFor === 'paused' ? 'parked.paused' : 'parked.hint'
    if (open.length === 0) return nothing
    const reasonName = (code: string) => {
      const r = this.reasons.find((x) => x.code === code)
      return r ? (lang === 'ar' ? r.nameAr : r.nameEn) : code
    }
    return html`<section class="card" data-panel="parked">
      <h2>${parkingText('parked.title', lang)}</h2>
      <p class="hint" data-parked-hint=${this.waitsFor ?? 'none'}>${parkingText(hint, lang)}</p>
      <ul>
        ${open.map(
          (p) => html`<li data-parked-ticket=${p.ticket.id}>
            <span class="label" dir="ltr">${p.ticket.label}</span>
            <span class="why">${reasonName(p.reason)}${p.note ? html` · <bdi>${p.note}</bdi>` : nothing}</span>
            <span class="left" data-left ?data-clock-stopped=${p.clockStopped}>${this.left(p, now, lang)}</span>
            <button type="button" data-action="resume-parked" ?disabled=${this.disabled || this.waitsFor !== null} @click=${() => this.fire(p.ticket.id)}>
              ${parkingText('parked.resume', lang)}
            </button>
          </li>`,
        )}
      </ul>
    </section>`
  }

  /** The minutes left, counting down, or standing still while the parking counter is paused. */
  private left(p: LocalParked, now: number, lang: Lang): string {
    if (!p.clockStopped)
      return parkingText('parked.left', lang, { n: formatNumber(minutesLeft(p.endsAt, now, now), { digits: this.digits }) })
    return parkingText('parked.clockStopped', lang, {
      n: formatNumber(Math.max(1, Math.ceil(p.secondsLeft / 60)), { digits: this.digits }),
    })
  }

  private fire(ticketId: string): void {
    if (this.disabled || this.waitsFor !== null) return
    this.dispatchEvent(new CustomEvent<ResumeParkedDetail>('resume-parked', { detail: { ticketId }, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-parked-list': ParkedList
  }
}
