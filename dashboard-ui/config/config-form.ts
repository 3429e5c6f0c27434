/**
 * What every configuration form shares: its values and what they were when loaded (only changed
 * fields are written), a field renderer (label, input, hint and error tied together for screen
 * readers, logical properties so right-to-left lays out by itself), and the one way a refusal is
 * shown: the error body's `field` picks the field, the form's own label and the screen's
 * language word it (protocol/messages/config-forms.ts), never the server's English message.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { ApiError, NetworkError } from '../../ui-common/api-client.ts'
import { dirOf, type Lang } from '../../ui-common/i18n.ts'
import { inDigitStyle, type DigitStyle } from '../../ui-common/digits.ts'
import { FIGURE_PATTERN, typedFigure } from '../../ui-common/figure-box.ts'
import { configText, fieldErrorText, formErrorText } from '../../protocol/messages/config-forms.ts'
import type { DashboardApi } from '../dashboard-api.ts'
import { dayInWords } from '../format.ts'
import { zoneName, type ZoneNames } from '../zone-name.ts'
import { dateEcho } from '../../ui-common/date-echo.ts'
import { deskStyles } from '../dashboard-styles.ts'

export type Values = Record<string, string | boolean>

/** The value a zone picker holds while its "new zone" text box is shown. */
export const NEW_ZONE = '+new'

/** One field of a form, named as the API names it (`prefix`, `config/printer/widthMm`). */
export interface FieldSpec {
  name: string
  label: string
  /** Default text. */
  kind?: 'text' | 'number' | 'password' | 'select' | 'check' | 'textarea' | 'zone' | 'date'
  options?: { value: string; label: string }[]
  /** A line under the field (what to type, the default). */
  hint?: string
  /** Left-to-right text after the hint (an address, a path, a pattern), isolated so it never mirrors. */
  example?: string
  /** Addresses, paths and patterns read left to right in either language. */
  ltr?: boolean
  /** Text written in one language (an English name on an Arabic page): the input carries it and its direction. */
  lang?: Lang
  min?: number
  max?: number
  step?: string
  autocomplete?: string
}

/** What an input of a field carries for screen readers and layout. */
interface Common {
  id: string
  invalid: string
  described: string | typeof nothing
  dir: string | typeof nothing
  lang: Lang | typeof nothing
}

/** `config/printer/widthMm` as an id part. */
const idOf = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-')

export const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))
export const intOrNull = (v: string | boolean | undefined) => (str(v).trim() === '' ? null : Number(v))

export const formStyles = css`
  form {
    display: grid;
    gap: 0.7rem;
    align-content: start;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .field > label {
    font-size: 0.85rem;
    color: var(--tabour-muted);
    font-weight: 600;
  }
  /* a value the hub sets (locked-field.ts): read-only, and long names wrap instead of being cut off */
  .locked {
    display: block;
    padding: 0.45rem 0.6rem;
    border: 1px dashed var(--line);
    border-radius: 6px;
    overflow-wrap: anywhere;
    white-space: normal;
  }
  .zone {
    display: flex;
    gap: 0.4rem;
    flex-wrap: wrap;
  }
  .zone > * {
    flex: 1 1 8rem;
  }
  fieldset {
    border: 1px solid var(--line);
    border-radius: 8px;
    padding: 0.6rem 0.8rem;
    display: grid;
    gap: 0.6rem;
    margin: 0;
    min-inline-size: 0;
    /* a choice as wide as its longest service name must not push past the border (an 18rem form) */
    grid-template-columns: minmax(0, 1fr);
  }
  legend {
    font-weight: 700;
    color: var(--tabour-primary);
    padding-inline: 0.3rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .ok {
    color: var(--ok);
    font-size: 0.85rem;
    font-weight: 600;
  }
  td button {
    padding-block: 0.15rem;
    padding-inline: 0.6rem;
    font-size: 0.85rem;
  }
  tr[data-selected] td {
    background: #eef4fb;
  }
  /*
   * The list takes the wider share and the form no less than 18rem: at 1366 px a 22rem form left the
   * services' and counters' lists 494 px, and their Active column scrolled out of the card (walk 2026-12-06).
   */
  .cols {
    display: grid;
    grid-template-columns: minmax(0, 1.5fr) minmax(18rem, 1fr);
    gap: 1rem;
    align-items: start;
  }
  /* a list scrolls sideways in its card when it must; its Edit column comes first, so the buttons stay in view
     (walk 2026-12-06: at 1366 px the services', counters' and users' Edit buttons were past the card's edge) */
  .scroll {
    overflow-x: auto;
  }
  .weights {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: 0.4rem;
  }
  /* between words only (dashboard-styles.ts td): "anywhere" let the table squeeze the counters' services to
     a letter's width at 1366 px («تراخي|ص», walk 2026-12-05); the table scrolls in its card if it must */
  /* a fact about what was chosen that is not a refusal (a display's zone that no counter has, devices-config.ts) */
  .warn {
    color: var(--warn);
    font-size: 0.85rem;
    font-weight: 600;
    white-space: normal;
  }
  td.wrap {
    white-space: normal;
    overflow-wrap: break-word;
  }
  /* a list's cells a little closer than a report's: every column of a list fits its card at 1366 px */
  .scroll th,
  .scroll td {
    padding-inline: 0.35rem;
  }
  /* a service's two names in one cell, one under the other (two columns did not fit at 1366 px) */
  .name-line {
    display: block;
  }
  fieldset > p {
    margin: 0;
  }
  .code {
    font-family: ui-monospace, monospace;
    font-size: 1.6rem;
    letter-spacing: 0.2em;
    font-weight: 700;
    color: var(--tabour-primary);
  }
  form > p {
    margin: 0;
  }
  /* one box: a pattern or an address goes to the next line whole rather than broken in two
     (^01[0125] | [0-9]{8}$), and wraps inside itself, still left to right, only when longer than a line */
  bdi.example {
    display: inline-block;
  }
`

