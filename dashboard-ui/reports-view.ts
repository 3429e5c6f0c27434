/**
 * `<tabour-reports-view>`: a report for any range of the center's days, grouped by day, hour,
 * service, counter or clerk, as a table with a total line; the same table and the raw ticket
 * log download as CSV (the server writes them, so the numbers are the same); and the printable
 * daily report or a clerk's shift report for a chosen day (print-report.ts) in place of the
 * tables, with Print and Back (hidden on paper).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { cancelledByPeople, coversUncalled, rowsCountIssued, type Report, type ReportGrouping, type ReportRow } from '../protocol/stats.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { dateEcho } from '../ui-common/date-echo.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { dayDuration, dayInWords, duration, num, percent, shiftDay } from './format.ts'
import { reportRowLabel } from './report-row-label.ts'
import { dashboardText, figureLabel, type DashboardMessageKey } from '../protocol/messages/dashboard.ts'
import { printReportText } from '../protocol/messages/print-report.ts'
import './print-report.ts'
import './feedback-report.ts'
import './parking-report.ts'
import './appointment-figures-card.ts'
import './step-figures.ts'
import type { PrintTarget } from './print-report.ts'
import { servedByOutcomeTable } from './served-by-outcome.ts'

const GROUPINGS: ReportGrouping[] = ['day', 'hour', 'service', 'counter', 'clerk']

type Figures = Report['totals']
interface Column {
  key: DashboardMessageKey
  cell: (f: Figures & Partial<ReportRow>, d: DigitStyle, lang: Lang) => string
}

const COLUMNS: Column[] = [
  { key: 'col.issued', cell: (f, d) => num(f.issued, d) },
  { key: 'col.called', cell: (f, d) => num(f.called, d) },
  { key: 'col.served', cell: (f, d) => num(f.served, d) },
  { key: 'col.noShow', cell: (f, d) => num(f.noShow, d) },
  { key: 'col.transferred', cell: (f, d) => num(f.transferred, d) },
  { key: 'col.cancelledByPeople', cell: (f, d) => num(cancelledByPeople(f), d) },
  { key: 'col.cancelledAtClosing', cell: (f, d) => num(f.cancelledAtClosing ?? 0, d) },
  { key: 'col.avgWait', cell: (f, d) => duration(f.avgWaitSeconds, d) },
  { key: 'col.p90Wait', cell: (f, d) => duration(f.p90WaitSeconds, d) },
  { key: 'col.avgService', cell: (f, d) => duration(f.avgServiceSeconds, d) },
  { key: 'col.p90Service', cell: (f, d) => duration(f.p90ServiceSeconds, d) },
  { key: 'col.sla', cell: (f, d, l) => percent(f.slaPercent, d, l) },
  { key: 'col.noShowPct', cell: (f, d, l) => percent(f.noShowPercent, d, l) },
]
/** Service and day reports of a center with opening hours (server/reports/open-hours.ts). */
const HOURS_COLUMNS: Column[] = [
  { key: 'col.openTime', cell: (f, d) => dayDuration(f.openMinutes === undefined ? null : f.openMinutes * 60, d) },
  { key: 'col.utilisation', cell: (f, d, l) => percent(f.utilisationPercent ?? null, d, l) },
  { key: 'col.issuedOutsideHours', cell: (f, d) => num(f.issuedOutsideHours ?? 0, d) },
  { key: 'col.servedOutsideHours', cell: (f, d) => num(f.servedOutsideHours ?? 0, d) },
]
/** Clerk and counter reports: how their open time went (server/reports/clerk-time.ts). */
const DESK_TIME_COLUMNS: Column[] = [
  { key: 'col.busy', cell: (f, d) => dayDuration(f.busySeconds ?? null, d) },
  { key: 'col.idle', cell: (f, d) => dayDuration(f.idleSeconds ?? null, d) },
  { key: 'col.pause', cell: (f, d) => dayDuration(f.pauseSeconds ?? null, d) },
  { key: 'col.busyPercent', cell: (f, d, l) => percent(f.busyPercent ?? null, d, l) },
]

