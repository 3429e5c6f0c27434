/**
 * `<tabour-console-dialog>`: what an action needs before its request: the outcome and note of
 * a finish, the target of a transfer, the reason of a pause, which ticket to call, what to
 * issue, or a plain "are you sure" for the destructive ones. Enter confirms, Esc cancels; the
 * digits pick a finish outcome. Fires `dialog-confirm` {input} or `dialog-cancel`.
 */
import { nameIn } from '../protocol/name-in-language.ts'
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { Counter, FinishOutcome, PriorityCategory, ServiceWithQueue } from '../protocol/entities.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import type { ActionInput } from './console-session.ts'
import { choiceStyles, consoleStyles, dialogStyles } from './console-styles.ts'
import type { QueueEntry } from './queue-model.ts'
import { consoleText, type ConsoleMessageKey } from '../protocol/messages/console.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { PAUSE_REASONS } from '../protocol/pause-reasons.ts'
import { counterMark, unstaffedTarget } from './transfer-targets.ts'
import { issueChoice } from './issue-choices.ts'
import { counterName } from './counter-name.ts'
import { serviceLabel } from '../ui-common/service-label.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'

/** What the dialog asks, with what it needs to ask it. */
export type DialogSpec =
  | {
      kind: 'finish'
      label: string
      outcomes: FinishOutcome[]
      /** The visit's next step, where the default outcome sends the ticket (counter-app.ts fetches it once the dialog is up); absent: none, or not known yet. */
      next?: { serviceName: { nameAr: string; nameEn: string }; step: number; of: number }
    }
  | { kind: 'transfer'; label: string; services: ServiceWithQueue[]; counters: Counter[] }
  | { kind: 'pause' }
  | { kind: 'call_ticket'; callable: QueueEntry[] }
  | { kind: 'issue'; services: ServiceWithQueue[]; categories: PriorityCategory[]; idempotencyKey: string }
  | { kind: 'confirm'; message: ConsoleMessageKey; values: Record<string, string | number>; confirmLabel: ConsoleMessageKey }

/** The warning under the choices for each reason nobody can call the ticket there now. */
const WARNING = {
  'counter-closed': 'transfer.warnClosedCounter',
  'counter-away': 'transfer.warnAwayCounter',
  'service-unstaffed': 'transfer.warnUnstaffedService',
} as const

