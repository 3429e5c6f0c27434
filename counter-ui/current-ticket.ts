/**
 * `<tabour-current-ticket>`: the counter's current ticket, big: label, service, priority,
 * how long the citizen waited, how often it was recalled, and what state it is in. Without a
 * ticket it says what to do next (or why the counter is paused).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { Counter, PriorityCategory, Service, Ticket } from '../protocol/entities.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { isolate } from '../ui-common/bilingual.ts'
import { consoleStyles } from './console-styles.ts'
import { pausedSinceText, wholeMinutes } from '../ui-common/whole-minutes.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { consoleText, pauseReasonText } from '../protocol/messages/console.ts'
import { atCounterSince } from '../protocol/at-counter-since.ts'

/**
 * The current ticket's durations, in whole minutes: issue → its call (`calledAt`: the latest call, or
 * the first one for a ticket back from parking, whose time parked is not in it); for a ticket that
 * joined this line again (a transfer, an undone no-show, a next step, a phone join's arrival:
 * `rejoinedAt`), also its wait in this line → the call, the wait the call recorded against the
 * target (protocol/waiting-since.ts; null otherwise: issue → call is that wait), or, for the call
 * after an undone no-show, which ended no wait, the wait its first call recorded (`waitEnded`: the
 * citizen's wait ended there); and its time at the counter (counterTime).
 */
export function ticketMinutes(
  ticket: Pick<Ticket, 'issuedAt' | 'rejoinedAt' | 'calledAt' | 'resumedAt' | 'status' | 'startedAt' | 'waitEnded'>,
  now: number,
): { waited: number; inLine: InLineWait | null; atCounter: CounterTime } {
  const called = ticket.calledAt ? Date.parse(ticket.calledAt) : now
  const rejoined = ticket.rejoinedAt ? Date.parse(ticket.rejoinedAt) : null
  const inLine: InLineWait | null = ticket.waitEnded
    ? { label: 'ticket.waitedInLineToFirstCall', minutes: wholeMinutes(ticket.waitEnded.waitedSeconds) }
    : rejoined === null
      ? null
      : { label: 'ticket.waitedInLine', minutes: wholeMinutes((called - rejoined) / 1000) }
  return { waited: wholeMinutes((called - Date.parse(ticket.issuedAt)) / 1000), inLine, atCounter: counterTime(ticket, now) }
}

/** The wait in the present line the card shows, and its words: to this call, or to the first call when this one ended no wait. */
export interface InLineWait {
  label: 'ticket.waitedInLine' | 'ticket.waitedInLineToFirstCall'
  minutes: number
}

/** What the card's last time says, and its whole minutes. */
export interface CounterTime {
  /** `ticket.atCounter` (serving: "At the counter for 3 min") or `ticket.calledAgo` (called: "Called 3 min ago"). */
  label: 'ticket.atCounter' | 'ticket.calledAgo'
  minutes: number
}

/**
 * The time since the citizen reached the counter, once they have (serving: from Start), or since
 * the call while the clerk waits for them (its call or its resume from parking, whichever is later:
 * protocol/at-counter-since.ts). Counting a serving ticket from its call said "At the counter for
 * 3 min" seconds after Start (walk s50); a serving ticket without a start time falls back to the call.
 */
export function counterTime(ticket: Pick<Ticket, 'calledAt' | 'resumedAt' | 'status' | 'startedAt'>, now: number): CounterTime {
  const called = ticket.calledAt ? Date.parse(ticket.calledAt) : now
  const sinceCall = atCounterSince({ calledAt: called, resumedAt: ticket.resumedAt ? Date.parse(ticket.resumedAt) : null })!
  const serving = ticket.status !== 'called'
  const since = serving && ticket.startedAt ? Math.max(Date.parse(ticket.startedAt), sinceCall) : sinceCall
  return { label: serving ? 'ticket.atCounter' : 'ticket.calledAgo', minutes: wholeMinutes((now - since) / 1000) }
}

/** The figure beside counterTime's label: "3 min" at the counter, "3 min ago" (or "just now") since the call; in the screen's digits. */
export function counterTimeValue(t: CounterTime, lang: Lang, digits: DigitStyle): string {
  const n = formatNumber(t.minutes, { digits })
  if (t.label === 'ticket.atCounter') return consoleText('common.minutes', lang, { n })
  return t.minutes === 0 ? consoleText('common.justNow', lang) : consoleText('common.minutesAgo', lang, { n })
}

