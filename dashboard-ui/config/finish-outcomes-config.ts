/**
 * `<tabour-finish-outcomes-config>`: in the center's configuration, the outcomes a clerk finishes
 * a ticket with (GET/PUT /center/finish-outcomes). A manager renames them in both languages, adds,
 * moves, removes, and marks the default on purpose: it goes first (the console lists it first and
 * picks it already) and stays there, so moving the other rows never makes another the default
 * (walk s40: "Up" on the second row silently did), nor does removing it make the next one.
 * Codes are never typed: an existing outcome keeps its own (the reports count by it), a new one
 * gets one from the server. While the national hub's bundle sets the list it is shown read-only,
 * with the sentence that says so (as a hub-mapped national code is: national-code-field.ts).
 */
import { css, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import { repeat } from 'lit/directives/repeat.js'
import type { FinishOutcomeEdit, FinishOutcomesReply } from '../../protocol/finish-outcomes.ts'
import { MAX_FINISH_OUTCOMES, MAX_OUTCOME_NAME } from '../../protocol/finish-outcomes.ts'
import { outcomesText } from '../../protocol/messages/finish-outcomes-config.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { ConfigForm, type FieldSpec } from './config-form.ts'
import { outcomeRowName } from './outcome-row-name.ts'

/** One row of the form: an outcome as it will be sent (`code` null: a new one), with a key that follows it when it moves. */
interface Row {
  key: number
  code: string | null
  nameAr: string
  nameEn: string
}

type NameKey = 'nameAr' | 'nameEn'

@customElement('tabour-finish-outcomes-config')
export class FinishOutcomesConfig extends ConfigForm {
  static override styles = [
    ...ConfigForm.styles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto;
        gap: 0.4rem 0.8rem;
        /* start, not end: a name's error under its box must not push the other name's box down */
        align-items: start;
        border: 1px solid var(--line);
        border-radius: 8px;
        padding: 0.5rem 0.7rem;
      }
      li > .head {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 0.8rem;
        align-items: center;
      }
      .head h3 {
        margin: 0;
        font-size: 0.95rem;
      }
      .controls {
        /* level with the name boxes, under their labels */
        margin-block-start: 1.35rem;
        display: flex;
        gap: 0.3rem;
        flex-wrap: wrap;
      }
      .default-note {
        margin: 1.35rem 0 0;
        max-inline-size: 16rem;
        font-size: 0.85rem;
      }
      .controls button {
        padding-block: 0.25rem;
        padding-inline: 0.6rem;
        font-size: 0.85rem;
      }
      button.quiet {
        background: #fff;
        color: var(--tabour-primary);
      }
      label.check {
        display: inline-flex;
        gap: 0.3rem;
        align-items: center;
        font-weight: 600;
      }
      td bdi,
      .head bdi {
        font-family: ui-monospace, monospace;
      }
      @media (max-width: 50rem) {
        li {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ]

  @state() private reply: FinishOutcomesReply | null = null
  @state() private rows: Row[] = []
  private nextKey = 0

  override connectedCallback(): void {
    super.connectedCallback()
    this.reload().catch((err: unknown) => this.showError(err))
  }

  private async reload(): Promise<void> {
    this.show(await this.api.finishOutcomes())
  }

  private show(reply: FinishOutcomesReply): void {
    this.reply = reply
    this.rows = reply.outcomes.map((o) => ({ key: this.nextKey++, code: o.code, nameAr: o.nameAr, nameEn: o.nameEn }))
    this.load({})
  }

  /** Every name box, named as the server names it in a refusal (`outcomes/2/nameEn`), so its error lands next to it. */
  protected fields(): FieldSpec[] {
    const l = this.lang
    return [
      { name: 'outcomes', label: outcomesText('outcomes.title', l) },
      ...this.rows.flatMap((_, i) =>
        (['nameAr', 'nameEn'] as const).map((key) => ({
          name: `outcomes/${i}/${key}`,
          label: outcomesText(key === 'nameAr' ? 'outcomes.nameArOf' : 'outcomes.nameEnOf', l, { n: i + 1 }, this.digits),
        })),
      ),
    ]
  }

  override render(): TemplateResult {
    if (!this.loaded || !this.reply) return this.loading()
    const l = this.lang
    const reply = this.reply
    const hub = reply.source === 'hub'
    return html`<section class="card" data-form="finish-outcomes" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">${outcomesText('outcomes.title', l)}</h2>
      <p class="muted" data-intro>${outcomesText('outcomes.intro', l)}${hub ? nothing : html` ${outcomesText('outcomes.introEdit', l)}`}</p>
      ${
        hub
          ? html`<p data-hub-managed id="outcomes-hub">${outcomesText('outcomes.hubManaged', l, { version: reply.hubVersion ?? 0 }, this.digits)}</p>
            ${this.readOnly()}`
          : this.form()
      }
    </section>`
  }

  /** The hub's list as it runs: a table, nothing to edit. */
  private readOnly(): TemplateResult {
    const l = this.lang
    return html`<table data-table="finish-outcomes" aria-describedby="outcomes-hub">
      <thead>
        <tr>
          <th scope="col">${outcomesText('outcomes.nameAr', l)}</th>
          <th scope="col">${outcomesText('outcomes.nameEn', l)}</th>
          <th scope="col">${outcomesText('outcomes.code', l)}</th>
        </tr>
      </thead>
      <tbody>
        ${this.rows.map(
          (r, i) =>
            html`<tr data-code=${r.code ?? ''}>
              <td lang="ar" dir="rtl">${r.nameAr}${i === 0 ? html` <span class="pill">${outcomesText('outcomes.default', l)}</span>` : nothing}</td>
              <td lang="en" dir="ltr">${r.nameEn}</td>
              <td><bdi dir="ltr">${r.code}</bdi></td>
            </tr>`,
        )}
      </tbody>
    </table>`
  }

  private form(): TemplateResult {
    const l = this.lang
    const source = this.reply?.source === 'center' ? 'outcomes.fromCenter' : 'outcomes.fromConfig'
    const listError = this.errors.outcomes
    return html`<form novalidate @submit=${this.onSubmit} aria-labelledby="outcomes-title">
      <p class="muted" data-source=${this.reply?.source ?? ''}>${outcomesText(source, l)} ${outcomesText('outcomes.removedNote', l)}</p>
      <ol data-list="finish-outcomes">
        ${repeat(
          this.rows,
          (r) => r.key,
          (r, i) => this.row(r, i),
        )}
      </ol>
      ${listError ? html`<p class="error" role="alert" data-field-error="outcomes">${listError}</p>` : nothing}
      <div class="actions">
        <button type="button" class="quiet" data-action="add-outcome" ?disabled=${this.rows.length >= MAX_FINISH_OUTCOMES} @click=${this.add}>
          ${outcomesText('outcomes.add', l)}
        </button>
      </div>
      ${this.footer()}
    </form>`
  }

  /**
   * One outcome's box. Rows are keyed (repeat) so a moved row takes its boxes and focus along, and
   * the default radio is bound live: the browser checks the clicked one itself, so a plain binding
   * that did not change would leave the wrong one checked after the move. The default's row (the
   * first) has no moves and no remove, but the sentence saying how to change it; the second row
   * cannot move up (into the default's place).
   */
  private row(r: Row, i: number): TemplateResult {
    const l = this.lang
    const name = this.nameOf(r, i)
    const last = this.rows.length - 1
    const isDefault = i === 0
    return html`<li data-row=${i} data-code=${r.code ?? ''} data-default=${isDefault ? 'true' : nothing}>
      <div class="head">
        <h3 id=${`outcome-${r.key}`}>${outcomesText('outcomes.row', l, { n: i + 1 }, this.digits)}</h3>
        <label class="check">
          <input type="radio" name="default" data-action="default" .checked=${live(isDefault)} aria-label=${outcomesText('outcomes.makeDefault', l, { name })} @change=${() => this.makeDefault(i)} />
          ${outcomesText('outcomes.default', l)}
        </label>
        <span class="muted">${r.code ? html`${outcomesText('outcomes.code', l)}: <bdi dir="ltr">${r.code}</bdi>` : outcomesText('outcomes.new', l)}</span>
      </div>
      ${this.nameField(r, i, 'nameAr')} ${this.nameField(r, i, 'nameEn')}
      ${
        isDefault
          ? html`<p class="muted default-note" data-default-note>${outcomesText('outcomes.defaultNote', l)}</p>`
          : html`<div class="controls">
        <button type="button" class="quiet" data-action="up" ?disabled=${i === 1} aria-label=${outcomesText('outcomes.upOf', l, { name })} @click=${() => this.move(i, i - 1)}>${outcomesText('outcomes.up', l)}</button>
        <button type="button" class="quiet" data-action="down" ?disabled=${i === last} aria-label=${outcomesText('outcomes.downOf', l, { name })} @click=${() => this.move(i, i + 1)}>${outcomesText('outcomes.down', l)}</button>
        <button type="button" class="quiet" data-action="remove" aria-label=${outcomesText('outcomes.removeOf', l, { name })} @click=${() => this.removeRow(i)}>${outcomesText('outcomes.remove', l)}</button>
      </div>`
      }
    </li>`
  }

  /** A name box: written in its own language and direction, its error tied to it. */
  private nameField(r: Row, i: number, key: NameKey): TemplateResult {
    const field = `outcomes/${i}/${key}`
    const id = `f-outcome-${r.key}-${key}`
    const err = this.errors[field]
    const lang = key === 'nameAr' ? 'ar' : 'en'
    return html`<div class="field" data-field=${field}>
      <label for=${id}>${outcomesText(key === 'nameAr' ? 'outcomes.nameAr' : 'outcomes.nameEn', this.lang)}</label>
      <input id=${id} name=${field} lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} maxlength=${MAX_OUTCOME_NAME} autocomplete="off"
        aria-describedby=${`outcome-${r.key}${err ? ` ${id}-error` : ''}`} aria-invalid=${String(!!err)} .value=${live(r[key])}
        @input=${(e: Event) => this.rename(r.key, key, (e.target as HTMLInputElement).value)} />
      ${err ? html`<span class="error" id=${`${id}-error`} data-field-error=${field}>${err}</span>` : nothing}
    </div>`
  }

  private nameOf(r: Row, i: number): string {
    return outcomeRowName(r, i, this.lang, this.digits)
  }

  private rename(key: number, field: NameKey, value: string): void {
    this.rows = this.rows.map((r) => (r.key === key ? { ...r, [field]: value } : r))
  }

  /** Row `i` becomes the default, on purpose (its radio): it goes first, the former default second. */
  private makeDefault(i: number): void {
    this.reorder(i, 0)
  }

  /** Moves row `from` to `to` among the others: never into or out of the default's place (row 0). */
  private move(from: number, to: number): void {
    if (from === 0 || to === 0) return
    this.reorder(from, to)
  }

  /** Moves row `from` to `to`; the errors shown no longer match their rows, so they go. */
  private reorder(from: number, to: number): void {
    if (to < 0 || to >= this.rows.length || from === to) return
    const rows = [...this.rows]
    const [moved] = rows.splice(from, 1)
    rows.splice(to, 0, moved!)
    this.rows = rows
    this.errors = {}
    this.notice = null
  }

  /** Removes row `i`; never the default (row 0): removing it would make the next one the default unasked. */
  private removeRow(i: number): void {
    if (i === 0 || this.rows.length <= 1) return
    this.rows = this.rows.filter((_, j) => j !== i)
    this.errors = {}
    this.notice = null
  }

  private readonly add = async () => {
    const row: Row = { key: this.nextKey++, code: null, nameAr: '', nameEn: '' }
    this.rows = [...this.rows, row]
    this.notice = null
    await this.updateComplete
    this.renderRoot.querySelector<HTMLInputElement>(`#f-outcome-${row.key}-nameAr`)?.focus()
  }

  /** Blank names said next to their boxes before anything is sent (the server refuses them too). */
  private blankNames(): Record<string, string> {
    const errors: Record<string, string> = {}
    const specs = new Map(this.fields().map((f) => [f.name, f.label]))
    this.rows.forEach((r, i) => {
      for (const key of ['nameAr', 'nameEn'] as const) {
        const field = `outcomes/${i}/${key}`
        if (r[key].trim() === '') errors[field] = configText('err.required', this.lang, { field: specs.get(field) ?? field })
      }
    })
    return errors
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    this.notice = null
    this.errors = this.blankNames()
    if (Object.keys(this.errors).length > 0) {
      await this.updateComplete
      this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus()
      return
    }
    // the default said outright, not left to the order (protocol/finish-outcomes.ts FinishOutcomeEdit.default)
    const outcomes: FinishOutcomeEdit[] = this.rows.map((r, i) => ({
      ...(r.code ? { code: r.code } : {}),
      nameAr: r.nameAr.trim(),
      nameEn: r.nameEn.trim(),
      ...(i === 0 ? { default: true } : {}),
    }))
    await this.saveWith(async () => {
      const reply = await this.api.putFinishOutcomes({ outcomes })
      this.show(reply)
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-finish-outcomes-config': FinishOutcomesConfig
  }
}