@customElement('tabour-console-dialog')
export class ConsoleDialog extends LitElement {
  static override styles = [
    ...consoleStyles,
    dialogStyles,
    choiceStyles,
    css`
      legend {
        font-weight: 700;
        margin-block-end: 0.4rem;
        font-size: 0.95rem;
        color: var(--console-soft);
      }
      .choice kbd {
        margin-inline-start: auto;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.4rem;
        max-block-size: 16rem;
        overflow: auto;
      }
      /* a transfer lists every service and counter: wide enough for three columns on a 1366 px
         desk, so a center's six of each fit without a list cut mid-word (walk of 2026-12-05) */
      .dialog[data-dialog='transfer'] {
        inline-size: min(64rem, calc(100vw - 2rem));
      }
      /* "no open counter serves it", "closed": a line of its own under the name, not a third line of a cramped tile */
      .target .mark {
        display: block;
        font-size: 0.85rem;
        font-weight: 600;
        color: var(--console-soft);
      }
      label.field {
        display: grid;
        gap: 0.3rem;
        font-weight: 700;
        font-size: 0.95rem;
      }
      .hint {
        color: var(--console-soft);
        font-size: 0.9rem;
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** Digits of the counters' numbers: `digitsFor(lang, the center's setting)`; default 'western'. */
  @property() digits: DigitStyle = 'western'
  @property({ attribute: false }) spec: DialogSpec | null = null
  /** The request is in flight: confirm waits. */
  @property({ type: Boolean }) busy = false
  @state() private filter = ''
  /** The transfer target chosen so far ('service:<id>' / 'counter:<id>'), to warn before a confirm nobody could call. */
  @state() private target = ''
  @query('form') private form!: HTMLFormElement

  override firstUpdated(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('[autofocus], input:checked, input, textarea, button.primary')
    first?.focus()
  }

  override render(): TemplateResult {
    const spec = this.spec
    if (!spec) return html``
    const lang = this.lang
    const danger = spec.kind === 'confirm'
    // the dialog role on the overlay, not the form: a form may not take role="dialog"
    return html`<div class="overlay" role="dialog" aria-modal="true" aria-labelledby="title" @keydown=${this.onKeyDown}>
      <form class="dialog" data-dialog=${spec.kind} @submit=${this.onSubmit}>
        ${this.body(spec, lang)}
        <div class="buttons">
          <button type="button" data-action="cancel" @click=${this.cancel}>${consoleText('common.cancel', lang)} <kbd>Esc</kbd></button>
          <button type="submit" class="primary ${danger ? 'danger' : ''}" data-action="confirm" ?disabled=${this.busy}>
            ${consoleText(spec.kind === 'confirm' ? spec.confirmLabel : 'common.confirm', lang)} <kbd>↵</kbd>
          </button>
        </div>
      </form>
    </div>`
  }

  /** A visit of several steps: the default outcome (the first) sends the ticket on to the next step's line, any other ends the visit. */
  private nextStepHint(spec: Extract<DialogSpec, { kind: 'finish' }>, lang: Lang): TemplateResult | typeof nothing {
    const next = spec.next
    const first = spec.outcomes[0]
    if (!next || !first) return nothing
    const n = (x: number) => formatNumber(x, { digits: this.digits })
    return html`<p class="hint" data-next-step=${next.step}>
      ${consoleText('finish.nextStep', lang, {
        outcome: nameIn(first, lang),
        label: spec.label,
        service: nameIn(next.serviceName, lang),
        step: n(next.step),
        of: n(next.of),
        others: spec.outcomes.length > 1 ? 'yes' : 'no',
      })}
    </p>`
  }

  private body(spec: DialogSpec, lang: Lang): TemplateResult {
    const name = (x: { nameAr: string; nameEn: string }) => (lang === 'ar' ? x.nameAr : x.nameEn)
    switch (spec.kind) {
      case 'finish':
        return html`<h2 id="title">${consoleText('finish.title', lang, { label: spec.label })}</h2>
          <fieldset>
            <legend>${consoleText('finish.outcome', lang)}</legend>
            ${spec.outcomes.map(
              (o, i) =>
                html`<label class="choice"><input type="radio" name="outcome" value=${o.code} ?checked=${i === 0} data-outcome=${o.code} />${name(o)}${i < 9 ? html`<kbd>${i + 1}</kbd>` : nothing}</label>`,
            )}
          </fieldset>
          ${this.nextStepHint(spec, lang)}
          <label class="field">${consoleText('finish.note', lang)}<textarea name="note" rows="2" maxlength="500"></textarea></label>`
      case 'transfer':
        return html`<h2 id="title">${consoleText('transfer.title', lang, { label: spec.label })}</h2>
          <fieldset>
            <legend>${consoleText('transfer.toService', lang)}</legend>
            <div class="choices">
              ${spec.services.map(
                (s) =>
                  html`<label class="choice"><input type="radio" name="target" required value=${`service:${s.id}`} data-target-service=${s.id} @change=${this.onTarget} /><span class="target">${serviceLabel(s, lang)}${s.staffed ? nothing : html`<span class="mark" data-unstaffed>${consoleText('transfer.unstaffedService', lang)}</span>`}</span></label>`,
              )}
            </div>
          </fieldset>
          ${
            spec.counters.length
              ? html`<fieldset>
                <legend>${consoleText('transfer.toCounter', lang)}</legend>
                <div class="choices">
                  ${spec.counters.map((c) => html`<label class="choice"><input type="radio" name="target" required value=${`counter:${c.id}`} data-target-counter=${c.id} @change=${this.onTarget} /><span class="target">${consoleText('counter.number', lang, { n: formatNumber(c.number, { digits: this.digits }) })}${SEPARATOR}${counterName(c.name, lang)}${this.counterMarkOf(c, lang)}</span></label>`)}
                </div>
              </fieldset>`
              : nothing
          }
          ${this.transferWarning(spec, lang)}`
      case 'pause':
        return html`<h2 id="title">${consoleText('pause.title', lang)}</h2>
          <fieldset>
            <legend>${consoleText('pause.reason', lang)}</legend>
            ${PAUSE_REASONS.map((code, i) => html`<label class="choice"><input type="radio" name="reason" value=${code} ?checked=${i === 0} />${consoleText(`pause.${code}`, lang)}<kbd>${i + 1}</kbd></label>`)}
          </fieldset>`
      case 'call_ticket': {
        const filter = this.filter.trim().toUpperCase()
        const shown = spec.callable.filter((e) => e.label.toUpperCase().includes(filter))
        return html`<h2 id="title">${consoleText('callTicket.title', lang)}</h2>
          <p class="hint">${consoleText('callTicket.hint', lang)}</p>
          <label class="field">${consoleText('callTicket.filter', lang)}<input name="filter" dir="ltr" autocomplete="off" autofocus .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} /></label>
          ${
            shown.length
              ? html`<div class="choices">
                ${shown.map((e, i) => html`<label class="choice"><input type="radio" name="ticket" required value=${e.id} ?checked=${i === 0} data-call-label=${e.label} /><span class="label">${e.label}</span>${e.priority !== 'none' ? html`<span class="badge">★</span>` : nothing}</label>`)}
              </div>`
              : html`<p class="hint">${consoleText('callTicket.none', lang)}</p>`
          }`
      }
      case 'issue': {
        const firstIssuable = spec.services.find((s) => !issueChoice(s).disabled)?.id
        return html`<h2 id="title">${consoleText('issue.title', lang)}</h2>
          <fieldset>
            <legend>${consoleText('issue.service', lang)}</legend>
            <div class="choices">
              ${spec.services.map((s) => {
                const choice = issueChoice(s)
                return html`<label class="choice"><input type="radio" name="service" required value=${s.id} ?checked=${s.id === firstIssuable} ?disabled=${choice.disabled} data-issue-service=${s.id} /><span class="target">${serviceLabel(s, lang)}${choice.mark ? html`<span class="mark" data-issue-mark=${choice.mark}>${consoleText(choice.mark, lang)}</span>` : nothing}</span></label>`
              })}
            </div>
          </fieldset>
          <label class="field">${consoleText('issue.priority', lang)}
            <select name="priority" data-issue-priority>
              <option value="none">${consoleText('issue.noPriority', lang)}</option>
              ${spec.categories.map((c) => html`<option value=${c.code}>${name(c)}</option>`)}
            </select>
          </label>`
      }
      case 'confirm':
        return html`<h2 id="title">${consoleText(spec.confirmLabel, lang)}</h2>
          <p data-confirm-message=${spec.message}>${consoleText(spec.message, lang, spec.values, this.digits)}</p>`
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    const target = e.composedPath()[0] as HTMLElement
    if (e.key === 'Escape') {
      e.preventDefault()
      this.cancel()
      return
    }
    if (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'radio')) {
      // Enter in the filter box calls the (first) match; in a textarea it is a new line
      if (e.key === 'Enter' && target.tagName === 'INPUT') {
        e.preventDefault()
        this.form.requestSubmit()
      }
      return
    }
    if (e.key === 'Enter') {
      e.preventDefault()
      this.form.requestSubmit()
      return
    }
    // 1-9 pick an outcome or a reason
    if (/^Digit[1-9]$/.test(e.code) && (this.spec?.kind === 'finish' || this.spec?.kind === 'pause')) {
      const radios = [...this.form.querySelectorAll<HTMLInputElement>('input[type="radio"]')]
      const radio = radios[Number(e.code.slice(5)) - 1]
      if (radio) {
        e.preventDefault()
        radio.checked = true
        radio.focus()
        this.requestUpdate()
      }
    }
  }

  private readonly onTarget = (e: Event) => {
    this.target = (e.target as HTMLInputElement).value
  }

  private transferWarning(spec: Extract<DialogSpec, { kind: 'transfer' }>, lang: Lang): TemplateResult | typeof nothing {
    const why = unstaffedTarget(this.target, spec.counters, spec.services)
    if (!why) return nothing
    const key = WARNING[why]
    return html`<p class="hint" role="alert" data-transfer-warning=${why}>${consoleText(key, lang, { label: spec.label })}</p>`
  }

  /** Beside a counter: closed, its clerk away (nobody calls from it now) or paused (soon calling again); nothing when open. */
  private counterMarkOf(c: Counter, lang: Lang): TemplateResult | typeof nothing {
    const mark = counterMark(c)
    if (mark === 'counter-closed') return html`<span class="mark" data-closed>${consoleText('transfer.closedCounter', lang)}</span>`
    if (mark === 'counter-away') return html`<span class="mark" data-away>${consoleText('transfer.awayCounter', lang)}</span>`
    return c.state === 'paused' ? html`<span class="mark" data-paused>${consoleText('transfer.pausedCounter', lang)}</span>` : nothing
  }

  private onSubmit(e: Event): void {
    e.preventDefault()
    const spec = this.spec
    if (!spec || this.busy) return
    if (!this.form.reportValidity()) return
    const data = new FormData(this.form)
    const text = (k: string) => String(data.get(k) ?? '').trim()
    let input: ActionInput = {}
    switch (spec.kind) {
      case 'finish':
        input = { outcome: text('outcome') || undefined, note: text('note') || undefined }
        break
      case 'transfer': {
        const [kind, id] = text('target').split(':')
        input = kind === 'counter' ? { counterId: Number(id) } : { serviceId: Number(id) }
        break
      }
      case 'pause':
        input = { reason: text('reason') || undefined }
        break
      case 'call_ticket':
        if (!text('ticket')) return
        input = { ticketId: text('ticket') }
        break
      case 'issue':
        input = { serviceId: Number(text('service')), priority: text('priority'), idempotencyKey: spec.idempotencyKey, lang: this.lang }
        break
      case 'confirm':
        break
    }
    this.dispatchEvent(new CustomEvent<{ input: ActionInput }>('dialog-confirm', { detail: { input }, bubbles: true, composed: true }))
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('dialog-cancel', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-console-dialog': ConsoleDialog
  }
}
