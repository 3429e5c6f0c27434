/**
 * `<tabour-remote-status>`: what the status page adds for a ticket joined from a phone
 * (issue 19): the held place and the time kept after its turn, or the call-ahead promise and the
 * counter's wait, when the citizen checked in, and the "I am here" button (accepted only on the
 * center's network: the refusal says so and offers the kiosk's scanner). Emits `ticket-change`
 * with the ticket the server answered, so the page shows it at once (the push follows).
 */
import { clockTime } from '../protocol/messages/clock-time.ts'
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { PublicTicket } from '../protocol/entities.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { digitsFor } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { statusText } from '../protocol/messages/status.ts'
import { arriveHere } from './status-api.ts'
import '../ui-common/qr-code.ts'

/** Whether the citizen of a remote ticket has still to come (and check in). */
export function stillToCome(t: PublicTicket): boolean {
  return t.remote !== undefined && t.remote.arrivedAt === null
}

/** The "your turn is near" line: come now for a citizen still away, stay close for one who is here. */
export function nearLine(t: PublicTicket, lang: Lang): string {
  return statusText(stillToCome(t) ? 'status.turnNearCome' : 'status.turnNearStay', lang)
}

type ArriveStep = 'idle' | 'busy' | 'notAtCenter' | 'failed'

@customElement('tabour-remote-status')
export class RemoteStatus extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: var(--tabour-space-1);
      inline-size: 100%;
    }
    p {
      margin: 0;
    }
    .held {
      font-weight: 700;
    }
    .scan {
      display: grid;
      justify-items: center;
      gap: var(--tabour-space-1);
      margin: 0;
      text-align: center;
    }
    tabour-qr-code {
      /* the kiosk's scanner reads it off a phone held up to it: at least 200 px, quiet zone drawn by the component */
      --qr-size: max(13.75rem, 220px);
    }
    .warn {
      color: var(--tabour-danger);
      font-weight: 700;
    }
    button {
      min-block-size: 3.5rem;
      border: 0;
      border-radius: var(--tabour-radius);
      background: var(--tabour-primary);
      color: var(--tabour-on-primary);
      font: inherit;
      font-size: 1.25em;
      font-weight: 700;
    }
    button:disabled {
      opacity: 0.7;
    }
  `

  @property({ attribute: false }) ticket!: PublicTicket
  @property() language: Lang = 'ar'
  /** The server's prefix (from the page URL). */
  @property() base = ''
  @state() private step: ArriveStep = 'idle'

  override render(): TemplateResult {
    const t = this.ticket
    const remote = t.remote
    if (!remote) return html``
    const lang = this.language
    const digits = digitsFor(lang, t.center.digits)
    const minutes = statusText('status.minutes', lang, { minutes: remote.arriveMinutes }, digits)
    const time = (iso: string) => clockTime(iso, remote.timeZone, lang, digits)
    const lines: TemplateResult[] = []
    if (t.status === 'remote') {
      lines.push(html`<p class="held" data-remote="held">${statusText('status.remoteHeld', lang)}</p>`)
      lines.push(
        remote.arriveBy
          ? html`<p class="warn" role="alert" data-remote="turn-came">${statusText('status.remoteTurnCame', lang, { time: time(remote.arriveBy) })}</p>`
          : html`<p data-remote="kept">${statusText('status.remoteKept', lang, { minutes })}</p>`,
      )
      lines.push(html`<p>${statusText('status.remoteHow', lang)}</p>`)
    } else if (remote.mode === 'call-ahead' && remote.arrivedAt === null && t.status === 'waiting') {
      lines.push(html`<p data-remote="call-ahead">${statusText('status.callAhead', lang, { minutes })}</p>`)
    } else if (t.status === 'called' && remote.arriveBy) {
      lines.push(
        html`<p class="held" data-remote="counter-waits">${statusText('status.counterWaitsUntil', lang, { time: time(remote.arriveBy) })}</p>`,
      )
    }
    if (remote.arrivedAt !== null && (t.status === 'waiting' || t.status === 'called')) {
      lines.push(html`<p data-remote="arrived">${statusText('status.arrived', lang, { time: time(remote.arrivedAt) })}</p>`)
    }
    const canArrive = remote.arrivedAt === null && (t.status === 'remote' || t.status === 'waiting' || t.status === 'called')
    return html`${lines}${canArrive ? html`${this.renderScanCode(lang)}${this.renderButton(lang)}` : nothing}`
  }

  /** The code the remote texts ask the citizen to scan at the kiosk: this ticket's own status link (remoteArrival reads it). */
  private renderScanCode(lang: Lang): TemplateResult {
    return html`<figure class="scan" data-scan-code>
      <tabour-qr-code .value=${statusLinkOf(this.base, this.ticket.id)} .label=${statusText('status.scanCodeLabel', lang)}></tabour-qr-code>
      <figcaption>${statusText('status.scanCode', lang)}</figcaption>
    </figure>`
  }

  private renderButton(lang: Lang): TemplateResult {
    const step = this.step
    return html`
      ${step === 'notAtCenter' ? html`<p class="warn" role="alert" data-arrive-refused>${statusText('status.notAtCenter', lang)}</p>` : nothing}
      ${step === 'failed' ? html`<p class="warn" role="alert">${statusText('status.arriveFailed', lang)}</p>` : nothing}
      <button data-arrive ?disabled=${step === 'busy'} @click=${() => void this.arrive()}>
        ${statusText(step === 'busy' ? 'status.arriving' : 'status.imHere', lang)}
      </button>
    `
  }

  private async arrive(): Promise<void> {
    this.step = 'busy'
    try {
      const ticket = await arriveHere(this.base, this.ticket.id)
      this.step = 'idle'
      this.dispatchEvent(new CustomEvent<PublicTicket>('ticket-change', { detail: ticket, bubbles: true, composed: true }))
    } catch (err) {
      // arriving twice (another tab, the kiosk's scanner) is not a failure: the push brings the state
      this.step =
        err instanceof ApiError && err.code === 'TABOUR_ERR_NOT_AT_CENTER'
          ? 'notAtCenter'
          : err instanceof ApiError && (err.code === 'TABOUR_ERR_ALREADY_ARRIVED' || err.code === 'TABOUR_ERR_ALREADY_CALLED')
            ? 'idle'
            : 'failed'
    }
  }
}

/** The ticket's status link as this page was reached: the origin the phone used, the server's prefix, /t/<id>. */
export function statusLinkOf(base: string, ticketId: string): string {
  return new URL(`${base}/t/${encodeURIComponent(ticketId)}`, location.origin).href
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-remote-status': RemoteStatus
  }
  interface HTMLElementEventMap {
    'ticket-change': CustomEvent<PublicTicket>
  }
}
