/**
 * `<tabour-ticket-tools>`: the staff ticket tools, one component for the console and the
 * dashboard. Find a ticket of today by its label typed loosely or its QR link (a scanner types
 * the link and Enter), see its state and history, reprint it on its kiosk or any printer of the
 * center, cancel it with a reason. Properties in: `api` (bound to the staff session), `lang`.
 * Fires `ticket-changed` {ticket} after a cancel so a host can refresh what it shows; a host
 * that hears a ticket change calls `refresh(id)`.
 */
import { clockTime } from '../protocol/messages/clock-time.ts'
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { ErrorCodes } from '../protocol/error-codes.ts'
import type { Lang } from '../protocol/common.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { waitText } from '../protocol/messages/ticket.ts'
import { finishedText, ticketToolsText as t, type TicketToolsMessageKey } from '../protocol/messages/ticket-tools.ts'
import { printProblemKey } from '../protocol/messages/print-problem.ts'
import {
  CANCEL_REASONS,
  type CancelReason,
  type HistoryEntry,
  type PrinterTarget,
  type TicketHistory,
  type TicketMatch,
} from '../protocol/ticket-tools.ts'
import { ApiError, NetworkError } from './api-client.ts'
import { sessionEnded } from './staff-session.ts'
import type { TicketToolsApi } from './ticket-tools-api.ts'
import { ticketToolsStyles } from './ticket-tools-styles.ts'
import { formatNumber, type DigitStyle } from './digits.ts'
import { isolatedPart, nameIn } from './bilingual.ts'
// a thing's own name in a language (its two fields); nameIn here is a typed name's part (bilingual.ts)
import { nameIn as nameOf } from '../protocol/name-in-language.ts'

type Message = {
  key: TicketToolsMessageKey
  values?: Record<string, string | number>
  /** Typed names (a printer's "Reception printer · طابعة الاستقبال"): each said by its part in the screen's language when shown, as the rest of the screen names them. */
  names?: Record<string, string>
  tone: 'info' | 'error'
}

/** A message's values with its typed names in `lang`'s part, isolated. */
const valuesIn = (m: Message, lang: Lang): Record<string, string | number> => ({
  ...m.values,
  ...Object.fromEntries(Object.entries(m.names ?? {}).map(([k, name]) => [k, isolatedPart(name, lang)])),
})

/** The message a failed call shows, by its stable code. */
export function ticketToolsError(err: unknown): TicketToolsMessageKey {
  if (sessionEnded(err)) return 'tools.err.session'
  if (err instanceof NetworkError) return 'tools.err.network'
  if (!(err instanceof ApiError)) return 'tools.err.generic'
  switch (err.code) {
    case ErrorCodes.TICKET_NOT_FOUND:
      return 'tools.err.notFound'
    case ErrorCodes.NO_PRINTER:
      return 'tools.err.noPrinter'
    case ErrorCodes.DEVICE_NOT_FOUND:
      return 'tools.err.printerGone'
    case ErrorCodes.ILLEGAL_TRANSITION:
      return 'tools.err.notWaiting'
    case ErrorCodes.VALIDATION:
      return 'tools.badQuery'
    default:
      return 'tools.err.generic'
  }
}

/** A clock time in the center's zone (the browser's when unknown), in the screen's digits. */
const timeOf = (iso: string, lang: Lang, timeZone: string | undefined, digits: DigitStyle) => clockTime(iso, timeZone, lang, digits)

@customElement('tabour-ticket-tools')
export class TicketTools extends LitElement {
  static override styles = ticketToolsStyles

  /** The center's API through the signed-in staff session; required. */
  @property({ attribute: false }) api!: TicketToolsApi
  /** Default Arabic. */
  @property() override lang: Lang = 'ar'
  /** The center's IANA zone, for the times of a ticket's history (a PC's clock may be set to another zone); default the browser's. */
  @property() timeZone: string | undefined = undefined
  /** Digits for times: `digitsFor(lang, the center's setting)` (protocol/messages/digits.ts); default 'western'. */
  @property() digits: DigitStyle = 'western'

