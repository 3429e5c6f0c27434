/**
 * `<tabour-ticket-status>`: the public page the ticket's QR code opens on the citizen's phone,
 * at `<base>/t/<id>`. Shows the ticket, the service, how many are ahead and the expected wait,
 * the center's name, or "your turn: go to counter N" once called. Live: a public socket pushes
 * the ticket at every change (issue, call, finish, transfer ahead of it); only while that socket
 * is down does it poll, every 60 s and when the page becomes visible again. A waiting ticket can
 * be cancelled by its holder (with a confirm step). Reads only the public status: nothing personal.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { PublicTicket } from '../protocol/entities.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { parseTicketPath } from '../ui-common/base-path.ts'
import { formatNumber } from '../ui-common/digits.ts'
import { applyLang, DEFAULT_LANG, initialLang, otherLang, type Lang } from '../ui-common/i18n.ts'
import { inLang } from '../ui-common/bilingual.ts'
import type { LangChangeEvent } from '../ui-common/lang-switch.ts'
import { peopleAheadText, waitText } from '../protocol/messages/ticket.ts'
import { headerBar } from '../ui-common/screen-styles.ts'
import { applyPageTheme } from '../ui-common/theme.ts'
import '../ui-common/lang-switch.ts'
import type { Socket } from 'socket.io-client'
import { cancelMyTicket, fetchPublicTicket, watchTicket } from './status-api.ts'
import { kioskScreenStyles } from './kiosk-styles.ts'
import { PollController } from './poll-controller.ts'
import { serviceName } from './service-grid.ts'
import { statusText } from '../protocol/messages/status.ts'

/** Whether a counter's name says more than its number ("Counter 3", "شباك 3" do not). */
function namesMore(counter: { number: number; name: string }): boolean {
  const plain = counter.name
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .trim()
    .toLowerCase()
  return plain !== '' && !new RegExp(`^(counter|window|desk|الشباك|شباك)\\s*${counter.number}$`).test(plain)
}

/** Statuses that will not change again: polling stops. */
const FINAL = new Set(['done', 'no_show', 'cancelled'])

/** The fallback poll while the live socket is down. */
const FALLBACK_POLL_MS = 60_000

/** The cancel control: the button, the confirm step, a request in flight, or why it failed. */
type CancelStep = 'idle' | 'confirm' | 'busy' | 'tooLate' | 'failed'

@customElement('tabour-ticket-status')
export class TicketStatus extends LitElement {
  static override styles = [
    kioskScreenStyles,
    headerBar,
    css`
      :host {
        background: var(--tabour-surface);
      }
      header {
        padding-block: var(--tabour-space-1);
        padding-inline: var(--tabour-space-2);
      }
      header p {
        margin: 0;
        font-size: 1rem;
        font-weight: 700;
        line-height: 1.3;
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--tabour-space-2);
        padding: var(--tabour-space-2);
        text-align: center;
      }
      .card {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--tabour-space-2);
        inline-size: min(100%, 36rem);
        padding: var(--tabour-space-3) var(--tabour-space-2);
        border-radius: calc(var(--tabour-radius) * 1.5);
        background: var(--tabour-bg);
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
      }
      p {
        margin: 0;
      }
      .caption {
        color: var(--tabour-muted);
      }
      .label {
        font-size: clamp(3.5rem, 22vw, 7rem);
        font-weight: 700;
        line-height: 1.1;
        color: var(--tabour-primary);
      }
      .service {
        font-size: 1.25em;
        font-weight: 700;
        line-height: 1.3;
      }
      dl {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--tabour-space-1);
        inline-size: 100%;
        margin: 0;
      }
      dl > div {
        padding: var(--tabour-space-1);
        border-radius: var(--tabour-radius);
        background: var(--tabour-surface);
      }
      dt {
        font-size: 0.8em;
        color: var(--tabour-muted);
      }
      dd {
        margin: 0;
        font-weight: 700;
      }
      .turn {
        inline-size: 100%;
        padding: var(--tabour-space-2);
        border-radius: var(--tabour-radius);
        background: var(--tabour-accent);
        color: var(--tabour-on-accent);
      }
      .turn {
        display: grid;
        gap: var(--tabour-space-1);
      }
      .turn strong {
        font-size: var(--tabour-text-large);
        line-height: 1.2;
      }
      .turn .counter {
        font-size: 1.3em;
        font-weight: 700;
        line-height: 1.3;
      }
      .final {
        font-size: 1.15em;
        font-weight: 700;
      }
      .foot {
        font-size: 0.8em;
        color: var(--tabour-muted);
      }
      .warn {
        color: var(--tabour-danger);
        font-weight: 700;
      }
      .center {
        font-size: 1.1em;
        font-weight: 700;
      }
      .turn .go {
        font-size: clamp(2rem, 11vw, 3.5rem);
        font-weight: 700;
        line-height: 1.1;
      }
      .cancel {
        display: grid;
        gap: var(--tabour-space-1);
        inline-size: 100%;
      }
      .cancel button {
        min-block-size: 3rem;
        padding-inline: var(--tabour-space-2);
        border: 2px solid var(--tabour-danger);
        border-radius: var(--tabour-radius);
        background: var(--tabour-bg);
        color: var(--tabour-danger);
        font: inherit;
        font-weight: 700;
      }
      .cancel button.yes {
        background: var(--tabour-danger);
        color: var(--tabour-bg);
      }
    `,
  ]

