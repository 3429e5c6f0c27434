/**
 * `<tabour-queue-panel>`: the lines this counter draws from, live: per service how many wait,
 * the longest wait, the next labels (priority ones and booked appointments marked), and the tickets transferred to this
 * very counter, which are called first. Parts of a line are apart by the one SEPARATOR, never
 * "·": beside an Arabic-Indic figure («٥ د · ٢ أولوية») a middle dot reads as ٠.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { consoleStyles } from './console-styles.ts'
import type { CounterQueue, QueueEntry } from './queue-model.ts'
import { wholeMinutes } from '../ui-common/whole-minutes.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { consoleText } from '../protocol/messages/console.ts'
import { dashboardText } from '../protocol/messages/dashboard.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { staffAppointmentText } from '../protocol/messages/staff-appointments.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'

@customElement('tabour-queue-panel')
export class QueuePanel extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      .line {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.2rem 0.75rem;
        padding: 0.6rem 0.8rem;
        border-radius: 10px;
        background: var(--console-bg);
      }
      .name {
        min-inline-size: 0;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .prefix {
        color: var(--tabour-primary);
      }
      .count {
        font-size: 1.6rem;
        font-weight: 700;
        line-height: 1;
        text-align: end;
        grid-row: span 2;
        align-self: center;
      }
      .count small {
        display: block;
        font-size: 0.75rem;
        font-weight: 400;
        color: var(--console-soft);
      }
      .meta {
        font-size: 0.85rem;
        color: var(--console-soft);
      }
      .next {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
      }
      .chip {
        padding: 0.05rem 0.5rem;
        border-radius: 6px;
        background: #fff;
        border: 1px solid var(--console-line);
        font-size: 0.9rem;
        font-weight: 700;
      }
      .chip.priority {
        background: var(--console-warn-bg);
        border-color: #e8c66a;
        color: var(--console-warn);
      }
      /* a line past its target, in the dashboard's words: the clerk sees what the manager's alert says (walk s45) */
      .past-target {
        font-weight: 700;
        color: var(--tabour-danger);
      }
      .more {
        align-self: center;
        color: var(--console-soft);
        font-size: 0.9rem;
      }
      .chip.priority::before {
        content: '★ ';
      }
      /* a booked appointment: a calendar drawn, not a glyph (no face of the console has one), named in words */
      .chip .booked {
        display: inline-block;
        inline-size: 0.85em;
        block-size: 0.85em;
        margin-inline-end: 0.25em;
        vertical-align: -0.05em;
        color: #1e5631;
      }
      .targeted {
        border: 2px solid var(--tabour-primary);
        background: var(--console-info-bg);
      }
      /* a backup line is set apart by its border, not by fading: faded grey text fell to 3.2:1 contrast */
      .backup {
        border: 2px dashed var(--console-line);
      }
      .empty {
        color: var(--console-soft);
        font-size: 0.9rem;
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** Digits for figures: `digitsFor(lang, the center's setting)` (protocol/messages/digits.ts); default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** The center's time zone: an appointment chip's slot time is read in it. */
  @property() timeZone = 'Africa/Cairo'
  @property({ attribute: false }) queue: CounterQueue | null = null

  override render(): TemplateResult {
    const lang = this.lang
    const q = this.queue
    const chips = (entries: QueueEntry[]) =>
      entries.length
        ? entries.map(
            (e) =>
              html`<span class="chip label ${e.priority !== 'none' ? 'priority' : ''}" data-next-label=${e.label} data-priority=${e.priority} data-appointment=${e.appointment ? (e.appointment.slotStart ?? '') : nothing}>${e.appointment ? this.booked(e.appointment.slotStart) : nothing}${e.label}</span>`,
          )
        : html`<span class="empty">${consoleText('queue.empty', lang)}</span>`
    return html`<section class="card" aria-live="polite">
      <h2>${consoleText('queue.title', lang)}</h2>
      <ol>
        ${
          q?.targeted.length
            ? html`<li class="line targeted" data-queue="targeted">
              <span class="name">${consoleText('queue.targeted', lang)}</span>
              <span class="count" data-waiting>${formatNumber(q.targeted.length, { digits: this.digits })}</span>
              <span class="meta"></span>
              <div class="next">${chips(q.targeted)}</div>
            </li>`
            : nothing
        }
        ${(q?.rows ?? []).map(
          (row) => html`<li class="line ${row.weight === 0 ? 'backup' : ''}" data-queue-service=${row.service.id}>
            <span class="name"><span class="prefix">${row.service.prefix}</span>${SEPARATOR}${lang === 'ar' ? row.service.nameAr : row.service.nameEn}${row.weight === 0 ? html` <small>(${consoleText('queue.backup', lang)})</small>` : nothing}${row.service.active ? nothing : html` <small data-inactive>(${consoleText('queue.inactive', lang)})</small>`}</span>
            <span class="count"><span data-waiting>${formatNumber(row.waiting, { digits: this.digits })}</span><small>${consoleText('queue.waiting', lang)}</small></span>
            <span class="meta">
              ${
                row.longestWaitSeconds !== null
                  ? html`${consoleText('queue.longest', lang)}: <span data-longest>${consoleText('common.minutes', lang, { n: formatNumber(wholeMinutes(row.longestWaitSeconds), { digits: this.digits }) })}</span>`
                  : nothing
              }
              ${row.pastTarget > 0 ? html`${SEPARATOR}<span class="past-target" data-past-target=${row.pastTarget}>${dashboardText('live.pastTarget', lang, { n: row.pastTarget }, this.digits)}</span>` : nothing}
              ${row.priorityWaiting > 0 ? html`${SEPARATOR}<span data-priority-count>${consoleText('queue.priorityCount', lang, { n: formatNumber(row.priorityWaiting, { digits: this.digits }) })}</span>` : nothing}
            </span>
            <div class="next">${chips(row.next)}${
              row.waiting > row.next.length
                ? html`<span class="more" data-more=${row.waiting - row.next.length}>${consoleText('queue.more', lang, { n: row.waiting - row.next.length }, this.digits)}</span>`
                : nothing
            }</div>
          </li>`,
        )}
      </ol>
    </section>`
  }

  /** A booked appointment's mark in its chip: a calendar named as the current ticket's card names it («موعد محجوز — 10:30 ص»). */
  private booked(slotStart: string | null): TemplateResult {
    const name = slotStart
      ? staffAppointmentText('origin.appointment', this.lang, { time: clockTime(slotStart, this.timeZone, this.lang, this.digits) })
      : staffAppointmentText('origin.appointmentNoTime', this.lang)
    return html`<svg class="booked" role="img" aria-label=${name} viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.8"><title>${name}</title><rect x="1.5" y="3" width="13" height="11.5" rx="1.5"></rect><path d="M1.5 7h13M5 1v3.5M11 1v3.5"></path></svg>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-queue-panel': QueuePanel
  }
}