  @state() private query = ''
  @state() private found: TicketMatch[] | null = null
  @state() private selected: TicketMatch | null = null
  @state() private history: TicketHistory | null = null
  @state() private printers: PrinterTarget[] = []
  @state() private printerId: number | null = null
  @state() private reason: CancelReason | null = null
  @state() private note = ''
  @state() private busy = false
  @state() private message: Message | null = null

  override render(): TemplateResult {
    const l = this.lang
    return html`<section aria-labelledby="tools-title" data-tools>
      <h2 id="tools-title">${t('tools.title', l)}</h2>
      <form class="find" role="search" data-form="find" @submit=${this.onFind}>
        <label
          >${t('tools.find', l)}
          <input
            name="q"
            data-input="find"
            dir="auto"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="find-hint"
            .value=${this.query}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="primary" data-action="find" ?disabled=${this.busy || this.query.trim() === ''}>
          ${t(this.busy && !this.selected ? 'tools.searching' : 'tools.search', l)}
        </button>
        <p class="hint muted" id="find-hint">${t('tools.findHint', l)}</p>
      </form>
      ${
        this.message
          ? html`<p class="message" role=${this.message.tone === 'error' ? 'alert' : 'status'} data-tone=${this.message.tone} data-message=${this.message.key}>
            ${t(this.message.key, l, valuesIn(this.message, l))}
          </p>`
          : nothing
      }
      ${this.found && this.found.length > 1 ? this.renderMatches() : nothing} ${this.selected ? this.renderTicket(this.selected) : nothing}
    </section>`
  }

  private renderMatches(): TemplateResult {
    const l = this.lang
    return html`<ul class="matches" aria-label=${t('tools.matches', l)}>
      ${this.found!.map(
        (m) => html`<li>
          <button type="button" data-match=${m.ticket.label} aria-pressed=${String(this.selected?.ticket.id === m.ticket.id)} @click=${() => void this.select(m)}>
            <span class="label">${m.ticket.label}</span>${SEPARATOR}${nameOf(m.service, l)}
          </button>
        </li>`,
      )}
    </ul>`
  }

  private renderTicket(m: TicketMatch): TemplateResult {
    const l = this.lang
    const status = m.ticket.status
    return html`<article data-ticket=${m.ticket.label} data-status=${status} aria-labelledby="ticket-label">
      <div class="head">
        <span class="label" id="ticket-label">${m.ticket.label}</span>
        <span class="pill" data-status=${status} data-outcome=${m.finishedWith?.code ?? nothing} data-served=${m.endedAsServed === false ? 'false' : nothing}>${status === 'done' ? finishedText(m.finishedWith, l) : t(`tools.status.${status}`, l)}</span>
        <span>${nameOf(m.service, l)}</span>
      </div>
      <dl>
        <dt>${t('tools.issuedAt', l)}</dt>
        <dd>${timeOf(m.ticket.issuedAt, l, this.timeZone, this.digits)}</dd>
        ${
          m.waitingSince && m.waitingSince !== m.ticket.issuedAt
            ? html`<dt>${t('tools.waitingSince', l)}</dt><dd data-waiting-since>${timeOf(m.waitingSince, l, this.timeZone, this.digits)}</dd>`
            : nothing
        }
        ${m.counter ? html`<dt>${t('tools.counterTerm', l)}</dt><dd>${t('tools.counter', l, { n: formatNumber(m.counter.number, { digits: this.digits }) })}${SEPARATOR}${nameIn(m.counter.name, l)}</dd>` : nothing}
        ${
          m.position !== null
            ? html`<dt>${t('tools.ahead', l)}</dt>
              <dd data-position=${m.position}>${t('tools.aheadCount', l, { n: m.position }, this.digits)}${SEPARATOR}${waitText(m.estimatedWaitSeconds, l, this.digits)}</dd>`
            : nothing
        }
      </dl>
      <div>
        <h3>${t('tools.history', l)}</h3>
        ${this.history ? this.renderHistory(this.history.entries) : html`<p class="muted">${t('common.loading', l)}</p>`}
      </div>
      <div class="acts">${this.renderReprint(m)} ${status === 'waiting' || status === 'remote' ? this.renderCancel() : nothing}</div>
    </article>`
  }