  /** The ticket id; default: from the page URL `<base>/t/<id>`. */
  @property() ticketId = ''
  /** The server's prefix; default: from the page URL. */
  @property() base = ''

  @state() private language: Lang = DEFAULT_LANG
  @state() private ticket: PublicTicket | null = null
  @state() private notFound = false
  @state() private stale = false
  @state() private cancelStep: CancelStep = 'idle'

  /** Runs only while the socket is down. */
  private readonly poll = new PollController(this, () => this.refresh(), FALLBACK_POLL_MS)
  private socket: Socket | null = null

  constructor() {
    super()
    this.addEventListener('lang-change', (e: LangChangeEvent) => this.setLanguage(e.detail.lang))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    this.setLanguage(initialLang())
    const parsed = parseTicketPath(location.pathname)
    if (!this.ticketId && parsed) {
      this.ticketId = parsed.id
      this.base = parsed.base
    }
    if (this.ticketId) this.connectLive()
    else this.notFound = true
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.socket?.disconnect()
    this.socket = null
  }

  /** Opens the live socket; the fallback poll runs from the start until it connects, and again whenever it drops. */
  private connectLive(): void {
    this.poll.start()
    const socket = watchTicket(this.base, this.ticketId)
    this.socket = socket
    socket.on('connect', () => {
      this.stale = false
      this.poll.stop()
    })
    socket.on('disconnect', () => {
      if (!this.finished()) this.poll.start()
    })
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      if (err.data?.code === 'TABOUR_ERR_TICKET_NOT_FOUND' || err.data?.code === 'TABOUR_ERR_BAD_WATCH') {
        this.notFound = true
        this.poll.stop()
        socket.disconnect()
      }
    })
    socket.on('ticket:status', ({ ticket }) => {
      if (ticket.id === this.ticketId) this.show(ticket)
    })
  }

  private finished(): boolean {
    return this.notFound || (this.ticket !== null && FINAL.has(this.ticket.status))
  }

  override render(): TemplateResult {
    const lang = this.language
    return html`
      <header>
        <p data-center>
          ${this.ticket ? (lang === 'ar' ? this.ticket.center.nameAr : this.ticket.center.nameEn) : statusText('product.name', lang)}
          · ${statusText('app.ticketStatus', lang)}
        </p>
        <tabour-lang-switch .lang=${lang}></tabour-lang-switch>
      </header>
      <main>
        ${
          this.notFound
            ? html`<p class="card final" role="alert" data-state="not-found">${statusText('status.notFound', lang)}</p>`
            : this.ticket
              ? this.renderTicket(this.ticket, lang)
              : html`<p class="card">${statusText('common.loading', lang)}</p>`
        }
      </main>
    `
  }

  private renderTicket(ticket: PublicTicket, lang: Lang): TemplateResult {
    const n = (v: number) => formatNumber(v)
    return html`
      <section class="card" data-status=${ticket.status} aria-live="polite">
        <p class="caption">${statusText('ticket.yourTicket', lang)}</p>
        <p class="label ltr" data-ticket-label=${ticket.label}>${ticket.label}</p>
        <p class="service">
          ${serviceName({ nameAr: ticket.serviceNameAr, nameEn: ticket.serviceNameEn }, lang)}
          <span class="second">${inLang(serviceName({ nameAr: ticket.serviceNameAr, nameEn: ticket.serviceNameEn }, otherLang(lang)), otherLang(lang))}</span>
        </p>
        ${this.renderState(ticket, lang, n)}
        ${this.stale ? html`<p class="warn" role="status">${statusText('status.offline', lang)}</p>` : nothing}
        ${ticket.status === 'waiting' ? this.renderCancel(ticket, lang) : nothing}
        ${this.cancelStep === 'tooLate' ? html`<p class="warn" role="alert">${statusText('status.cancelTooLate', lang)}</p>` : nothing}
        ${FINAL.has(ticket.status) ? nothing : html`<p class="foot">${statusText('status.live', lang)}</p>`}
      </section>
    `
  }

  private renderState(ticket: PublicTicket, lang: Lang, n: (v: number) => string): TemplateResult {
    switch (ticket.status) {
      case 'waiting':
        return html`<dl>
          <div>
            <dt>${statusText('ticket.placeLabel', lang)}</dt>
            <dd data-position=${ticket.position}>${peopleAheadText(ticket.position, lang)}</dd>
          </div>
          <div>
            <dt>${statusText('ticket.waitLabel', lang)}</dt>
            <dd data-wait=${ticket.estimatedWaitSeconds}>${waitText(ticket.estimatedWaitSeconds, lang)}</dd>
          </div>
        </dl>`
      case 'called':
      case 'serving': {
        const number = ticket.counter ? n(ticket.counter.number) : '—'
        const line = statusText(ticket.status === 'called' ? 'status.goToCounter' : 'status.serving', lang, { n: number })
        return html`<div class="turn" role="alert" data-counter=${ticket.counter?.number ?? ''}>
          ${ticket.status === 'called' ? html`<strong>${statusText('status.yourTurn', lang)}</strong>` : nothing}
          <p class=${ticket.status === 'called' ? 'counter go' : 'counter'}>${line}</p>
          ${ticket.counter && namesMore(ticket.counter) ? html`<p>${ticket.counter.name}</p>` : nothing}
        </div>`
      }
      case 'done':
        return html`<p class="final">${statusText('status.done', lang)}</p>`
      case 'no_show':
        return html`<p class="final">${statusText('status.noShow', lang)}</p>`
      default:
        return html`<p class="final">${statusText('status.cancelled', lang)}</p>`
    }
  }

  private renderCancel(ticket: PublicTicket, lang: Lang): TemplateResult {
    const step = this.cancelStep
    if (step === 'confirm' || step === 'busy') {
      return html`<div class="cancel" role="group" data-cancel="confirm">
        <p>${statusText('status.cancelConfirm', lang, { label: ticket.label })}</p>
        <button class="yes" data-cancel-yes ?disabled=${step === 'busy'} @click=${() => void this.cancel()}>
          ${statusText('status.cancelYes', lang)}
        </button>
        <button data-cancel-no ?disabled=${step === 'busy'} @click=${() => (this.cancelStep = 'idle')}>${statusText('status.cancelNo', lang)}</button>
      </div>`
    }
    return html`<div class="cancel">
      ${step === 'failed' ? html`<p class="warn" role="alert">${statusText('status.cancelFailed', lang)}</p>` : nothing}
      <button data-cancel @click=${() => (this.cancelStep = 'confirm')}>${statusText('status.cancel', lang)}</button>
    </div>`
  }

  private async cancel(): Promise<void> {
    this.cancelStep = 'busy'
    try {
      this.show(await cancelMyTicket(this.base, this.ticketId))
      this.cancelStep = 'idle'
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TABOUR_ERR_TICKET_NOT_WAITING') {
        this.cancelStep = 'tooLate'
        void this.refresh()
      } else this.cancelStep = 'failed'
    }
  }

  /** Shows a fresh state of the ticket, pushed or fetched (both are the whole public ticket). */
  private show(ticket: PublicTicket): void {
    const wasCalled = this.ticket?.status === 'called'
    this.ticket = ticket
    this.stale = false
    this.notFound = false
    if (ticket.status === 'called' && !wasCalled) navigator.vibrate?.([300, 150, 300])
    this.updateTitle()
    if (FINAL.has(ticket.status)) {
      this.poll.stop()
      this.socket?.disconnect()
    }
  }

  private async refresh(): Promise<void> {
    try {
      this.show(await fetchPublicTicket(this.base, this.ticketId))
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
        this.notFound = true
        this.poll.stop()
      } else this.stale = true
    }
  }

  private setLanguage(lang: Lang): void {
    this.language = lang
    applyLang(lang)
    this.updateTitle()
  }

  private updateTitle(): void {
    const lang = this.language
    const ticket = this.ticket
    const turn = ticket?.status === 'called' ? ` · ${statusText('status.yourTurn', lang)}` : ''
    document.title = ticket
      ? `${ticket.label}${turn} — ${statusText('app.ticketStatus', lang)}`
      : `${statusText('app.ticketStatus', lang)} · ${statusText('product.name', lang)}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-ticket-status': TicketStatus
  }
}
