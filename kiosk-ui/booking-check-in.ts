/**
 * `<tabour-booking-check-in>`: checking in with a booking at the kiosk's home screen (issue 19).
 *
 *  - A USB barcode scanner types like a keyboard: characters a few milliseconds apart, then
 *    Enter. Keystrokes that come that fast anywhere on the page (no field focused) are collected
 *    and sent on Enter (a kiosk has no keyboard: whatever types on it is the scanner).
 *  - "I have a booking" opens a field for the code with an on-screen keyboard of the code's
 *    characters (walk finding 9); a scan into the field works too. The field shows the code
 *    grouped as printed (XXXX-XXXX-…), left to right on the Arabic screen as well.
 *  - The center answers (POST /check-in): a ticket → `check-in-ticket` (the kiosk shows it as any
 *    ticket); too early → when to come back, on the center's clock; too late → an offer of an
 *    ordinary ticket (`service-select`, as a tap on the service would).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import type { CheckInResult } from '../protocol/appointments.ts'
import { appointmentErrorKey, appointmentText, type AppointmentMessageKey } from '../protocol/messages/appointments.ts'
import { ApiError, requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import type { DigitStyle } from '../protocol/messages/digits.ts'
import type { IssuedTicketReply } from './kiosk-api.ts'
import { kioskStyles } from './kiosk-styles.ts'
import { applyCodeKey, type CodeKey } from './code-keyboard.ts'
import { BOOKING_CODE_LENGTH, codeCharacters, groupedCode } from '../protocol/booking-code-form.ts'
import './code-keyboard.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'
import { legibleZeros, ZERO_STYLES } from '../ui-common/legible-zeros.ts'

/**
 * What `check-in-ticket` carries: the ticket, and whether it is a place joined from a phone (its
 * page is the citizen's ticket: nothing is printed for it, and the kiosk says so, not "this kiosk
 * does not print tickets").
 */
export interface CheckedInTicket {
  ticket: IssuedTicketReply
  onPhone: boolean
  /** The booking's slot start (ISO) when a booking gave the ticket: the screen marks it (docs/appointments.md); else null. */
  appointmentSlot: string | null
}

/**
 * Keystrokes at most this far apart belong to one scan. A scanner sends a character every few
 * milliseconds; the margin is for a busy kiosk PC, whose events can bunch up and stall. A pause
 * longer than this starts over, so stray keys from long ago never prefix a code.
 */
export const SCANNER_GAP_MS = 300
/** A scan shorter than this is not a code (a stray key). */
const MIN_SCAN_LENGTH = 8
/** A message (come back at, too late, an error) goes away by itself after this long. */
const MESSAGE_MS = 20_000

type Shown =
  | { kind: 'closed' }
  | { kind: 'typing' }
  | { kind: 'busy' }
  | { kind: 'early'; time: string }
  | { kind: 'late'; serviceId: number }
  | { kind: 'error'; key: AppointmentMessageKey }