@customElement('tabour-reports-view')
export class ReportsView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: end;
      }
      .groups {
        display: flex;
        gap: 0.25rem;
      }
      .grouping {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        font-size: 0.85rem;
        color: var(--tabour-muted);
        font-weight: 600;
      }
      .groups button[aria-checked='false'] {
        background: #fff;
        color: var(--tabour-primary);
      }
      .spacer {
        flex: 1;
      }
      .print-bar {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: center;
      }
      /* the report is read whole: its rows are not cut at the box's 32rem (a day's hours ran to 938 px; at
         1366 px the demo's seven services and seven clerks, their names on two lines, ran past it: walk s55),
         the page scrolls instead; sideways the box still scrolls when it must */
      .table-scroll:has(> table[data-report]) {
        max-block-size: none;
      }
      @media print {
        :host {
          display: block;
        }
        .print-bar {
          display: none;
        }
      }
    `,
  ]

  @property({ attribute: false }) api!: DashboardApi
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  /** The center's today (YYYY-MM-DD), for the default range. */
  @property() today = ''
  @state() private from = ''
  @state() private to = ''
  @state() private by: ReportGrouping = 'day'
  @state() private report: Report | null = null
  @state() private error: string | null = null
  @state() private busy = false
  /** The printable report shown instead of the tables, or null. */
  @state() private printing: PrintTarget | null = null
  @state() private printDay = ''
  @state() private clerks: ReportRow[] = []
  @state() private clerkId = 0
  private clerksFor = ''

  override willUpdate(): void {
    if (!this.from && this.today) {
      this.from = shiftDay(this.today, -6)
      this.to = this.today
    }
    if (!this.printDay && this.today) this.printDay = this.today
    if (this.api && this.printDay && this.clerksFor !== this.printDay) {
      this.clerksFor = this.printDay
      void this.loadClerks(this.printDay)
    }
  }

  /** A date field's day in the page's words and digits under it (the field shows the browser's mm/dd/yyyy). */
  private echo(day: string, id: string): TemplateResult {
    return dateEcho(day, (d) => dayInWords(d, this.lang, this.digits), id)
  }

  override render(): TemplateResult {
    const lang = this.lang
    if (this.printing) return this.printView(this.printing)
    return html`<section class="card">
        <form @submit=${(e: Event) => (e.preventDefault(), void this.load())}>
          <label>${dashboardText('reports.from', lang)}<input type="date" name="from" aria-describedby="from-echo" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} />${this.echo(this.from, 'from-echo')}</label>
          <label>${dashboardText('reports.to', lang)}<input type="date" name="to" aria-describedby="to-echo" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} />${this.echo(this.to, 'to-echo')}</label>
          ${this.groupingControl(lang)}
          <button type="submit" data-action="show" ?disabled=${this.busy}>${dashboardText('reports.show', lang)}</button>
          <span class="spacer"></span>
          <button type="button" class="secondary" data-action="csv" ?disabled=${!this.report} @click=${() => void this.csv()}>${dashboardText('reports.csv', lang)}</button>
          <button type="button" class="secondary" data-action="tickets-csv" @click=${() => void this.ticketsCsv()}>${dashboardText('reports.ticketsCsv', lang)}</button>
        </form>
        <p class="muted">${dashboardText('reports.hint', lang)}</p>
        ${this.error ? html`<p class="error" role="alert" data-error>${this.error}</p>` : nothing}
      </section>
      ${this.printCard()}
      ${this.report ? this.table(this.report) : nothing}
      ${this.report ? this.outcomesCard(this.report) : nothing}
      ${this.report ? this.visitFigures(this.report) : nothing}`
  }

  /** Right under the table that says "served": what it counts, per service and finish outcome (served-by-outcome.ts). */
  private outcomesCard(r: Report): TemplateResult | typeof nothing {
    const f = r.servedByOutcome
    if (!f) return nothing
    const title = dashboardText('outcomes.title', this.lang)
    return html`<section class="card" data-section="outcomes">
      <h2>${title}</h2>
      <p class="muted">${dashboardText('outcomes.hint', this.lang)}</p>
      ${f.totals.served === 0 ? servedByOutcomeTable(f, this.lang, this.digits) : tableScroll(title, servedByOutcomeTable(f, this.lang, this.digits))}
    </section>`
  }

  /** The range's appointments and waits by origin (issue 19), citizen ratings, parked tickets and visits with several steps (issue 21), under the table. */
  private visitFigures(r: Report): TemplateResult {
    return html`<tabour-appointment-figures .api=${this.api} .lang=${this.lang} .digits=${this.digits} .from=${r.from} .to=${r.to}></tabour-appointment-figures>
      <tabour-feedback-report .api=${this.api} .from=${r.from} .to=${r.to} .lang=${this.lang} .digits=${this.digits}></tabour-feedback-report>
      <tabour-parking-report .api=${this.api} .from=${r.from} .to=${r.to} .lang=${this.lang} .digits=${this.digits}></tabour-parking-report>
      <tabour-step-figures .api=${this.api} .from=${r.from} .to=${r.to} .lang=${this.lang} .digits=${this.digits}></tabour-step-figures>`
  }

  private printCard(): TemplateResult {
    const lang = this.lang
    const t = (k: Parameters<typeof printReportText>[0]) => printReportText(k, lang)
    const clerkLabel = (row: ReportRow) => row.label
    return html`<section class="card" data-section="print">
      <h2>${t('print.section')}</h2>
      <form @submit=${(e: Event) => e.preventDefault()}>
        <label>${t('print.day')}<input type="date" name="print-day" aria-describedby="print-day-echo" .value=${this.printDay} @change=${(e: Event) => (this.printDay = (e.target as HTMLInputElement).value)} />${this.echo(this.printDay, 'print-day-echo')}</label>
        <button type="button" data-action="print-daily" ?disabled=${!this.printDay} @click=${() => (this.printing = { kind: 'daily', day: this.printDay })}>${t('print.openDaily')}</button>
        <label
          >${t('print.clerk')}
          <select name="print-clerk" @change=${(e: Event) => (this.clerkId = Number((e.target as HTMLSelectElement).value))}>
            ${this.clerks.map((c) => html`<option value=${String(c.key)} ?selected=${Number(c.key) === this.clerkId}>${clerkLabel(c)}</option>`)}
          </select>
        </label>
        <button
          type="button"
          data-action="print-shift"
          ?disabled=${!this.clerkId}
          @click=${() => (this.printing = { kind: 'shift', day: this.printDay, userId: this.clerkId })}
        >${t('print.openShift')}</button>
      </form>
    </section>`
  }

  private printView(target: PrintTarget): TemplateResult {
    const lang = this.lang
    return html`<div class="print-bar card">
        <button type="button" data-action="print" @click=${() => window.print()}>${printReportText('print.print', lang)}</button>
        <button type="button" class="secondary" data-action="print-back" @click=${() => (this.printing = null)}>${printReportText('print.back', lang)}</button>
        <span class="muted">${printReportText('print.hint', lang)}</span>
      </div>
      <tabour-print-report .api=${this.api} .target=${target} .lang=${lang} .digits=${this.digits}></tabour-print-report>`
  }

  /** The clerks of the day's report by clerk (every clerk, and other staff who worked that day), for the shift report. */
  private async loadClerks(day: string): Promise<void> {
    try {
      const r = await this.api.report(day, day, 'clerk')
      if (day !== this.printDay) return
      this.clerks = r.rows
      if (!r.rows.some((c) => Number(c.key) === this.clerkId)) this.clerkId = Number(r.rows[0]?.key ?? 0)
    } catch {
      this.clerks = []
    }
  }

  /**
   * A row's figures; a day with no records (before the center's first, or after today) says so
   * once, not in zeros; a counter's or clerk's row has no "issued" (rowsCountIssued): "—", not 0.
   */
  private cells(row: ReportRow, cols: readonly Column[], by: ReportGrouping): TemplateResult {
    const { lang, digits } = this
    if (row.noRecords) return html`<td class="muted" colspan=${cols.length} data-no-records>${dashboardText('report.noRecords', lang)}</td>`
    const none = (c: Column) => c.key === 'col.issued' && !rowsCountIssued(by)
    return html`${cols.map((c) => html`<td class="n" data-col=${c.key}>${none(c) ? '—' : c.cell(row, digits, lang)}</td>`)}`
  }

  private table(r: Report): TemplateResult {
    const { lang, digits } = this
    const cols =
      r.by === 'clerk' || r.by === 'counter'
        ? [...COLUMNS, ...DESK_TIME_COLUMNS]
        : r.totals.openMinutes !== undefined
          ? [...COLUMNS, ...HOURS_COLUMNS]
          : COLUMNS
    return html`<section class="card">
      ${tableScroll(
        dashboardText(`by.${r.by}`, lang),
        html`<table data-report=${r.by}>
        <thead>
          <tr>
            <th>${dashboardText(`by.${r.by}`, lang)}</th>
            ${cols.map((c) => html`<th class="n">${figureLabel(c.key, lang, digits)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${r.rows.map((row) => html`<tr data-key=${String(row.key)}><td>${reportRowLabel(row, r.by, lang, digits)}</td>${this.cells(row, cols, r.by)}</tr>`)}
        </tbody>
        <tfoot>
          <tr data-key="total"><td>${dashboardText('col.total', lang)}</td>${cols.map((c) => html`<td class="n">${DESK_TIME_COLUMNS.includes(c) ? '' : c.cell(r.totals, digits, lang)}</td>`)}</tr>
        </tfoot>
      </table>`,
      )}
      ${cols.includes(HOURS_COLUMNS[0]!) ? html`<p class="muted" data-note="hours">${dashboardText('reports.hoursNote', lang, { two: 200, one: 100 }, digits)}</p>` : nothing}
      ${rowsCountIssued(r.by) ? nothing : html`<p class="muted" data-note="by-desk">${dashboardText('reports.byDeskNote', lang)}</p>`}
      ${rowsCountIssued(r.by) && [...r.rows, r.totals].some(coversUncalled) ? html`<p class="muted" data-note="sla-uncalled">${dashboardText('reports.slaUncalledNote', lang, { zero: 0 }, digits)}</p>` : nothing}
      ${cols.includes(DESK_TIME_COLUMNS[0]!) ? html`<p class="muted" data-note="desk-time">${dashboardText('reports.deskTimeNote', lang, { max: 100 }, digits)}</p>` : nothing}
    </section>`
  }

  /**
   * The grouping as one radio group named "By" (a label around buttons read all five names as
   * its own): one tab stop, arrow keys move the choice and show that report.
   */
  private groupingControl(lang: Lang): TemplateResult {
    const pick = (g: ReportGrouping, focus = false) => {
      this.by = g
      void this.load()
      if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-by="${g}"]`)?.focus())
    }
    const onKey = (e: KeyboardEvent) => {
      const step = { ArrowDown: 1, ArrowUp: -1, ArrowLeft: lang === 'ar' ? 1 : -1, ArrowRight: lang === 'ar' ? -1 : 1 }[e.key]
      if (step === undefined) return
      e.preventDefault()
      pick(GROUPINGS[(GROUPINGS.indexOf(this.by) + step + GROUPINGS.length) % GROUPINGS.length]!, true)
    }
    return html`<div class="grouping">
      <span id="grouping-label">${dashboardText('reports.by', lang)}</span>
      <div class="groups" role="radiogroup" aria-labelledby="grouping-label" @keydown=${onKey}>
        ${GROUPINGS.map(
          (g) =>
            html`<button type="button" role="radio" data-by=${g} aria-checked=${String(this.by === g)} tabindex=${this.by === g ? 0 : -1} @click=${() => pick(g)}>${dashboardText(`by.${g}`, lang)}</button>`,
        )}
      </div>
    </div>`
  }

  /** Loads the report for the chosen range and grouping. */
  async load(): Promise<void> {
    this.busy = true
    this.error = null
    try {
      this.report = await this.api.report(this.from, this.to, this.by)
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err)
    } finally {
      this.busy = false
    }
  }

  private async csv(): Promise<void> {
    const r = this.report
    if (!r) return
    await this.api
      .download(`/stats/report.csv?from=${r.from}&to=${r.to}&by=${r.by}&lang=${this.lang}`, `tabour-${r.by}-${r.from}-${r.to}.csv`)
      .catch((err: Error) => (this.error = err.message))
  }

  private async ticketsCsv(): Promise<void> {
    await this.api
      .download(`/stats/tickets.csv?from=${this.from}&to=${this.to}&lang=${this.lang}`, `tabour-tickets-${this.from}-${this.to}.csv`)
      .catch((err: Error) => (this.error = err.message))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-reports-view': ReportsView
  }
}