/** The base of the section forms: values, changed fields, the field renderer and the refusal display. */
export abstract class ConfigForm extends LitElement {
  static override styles = [...deskStyles, formStyles]

  @property({ attribute: false }) api!: DashboardApi
  @property() override lang: Lang = 'ar'
  /** Digits for figures in the form's words and dates: `digitsFor(lang, the center's setting)`; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** What the zones are called in each language (settings `zoneNames`): the zone pickers show the names. */
  @property({ attribute: false }) zoneNames: ZoneNames = {}
  @state() protected values: Values = {}
  /** The values as loaded: a field equal to its loaded value is not written. */
  @state() protected initial: Values = {}
  @state() protected errors: Record<string, string> = {}
  @state() protected notice: string | null = null
  /** The id of the item being edited; null: a new one. */
  @state() protected editing: number | null = null
  /** Whether the form has its first values (forms that start from fetched data show "loading" until then). */
  @state() protected loaded = false

  /** The fields the form shows now (the refusal display looks the server's `field` up here). */
  protected abstract fields(): FieldSpec[]

  /** Names whose value differs from the loaded one. */
  protected changed(): string[] {
    const names = new Set([...Object.keys(this.values), ...Object.keys(this.initial)])
    return [...names].filter((n) => this.values[n] !== this.initial[n])
  }

  protected load(values: Values, editing: number | null = null): void {
    this.editing = editing
    this.loaded = true
    this.values = { ...values }
    this.initial = { ...values }
    this.errors = {}
    this.notice = null
  }

  protected readonly onInput = (e: Event) => {
    const el = e.target as HTMLInputElement
    const value = el.type === 'checkbox' ? el.checked : 'figure' in el.dataset ? typedFigure(el.value) : el.value
    this.values = { ...this.values, [el.name]: value }
  }

  /** Tells the dashboard something changed (its live figures reload). */
  protected announceChange(): void {
    this.dispatchEvent(new CustomEvent('config-changed', { bubbles: true, composed: true }))
  }

  /**
   * Runs one save (`write`: the requests, the reload, resetting the form): then says "saved" and
   * tells the dashboard; a refusal is shown next to its field and the form keeps what was typed.
   */
  protected async saveWith(write: () => Promise<void>): Promise<void> {
    try {
      await write()
      this.notice = configText('common.saved', this.lang)
      this.announceChange()
    } catch (err) {
      this.showError(err)
    }
  }