@customElement('tabour-booking-check-in')
export class BookingCheckIn extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    // "come back at ٩:٣٠": its zeros drawn as the tiles' and the ticket's; Cairo's dot read «٩:٣·» across the dialog (walk s55)
    ZERO_STYLES,
    css`
      .zero {
        margin-inline: 0.12em;
      }
      :host {
        display: block;
      }
      .open {
        inline-size: 100%;
      }
      .overlay {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: grid;
        place-items: center;
        background: rgb(0 0 0 / 0.55);
      }
      .panel {
        display: grid;
        gap: var(--tabour-space-2);
        inline-size: min(90vw, 52rem);
        padding: var(--tabour-space-3);
        border-radius: calc(var(--tabour-radius) * 1.5);
        background: var(--tabour-bg);
        color: var(--tabour-text);
        font-size: var(--tabour-text-large);
        text-align: center;
      }
      .panel p {
        margin: 0;
      }
      input {
        min-block-size: 5rem;
        padding-inline: var(--tabour-space-2);
        border: 3px solid var(--tabour-primary);
        border-radius: var(--tabour-radius);
        font: inherit;
        /* as on the keys: a zero that no one reads as the letter O */
        font-family: ui-monospace, monospace;
        font-size: 2.5rem;
        letter-spacing: 0.08em;
        text-align: center;
        text-transform: uppercase;
      }
      .row {
        display: flex;
        gap: var(--tabour-space-2);
        justify-content: center;
      }
      .row button {
        flex: 1;
      }
      .error {
        color: var(--tabour-danger);
        font-weight: 700;
      }
    `,
  ]

  /** The center's base path; default '' (root). */
  @property() base = ''
  /** The kiosk's device token; null: not paired (nothing is sent). */
  @property({ attribute: false }) token: string | null = null
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** The center's time zone, for "come back at"; default Africa/Cairo. */
  @property() timeZone = 'Africa/Cairo'
  /** Digits of the Arabic screen (the center's setting), as on the rest of the kiosk; default western. */
  @property() digits: DigitStyle = 'western'
  /** Whether the kiosk sells a ticket of this service now (its tile is offered); default yes. Too late, the ordinary ticket is offered only then. */
  @property({ attribute: false }) ticketsNow: (serviceId: number) => boolean = () => true

  @state() private shown: Shown = { kind: 'closed' }
  /** What the field holds: a code grouped as printed, or a scanned text that is not a code (a link), as it came. */
  @state() private code = ''

  private scan = ''
  private lastKeyAt = 0
  private hideTimer: ReturnType<typeof setTimeout> | undefined

  private readonly onKey = (e: KeyboardEvent) => {
    // a focused field (ours, or the phone question) gets its own typing
    const target = e.composedPath()[0]
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return
    const now = e.timeStamp
    if (now - this.lastKeyAt > SCANNER_GAP_MS) this.scan = ''
    this.lastKeyAt = now
    if (e.key === 'Enter') {
      const text = this.scan
      this.scan = ''
      if (text.length >= MIN_SCAN_LENGTH) {
        e.preventDefault()
        void this.submit(text)
      }
    } else if (e.key.length === 1) this.scan += e.key
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('keydown', this.onKey)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('keydown', this.onKey)
    clearTimeout(this.hideTimer)
  }

  protected override updated(): void {
    // the field takes the typing (and a scan) as soon as it opens
    if (this.shown.kind === 'typing') this.renderRoot.querySelector<HTMLInputElement>('input')?.focus()
  }

  private t(key: AppointmentMessageKey, values?: Record<string, string | number>): string {
    return appointmentText(key, this.lang, values)
  }

  private open(): void {
    this.code = ''
    this.show({ kind: 'typing' })
  }

  /**
   * Typing or a scan into the field: kept as typed until it is a whole code, then grouped as printed.
   * Not before: the start of a scanned link ("https") is made of code characters too.
   */
  private onInput(e: Event): void {
    const input = e.target as HTMLInputElement
    const plain = codeCharacters(input.value)
    this.code = plain?.length === BOOKING_CODE_LENGTH ? groupedCode(plain) : input.value
  }

  /** A key of the on-screen keyboard; a text that is not a code (a link) is replaced by the key's character. */
  private onCodeKey(key: CodeKey): void {
    this.code = groupedCode(applyCodeKey(codeCharacters(this.code) ?? '', key))
    // each tap starts the 20 seconds over: the panel closes when left alone, not while tapping 16 keys
    this.show({ kind: 'typing' })
  }

  private show(shown: Shown): void {
    clearTimeout(this.hideTimer)
    this.shown = shown
    if (shown.kind !== 'closed' && shown.kind !== 'busy') this.hideTimer = setTimeout(() => this.show({ kind: 'closed' }), MESSAGE_MS)
  }

  /** Sends what was scanned or typed; the answer decides what the citizen sees next. */
  async submit(text: string): Promise<void> {
    if (this.token === null || this.shown.kind === 'busy' || text.trim() === '') return
    this.show({ kind: 'busy' })
    try {
      const result = await requestJson<CheckInResult>(apiUrl(this.base, '/check-in'), {
        method: 'POST',
        token: this.token,
        body: { text: text.trim(), lang: this.lang },
        timeoutMs: 8000,
      })
      this.onResult(result)
    } catch (err) {
      this.show({ kind: 'error', key: err instanceof ApiError ? appointmentErrorKey(err.code, 'checkIn.failed') : 'checkIn.failed' })
    }
  }

  private onResult(result: CheckInResult): void {
    if (result.outcome === 'too_early') {
      this.show({ kind: 'early', time: clockTime(result.comeBackAt, result.timeZone, this.lang, this.digits) })
    } else if (result.outcome === 'too_late') this.show({ kind: 'late', serviceId: result.serviceId })
    else {
      this.show({ kind: 'closed' })
      const t = result.ticket
      const ticket: IssuedTicketReply = {
        id: t.id,
        label: t.label,
        serviceId: t.serviceId,
        // as they are: a joined place scanned after its turn came is called already, and was issued at its join
        status: t.status,
        counter: t.counter,
        priority: 'none',
        position: t.position,
        estimatedWaitSeconds: t.estimatedWaitSeconds,
        issuedAt: t.issuedAt,
        statusUrl: t.statusUrl ?? `${location.origin}${this.base}/t/${encodeURIComponent(t.id)}`,
        ...(t.printing ? { printing: t.printing as IssuedTicketReply['printing'] } : {}),
        ...(t.visit ? { visit: t.visit } : {}),
        ...(t.closing ? { closing: t.closing } : {}),
      }
      const detail: CheckedInTicket = {
        ticket,
        onPhone: result.kind === 'remote',
        appointmentSlot: result.kind === 'appointment' ? (result.slotStart ?? null) : null,
      }
      this.dispatchEvent(new CustomEvent('check-in-ticket', { detail, bubbles: true, composed: true }))
    }
  }

  private walkIn(serviceId: number): void {
    this.show({ kind: 'closed' })
    this.dispatchEvent(new CustomEvent('service-select', { detail: { serviceId }, bubbles: true, composed: true }))
  }

  override render(): TemplateResult {
    return html`
      <button type="button" class="btn open" data-action="have-booking" @click=${() => this.open()}>
        ${this.t('checkIn.button')}
      </button>
      ${this.shown.kind === 'closed' ? nothing : html`<div class="overlay">${this.renderPanel()}</div>`}
    `
  }

  private renderPanel(): TemplateResult {
    const back = html`<button type="button" class="btn" data-action="check-in-back" @click=${() => this.show({ kind: 'closed' })}>${this.t('checkIn.back')}</button>`
    const s = this.shown
    switch (s.kind) {
      case 'typing':
        return html`<form
          class="panel"
          role="dialog"
          aria-label=${this.t('checkIn.prompt')}
          @submit=${(e: Event) => {
            e.preventDefault()
            void this.submit(new FormData(e.target as HTMLFormElement).get('code')?.toString() ?? '')
          }}
        >
          <label for="code">${this.t('checkIn.prompt')}</label>
          <input id="code" name="code" data-field="booking-code" dir="ltr" autocomplete="off" .value=${live(this.code)} @input=${(e: Event) => this.onInput(e)} />
          <tabour-code-keyboard
            lang=${this.lang}
            label=${this.t('checkIn.code')}
            @code-key=${(e: CustomEvent<{ key: CodeKey }>) => this.onCodeKey(e.detail.key)}
          ></tabour-code-keyboard>
          <div class="row"><button type="submit" class="btn primary" data-action="check-in">${this.t('checkIn.submit')}</button>${back}</div>
        </form>`
      case 'busy':
        return html`<div class="panel" role="status">${this.t('checkIn.busy')}</div>`
      case 'early':
        return html`<div class="panel" role="alert" data-check-in="too-early"><p>${legibleZeros(this.t('checkIn.tooEarly', { time: s.time }))}</p>${back}</div>`
      case 'late':
        // the tile of a service the kiosk cannot sell now is greyed, and a tap on it does nothing: the offer said a
        // ticket could be taken, and the tap closed the dialog with none (walk s55, no counter open for the service)
        if (!this.ticketsNow(s.serviceId))
          return html`<div class="panel" role="alert" data-check-in="too-late" data-walk-in="none"><p>${this.t('checkIn.tooLateNoTicket')}</p>${back}</div>`
        return html`<div class="panel" role="alert" data-check-in="too-late">
          <p>${this.t('checkIn.tooLate')}</p>
          <div class="row">
            <button type="button" class="btn primary" data-action="walk-in" @click=${() => this.walkIn(s.serviceId)}>${this.t('checkIn.walkIn')}</button>${back}
          </div>
        </div>`
      case 'error':
        return html`<div class="panel" role="alert" data-check-in="error" data-error=${s.key}><p class="error">${this.t(s.key)}</p>${back}</div>`
      default:
        return html``
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-booking-check-in': BookingCheckIn
  }
}
