/**
 * `<tabour-walk-in-ticket>`: the whole ticket a clerk just issued at the counter, in a dialog:
 * label, service, priority category, people ahead and the wait (the paper's own sentences) and
 * the QR of its status page, so a citizen can photograph it when nothing printed. When the
 * center has printers, "print on…" sends it to one. Properties in: `ticket` (the issue answer),
 * `serviceName`, `category`, `api`, `lang`. Fires `walk-in-close`; Escape closes too.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Lang } from '../protocol/common.ts'
import type { IssuedTicket } from '../protocol/entities.ts'
import type { PrinterTarget } from '../protocol/ticket-tools.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { peopleAheadText, waitText } from '../protocol/messages/ticket.ts'
import { ticketToolsText as t } from '../protocol/messages/ticket-tools.ts'
import type { TicketToolsApi } from './ticket-tools-api.ts'
import { ticketToolsError } from './ticket-tools.ts'
import { ticketToolsStyles } from './ticket-tools-styles.ts'
import './qr-code.ts'
import { dialogFrameStyles } from './dialog-frame.ts'
import { isolatedPart } from './bilingual.ts'
import { nameIn } from '../protocol/name-in-language.ts'

@customElement('tabour-walk-in-ticket')
export class WalkInTicket extends LitElement {
  static override styles = [
    ...ticketToolsStyles,
    dialogFrameStyles,
    css`
      /* above the console's own dialogs (z-index 10): it opens over whatever was on screen */
      .overlay {
        z-index: 20;
      }
      .dialog {
        inline-size: min(34rem, calc(100vw - 2rem));
        gap: 0.75rem;
        justify-items: center;
        text-align: center;
      }
      .big {
        font-size: 4rem;
        line-height: 1;
      }
      .service {
        font-size: 1.25rem;
        font-weight: 700;
      }
      tabour-qr-code {
        --qr-size: 12rem;
      }
      p {
        margin: 0;
      }
      .row,
      .buttons {
        justify-content: center;
      }
      .buttons {
        display: flex;
        gap: 0.75rem;
      }
    `,
  ]

  /** The ticket as POST /tickets answered; required. */
  @property({ attribute: false }) ticket!: IssuedTicket
  @property({ attribute: false }) serviceName: { ar: string; en: string } | null = null
  /** The priority category's names; null for none. */
  @property({ attribute: false }) category: { nameAr: string; nameEn: string } | null = null
  @property({ attribute: false }) api!: TicketToolsApi
  /** Default Arabic. */
  @property() override lang: Lang = 'ar'

  @state() private printers: PrinterTarget[] = []
  @state() private printerId: number | null = null
  @state() private message: { text: string; tone: 'info' | 'error' } | null = null
  @state() private busy = false

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') this.close()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('keydown', this.onKey)
    void this.api
      .printers()
      .then((list) => {
        this.printers = list
        this.printerId = (list.find((p) => p.health !== 'fault') ?? list[0])?.deviceId ?? null
      })
      .catch(() => {})
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('keydown', this.onKey)
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('[data-action="walk-in-close"]')?.focus()
  }

  override render(): TemplateResult {
    const l = this.lang
    const tk = this.ticket
    const printed = tk.printing === 'queued'
    return html`<div class="overlay" data-dialog="walk-in">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="walk-in-title" data-walk-in=${tk.label} data-printing=${tk.printing}>
        <h2 id="walk-in-title">${t('walkIn.title', l)}</h2>
        <p class=${printed ? 'message' : 'message muted'} data-tone="info" role="status">
          ${printed ? t('walkIn.printedAt', l, { label: tk.label }) : t('walkIn.noPrinter', l)}
        </p>
        <span class="label big" data-label>${tk.label}</span>
        ${this.serviceName ? html`<span class="service">${l === 'ar' ? this.serviceName.ar : this.serviceName.en}</span>` : nothing}
        ${this.category ? html`<span class="pill" data-category>★ ${t('walkIn.category', l, { name: nameIn(this.category, l) })}</span>` : nothing}
        <p data-ahead>${peopleAheadText(tk.position, l)}${SEPARATOR}${waitText(tk.estimatedWaitSeconds, l)}</p>
        <tabour-qr-code value=${tk.statusUrl} label=${t('walkIn.scan', l)}></tabour-qr-code>
        <p class="muted">${t('walkIn.scan', l)}</p>
        ${this.printers.length > 0 ? this.renderPrint() : nothing}
        ${this.message ? html`<p class="message" role=${this.message.tone === 'error' ? 'alert' : 'status'} data-tone=${this.message.tone}>${this.message.text}</p>` : nothing}
        <div class="buttons">
          <button type="button" class="primary" data-action="walk-in-close" @click=${() => this.close()}>${t('walkIn.close', l)}</button>
        </div>
      </div>
    </div>`
  }

  private renderPrint(): TemplateResult {
    const l = this.lang
    return html`<div class="row">
      <label
        >${t('tools.printOn', l)}
        <select data-select="walk-in-printer" @change=${(e: Event) => (this.printerId = Number((e.target as HTMLSelectElement).value))}>
          ${this.printers.map(
            (p) =>
              html`<option value=${p.deviceId} ?selected=${p.deviceId === this.printerId}>${isolatedPart(p.name, l)}${SEPARATOR}${t(`tools.health.${p.health}`, l)}</option>`,
          )}
        </select>
      </label>
      <button type="button" data-action="walk-in-print" ?disabled=${this.busy || this.printerId === null} @click=${() => void this.print()}>
        ${t('tools.print', l)}
      </button>
    </div>`
  }

  private async print(): Promise<void> {
    const printer = this.printers.find((p) => p.deviceId === this.printerId)
    if (!printer) return
    this.busy = true
    // the printer by its part in the screen's language, as the ticket tools name it (s51)
    const values = { label: this.ticket.label, name: isolatedPart(printer.name, this.lang) }
    try {
      const { printing } = await this.api.reprint(this.ticket.id, printer.deviceId)
      this.message =
        printing === 'queued'
          ? { text: t('tools.printed', this.lang, values), tone: 'info' }
          : { text: t('tools.printFault', this.lang, values), tone: 'error' }
    } catch (err) {
      this.message = { text: t(ticketToolsError(err), this.lang), tone: 'error' }
    } finally {
      this.busy = false
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('walk-in-close', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-walk-in-ticket': WalkInTicket
  }
}