  private renderHistory(entries: HistoryEntry[]): TemplateResult {
    const l = this.lang
    if (entries.length === 0) return html`<p class="muted">${t('tools.historyEmpty', l)}</p>`
    // the list's own numbers in the screen's digits (the stylesheet's arabic-indic markers): the
    // decimal default wrote Western digits down an Arabic console with Arabic-Indic set (walk 2026-12-05)
    return html`<ol data-history data-digits=${this.digits}>
      ${entries.map((e) => {
        const bits: string[] = []
        if (e.counter) bits.push(t('tools.counter', l, { n: formatNumber(e.counter.number, { digits: this.digits }) }))
        // a kiosk's or a clerk's name may hold both languages («كشك المدخل · Entrance kiosk»): the page's half
        bits.push(e.by ? isolatedPart(e.by.name, l) : t('step.bySystem', l))
        const d = e.details
        if (typeof d.toServiceAr === 'string')
          bits.push(t('step.toService', l, { name: l === 'ar' ? d.toServiceAr : String(d.toServiceEn) }))
        if (typeof d.toCounter === 'number') bits.push(t('step.toCounter', l, { n: formatNumber(d.toCounter, { digits: this.digits }) }))
        if (typeof d.reason === 'string') bits.push(this.reasonText(d.reason))
        if (e.step === 'not_printed') bits.push(t(printProblemKey(d.problem), l))
        if (typeof d.note === 'string') bits.push(`«${d.note}»`)
        return html`<li data-step=${e.step}>
          <time datetime=${e.at}>${timeOf(e.at, l, this.timeZone, this.digits)}</time><strong>${e.step === 'finished' ? finishedText(e.finishedWith, l) : t(`step.${e.step}`, l)}</strong>
          <span class="muted">${SEPARATOR}${bits.join(SEPARATOR)}</span>
        </li>`
      })}
    </ol>`
  }

  private reasonText(code: string): string {
    const key = `reason.${code}` as TicketToolsMessageKey
    return code === 'day_closed' || code === 'center_closed' || (CANCEL_REASONS as readonly string[]).includes(code)
      ? t(key, this.lang)
      : code
  }

  private renderReprint(m: TicketMatch): TemplateResult {
    const l = this.lang
    if (this.printers.length === 0) return html`<p class="muted" data-no-printers>${t('tools.noPrinters', l)}</p>`
    return html`<div class="row">
      <label
        >${t('tools.printOn', l)}
        <select data-select="printer" @change=${(e: Event) => (this.printerId = Number((e.target as HTMLSelectElement).value))}>
          ${this.printers.map(
            (p) =>
              html`<option value=${p.deviceId} ?selected=${p.deviceId === this.printerId} data-health=${p.health}>
                ${p.deviceId === m.kioskId ? t('tools.ownKiosk', l, { name: isolatedPart(p.name, l) }) : isolatedPart(p.name, l)}${SEPARATOR}${t(`tools.health.${p.health}`, l)}
              </option>`,
          )}
        </select>
      </label>
      <button type="button" data-action="reprint" ?disabled=${this.busy || this.printerId === null} @click=${() => void this.reprint()}>
        ${t('tools.reprint', l)}
      </button>
    </div>`
  }

  private renderCancel(): TemplateResult {
    const l = this.lang
    const noteNeeded = this.reason === 'other' && this.note.trim() === ''
    return html`<div class="row" data-cancel>
      <fieldset>
        <legend>${t('tools.reason', l)}</legend>
        ${CANCEL_REASONS.map(
          (r) => html`<label
            ><input type="radio" name="reason" value=${r} data-reason=${r} .checked=${this.reason === r} @change=${() => (this.reason = r)} />${t(`reason.${r}`, l)}</label
          >`,
        )}
      </fieldset>
      <label
        >${t(this.reason === 'other' ? 'tools.note' : 'tools.noteOptional', l)}
        <input
          data-input="note"
          maxlength="200"
          dir="auto"
          aria-invalid=${String(noteNeeded)}
          .value=${this.note}
          @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="button" class="danger" data-action="cancel-ticket" ?disabled=${this.busy || this.reason === null || noteNeeded} @click=${() => void this.cancel()}>
        ${t('tools.cancel', l)}
      </button>
    </div>`
  }

