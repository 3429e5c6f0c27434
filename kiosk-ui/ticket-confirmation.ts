/**
 * `<tabour-ticket-confirmation>`: the ticket on screen. The label in very large type, the
 * service, a checked-in appointment's mark with its slot, how many people are ahead, the expected wait, when it was
 * issued and the closing note, as the paper and the status page say them, and a QR code of the ticket's public
 * status page. Under it, what became of the paper: "printing…" while the job's outcome is not
 * known, "take your printed ticket" once the server reported it printed, and when the ticket did
 * not (or will not) come out, a notice in both languages asks the citizen to photograph the
 * screen and says staff can reprint it when some printer of the center works (`reprintable`),
 * else that the number on the screen is their ticket.
 * Fires `confirmation-done` when the citizen taps "Done".
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { RequiredDocument } from '../protocol/service-menu.ts'
import './documents-list.ts'
import { digitsFor, formatNumber, ticketLabel, type DigitStyle } from '../ui-common/digits.ts'
import { statusText } from '../protocol/messages/status.ts'
import { DEFAULT_LANG, LANGS, otherLang, type Lang } from '../ui-common/i18n.ts'
import { inLang } from '../ui-common/bilingual.ts'
import {
  appointmentMarkText,
  issuedAtText,
  PRIORITY_STAR,
  peopleAheadText,
  priorityText,
  visitStepsText,
  waitText,
} from '../protocol/messages/ticket.ts'
import { hoursText } from '../protocol/messages/hours.ts'
import type { ClosingNote } from '../protocol/closing-note.ts'
import { kioskClosingText } from '../ui-common/opening-words.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { kioskStyles, moreBelow } from './kiosk-styles.ts'
import { serviceName } from './service-grid.ts'
import '../ui-common/qr-code.ts'
import { kioskText } from '../protocol/messages/kiosk.ts'
import { legibleZeros, ZERO_STYLES } from '../ui-common/legible-zeros.ts'
import { PHRASE_STYLES, phrases } from '../ui-common/phrases.ts'
import type { PrintView } from './printer-state.ts'

/** What the confirmation shows of a ticket. */
export interface ShownTicket {
  id: string
  label: string
  position: number
  /** Null when no counter is open for the service: the screen says the wait is unknown. */
  estimatedWaitSeconds: number | null
  /** Its priority category code ('none' for an ordinary ticket); default none. */
  priority?: string
  /** True when the wait runs past closing: the screen says they may not be served today (issue 18); default false. */
  mayNotBeServedToday?: boolean
  /** When it was issued (ISO): printed under the label, so the screen says it too; absent: not shown. */
  issuedAt?: string
  /** The closing note its status page shows (the closing's time named); absent: none, or an older server (then `mayNotBeServedToday`). */
  closing?: ClosingNote
  /** A visit of several steps (IssuedTicket.visit): its steps are named under the service, as on the paper; absent: one step. */
  visit?: { route: readonly { nameAr: string; nameEn: string }[] }
  /** Its status; default waiting. A check-in of a place whose turn came already is `called` (or `serving`). */
  status?: string
  /** The counter that called it (with `status` called or serving); absent: not called. */
  counter?: { number: number; name: string } | null
}

