/**
 * `<tabour-messages-card>`: today's messages to citizens by kind (sent, delivered, failed,
 * expired, waiting) for the provider in use, and that provider's health (connected, not, or
 * failing every message lately: provider-state.ts; how many wait). Asks the center itself every 30 s (GET /messages/today); says so when messages are off.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Static } from '@sinclair/typebox'
import type { MessagesToday } from '../protocol/citizen-messages.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { messagesCardText, type MessagesCardKey } from '../protocol/messages/messages-card.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { num } from './format.ts'
import { providerState } from './provider-state.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { PollController } from '../ui-common/poll-controller.ts'

type Today = Static<typeof MessagesToday>
const COLUMNS = [
  { key: 'msgs.sent', statuses: ['accepted', 'delivered'] },
  { key: 'msgs.delivered', statuses: ['delivered'] },
  { key: 'msgs.failed', statuses: ['failed'] },
  { key: 'msgs.expired', statuses: ['expired'] },
  { key: 'msgs.queued', statuses: ['queued'] },
] as const

@customElement('tabour-messages-card')
export class MessagesCard extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      td.n,
      th.n {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    `,
  ]

  /** Where to ask; nothing is shown without one. */
  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  /** The center's zone, to say when the provider last failed. */
  @property() timeZone = 'Africa/Cairo'
  @state() private today: Today | null = null
  // every 30 s while the page is seen: messages have no push of their own
  private readonly poll = new PollController(this, () => this.load(), 30_000)

  override connectedCallback(): void {
    super.connectedCallback()
    this.poll.start()
  }

  private async load(): Promise<void> {
    if (!this.api) return
    try {
      this.today = await this.api.messagesToday()
    } catch {
      // the live view's own calls report a lost center; this card keeps its last figures
    }
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.today
    if (!t) return nothing
    const { lang, digits } = this
    const text = (key: MessagesCardKey, values?: Record<string, string | number>) => messagesCardText(key, lang, values, digits)
    if (t.provider === null)
      return html`<section class="card" data-messages="off"><h2>${text('msgs.title')}</h2><p class="muted">${text('msgs.off')}</p></section>`
    const kinds = [...new Set(t.counts.map((c) => c.kind))]
    const count = (kind: string, statuses: readonly string[]) =>
      t.counts.filter((c) => c.kind === kind && statuses.includes(c.status)).reduce((sum, c) => sum + c.count, 0)
    const h = t.health
    const state = h && providerState(h, lang, digits, this.timeZone)
    return html`<section class="card" data-messages=${t.provider}>
      <h2>${text('msgs.title')}</h2>
      <div class="head">
        <strong>${text('msgs.provider', { provider: t.provider })}</strong>
        ${
          h && state
            ? html`<span class="pill" data-tone=${state.tone} data-provider-health=${state.state} title=${state.title ?? nothing}>${state.text}</span>
              <span class="muted" data-pending=${h.pending}>${text('msgs.pending', { n: h.pending })}</span>`
            : nothing
        }
      </div>
      ${
        kinds.length === 0
          ? html`<p class="muted">${text('msgs.none')}</p>`
          : tableScroll(
              text('msgs.title'),
              html`<table data-table="messages">
            <thead><tr><th>${text('msgs.kind')}</th>${COLUMNS.map((c) => html`<th class="n">${text(c.key)}</th>`)}</tr></thead>
            <tbody>${kinds.map(
              (kind) =>
                html`<tr data-kind=${kind}><td>${text(`msgs.kind.${kind}` as MessagesCardKey)}</td>${COLUMNS.map(
                  (c) => html`<td class="n" data-status=${c.key}>${num(count(kind, c.statuses), digits)}</td>`,
                )}</tr>`,
            )}</tbody>
          </table>`,
            )
      }
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-messages-card': MessagesCard
  }
}