  private readonly onFind = async (e: Event) => {
    e.preventDefault()
    const q = this.query.trim()
    if (!q || this.busy) return
    this.run(async () => {
      const [matches, printers] = await Promise.all([this.api.search(q), this.api.printers()])
      this.printers = printers
      this.found = matches
      this.selected = null
      this.history = null
      if (matches.length === 0) this.message = { key: 'tools.noMatch', values: { q }, tone: 'info' }
      else await this.load(matches[0])
    })
  }

  private async select(m: TicketMatch): Promise<void> {
    this.run(() => this.load(m))
  }

  /** Shows one ticket: its history, and a printer chosen (its own kiosk's, else the first that works). */
  private async load(m: TicketMatch): Promise<void> {
    this.selected = m
    this.history = null
    this.reason = null
    this.note = ''
    // its own kiosk's printer unless that one is known to be at fault (why the clerk is reprinting, often)
    const own = this.printers.find((p) => p.deviceId === m.kioskId)
    const working = this.printers.find((p) => p.health !== 'fault')
    this.printerId = ((own?.health !== 'fault' ? own : undefined) ?? working ?? own ?? this.printers[0])?.deviceId ?? null
    this.history = await this.api.history(m.ticket.id)
  }

  private async reprint(): Promise<void> {
    const m = this.selected
    const printer = this.printers.find((p) => p.deviceId === this.printerId)
    if (!m || !printer) return
    this.run(async () => {
      const { printing } = await this.api.reprint(m.ticket.id, printer.deviceId)
      const said = { values: { label: m.ticket.label }, names: { name: printer.name } }
      this.message =
        printing === 'queued' ? { key: 'tools.printed', ...said, tone: 'info' } : { key: 'tools.printFault', ...said, tone: 'error' }
    })
  }

  private async cancel(): Promise<void> {
    const m = this.selected
    if (!m || !this.reason) return
    const reason = this.reason
    this.run(async () => {
      const ticket = await this.api.cancel(m.ticket.id, reason, this.note)
      const updated = { ...m, ticket, position: null, estimatedWaitSeconds: null }
      this.found = this.found?.map((x) => (x.ticket.id === ticket.id ? updated : x)) ?? null
      await this.load(updated)
      this.message = { key: 'tools.cancelled', values: { label: ticket.label }, tone: 'info' }
      this.dispatchEvent(new CustomEvent('ticket-changed', { detail: { ticket }, bubbles: true, composed: true }))
    })
  }

  /**
   * Reads the shown ticket again when the host hears it changed (a push), keeping what the clerk
   * chose or typed: the card said "Called" and its history stopped there while, beside it, the
   * ticket was served, sent on to its next step and marked no-show (walk s55). A failure keeps the card.
   */
  refresh(ticketId: string): void {
    const m = this.selected
    if (!m || m.ticket.id !== ticketId || this.busy) return
    void Promise.all([this.api.search(m.ticket.label), this.api.history(ticketId)])
      .then(([matches, history]) => {
        const now = matches.find((x) => x.ticket.id === ticketId)
        if (!now || this.selected?.ticket.id !== ticketId) return
        this.selected = now
        this.history = history
        this.found = this.found?.map((x) => (x.ticket.id === ticketId ? now : x)) ?? null
      })
      .catch(() => {})
  }

  /** One call at a time; its failure becomes the message. */
  private run(work: () => Promise<void>): void {
    this.busy = true
    this.message = null
    work()
      .catch((err: unknown) => (this.message = { key: ticketToolsError(err), tone: 'error' }))
      .finally(() => (this.busy = false))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-ticket-tools': TicketTools
  }
}
