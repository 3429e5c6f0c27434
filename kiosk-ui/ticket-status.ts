/**
 * `<tabour-ticket-status>`: the public page the ticket's QR code opens on the citizen's phone,
 * at `<base>/t/<id>`. Shows the ticket, the service, how many are ahead and the expected wait,
 * the center's name, or "your turn: go to counter N" once called. Live: a public socket pushes
 * the ticket at every change (issue, call, finish, transfer ahead of it) and when its people ahead
 * move with time alone (the server plays the line again every few seconds: Broadcaster.pushOrderChanges); only while that socket
 * is down does it poll, every 60 s and when the page becomes visible again. A ticket in line also
 * asks again half a minute after its latest news: its closing note moves with the clock, not with
 * events. A waiting ticket can be cancelled by its holder (with a confirm step). Reads only the public status: nothing personal.
 * A ticket joined from a phone (issue 19) also shows its held place, its time to arrive and the
 * "I am here" button (remote-status.ts); "your turn is near" and "go to counter N" are in the
 * page's title too, so a phone in a pocket shows them on its lock screen or tab.
 */
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ClosingNoteKind } from '../protocol/closing-note.ts'
import type { PublicTicket } from '../protocol/entities.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { parseTicketPath } from '../ui-common/base-path.ts'
import { digitsFor, formatNumber, ticketLabel, type DigitStyle } from '../ui-common/digits.ts'
import { applyLang, DEFAULT_LANG, initialLang, otherLang, type Lang } from '../ui-common/i18n.ts'
import { inLang, nameIn, namePart } from '../ui-common/bilingual.ts'
import type { LangChangeEvent } from '../ui-common/lang-switch.ts'
import { appointmentMarkText, peopleAheadText, waitText } from '../protocol/messages/ticket.ts'
import { applyPageTheme } from '../ui-common/theme.ts'
import '../ui-common/lang-switch.ts'
import type { Socket } from 'socket.io-client'
import { cancelMyTicket, fetchPublicTicket, watchTicket } from './status-api.ts'
import { statusPageStyles } from './status-styles.ts'
import { PollController } from '../ui-common/poll-controller.ts'
import { serviceName } from './service-grid.ts'
import { doneText, placedAheadText, statusText } from '../protocol/messages/status.ts'
import './status-rating.ts'
import { nearLine } from './remote-status.ts'
import { turnIsNear } from '../protocol/turn-near.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'
import './remote-status.ts'
import './visit-steps-line.ts'
import { minutesLeft } from '../ui-common/minutes-left.ts'
import { closingNoteText } from '../ui-common/opening-words.ts'
import { fetchRemoteServices } from './join/join-api.ts'
import { phoneRejoinable, phoneRejoinUrl } from './phone-rejoin.ts'
import { listComma } from '../protocol/messages/list-comma.ts'
import { keepAddress, withLangQuery } from './lang-in-address.ts'

/** Whether a counter's name, in the page's language («تراخيص · Permits»: its part), says more than its number ("Counter 3", "شباك 3" do not). */
function namesMore(counter: { number: number; name: string }, lang: Lang): boolean {
  const plain = namePart(counter.name, lang)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .trim()
    .toLowerCase()
  return plain !== '' && !new RegExp(`^(counter|window|desk|الشباك|شباك)\\s*${counter.number}$`).test(plain)
}

/** Statuses that will not change again: polling stops (a no-show within its undo window may: `settled`). */
/** The done line's data-outcome for a finish that named no outcome. */
const NO_OUTCOME = 'no-outcome'

const FINAL = new Set(['done', 'no_show', 'cancelled', 'abandoned'])
/** The closing notes that tell a holder the ticket is served all the same (stay), drawn calm, not as a warning. */
const REASSURING: ReadonlySet<ClosingNoteKind> = new Set(['served-after-close', 'served-past-close'])

/**
 * Whether nothing will change any more: a final status, except a no-show a clerk can still put
 * back in line, and a served ticket not rated yet (a rating on the counter's tablet ends the
 * page's faces: walk s46).
 */
const settled = (t: PublicTicket): boolean => FINAL.has(t.status) && !t.noShow && !(t.status === 'done' && !t.rated)

/** The fallback poll while the live socket is down. */
const FALLBACK_POLL_MS = 60_000