  /**
   * Shows a refusal: next to the field the server named (or the nearest field that holds it:
   * `services/0/weight` under `services`), worded with that field's label; else above the buttons.
   */
  protected showError(err: unknown): void {
    const lang = this.lang
    if (err instanceof NetworkError) {
      this.errors = { _: configText('err.network', lang) }
      return
    }
    if (!(err instanceof ApiError)) {
      this.errors = { _: configText('err.other', lang, { code: err instanceof Error ? err.name : 'error' }) }
      return
    }
    const specs = this.fields()
    const parts = err.detail?.field.split('/') ?? []
    for (let n = parts.length; n > 0; n--) {
      const spec = specs.find((f) => f.name === parts.slice(0, n).join('/'))
      if (spec) {
        this.errors = { [spec.name]: fieldErrorText(err, spec.label, lang, this.digits) }
        return
      }
    }
    this.errors = { _: err.detail ? fieldErrorText(err, err.detail.field, lang, this.digits) : formErrorText(err.code, lang) }
  }

  /**
   * Says "required" beside every one of `names` left empty, all at once (the server names only the
   * first it meets: the walk of 2026-12-06 saved an empty service three times to learn its three
   * required fields); true when one was empty, and nothing should be sent.
   */
  protected requiredMissing(names: readonly string[]): boolean {
    const specs = this.fields()
    const empty = names.filter((n) => str(this.values[n]).trim() === '')
    const errors = Object.fromEntries(
      empty.map((n) => [n, configText('err.required', this.lang, { field: specs.find((f) => f.name === n)?.label ?? n })]),
    )
    this.errors = { ...this.errors, ...errors }
    return empty.length > 0
  }

  /** One field: its label, input, hint and error, the input described by the last two. */
  protected field(f: FieldSpec, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const id = `f-${idOf(f.name)}`
    const err = this.errors[f.name]
    // a hint that is the error's own sentence (the prefix's pattern) is said once, as the error: the grey
    // hint and the red error stood one under the other saying the same (walk s51)
    const hintText = f.hint === err ? undefined : f.hint
    const v = this.values[f.name]
    // a date field shows the browser's mm/dd/yyyy: the day it holds is written under it in the page's words (date-echo.ts)
    const echo = f.kind === 'date' ? dateEcho(str(v), (day) => dayInWords(day, this.lang, this.digits), `${id}-echo`) : nothing
    const described = [
      hintText ? `${id}-hint` : '',
      echo === nothing ? '' : `${id}-echo`,
      err ? `${id}-error` : '',
      extra === nothing ? '' : `${id}-extra`,
    ]
      .filter(Boolean)
      .join(' ')
    const example = f.example ? html` <bdi class="example" dir="ltr">${f.example}</bdi>` : nothing
    const hint = hintText ? html`<span class="muted" id=${`${id}-hint`}>${hintText}${example}</span>` : nothing
    const error = err ? html`<span class="error" id=${`${id}-error`} data-field-error=${f.name}>${err}</span>` : nothing
    const extraPart = extra === nothing ? nothing : html`<span id=${`${id}-extra`}>${extra}</span>`
    if (f.kind === 'check') {
      return html`<div class="field" data-field=${f.name}>
        <label class="check"><input type="checkbox" name=${f.name} .checked=${v === true} aria-describedby=${described || nothing} @change=${this.onInput} />${f.label}</label>
        ${hint} ${error}
      </div>`
    }
    const common: Common = {
      id,
      invalid: String(!!err),
      described: described || nothing,
      dir: f.ltr ? 'ltr' : f.lang ? dirOf(f.lang) : nothing,
      lang: f.lang ?? nothing,
    }
    let input: TemplateResult
    switch (f.kind) {
      case 'number':
        input = this.figureInput(f, common)
        break
      case 'select':
        // .selected, not ?selected: the attribute no longer moves an option the admin has picked, so a form loaded
        // with another item's values kept showing the earlier pick (walk 2026-12-06: a service's steps opened again)
        input = html`<select id=${common.id} name=${f.name} aria-invalid=${common.invalid} aria-describedby=${common.described} @change=${this.onInput}>
          ${f.options!.map((o) => html`<option value=${o.value} .selected=${str(v) === o.value}>${o.label}</option>`)}
        </select>`
        break
      case 'zone':
        input = this.zoneInput(f, common)
        break
      case 'textarea':
        input = html`<textarea id=${common.id} name=${f.name} rows="4" dir=${common.dir} lang=${common.lang} aria-invalid=${common.invalid} aria-describedby=${common.described} .value=${str(v)} @input=${this.onInput}></textarea>`
        break
      default:
        input = html`<input id=${common.id} type=${f.kind ?? 'text'} name=${f.name} dir=${common.dir} lang=${common.lang} min=${f.min ?? nothing} max=${f.max ?? nothing} step=${f.step ?? nothing} autocomplete=${f.autocomplete ?? nothing} aria-invalid=${common.invalid} aria-describedby=${common.described} .value=${str(v)} @input=${this.onInput} />`
    }
    return html`<div class="field" data-field=${f.name}><label for=${id}>${f.label}</label>${input} ${echo} ${hint} ${extraPart} ${error}</div>`
  }