@customElement('tabour-ticket-confirmation')
export class TicketConfirmation extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    // the figures citizens read standing back from the kiosk: «١٠ أشخاص» drew as "1. أشخاص" in Cairo (README "Digits")
    ZERO_STYLES,
    PHRASE_STYLES,
    moreBelow,
    css`
      /* A ticket taller than the screen (ten documents, a visit's steps, a priority box, the long unknown wait) scrolls
         inside itself with a fade saying more is below, and Done stands under it, always in view and over nothing:
         s51 made Done sticky over a scrolling ticket, and in a photograph of the screen it covered the "does not
         print" notice's Arabic lines and "Your ticket is the page on your phone" (walk s52). */
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--tabour-space-2);
      }
      .scroller {
        flex: 0 1 auto;
        min-block-size: 0;
        align-self: stretch;
        overflow-y: auto;
        overscroll-behavior: contain;
        container-type: scroll-state;
      }
      .ticket {
        /* Cairo's glyphs reach a few pixels past their lines: room for the last one's inside the ticket, else a
           ticket that fits scrolled by 4 px and its fade covered the notice's last lines (on the scroller, the
           padding left a strip of the ticket showing under the fade) */
        padding-block-end: var(--tabour-space-1);
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'main' 'qr' 'notice';
        justify-items: center;
        gap: var(--tabour-space-3);
        text-align: center;
      }
      @media (orientation: landscape) and (min-width: 60rem) {
        .ticket {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
          grid-template-areas: 'main qr' 'main notice';
          align-items: center;
        }
      }
      /* with documents (up to 10) everything must still fit a 1080×1920 kiosk: a smaller label
         (.with-documents), and the QR beside the paper notice instead of above it (.qr-beside) */
      .ticket.qr-beside {
        grid-template-columns: auto minmax(0, 1fr);
        grid-template-areas: 'main main' 'qr notice';
        align-items: center;
        gap: var(--tabour-space-2);
      }
      /* a landscape kiosk keeps its two columns: the ticket and documents beside the QR and notice */
      @media (orientation: landscape) and (min-width: 60rem) {
        .ticket.qr-beside {
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
          grid-template-areas: 'main qr' 'main notice';
        }
      }
      .with-documents .main {
        gap: var(--tabour-space-1);
      }
      .with-documents .label {
        font-size: clamp(4rem, 10vmin, 7rem);
        border-width: 6px;
      }
      /* beside the notice, the QR and its caption take a narrow column */
      .qr-beside .qr {
        --qr-size: clamp(9rem, 18vmin, 12rem);
      }
      .qr-beside .qr figcaption {
        max-inline-size: 14em;
        font-size: 1.2rem;
      }
      .with-documents .service {
        font-size: 1.75rem;
      }
      .with-documents dl {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--tabour-space-1);
        inline-size: 100%;
      }
      .with-documents dl > div {
        min-inline-size: 0;
        padding: 0.25rem var(--tabour-space-2);
      }
      .with-documents dd {
        font-size: 1.5rem;
      }
      .with-documents .print-problem {
        padding: var(--tabour-space-1) var(--tabour-space-2);
      }
      .with-documents .print-problem p {
        font-size: 1.2rem;
      }
      .with-documents .print-problem strong {
        font-size: var(--tabour-text-base);
      }
      .with-documents tabour-documents-list {
        inline-size: 100%;
      }
      .main {
        grid-area: main;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--tabour-space-2);
      }
      .caption {
        margin: 0;
        font-size: var(--tabour-text-large);
        font-weight: 700;
      }
      .label {
        margin: 0;
        padding-block: 0.1em;
        padding-inline: 0.4em;
        border: 8px solid var(--tabour-primary);
        border-radius: calc(var(--tabour-radius) * 2);
        font-size: clamp(5rem, 18vmin, 14rem);
        font-weight: 700;
        line-height: 1.15;
        letter-spacing: 0.02em;
        color: var(--tabour-primary);
        white-space: nowrap;
      }
      .service {
        margin: 0;
        font-size: var(--tabour-text-large);
        font-weight: 700;
        line-height: 1.3;
        /* a long name without spaces breaks inside the ticket instead of widening the screen */
        overflow-wrap: anywhere;
      }
      .service .second,
      .priority .second,
      .appointment .second {
        font-size: 0.65em;
      }
      .visit {
        margin: 0;
        font-size: var(--tabour-text-base);
        font-weight: 700;
        /* a long route («… ثم … ثم …») wraps inside the ticket */
        overflow-wrap: anywhere;
      }
      .issued-at {
        margin: 0;
        font-size: var(--tabour-text-base);
        color: var(--tabour-muted);
      }
      /* a called ticket's "go to counter N": as large as the figures it stands in for, in the primary colour */
      .turn {
        display: flex;
        flex-direction: column;
        gap: var(--tabour-space-1);
        margin: 0;
        padding: var(--tabour-space-2) var(--tabour-space-3);
        border: 4px solid var(--tabour-primary);
        border-radius: var(--tabour-radius);
        font-size: var(--tabour-text-large);
        font-weight: 700;
        color: var(--tabour-primary);
      }
      .late {
        margin: 0;
        font-weight: 700;
        color: #8a2a00;
      }
      /* the line is served out: said plainly, not in the warning's colour (s55) */
      .late[data-late='served-past-close'] {
        color: inherit;
      }
      .priority {
        display: flex;
        flex-direction: column;
        margin: 0;
        padding: var(--tabour-space-1) var(--tabour-space-3);
        border: 3px solid var(--tabour-primary);
        border-radius: var(--tabour-radius);
        font-size: var(--tabour-text-large);
        font-weight: 700;
        color: var(--tabour-primary);
      }
      /* as the console's appointment badge: a quiet green box, no star (it is not a priority) */
      .appointment {
        display: flex;
        flex-direction: column;
        margin: 0;
        padding: var(--tabour-space-1) var(--tabour-space-3);
        border: 3px solid #a8d5b5;
        border-radius: var(--tabour-radius);
        background: #e6f4ea;
        color: #1e5631;
        font-size: var(--tabour-text-large);
        font-weight: 700;
      }
      dl {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: var(--tabour-space-2);
        margin: 0;
      }
      dl > div {
        min-inline-size: 14rem;
        padding: var(--tabour-space-1) var(--tabour-space-3);
        border-radius: var(--tabour-radius);
        background: var(--tabour-surface);
      }
      dt {
        font-size: var(--tabour-text-base);
        color: var(--tabour-muted);
      }
      dd {
        margin: 0;
        font-size: var(--tabour-text-large);
        font-weight: 700;
      }
      /* a turned ٠ inside a sentence (legibleZeros): room for its diamond, which touched the word beside it («حوالي ١٠»);
         on the issued and closing lines two in a row ran into one blob against «الساعة» («١٢:٠٠», walk s55) */
      :is(dd, .issued-at, .late) .zero {
        margin-inline: 0.12em;
      }
      .qr {
        grid-area: qr;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--tabour-space-1);
        margin: 0;
        --qr-size: clamp(12rem, 28vmin, 20rem);
      }
      .qr figcaption {
        max-inline-size: 20em;
        font-size: var(--tabour-text-base);
      }
      .notice {
        grid-area: notice;
        margin: 0;
        font-size: var(--tabour-text-large);
        font-weight: 700;
      }
      .print-problem {
        grid-area: notice;
        display: grid;
        gap: var(--tabour-space-1);
        inline-size: min(100%, 60rem);
        padding: var(--tabour-space-2) var(--tabour-space-3);
        border: 4px solid var(--tabour-on-accent);
        border-radius: var(--tabour-radius);
        background: var(--tabour-accent);
        color: var(--tabour-on-accent);
      }
      .print-problem p {
        margin: 0;
        line-height: 1.35;
      }
      .print-problem strong {
        display: block;
        font-size: var(--tabour-text-large);
      }
      .print-problem .en {
        direction: ltr;
      }
      .print-problem .ar {
        direction: rtl;
      }
      /* a ticket whose paper did not come out: the QR and the notice are in .ticket-foot, out of the scroll */
      .ticket.alone {
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'main';
      }
      /* always in view under the scrolling ticket, the QR beside the notice as in .qr-beside */
      .ticket-foot {
        flex: none;
        align-self: stretch;
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        grid-template-areas: 'qr notice';
        align-items: center;
        justify-items: center;
        gap: var(--tabour-space-2);
        text-align: center;
      }
      .ticket-foot .qr {
        --qr-size: clamp(9rem, 18vmin, 12rem);
      }
      .ticket-foot .qr figcaption {
        max-inline-size: 14em;
        font-size: 1.2rem;
      }
      /* a size below the label's and the figures': "Please photograph this screen" on one line of its column, so
         a ticket without documents (two figures stacked in English) still fits without scrolling (walk s53) */
      .ticket-foot:not(.with-documents) .print-problem strong {
        font-size: 1.875rem;
      }
      /* under the ticket, above the footer, where a citizen who does not think to scroll finds it (s51: ten
         documents and a two-step visit had put it below the fold) */
      .done {
        flex: none;
        min-inline-size: 16rem;
      }
    `,
  ]

  /** The ticket to show; required. */
  @property({ attribute: false }) ticket: ShownTicket | null = null
  /** Its service's names, and whether a counter serves it (`staffed`: the tile's figure, live); default none. */
  @property({ attribute: false }) service: { nameAr: string; nameEn: string; staffed?: boolean; takesBookings?: boolean } | null = null
  /** The public status page of the ticket (the QR); default none. */
  @property() statusUrl = ''
  /** The ticket's priority category (names in both languages), shown under the label; default none (an ordinary ticket). */
  @property({ attribute: false }) category: { code: string; nameAr: string; nameEn: string } | null = null
  /** The booking a check-in gave this ticket for: its slot's start (ISO) and the center's zone, marked under the label; default none (a walk-in). */
  @property({ attribute: false }) appointment: { slotStart: string; timeZone: string } | null = null
  /** What to bring (issue 21): on the ticket on screen too, above all when the paper did not print; default none. */
  @property({ attribute: false }) documents: readonly RequiredDocument[] = []
  /** What to say about paper: 'printing' (its outcome not known yet), 'printed' ("take your ticket"), 'problem' ("photograph this screen", the print failed) or 'none' (a kiosk without a printer); default 'problem', the one that is never untrue. */
  @property() printing: PrintView = 'problem'
  /** Some working printer could print this ticket again (kiosk-ui/printer-state.ts reprintPossible); default false: no reprint is promised. */
  @property({ type: Boolean }) reprintable = false
  /** Current language; default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /**
   * The center's digits for Arabic text (the label is always Western, English text too:
   * protocol/messages/digits.ts); default 'western'. The center's setting, not the screen's: the
   * second language's lines (an Arabic mark on the English screen) follow it as well.
   */
  @property() digits: DigitStyle = 'western'
  /** The center's zone, the issue time is written in; default the screen's. */
  @property() timeZone: string | undefined = undefined

  override render(): TemplateResult {
    const ticket = this.ticket
    if (!ticket) return html``
    const lang = this.lang
    const other = otherLang(lang)
    const footed = this.paperNotice
    const compact = this.compact ? 'with-documents' : ''
    const qrAndPaper = html`<figure class="qr">
        <tabour-qr-code value=${this.statusUrl} label=${kioskText('kiosk.scanToFollow', lang)}></tabour-qr-code>
        <figcaption>${kioskText('kiosk.scanToFollow', lang)}</figcaption>
      </figure>
      ${this.renderPrinting(lang)}`
    return html`
      <!-- a box that scrolls takes the focus, for a keyboard (axe: scrollable-region-focusable) -->
      <div class="scroller" tabindex="0" role="region" aria-label=${kioskText('ticket.yourTicket', lang)}>
      <section class="ticket ${compact} ${footed ? 'alone' : this.qrBeside ? 'qr-beside' : ''}" data-ticket-id=${ticket.id}>
        <div class="main">
          <h1 class="caption">${kioskText('ticket.yourTicket', lang)}</h1>
          <p class="label ltr" data-ticket-label=${ticket.label}>${ticketLabel(ticket.label)}</p>
          ${
            this.service
              ? html`<p class="service">${serviceName(this.service, lang)}<span class="second">${inLang(serviceName(this.service, other), other)}</span></p>`
              : ''
          }
          ${
            this.category
              ? html`<p class="priority" data-priority=${this.category.code}>${PRIORITY_STAR} ${priorityText(this.category, lang)}<span class="second">${inLang(priorityText(this.category, other), other)}</span></p>`
              : ''
          }
          ${this.renderAppointment(lang, other)} ${this.renderVisit(ticket, lang)}
          ${this.renderTurn(ticket, lang)}
          ${this.renderIssuedAt(ticket, lang)} ${this.renderClosing(ticket, lang)}
          <tabour-documents-list .documents=${this.documents} .lang=${lang} level="2" compact></tabour-documents-list>
        </div>
        ${footed ? '' : qrAndPaper}
      </section>
      <div class="more" aria-hidden="true">▼</div>
      </div>
      ${footed ? html`<div class="ticket-foot ${compact}">${qrAndPaper}</div>` : ''}
      <button type="button" class="btn primary done" data-action="done" @click=${this.done}>${kioskText('kiosk.done', lang)}</button>
    `
  }

  /**
   * No estimate while its service is staffed: its counters are paused, their clerks present, and the
   * wait says so, as the tile did a moment before (walk s52).
   */
  private pausedOnly(ticket: ShownTicket): boolean {
    return ticket.estimatedWaitSeconds === null && this.service?.staffed === true
  }

  /**
   * People ahead and the wait; for a ticket called already (a joined place scanned after its turn
   * came), the phone page's words instead: "It's your turn — please go to counter 3" (walk of
   * 2026-12-07: the kiosk said "nobody ahead of you, less than a minute" to a called C-001).
   */
  private renderTurn(ticket: ShownTicket, lang: Lang): TemplateResult {
    const digits = digitsFor(lang, this.digits)
    const counter = ticket.counter
    if (counter && (ticket.status === 'called' || ticket.status === 'serving')) {
      const n = formatNumber(counter.number, { digits })
      return html`<p class="turn" role="alert" data-called-to=${counter.number}>
        ${ticket.status === 'called' ? html`<strong>${statusText('status.yourTurn', lang)}</strong>` : ''}
        <span>${statusText(ticket.status === 'called' ? 'status.goToCounter' : 'status.serving', lang, { n })}</span>
      </p>`
    }
    return html`<dl>
      <div>
        <dt>${kioskText('ticket.placeLabel', lang)}</dt>
        <dd data-position=${ticket.position}>${legibleZeros(peopleAheadText(ticket.position, lang, digits))}</dd>
      </div>
      <div>
        <dt>${kioskText('ticket.waitLabel', lang)}</dt>
        <dd data-wait=${ticket.estimatedWaitSeconds ?? 'unknown'}>${this.renderWait(ticket, lang, digits)}</dd>
      </div>
    </dl>`
  }

  /** The wait: its figures' zeros drawn legibly; the unknown wait's clauses wrap whole in the compact layout's half-width box (phrases). */
  private renderWait(ticket: ShownTicket, lang: Lang, digits: DigitStyle): TemplateResult | string {
    const wait = waitText(ticket.estimatedWaitSeconds, lang, digits, this.pausedOnly(ticket))
    return ticket.estimatedWaitSeconds === null ? phrases(wait) : legibleZeros(wait)
  }

  /** "Your visit has 2 steps: A, then B", as the paper prints it: a citizen without a phone learns they will be called again. */
  private renderVisit(ticket: ShownTicket, lang: Lang): TemplateResult | string {
    const route = (ticket.visit?.route ?? []).map((s) => ({ ar: s.nameAr, en: s.nameEn }))
    const line = visitStepsText(route, lang, digitsFor(lang, this.digits))
    return line === null ? '' : html`<p class="visit" data-visit-steps=${route.length}>${line}</p>`
  }

  /** When it was issued, as the paper prints it under the label: on screen the citizen may have no paper (walk s41). */
  private renderIssuedAt(ticket: ShownTicket, lang: Lang): TemplateResult | string {
    if (!ticket.issuedAt) return ''
    const zone = this.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
    const at = issuedAtText(Date.parse(ticket.issuedAt), zone, lang, digitsFor(lang, this.digits))
    // its zeros drawn as the figures' (legibleZeros): «١٠:٠٥» read "١·:··" in Cairo's small ٠ (s52-kiosk)
    return html`<p class="issued-at" data-issued-at=${ticket.issuedAt}>${legibleZeros(at)}</p>`
  }

  /**
   * The closing note its status page shows, with the closing's time ("You may not be served before
   * closing at 3:00 PM"), where this screen said only "before closing"; an older server's bare flag
   * keeps the old words.
   */
  private renderClosing(ticket: ShownTicket, lang: Lang): TemplateResult | string {
    const digits = digitsFor(lang, this.digits)
    if (ticket.closing)
      return html`<p class="late" role="note" data-late=${ticket.closing.kind}>${legibleZeros(kioskClosingText(ticket.closing, this.service?.takesBookings, lang, digits))}</p>`
    if (ticket.mayNotBeServedToday) return html`<p class="late" role="note" data-late>${hoursText('hours.mayNotBeServedToday', lang)}</p>`
    return ''
  }

  /** "Appointment 10:30 — checked in" in both languages, the screen's first (docs/appointments.md); nothing for a walk-in. */
  private renderAppointment(lang: Lang, other: Lang): TemplateResult | string {
    const a = this.appointment
    if (!a) return ''
    const slot = Date.parse(a.slotStart)
    const mark = (l: Lang) => appointmentMarkText(slot, a.timeZone, l, digitsFor(l, this.digits))
    return html`<p class="appointment" data-appointment=${a.slotStart}>${mark(lang)}<span class="second">${inLang(mark(other), other)}</span></p>`
  }

  /**
   * The compact layout (smaller label, the QR beside the paper notice): with documents, and with a
   * priority category or an appointment's mark, whose extra box put Done and the language switch below a
   * 1080×1920 screen (walk finding 5), and with a visit's steps, whose line with the long unknown wait and the
   * "does not print" notice ran the notice's second language off the screen (walk s52).
   */
  private get compact(): boolean {
    const steps = this.ticket?.visit?.route.length ?? 0
    return this.documents.length > 0 || this.category !== null || this.appointment !== null || steps > 1
  }

  /**
   * The QR beside the paper notice: in the compact layout, and under the bilingual "photograph this
   * screen" box, which also put Done and the footer below a 1080×1920 screen (walk of 2026-12-05,
   * finding 3). The number keeps its full size there: it is what the citizen photographs.
   */
  private get qrBeside(): boolean {
    return this.compact || this.paperNotice
  }

  /**
   * The paper did not or will not come out: the "photograph this screen" notice and the QR stand under the
   * ticket, out of its scrolling, above Done (ticket-foot), so a ticket taller than the screen never hides
   * them below the fold (walk s52: with ten documents, a priority and a visit of two steps only a fade hinted
   * at the notice that this screen is the ticket).
   */
  private get paperNotice(): boolean {
    return this.printing === 'problem' || this.printing === 'none'
  }

  /**
   * What became of the paper, in both languages as every sentence of this screen (the names, the marks, the paper
   * notice): "Your ticket is the page on your phone" had no Arabic line on the English screen (walk s52).
   */
  private renderPrinting(lang: Lang): TemplateResult {
    if (this.printing === 'problem' || this.printing === 'none') return this.renderPaperNotice(lang, this.printing)
    const key = this.printing === 'printed' ? 'kiosk.takePrinted' : this.printing === 'phone' ? 'kiosk.ticketOnPhone' : 'kiosk.printing'
    const other = otherLang(lang)
    return html`<p class="notice" role="status" data-printing=${this.printing}>
      ${kioskText(key, lang)}<span class="second">${inLang(kioskText(key, other), other)}</span>
    </p>`
  }

  /**
   * Both languages at once, the current one first: the citizen may not find the switch in time.
   * A failed print says so, and that staff can reprint only when a working printer could (`reprintable`);
   * a kiosk without a printer promises nothing.
   */
  private renderPaperNotice(lang: Lang, view: 'problem' | 'none'): TemplateResult {
    const order = [lang, ...LANGS.filter((l) => l !== lang)]
    const why = (l: Lang) =>
      view === 'none'
        ? kioskText('kiosk.noPrinter', l)
        : `${kioskText('kiosk.printProblem.title', l)}. ${kioskText(this.reprintable ? 'kiosk.printProblem.reprint' : 'kiosk.printProblem.screenIsTicket', l)}`
    return html`<div class="print-problem" role=${view === 'problem' ? 'alert' : 'status'} data-printing=${view}>
      ${order.map((l) => html`<p lang=${l} class=${l}><strong>${kioskText('kiosk.printProblem.photo', l)}</strong> ${why(l)}.</p>`)}
    </div>`
  }

  private readonly done = (): void => {
    this.dispatchEvent(new CustomEvent('confirmation-done', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-ticket-confirmation': TicketConfirmation
  }
  interface HTMLElementEventMap {
    'confirmation-done': CustomEvent<void>
  }
}