/**
 * How long after its latest news a ticket in line asks again while the socket is up: pushes come
 * with queue events, but the closing note comes with the clock (the half hour before the hours'
 * or the day's close) and a quiet hall pushes nothing then (walk 2026-12-05), nor when the day's
 * close ends the ticket. Only while the page is visible (PollController): a phone in a pocket asks nothing.
 */
const IN_LINE_REFRESH_MS = 30_000

/** Statuses in line, whose closing note (protocol/closing-note.ts) moves with the clock. */
const IN_LINE = new Set(['waiting', 'remote'])

/** The cancel control: the button, the confirm step, a request in flight, or why it failed. */
type CancelStep = 'idle' | 'confirm' | 'busy' | 'tooLate' | 'failed'

@customElement('tabour-ticket-status')
export class TicketStatus extends LitElement {
  static override styles = statusPageStyles

  /** The ticket id; default: from the page URL `<base>/t/<id>`. */
  @property() ticketId = ''
  /** The server's prefix; default: from the page URL. */
  @property() base = ''

  @state() private language: Lang = DEFAULT_LANG
  @state() private ticket: PublicTicket | null = null
  @state() private notFound = false
  @state() private stale = false
  @state() private cancelStep: CancelStep = 'idle'
  /** Whether a phone can join this ticket's own service now (asked once a ticket has ended with nowhere to go): the way onward links its join page. */
  @state() private phoneJoin: boolean | null = null

  /** Runs only while the socket is down. */
  private readonly poll = new PollController(this, () => this.refresh(), FALLBACK_POLL_MS)
  /** Redraws the minutes left of a no-show's undo window; fetches once it is over (the page then says to take a new ticket). */
  private readonly undoTick = new PollController(
    this,
    async () => {
      const window = this.ticket?.noShow
      if (window && window.secondsLeft * 1000 <= Date.now() - this.toldAt) await this.refresh()
      else this.requestUpdate()
    },
    30_000,
  )
  /** Keeps a ticket in line current with the clock (IN_LINE_REFRESH_MS); the fallback poll covers a lost socket. */
  private readonly clockTick = new PollController(this, () => this.refresh(), IN_LINE_REFRESH_MS)
  private socket: Socket | null = null
  /** When this phone received the ticket shown (Date.now()): a no-show's minutes left count down from then. */
  private toldAt = 0

  constructor() {
    super()
    this.addEventListener('lang-change', (e: LangChangeEvent) => {
      this.setLanguage(e.detail.lang)
      keepAddress(withLangQuery(location.href, e.detail.lang))
    })
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
    return this.notFound || (this.ticket !== null && settled(this.ticket))
  }

