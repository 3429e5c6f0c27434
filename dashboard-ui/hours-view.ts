/**
 * `<tabour-hours-view>` (admins): the center's calendar (issue 18). The weekly hours as one line
 * per weekday ("08:00-15:00, 17:00-20:00", empty: a day off), each service's last-ticket
 * cut-off, the business day and what happens at closing, the holidays and special hours
 * (Ramadan) as a list, and the .ics import with a preview of what it changes before anything
 * is stored, and the export. The server validates the whole calendar and stores it all or
 * nothing; its refusal names the field, and the day's line is marked. Fires `config-changed`.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import {
  WEEKDAYS,
  type CenterCalendar,
  type HoursException,
  type OpenInterval,
  type Weekday,
  type WeeklyHours,
} from '../protocol/calendar.ts'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import { hoursEditorText as t } from '../protocol/messages/hours-editor.ts'
import { ApiError } from '../ui-common/api-client.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi, IcsPreview } from './dashboard-api.ts'
import { deskStyles } from './dashboard-styles.ts'

/** Sunday first, as the week is lived in Egypt. */
const WEEK_ORDER: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** `08:00-15:00, 17:00-20:00` → intervals; null when a part is not `HH:MM-HH:MM`. */
export function parseHours(text: string): OpenInterval[] | null {
  const parts = text
    .split(/[,،]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const out: OpenInterval[] = []
  for (const p of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(p)
    if (!m) return null
    out.push({ open: m[1]!.padStart(5, '0'), close: m[2]!.padStart(5, '0') })
  }
  return out
}

/** Intervals → `08:00-15:00, 17:00-20:00`. */
export const hoursLine = (hours: readonly OpenInterval[]) => hours.map((h) => `${h.open}-${h.close}`).join(', ')

const NINE_TO_THREE: WeeklyHours = Object.fromEntries(
  WEEKDAYS.map((d) => [d, d === 'fri' || d === 'sat' ? [] : [{ open: '08:00', close: '15:00' }]]),
) as WeeklyHours

@customElement('tabour-hours-view')
export class HoursView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
        align-items: start;
      }
      form,
      .rows {
        display: grid;
        gap: 0.6rem;
      }
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
        gap: 0.5rem;
        align-items: end;
      }
      section[data-section='exceptions'] {
        overflow-x: auto;
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        padding: 0.3rem;
        text-align: start;
        border-block-end: 1px solid #e2e6ec;
      }
      .wide {
        grid-column: 1 / -1;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        align-items: center;
      }
    `,
  ]

  /** The dashboard's API client. */
  @property({ attribute: false }) api: DashboardApi | null = null
  /** Current language; default 'ar'. */
  @property() override lang: Lang = 'ar'
  /** The services, for their cut-offs; default none. */
  @property({ attribute: false }) services: ServiceWithQueue[] = []

  @state() private cal: CenterCalendar | null = null
  /** Weekly lines as typed, by weekday. */
  @state() private lines: Record<Weekday, string> = Object.fromEntries(WEEKDAYS.map((d) => [d, ''])) as Record<Weekday, string>
  @state() private message: { kind: 'ok' | 'error'; text: string; field: string | null; where: 'hours' | 'ics' } | null = null
  @state() private preview: IcsPreview | null = null
  private icsText = ''

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(): Promise<void> {
    if (!this.api) return
    this.use(await this.api.calendar())
  }

  private use(cal: CenterCalendar): void {
    this.cal = cal
    const weekly = cal.weekly ?? NINE_TO_THREE
    this.lines = Object.fromEntries(WEEKDAYS.map((d) => [d, hoursLine(weekly[d])])) as Record<Weekday, string>
  }

  override render(): TemplateResult {
    const cal = this.cal
    const lang = this.lang
    if (!cal) return html`<p>…</p>`
    return html`
      <section class="card" data-section="weekly">
        <h2>${t('hoursTab.weekly', lang)}</h2>
        <form class="rows" data-form="hours" @submit=${(e: Event) => this.onSave(e)}>
          <label class="check"
            ><input type="checkbox" name="alwaysOpen" .checked=${cal.weekly === null} @change=${(e: Event) => this.setAlwaysOpen((e.target as HTMLInputElement).checked)} />
            ${t('hoursTab.alwaysOpen', lang)}</label
          >
          <p class="muted" id="day-hint">${t('hoursTab.dayHint', lang)}</p>
          ${cal.weekly === null ? nothing : WEEK_ORDER.map((d) => this.dayLine(d))}
          <h3>${t('hoursTab.services', lang)}</h3>
          ${this.services.map((s) => this.serviceLine(s))}
          <h3>${t('hoursTab.businessDay', lang)}</h3>
          <div class="row">
            <label>${t('hoursTab.dayStarts', lang)}<input type="time" name="businessDayStartsAt" .value=${cal.businessDayStartsAt} @change=${(e: Event) => this.patch({ businessDayStartsAt: (e.target as HTMLInputElement).value })} /></label>
            <label class="check"
              ><input type="checkbox" name="dailyClose" .checked=${cal.dailyClose} @change=${(e: Event) => this.patch({ dailyClose: (e.target as HTMLInputElement).checked })} />
              ${t('hoursTab.dailyClose', lang)}</label
            >
          </div>
          <div class="row">
            <label
              >${t('hoursTab.atClosing', lang)}
              <select name="atClosing" @change=${(e: Event) => this.patch({ atClosing: (e.target as HTMLSelectElement).value as CenterCalendar['atClosing'] })}>
                <option value="serve-until-empty" ?selected=${cal.atClosing === 'serve-until-empty'}>${t('hoursTab.serveUntilEmpty', lang)}</option>
                <option value="cancel-after" ?selected=${cal.atClosing === 'cancel-after'}>${t('hoursTab.cancelAfter', lang)}</option>
              </select></label
            >
            <label>${t('hoursTab.cancelMinutes', lang)}<input type="number" min="0" max="720" name="cancelAfterMinutes" .value=${String(cal.cancelAfterMinutes)} @change=${(e: Event) => this.patch({ cancelAfterMinutes: Number((e.target as HTMLInputElement).value) })} /></label>
          </div>
          <div class="actions">
            <button type="submit" data-action="save-hours">${t('hoursTab.save', lang)}</button>
            ${this.messageFor('hours')}
          </div>
        </form>
      </section>
      ${this.exceptionsCard(cal)} ${this.icsCard()}
    `
  }

  private dayLine(d: Weekday): TemplateResult {
    const invalid = this.message?.field?.startsWith(`weekly.${d}`) ?? false
    return html`<label
      >${t('hoursTab.day', this.lang, { day: d })}
      <input
        name=${`day-${d}`}
        data-day=${d}
        dir="ltr"
        aria-describedby="day-hint"
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${this.lines[d]}
        @input=${(e: Event) => (this.lines = { ...this.lines, [d]: (e.target as HTMLInputElement).value })}
    /></label>`
  }

  private serviceLine(s: ServiceWithQueue): TemplateResult {
    const own = this.cal!.services.find((x) => x.serviceId === s.id)
    const name = this.lang === 'ar' ? s.nameAr : s.nameEn
    const set = (change: { lastTicketMinutes?: number; stopWhenWaitPastClose?: boolean }) => {
      const base = own ?? { serviceId: s.id, weekly: null, lastTicketMinutes: 0, stopWhenWaitPastClose: false }
      const others = this.cal!.services.filter((x) => x.serviceId !== s.id)
      this.patch({ services: [...others, { ...base, ...change }] })
    }
    return html`<div class="row" data-service=${s.id}>
      <label>${s.prefix} · ${name} — ${t('hoursTab.cutoff', this.lang)}<input type="number" min="0" max="720" name=${`cutoff-${s.id}`} .value=${String(own?.lastTicketMinutes ?? 0)} @change=${(e: Event) => set({ lastTicketMinutes: Number((e.target as HTMLInputElement).value) })} /></label>
      <label class="check"
        ><input type="checkbox" name=${`late-${s.id}`} .checked=${own?.stopWhenWaitPastClose ?? false} @change=${(e: Event) => set({ stopWhenWaitPastClose: (e.target as HTMLInputElement).checked })} />
        ${t('hoursTab.stopWhenLate', this.lang)}</label
      >
    </div>`
  }

  private exceptionsCard(cal: CenterCalendar): TemplateResult {
    const lang = this.lang
    const sorted = cal.exceptions.map((e, i) => ({ e, i })).sort((a, b) => a.e.from.localeCompare(b.e.from))
    return html`<section class="card" data-section="exceptions">
      <h2>${t('hoursTab.exceptions', lang)}</h2>
      ${
        sorted.length === 0
          ? html`<p class="muted">${t('hoursTab.none', lang)}</p>`
          : html`<table data-table="exceptions">
            <thead><tr><th>${t('hoursTab.from', lang)}</th><th>${t('hoursTab.to', lang)}</th><th>${t(lang === 'ar' ? 'hoursTab.nameAr' : 'hoursTab.nameEn', lang)}</th><th>${t('hoursTab.hours', lang)}</th><th></th></tr></thead>
            <tbody>
              ${sorted.map(
                ({ e, i }) => html`<tr data-exception=${e.from}>
                  <td dir="ltr">${e.from}</td>
                  <td dir="ltr">${e.to}</td>
                  <td>${lang === 'ar' ? e.nameAr : e.nameEn}</td>
                  <td dir="ltr">${e.hours.length ? hoursLine(e.hours) : t('hoursTab.closedAllDay', lang)}</td>
                  <td><button type="button" class="secondary" data-action="remove-exception" @click=${() => this.patch({ exceptions: cal.exceptions.filter((_, k) => k !== i) })}>${t('hoursTab.remove', lang)}</button></td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      <form class="row" data-form="exception" @submit=${(e: Event) => this.onAddException(e)}>
        <label>${t('hoursTab.from', lang)}<input type="date" name="from" required /></label>
        <label>${t('hoursTab.to', lang)}<input type="date" name="to" required /></label>
        <label>${t('hoursTab.nameAr', lang)}<input name="nameAr" lang="ar" /></label>
        <label>${t('hoursTab.nameEn', lang)}<input name="nameEn" lang="en" dir="ltr" /></label>
        <label>${t('hoursTab.hours', lang)}<input name="hours" dir="ltr" /></label>
        <button type="submit" data-action="add-exception">${t('hoursTab.add', lang)}</button>
      </form>
    </section>`
  }

  private icsCard(): TemplateResult {
    const lang = this.lang
    const p = this.preview
    return html`<section class="card" data-section="ics">
      <h2>${t('hoursTab.ics', lang)}</h2>
      <div class="actions">
        <label>${t('hoursTab.icsFile', lang)}<input type="file" name="ics" accept=".ics,text/calendar" @change=${(e: Event) => void this.onFile(e)} /></label>
        <button type="button" class="secondary" data-action="export-ics" @click=${() => void this.api?.download('/calendar/ics', 'center-calendar.ics')}>${t('hoursTab.export', lang)}</button>
        ${this.messageFor('ics')}
      </div>
      ${
        p
          ? html`<div data-preview>
            <p role="status">
              <span data-added=${p.added.length}>${t('hoursTab.added', lang, { n: p.added.length })}</span> ·
              <span data-changed=${p.changed.length}>${t('hoursTab.changed', lang, { n: p.changed.length })}</span> ·
              <span>${t('hoursTab.unchanged', lang, { n: p.unchanged.length })}</span>
            </p>
            <ul>
              ${[...p.added, ...p.changed.map((c) => c.after)].map((e) => html`<li data-preview-item=${e.from}><span dir="ltr">${e.from} → ${e.to}</span> ${lang === 'ar' ? e.nameAr : e.nameEn}</li>`)}
            </ul>
            <button type="button" data-action="import-ics" @click=${() => void this.onImport()}>${t('hoursTab.import', lang)}</button>
          </div>`
          : nothing
      }
    </section>`
  }

  private messageFor(where: 'hours' | 'ics'): TemplateResult | typeof nothing {
    const m = this.message
    if (!m || m.where !== where) return nothing
    return html`<span class=${m.kind === 'error' ? 'error' : 'muted'} role=${m.kind === 'error' ? 'alert' : 'status'} data-message=${m.kind}>${m.text}</span>`
  }

  private setAlwaysOpen(always: boolean): void {
    this.patch({ weekly: always ? null : NINE_TO_THREE })
    this.use(this.cal!)
  }

  private patch(change: Partial<CenterCalendar>): void {
    this.cal = { ...this.cal!, ...change }
  }

  /** The calendar with the weekly lines typed; null (and a message naming the day) when a line is not understood. */
  private edited(): CenterCalendar | null {
    const cal = this.cal!
    if (cal.weekly === null) return cal
    const weekly = {} as WeeklyHours
    for (const d of WEEKDAYS) {
      const hours = parseHours(this.lines[d])
      if (hours === null) {
        this.message = {
          kind: 'error',
          text: t('hoursTab.badHours', this.lang, { text: this.lines[d] }),
          field: `weekly.${d}`,
          where: 'hours',
        }
        return null
      }
      weekly[d] = hours
    }
    return { ...cal, weekly }
  }

  private async onSave(e: Event): Promise<void> {
    e.preventDefault()
    const next = this.edited()
    if (!next || !this.api) return
    await this.attempt('hours', async () => {
      this.use(await this.api!.putCalendar(next))
      this.message = { kind: 'ok', text: t('hoursTab.saved', this.lang), field: null, where: 'hours' }
    })
  }

  private async onAddException(e: Event): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const data = new FormData(form)
    const get = (k: string) => String(data.get(k) ?? '').trim()
    const hours = parseHours(get('hours'))
    if (hours === null) {
      this.message = { kind: 'error', text: t('hoursTab.badHours', this.lang, { text: get('hours') }), field: null, where: 'hours' }
      return
    }
    const exception: HoursException = { from: get('from'), to: get('to'), nameAr: get('nameAr'), nameEn: get('nameEn'), hours }
    this.patch({ exceptions: [...this.cal!.exceptions, exception] })
    form.reset()
  }

  private async onFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0]
    if (!file || !this.api) return
    this.icsText = await file.text()
    await this.attempt('ics', async () => {
      this.preview = await this.api!.icsPreview(this.icsText)
    })
  }

  private async onImport(): Promise<void> {
    if (!this.api) return
    await this.attempt('ics', async () => {
      this.use(await this.api!.icsImport(this.icsText))
      this.preview = null
      this.message = { kind: 'ok', text: t('hoursTab.imported', this.lang), field: null, where: 'ics' }
    })
  }

  /** Runs a call; a refusal is shown with the server's words (they name the field or the event). */
  private async attempt(where: 'hours' | 'ics', work: () => Promise<void>): Promise<void> {
    try {
      this.message = null
      await work()
      this.dispatchEvent(new CustomEvent('config-changed', { bubbles: true, composed: true }))
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      const field = /^body\/(\S+)/.exec(err.message)?.[1] ?? null
      this.message = { kind: 'error', text: t('hoursTab.refused', this.lang, { reason: err.message }), field, where }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hours-view': HoursView
  }
}