  /**
   * A number box that shows its figure in the screen's digits (the center's on the Arabic screen):
   * an `<input type="number">` writes Western digits whatever the page and the setting (the walk of
   * 2026-12-05 found «7» in the new counter's number box beside «الشباك ٦»). So it is a text box
   * for numbers: the phone or tablet offers its number pad (inputmode), a keyboard's digits of
   * either kind are read back as Western (onInput, typedFigure), and the pattern keeps letters out.
   */
  private figureInput(f: FieldSpec, common: Common): TemplateResult {
    const decimal = f.step !== undefined && f.step !== '1'
    return html`<input id=${common.id} type="text" data-figure inputmode=${decimal ? 'decimal' : 'numeric'} pattern=${decimal ? FIGURE_PATTERN.decimal : FIGURE_PATTERN.whole} name=${f.name} dir=${common.dir} lang=${common.lang} autocomplete=${f.autocomplete ?? 'off'} aria-invalid=${common.invalid} aria-describedby=${common.described} .value=${inDigitStyle(str(this.values[f.name]), this.digits)} @input=${this.onInput} />`
  }

  /** A zone: one of the center's zones, or a new one typed on the fly (`<name>New`). */
  private zoneInput(f: FieldSpec, common: Common): TemplateResult {
    const v = str(this.values[f.name])
    const fresh = v === NEW_ZONE
    return html`<div class="zone">
      <select id=${common.id} name=${f.name} aria-invalid=${common.invalid} aria-describedby=${common.described} @change=${this.onInput}>
        ${f.options!.map((o) => html`<option value=${o.value} .selected=${v === o.value}>${o.label}</option>`)}
        <option value=${NEW_ZONE} .selected=${fresh}>${configText('zone.new', this.lang)}</option>
      </select>
      ${
        fresh
          ? html`<input name=${`${f.name}New`} dir="auto" aria-label=${configText('zone.newName', this.lang)} aria-invalid=${common.invalid} .value=${str(this.values[`${f.name}New`])} @input=${this.onInput} />`
          : nothing
      }
    </div>`
  }

  /** The zone a picker holds: the chosen one, the typed new one, or null for none. */
  protected zoneValue(name: string): string | null {
    const v = str(this.values[name])
    const zone = v === NEW_ZONE ? str(this.values[`${name}New`]).trim() : v
    return zone === '' ? null : zone
  }

  /** The zones the center already uses, as picker options. */
  protected zoneOptions(zones: Iterable<string | null>, none = false): { value: string; label: string }[] {
    const list = [...new Set([...zones].filter((z): z is string => !!z))].sort()
    const named = list.map((z) => ({ value: z, label: zoneName(z, this.zoneNames, this.lang) }))
    return [...(none ? [{ value: '', label: configText('zone.none', this.lang) }] : []), ...named]
  }

  /** What a form shows before its first values arrive, or why they did not (a failed load, `showError`). */
  protected loading(): TemplateResult {
    if (this.errors._) return html`<p class="error" role="alert" data-load-error>${this.errors._}</p>`
    return html`<p class="muted" role="status">${configText('common.loading', this.lang)}</p>`
  }

  /** The form's notice and general error, then its buttons. */
  protected footer(extraButtons: TemplateResult | typeof nothing = nothing): TemplateResult {
    const l = this.lang
    return html`${this.errors._ ? html`<p class="error" role="alert" data-form-error>${this.errors._}</p>` : nothing}
      ${this.notice ? html`<p class="pill" data-tone="ok" role="status" data-notice>${this.notice}</p>` : nothing}
      <div class="actions">
        <button type="submit" data-action="save">${configText('common.save', l)}</button>
        ${extraButtons}
      </div>`
  }
}