  override render(): TemplateResult {
    const lang = this.language
    return html`
      <header>
        <div>
          <h1 data-center>${this.ticket ? (lang === 'ar' ? this.ticket.center.nameAr : this.ticket.center.nameEn) : statusText('product.name', lang)}</h1>
          <p class="sub">${statusText('app.ticketStatus', lang)}</p>
        </div>
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
    // the center's digits in Arabic, Western in English; the label always Western (protocol/messages/digits.ts)
    const digits = digitsFor(lang, ticket.center.digits)
    const n = (v: number) => formatNumber(v, { digits })
    return html`
      <section class="card" data-status=${ticket.status} aria-live="polite">
        <p class="caption">${statusText('ticket.yourTicket', lang)}</p>
        <p class="label ltr" data-ticket-label=${ticket.label}>${ticketLabel(ticket.label)}</p>
        <p class="service">
          ${serviceName({ nameAr: ticket.serviceNameAr, nameEn: ticket.serviceNameEn }, lang)}
          <span class="second">${inLang(serviceName({ nameAr: ticket.serviceNameAr, nameEn: ticket.serviceNameEn }, otherLang(lang)), otherLang(lang))}</span>
        </p>
        ${
          ticket.appointment
            ? html`<p class="reassure" data-appointment=${ticket.appointment.slotStart}>
                ${appointmentMarkText(Date.parse(ticket.appointment.slotStart), ticket.appointment.timeZone, lang, digits)}
              </p>`
            : nothing
        }
        ${turnIsNear(ticket) ? html`<p class="turn near" role="alert" data-near>${nearLine(ticket, lang)}</p>` : nothing}
        ${ticket.visit && !FINAL.has(ticket.status) ? html`<tabour-visit-steps .ticket=${ticket} .lang=${lang}></tabour-visit-steps>` : nothing}
        ${this.renderState(ticket, lang, n, digits)}
        ${
          ticket.closing && !FINAL.has(ticket.status)
            ? html`<p class=${REASSURING.has(ticket.closing.kind) ? 'reassure' : 'warn'} role="status" data-closing=${ticket.closing.kind}>${closingNoteText(ticket.closing, lang, digits)}</p>`
            : nothing
        }
        ${
          ticket.remote
            ? html`<tabour-remote-status .ticket=${ticket} .language=${lang} .base=${this.base} @ticket-change=${(e: CustomEvent<PublicTicket>) => this.show(e.detail)}></tabour-remote-status>`
            : nothing
        }
        ${this.stale ? html`<p class="warn" role="status">${statusText('status.offline', lang)}</p>` : nothing}
        ${ticket.status === 'waiting' || ticket.status === 'remote' ? this.renderCancel(ticket, lang) : nothing}
        ${this.cancelStep === 'tooLate' ? html`<p class="warn" role="alert">${statusText('status.cancelTooLate', lang)}</p>` : nothing}
        <tabour-status-rating .ticket=${ticket} .base=${this.base} .lang=${lang}></tabour-status-rating>
        ${FINAL.has(ticket.status) ? nothing : html`<p class="foot">${statusText('status.live', lang)}</p>`}
      </section>
    `
  }

  private renderState(ticket: PublicTicket, lang: Lang, n: (v: number) => string, digits: DigitStyle): TemplateResult {
    switch (ticket.status) {
      case 'remote':
        // a held place is not called before its citizen checks in: its figures hold only from then
        return html`<p class="if-checked-in" data-position=${ticket.position} data-wait=${ticket.estimatedWaitSeconds ?? 'unknown'}>
          ${statusText('status.whenCheckedIn', lang, {
            ahead: statusText('status.aheadThen', lang, { n: ticket.position }, digits),
            wait: waitText(ticket.estimatedWaitSeconds, lang, digits, ticket.pausedCounters !== undefined),
          })}
        </p>`
      case 'waiting': {
        // no open counter serves it (wait unknown): nobody is "next", and the page says why (walk finding 8)
        const noCounter = ticket.estimatedWaitSeconds === null
        return html`${this.renderMoved(ticket, lang)}${this.renderWaitingFor(ticket, noCounter, lang, n)}<dl>
          <div>
            <dt>${statusText('ticket.placeLabel', lang)}</dt>
            <dd data-position=${ticket.position}>${peopleAheadText(ticket.position, lang, digits)}</dd>
          </div>
          <div>
            <dt>${statusText('ticket.waitLabel', lang)}</dt>
            <dd data-wait=${ticket.estimatedWaitSeconds ?? 'unknown'}>${this.waitLine(ticket, lang, digits, n)}</dd>
          </div>
        </dl>${this.renderPlacedAhead(ticket, lang, digits)}`
      }
      case 'called':
      case 'serving': {
        const number = ticket.counter ? n(ticket.counter.number) : '—'
        const line = statusText(turnLineKey(ticket), lang, { n: number })
        return html`<div class="turn" role="alert" data-counter=${ticket.counter?.number ?? ''} data-recalls=${ticket.recalls ?? 0}>
          ${ticket.status === 'called' ? html`<strong>${statusText('status.yourTurn', lang)}</strong>` : nothing}
          <p class=${ticket.status === 'called' ? 'counter go' : 'counter'}>${line}</p>
          ${ticket.counter && namesMore(ticket.counter, lang) ? html`<p data-counter-name>${nameIn(ticket.counter.name, lang)}</p>` : nothing}
        </div>`
      }
      case 'done':
        return this.renderDone(ticket, lang)
      case 'no_show':
        return this.renderNoShow(ticket, lang, n, digits)
      case 'parked':
        return this.renderParked(ticket, lang, n, digits)
      case 'abandoned':
        // a place held from a phone and never checked in lost its place; anyone else (a remote
        // ticket too, once checked in) was parked and did not come back in time
        if (ticket.cancelledBecause === 'day_closed') return this.renderCancelled(ticket, lang)
        return html`<p class="final" data-state="abandoned">
            ${statusText(ticket.remote && ticket.remote.arrivedAt === null ? 'status.placeLost' : 'status.abandoned', lang)}
          </p>
          ${this.renderOnward(ticket, lang)}`
      default:
        return this.renderCancelled(ticket, lang)
    }
  }

  /**
   * A finished visit: "served" only for `served` or the default outcome; any other says its own
   * name (a citizen sent away for missing papers was not served), a finish that named none only
   * that the visit ended (doneText). The rating is asked all the same: how the visit went matters
   * most when it did not end as hoped. A visit of several steps says its steps are done unless it
   * ended with another outcome.
   */
  private renderDone(ticket: PublicTicket, lang: Lang): TemplateResult {
    const ended = ticket.endedWith
    // data-outcome: '' served, the code, or NO_OUTCOME (no code can be it: codes have no '-')
    const mark = ended ? (ended.code ?? NO_OUTCOME) : ''
    return html`<p class="final" data-outcome=${mark}>${doneText(ended, lang)}</p>${
      !ended || ended.code === null ? this.renderVisitDone(ticket, lang) : nothing
    }`
  }

  /**
   * A visit of several steps served to its last step: the services its steps were served at, in
   * order (the header names only the last), not its route: a step moved to another service was
   * served there (walk s52). `served` comes with every done ticket; the route is only its type's fallback.
   */
  private renderVisitDone(ticket: PublicTicket, lang: Lang): TemplateResult | typeof nothing {
    const visit = ticket.visit
    if (!visit || visit.step !== visit.of) return nothing
    const services = (visit.served ?? visit.route).map((s) => serviceName(s, lang)).join(listComma(lang))
    return html`<p class="visit-done" data-visit-done=${visit.of}>${statusText('status.visitDone', lang, { services })}</p>`
  }

  /**
   * A ticket cancelled (or a held place ended) and why: the center's closing or the day's says so
   * (the holder did nothing wrong), never "the center closed" for the day's close of a center that
   * stays open; the holder's own or staff's cancel stays neutral.
   */
  private renderCancelled(ticket: PublicTicket, lang: Lang): TemplateResult {
    const key =
      ticket.cancelledBecause === 'day_closed'
        ? 'status.cancelledDayClosed'
        : ticket.cancelledBecause === 'center_closed'
          ? 'status.cancelledCenterClosed'
          : 'status.cancelled'
    return html`<p class="final" data-cancelled=${ticket.cancelledBecause ?? ''}>${statusText(key, lang)}</p>
      ${key === 'status.cancelled' ? this.renderOnward(ticket, lang) : nothing}`
  }

  /**
   * The way onward from a ticket that ended (walk s44: «أُلغيت هذه التذكرة» and a lost place were dead
   * ends): the join page, its service chosen, when a phone can join the ticket's own service now
   * (phone-rejoin.ts), and the kiosk only while it sells the ticket's service (`newTicketsNow`:
   * not to a closed or full service).
   */
  private renderOnward(ticket: PublicTicket, lang: Lang): TemplateResult {
    const join = this.phoneJoin
      ? html`<a class="link" data-onward="join" href=${phoneRejoinUrl(this.base, lang, ticket.serviceId)}>${statusText('status.joinAgain', lang)}</a>`
      : nothing
    return html`${join}${ticket.newTicketsNow === true ? html`<p data-onward="kiosk">${statusText('status.newTicketAtKiosk', lang)}</p>` : nothing}`
  }

  /** Whether a phone may join the ticket's service now (the join page's own list); no answer: not offered. */
  private async askPhoneJoin(serviceId: number): Promise<void> {
    this.phoneJoin = false
    try {
      this.phoneJoin = phoneRejoinable((await fetchRemoteServices(this.base)).services, serviceId)
    } catch {
      this.phoneJoin = false
    }
  }

  /**
   * Why people ahead grew though nobody left (walk s52): who was placed ahead after this ticket
   * joined and why, as the server found it in the line's play (server/queue/placed-ahead.ts). Said
   * while they are still ahead, so a page opened or reloaded after the change says it too; nothing
   * when nobody was, and nothing for a reason the server cannot name.
   */
  private renderPlacedAhead(ticket: PublicTicket, lang: Lang, digits: DigitStyle): TemplateResult | typeof nothing {
    const line = placedAheadText(ticket.placedAhead, lang, digits)
    return line === null ? nothing : html`<p role="status" data-placed-ahead=${Object.keys(ticket.placedAhead ?? {}).join(' ')}>${line}</p>`
  }

  /** A waiting ticket moved to another service's line by a clerk: from which to which, in the page's language. */
  private renderMoved(ticket: PublicTicket, lang: Lang): TemplateResult | typeof nothing {
    const from = ticket.movedFrom
    if (!from) return nothing
    const to = serviceName({ nameAr: ticket.serviceNameAr, nameEn: ticket.serviceNameEn }, lang)
    return html`<p class="turn" role="status" data-moved-from=${from.nameEn}>
      ${statusText('status.movedTo', lang, { from: serviceName(from, lang), to })}
    </p>`
  }

  /**
   * Why a waiting ticket is not being called, or where it waits: the one counter it was sent to
   * (only that counter calls it, so "no counter serves this service" would be false while another
   * serving it is open: walk 2026-12-05, finding 2), or no open counter serving its service: paused
   * ones (their clerks present) said so, not "calls start when one opens" (walk s52).
   */
  /** The wait of a ticket in line; sent to a counter that is not open, unknown until it opens (the sentence above says why). */
  private waitLine(ticket: PublicTicket, lang: Lang, digits: DigitStyle, n: (v: number) => string): string {
    const to = ticket.waitsFor
    if (ticket.estimatedWaitSeconds === null && to && !to.open) return statusText('status.waitForClosedCounter', lang, { n: n(to.number) })
    return waitText(ticket.estimatedWaitSeconds, lang, digits, ticket.pausedCounters !== undefined)
  }

  private renderWaitingFor(
    ticket: PublicTicket,
    noCounter: boolean,
    lang: Lang,
    n: (v: number) => string,
  ): TemplateResult | typeof nothing {
    const to = ticket.waitsFor
    if (to && !to.open) {
      return html`<p class="warn" role="status" data-waits-for=${to.number}>${statusText('status.waitsForClosedCounter', lang, { n: n(to.number) })}</p>`
    }
    if (to) return html`<p class="turn" data-waits-for=${to.number}>${statusText('status.waitsForCounter', lang, { n: n(to.number) })}</p>`
    if (!noCounter) return nothing
    if (ticket.noCounterServes)
      return html`<p class="warn" role="status" data-no-counter-serves>${statusText('status.noCounterServes', lang)}</p>`
    const paused = ticket.pausedCounters
    return paused
      ? html`<p class="warn" role="status" data-counters-paused=${paused}>${statusText('status.countersPaused', lang, { n: paused })}</p>`
      : html`<p class="warn" role="status" data-no-counter>${statusText('status.noCounterServing', lang)}</p>`
  }

  /**
   * A no-show: until when a clerk can put it back in line, the minutes left, and the counters that
   * can (walk finding 7: not a generic enquiries desk, which may not serve the service); once the
   * window is over, take a new ticket.
   */
  /**
   * A parked ticket: the reason the clerk picked (in the page's language), the counter to go back
   * to, until when the turn is kept, and whether that clock stands still (its counter is paused).
   */
  private renderParked(ticket: PublicTicket, lang: Lang, n: (v: number) => string, digits: DigitStyle): TemplateResult {
    const head = html`<p class="final" data-state="parked">${statusText('status.parked', lang)}</p>`
    const p = ticket.parked
    if (!p) return head
    const reason = p.reason ? (lang === 'ar' ? p.reason.nameAr : p.reason.nameEn) : null
    return html`${head}
      ${reason === null ? nothing : html`<p data-parked-reason>${statusText('status.parkedReason', lang, { reason })}</p>`}
      ${
        p.counter
          ? html`<p class="counter" data-parked-counter=${p.counter.number}>${statusText('status.parkedCounter', lang, { n: n(p.counter.number) })}</p>`
          : nothing
      }
      ${this.parkedTime(p, lang, digits)}`
  }

  /**
   * Until when the turn is kept; while its counter is paused, the minutes left instead, which wait for
   * the counter: the hour moves later every second then, so any hour shown would already be too early.
   */
  private parkedTime(p: NonNullable<PublicTicket['parked']>, lang: Lang, digits: DigitStyle): TemplateResult {
    if (p.clockStopped && p.secondsLeft !== undefined) {
      const minutes = Math.max(1, Math.ceil(p.secondsLeft / 60))
      return html`<p class="turn" data-parked-clock-stopped data-parked-minutes=${minutes}>
        ${statusText('status.parkedClockStopped', lang)} ${statusText('status.parkedTimeLeft', lang, { minutes }, digits)}
      </p>`
    }
    return html`<p class="turn" data-parked-until=${p.until}>
        ${statusText('status.parkedUntil', lang, { time: clockTime(p.until, p.timeZone, lang, digits) })}
      </p>
      ${p.clockStopped ? html`<p data-parked-clock-stopped>${statusText('status.parkedClockStopped', lang)}</p>` : nothing}`
  }

  private renderNoShow(ticket: PublicTicket, lang: Lang, n: (v: number) => string, digits: DigitStyle): TemplateResult {
    const window = ticket.noShow
    if (!window)
      return html`<p class="final" data-state="no-show-over">${statusText('status.noShowExpired', lang)}</p>
        ${this.renderOnward(ticket, lang)}`
    const time = clockTime(window.until, window.timeZone, lang, digits)
    const counters = window.counters.map((c) => n(c.number)).join(` ${statusText('status.or', lang)} `)
    // the window's end on this phone's clock: the seconds the center told, from when it told them
    const endsAt = this.toldAt + window.secondsLeft * 1000
    return html`<p class="final" data-state="no-show" data-until=${window.until}>
        ${statusText('status.noShowUntil', lang, { time })} (${statusText('status.minutesLeft', lang, { n: minutesLeft(endsAt, this.toldAt) }, digits)}).
      </p>
      <p class="turn" data-undo-counters=${window.counters.map((c) => c.number).join(' ')}>
        ${window.counters.length > 0 ? statusText('status.noShowGoTo', lang, { counters }) : statusText('status.noShowNoCounter', lang)}
      </p>`
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
    const before = this.ticket
    const wasCalled = before?.status === 'called'
    this.ticket = ticket
    this.toldAt = Date.now()
    this.stale = false
    this.notFound = false
    // the call, and each recall of it (walk s44: a recall left the page and the phone still)
    const recalled = wasCalled && (ticket.recalls ?? 0) > (before?.recalls ?? 0)
    if (ticket.status === 'called' && (!wasCalled || recalled)) navigator.vibrate?.([300, 150, 300])
    this.updateTitle()
    if (ticket.noShow) this.undoTick.start(true)
    else this.undoTick.stop()
    // counted from the latest news, pushed or fetched: a busy hall's pushes keep it current anyway
    if (IN_LINE.has(ticket.status)) this.clockTick.start(true)
    else this.clockTick.stop()
    if (settled(ticket)) {
      // asked only where its answer is drawn (renderOnward): a served citizen's page asks nothing
      if (
        this.phoneJoin === null &&
        (ticket.status === 'cancelled' || ticket.status === 'abandoned' || (ticket.status === 'no_show' && !ticket.noShow))
      )
        void this.askPhoneJoin(ticket.serviceId)
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
    // what a locked phone's notification or a background tab shows: the call and its counter first
    const digits = ticket ? digitsFor(lang, ticket.center.digits) : undefined
    const counter = ticket?.counter ? formatNumber(ticket.counter.number, { digits }) : '—'
    // a held place whose turn came is no longer "near" (turnIsNear): its deadline is the line to show,
    // not nothing (walk s55: the title lost «اقترب دورك» the moment the turn came)
    const arriveBy = ticket?.status === 'remote' ? ticket.remote?.arriveBy : undefined
    const turn =
      ticket?.status === 'called'
        ? `${SEPARATOR}${statusText(turnLineKey(ticket), lang, { n: counter })}`
        : ticket && arriveBy
          ? `${SEPARATOR}${statusText('status.remoteTurnCame', lang, { time: clockTime(arriveBy, ticket.remote!.timeZone, lang, digits) }).replace(/\.$/, '')}`
          : ticket?.status === 'no_show' && ticket.noShow
            ? // missed, and back in line only if the citizen asks in time: the title says until when, as the page does
              `${SEPARATOR}${statusText('status.noShowUntil', lang, { time: clockTime(ticket.noShow.until, ticket.noShow.timeZone, lang, digits) })}`
            : ticket && turnIsNear(ticket)
              ? `${SEPARATOR}${statusText('status.turnNear', lang)}`
              : ''
    document.title = ticket
      ? `${ticket.label}${turn}${SEPARATOR}${statusText('app.ticketStatus', lang)}`
      : `${statusText('app.ticketStatus', lang)}${SEPARATOR}${statusText('product.name', lang)}`
  }
}

/** The turn's sentence, on the page and in its title (a locked phone's tab): a recall says so in both. */
function turnLineKey(ticket: Pick<PublicTicket, 'status' | 'recalls'>): 'status.serving' | 'status.calledAgain' | 'status.goToCounter' {
  return ticket.status === 'serving' ? 'status.serving' : ticket.recalls ? 'status.calledAgain' : 'status.goToCounter'
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-ticket-status': TicketStatus
  }
}