@customElement('tabour-current-ticket')
export class CurrentTicket extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      :host {
        display: block;
      }
      .card {
        display: grid;
        gap: 0.75rem;
        align-content: start;
        min-block-size: 15rem;
        padding: 1.25rem 1.5rem;
        border-inline-start: 8px solid var(--tabour-primary);
      }
      .card[data-status='serving'] {
        border-inline-start-color: var(--console-ok);
      }
      .card[data-status='none'] {
        border-inline-start-color: var(--console-line);
      }
      .card[data-status='paused'] {
        border-inline-start-color: var(--console-warn);
      }
      h2 {
        margin: 0;
        font-size: 0.95rem;
        font-weight: 700;
        color: var(--console-soft);
      }
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        flex-wrap: wrap;
      }
      .status {
        font-weight: 700;
        color: var(--tabour-primary);
      }
      .card[data-status='serving'] .status {
        color: var(--console-ok);
      }
      .big {
        display: flex;
        align-items: baseline;
        gap: 1.5rem;
        flex-wrap: wrap;
      }
      .big .label {
        font-size: clamp(5rem, 13vmin, 8rem);
        font-weight: 700;
        line-height: 1;
        color: var(--tabour-fg);
      }
      .service {
        font-size: var(--tabour-text-large);
        font-weight: 700;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 0.75rem;
        margin: 0;
      }
      dl div {
        background: var(--console-bg);
        border-radius: 10px;
        padding: 0.5rem 0.8rem;
      }
      dt {
        font-size: 0.85rem;
        color: var(--console-soft);
      }
      dd {
        margin: 0;
        font-size: 1.35rem;
        font-weight: 700;
      }
      .empty {
        font-size: var(--tabour-text-large);
        font-weight: 700;
        margin: 0;
      }
      .hint {
        margin: 0;
        color: var(--console-soft);
      }
      .transferred {
        background: var(--console-info-bg);
        color: var(--tabour-primary);
        border-color: #b9cfe6;
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** Digits for figures: `digitsFor(lang, the center's setting)` (protocol/messages/digits.ts); default 'western'. */
  @property() digits: DigitStyle = 'western'
  @property({ attribute: false }) ticket: Ticket | null = null
  @property({ attribute: false }) service: Service | null = null
  @property({ attribute: false }) counter: Counter | null = null
  @property({ attribute: false }) categories: PriorityCategory[] = []
  /** Epoch ms; the app ticks it so the minutes move. */
  @property({ type: Number }) now = Date.now()
  /** The center's IANA zone, for the time a pause began; default Africa/Cairo. */
  @property() timeZone = 'Africa/Cairo'

  override render(): TemplateResult {
    const lang = this.lang
    const ticket = this.ticket
    if (!ticket) {
      const paused = this.counter?.state === 'paused'
      return html`<section class="card" data-status=${paused ? 'paused' : 'none'} aria-live="polite">
        <h2>${consoleText('ticket.current', lang)}</h2>
        <p class="empty" data-current="none" data-paused-since=${(paused && this.counter?.pausedSince) || nothing}>${paused ? this.pausedText() : consoleText('ticket.none', lang)}</p>
        ${paused && this.counter?.pauseReason ? html`<p class="hint" data-pause-reason>${consoleText('ticket.pauseReason', lang, { reason: isolate(pauseReasonText(this.counter.pauseReason, lang)) })}</p>` : nothing}
        <p class="hint">${consoleText(paused ? 'ticket.pausedHint' : 'ticket.noneHint', lang)}</p>
      </section>`
    }
    const { waited, inLine, atCounter } = ticketMinutes(ticket, this.now)
    const category = this.categories.find((c) => c.code === ticket.priority)
    const service = this.service
    const minutes = (n: number) => consoleText('common.minutes', lang, { n: formatNumber(n, { digits: this.digits }) })
    return html`<section class="card" data-status=${ticket.status} data-ticket-id=${ticket.id} aria-live="polite">
      <div class="head">
        <h2>${consoleText('ticket.current', lang)}</h2>
        <span class="status" data-ticket-status=${ticket.status}>${consoleText(ticket.status === 'serving' ? 'ticket.status.serving' : 'ticket.status.called', lang)}</span>
      </div>
      <div class="big">
        <span class="label" data-current-label=${ticket.label}>${ticket.label}</span>
        <span class="service">${service ? (lang === 'ar' ? service.nameAr : service.nameEn) : ''}</span>
        ${
          ticket.priority !== 'none'
            ? html`<span class="badge" data-priority=${ticket.priority}>${consoleText('ticket.priority', lang)} · ${category ? (lang === 'ar' ? category.nameAr : category.nameEn) : ticket.priority}</span>`
            : nothing
        }
        ${ticket.transferCount > 0 ? html`<span class="badge transferred">${consoleText('ticket.transferred', lang)}</span>` : nothing}
        <slot name="origin"></slot>
      </div>
      <dl>
        <div><dt>${consoleText('ticket.waited', lang)}</dt><dd data-waited>${minutes(waited)}</dd></div>
        ${inLine === null ? nothing : html`<div><dt data-in-line-label=${inLine.label}>${consoleText(inLine.label, lang)}</dt><dd data-waited-in-line>${minutes(inLine.minutes)}</dd></div>`}
        <div><dt data-counter-time=${atCounter.label}>${consoleText(atCounter.label, lang)}</dt><dd>${counterTimeValue(atCounter, lang, this.digits)}</dd></div>
        <div><dt>${consoleText('ticket.recalls', lang)}</dt><dd data-recalls>${formatNumber(ticket.recallCount, { digits: this.digits })}</dd></div>
      </dl>
    </section>`
  }

  /** "Paused since 10:42 (12 min)", the time in the center's zone; "Paused" when the server did not say since when. */
  private pausedText(): string {
    const since = this.counter?.pausedSince
    if (!since) return consoleText('state.paused', this.lang)
    return pausedSinceText(since, this.now, this.timeZone, this.lang, this.digits)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-current-ticket': CurrentTicket
  }
}
