/**
 * `<tabour-print-report>`: the printable daily report (the day's figures, the tickets issued and
 * served per local hour as bars, the tables by service and by counter) or one clerk's shift
 * report (their figures, counter sessions and every call with its outcome), laid out as one A4
 * page with a print stylesheet: the browser prints it (or saves it as PDF), so Arabic shaping
 * and right-to-left come from the same engine as the screen, and the numbers from the same API
 * as the reports view. Every figure carries `data-figure` / `data-value` (the raw number).
 */
import { clockTime } from '../protocol/messages/clock-time.ts'
import { LitElement, html, nothing, svg, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CenterInfo } from '../protocol/center.ts'
import { cancelledByPeople, type Report, type ReportRow, type ShiftOutcome, type ShiftReport } from '../protocol/stats.ts'
import { dashboardText, figureLabel, type DashboardMessageKey } from '../protocol/messages/dashboard.ts'
import { printReportText, type PrintReportMessageKey } from '../protocol/messages/print-report.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { isolate } from '../ui-common/bilingual.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { printReportStyles } from './print-report-styles.ts'
import './feedback-report.ts'
import { dayDuration, dayInWords, duration, momentInWords, num, percent } from './format.ts'
import { reportRowLabel } from './report-row-label.ts'
import { servedByOutcomeTable } from './served-by-outcome.ts'
import { outcomeName } from '../protocol/messages/finish-outcome-name.ts'
import { nameIn } from '../protocol/name-in-language.ts'

/** What to print: the day's report, or one clerk's shift on that day. */
export type PrintTarget = { kind: 'daily'; day: string } | { kind: 'shift'; day: string; userId: number }

type Figures = Report['totals'] & Partial<ReportRow>
interface Figure {
  id: keyof Figures
  label: DashboardMessageKey | PrintReportMessageKey
  show: (f: Figures, d: DigitStyle, lang: Lang) => string
}

const count = (id: keyof Figures, label: DashboardMessageKey): Figure => ({ id, label, show: (f, d) => num(f[id] as number, d) })
const time = (id: keyof Figures, label: DashboardMessageKey | PrintReportMessageKey): Figure => ({
  id,
  label,
  show: (f, d) => duration((f[id] as number | null | undefined) ?? null, d),
})
/** Time over a day (a clerk's busy, idle and paused time): always h:mm:ss, as the reports view shows it. */
const dayTime = (id: keyof Figures, label: DashboardMessageKey | PrintReportMessageKey): Figure => ({
  id,
  label,
  show: (f, d) => dayDuration((f[id] as number | null | undefined) ?? null, d),
})

const DAY_FIGURES: Figure[] = [
  count('issued', 'col.issued'),
  count('called', 'col.called'),
  count('served', 'col.served'),
  count('noShow', 'col.noShow'),
  { id: 'cancelled', label: 'col.cancelledByPeople', show: (f, d) => num(cancelledByPeople(f), d) },
  { id: 'cancelledAtClosing', label: 'col.cancelledAtClosing', show: (f, d) => num(f.cancelledAtClosing ?? 0, d) },
  count('transferred', 'col.transferred'),
  time('avgWaitSeconds', 'col.avgWait'),
  time('p90WaitSeconds', 'col.p90Wait'),
  time('maxWaitSeconds', 'print.maxWait'),
  time('avgServiceSeconds', 'col.avgService'),
  { id: 'slaPercent', label: 'col.sla', show: (f, d, l) => percent(f.slaPercent, d, l) },
  { id: 'noShowPercent', label: 'col.noShowPct', show: (f, d, l) => percent(f.noShowPercent, d, l) },
]
const SERVICE_FIGURES: Figure[] = [...DAY_FIGURES.slice(0, 9), DAY_FIGURES[10]!, DAY_FIGURES[11]!]
// a counter issues nothing and a ticket is cancelled only while it waits (no counter yet): those columns would be zeros under a non-zero total
const COUNTER_FIGURES: Figure[] = SERVICE_FIGURES.filter((f) => f.id !== 'issued' && f.id !== 'cancelled' && f.id !== 'cancelledAtClosing')
const SHIFT_FIGURES: Figure[] = [
  count('called', 'col.called'),
  count('served', 'col.served'),
  count('noShow', 'col.noShow'),
  count('transferred', 'col.transferred'),
  count('cancelled', 'col.cancelled'),
  time('avgServiceSeconds', 'col.avgService'),
  dayTime('busySeconds', 'col.busy'),
  dayTime('idleSeconds', 'col.idle'),
  dayTime('pauseSeconds', 'col.pause'),
]

// @page only works in the document, not in a shadow root: one constructed sheet (the CSP allows it, unlike a <style>)
let pageSheetAdopted = false
function adoptPageSheet(): void {
  if (pageSheetAdopted || typeof CSSStyleSheet === 'undefined') return
  const sheet = new CSSStyleSheet()
  sheet.replaceSync('@page { size: A4 portrait; margin: 12mm 11mm; }')
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  pageSheetAdopted = true
}

@customElement('tabour-print-report')
export class PrintReport extends LitElement {
  static override styles = printReportStyles

  @property({ attribute: false }) api!: DashboardApi
  @property({ attribute: false }) target!: PrintTarget
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @state() private center: CenterInfo | null = null
  @state() private daily: { service: Report; counter: Report; hour: Report } | null = null
  @state() private shift: ShiftReport | null = null
  @state() private failed = false
  private loadedFor = ''
  private preparedAt = Date.now()

  override connectedCallback(): void {
    super.connectedCallback()
    adoptPageSheet()
  }

  override willUpdate(): void {
    const key = JSON.stringify(this.target)
    if (this.api && this.target && key !== this.loadedFor) {
      this.loadedFor = key
      void this.load()
    }
  }

  private async load(): Promise<void> {
    const t = this.target
    this.failed = false
    this.daily = null
    this.shift = null
    try {
      this.center = await this.api.center()
      if (t.kind === 'daily') {
        const [service, counter, hour] = await Promise.all(
          (['service', 'counter', 'hour'] as const).map((by) => this.api.report(t.day, t.day, by)),
        )
        this.daily = { service: service!, counter: counter!, hour: hour! }
      } else {
        this.shift = await this.api.shift(t.day, t.userId)
      }
      // the center's time, as every time on the paper: this PC's clock may be off
      this.preparedAt = this.api.now()
    } catch {
      this.failed = true
    }
  }

  private t(key: PrintReportMessageKey, values?: Record<string, string | number>): string {
    return printReportText(key, this.lang, values, this.digits)
  }

  private label(key: DashboardMessageKey | PrintReportMessageKey): string {
    return key.startsWith('print.') ? this.t(key as PrintReportMessageKey) : figureLabel(key as DashboardMessageKey, this.lang, this.digits)
  }

  private clock(ms: number): string {
    return clockTime(ms, this.zone(), this.lang, this.digits)
  }

  private zone(): string {
    return this.center?.timeZone ?? 'Africa/Cairo'
  }

  override render(): TemplateResult {
    if (this.failed) return html`<p class="error" role="alert">${this.t('print.loadFailed')}</p>`
    if (!this.center || (!this.daily && !this.shift)) return html`<p>${dashboardText('common.loading', this.lang)}</p>`
    const c = this.center
    const title = this.daily ? this.t('print.dailyTitle') : this.t('print.shiftTitle', { name: this.clerkName(this.shift!) })
    return html`<article class="sheet" data-print=${this.target.kind} data-day=${this.target.day} lang=${this.lang} dir=${this.lang === 'ar' ? 'rtl' : 'ltr'}>
      <div class="head">
        <div>
          <h2 class="report-title">${title}</h2>
          <p>${nameIn(c, this.lang)}</p>
        </div>
        <div>
          <p data-day-line>${this.t('print.dayLine', { day: dayInWords(this.target.day, this.lang, this.digits), zone: isolate(c.timeZone) })}</p>
          <p data-prepared>${this.t('print.prepared', { at: momentInWords(this.preparedAt, this.zone(), this.lang, this.digits) })}</p>
        </div>
      </div>
      ${this.daily ? this.dailyBody(this.daily) : this.shiftBody(this.shift!)}
      <div class="sign"><span>${this.t('print.signature')}</span></div>
    </article>`
  }

  private clerkName(s: ShiftReport): string {
    return s.user.displayName && s.user.displayName !== s.user.username ? `${s.user.displayName} (${s.user.username})` : s.user.username
  }

  private kpis(figures: Figure[], f: Figures): TemplateResult {
    return html`<div class="kpis">
      ${figures.map(
        (x) =>
          html`<div class="kpi" data-figure=${x.id} data-value=${String(f[x.id] ?? '')}><span class="label">${this.label(x.label)}</span><span class="value">${x.show(f, this.digits, this.lang)}</span></div>`,
      )}
    </div>`
  }

  private dailyBody(d: { service: Report; counter: Report; hour: Report }): TemplateResult {
    return html`<h3>${this.t('print.figures')}</h3>
      ${this.kpis(DAY_FIGURES, d.service.totals)}
      <tabour-feedback-line .api=${this.api} .day=${this.target.day} .lang=${this.lang} .digits=${this.digits}></tabour-feedback-line>
      <h3>${this.t('print.hourly')}</h3>
      ${d.service.totals.issued === 0 ? html`<p>${this.t('print.noTickets')}</p>` : this.chart(d.hour)}
      <h3>${this.t('print.byService')}</h3>
      ${this.table(d.service, 'service')}
      ${
        d.service.servedByOutcome
          ? html`<h3>${dashboardText('outcomes.title', this.lang)}</h3>
            ${servedByOutcomeTable(d.service.servedByOutcome, this.lang, this.digits)}`
          : nothing
      }
      <h3>${this.t('print.byCounter')}</h3>
      ${this.table(d.counter, 'counter')}
      <p class="note" data-note="counter-sla">${this.t('print.counterSlaNote')}</p>`
  }

  private table(r: Report, by: 'service' | 'counter'): TemplateResult {
    const { lang, digits } = this
    const figures = by === 'service' ? SERVICE_FIGURES : COUNTER_FIGURES
    const cells = (f: Figures) =>
      figures.map((x) => html`<td class="n" data-figure=${x.id} data-value=${String(f[x.id] ?? '')}>${x.show(f, digits, lang)}</td>`)
    return html`<table data-table=${by}>
      <thead>
        <tr>
          <th scope="col">${dashboardText(`by.${by}`, lang)}</th>
          ${figures.map((x) => html`<th scope="col" class="n">${this.label(x.label)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${r.rows.map((row) => html`<tr data-key=${String(row.key)}><th scope="row">${reportRowLabel(row, by, lang, digits)}</th>${cells(row)}</tr>`)}
      </tbody>
      <tfoot>
        <tr data-key="total"><th scope="row">${dashboardText('col.total', lang)}</th>${cells(r.totals)}</tr>
      </tfoot>
    </table>`
  }

  /** Issued and served per local hour as bars, over the hours with tickets (at least 08:00–17:00). */
  private chart(r: Report): TemplateResult {
    const active = r.rows.filter((row) => row.issued > 0 || row.served > 0).map((row) => Number(row.key))
    const first = Math.min(8, ...active)
    const last = Math.max(16, ...active)
    const hours = r.rows.filter((row) => Number(row.key) >= first && Number(row.key) <= last)
    const max = Math.max(1, ...hours.map((h) => Math.max(h.issued, h.served)))
    const W = 720
    const H = 170
    const top = 14
    const base = H - 18
    const slot = W / hours.length
    const bar = Math.min(16, slot / 2 - 3)
    const y = (v: number) => base - ((base - top) * v) / max
    const n = (v: number) => num(v, this.digits)
    return html`<div class="legend" aria-hidden="true">
        <span><span class="swatch issued"></span>${dashboardText('col.issued', this.lang)}</span>
        <span><span class="swatch served"></span>${dashboardText('col.served', this.lang)}</span>
      </div>
      <svg class="chart" viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${this.t('print.hourly')}>
        <line x1="0" x2=${W} y1=${base} y2=${base} stroke="#1d2430" stroke-width="1"></line>
        ${hours.map((h, i) => {
          const x = i * slot + slot / 2
          return svg`<g data-hour=${String(h.key)} data-issued=${h.issued} data-served=${h.served}>
            <rect class="issued" x=${x - bar - 1} y=${y(h.issued)} width=${bar} height=${base - y(h.issued)}></rect>
            <rect class="served" x=${x + 1} y=${y(h.served)} width=${bar} height=${base - y(h.served)}></rect>
            ${h.issued > 0 ? svg`<text x=${x - bar / 2 - 1} y=${y(h.issued) - 2} text-anchor="middle">${n(h.issued)}</text>` : nothing}
            ${h.served > 0 ? svg`<text x=${x + bar / 2 + 1} y=${y(h.served) - 2} text-anchor="middle">${n(h.served)}</text>` : nothing}
            <text x=${x} y=${H - 4} text-anchor="middle">${this.digits === 'arabic-indic' ? n(Number(h.key)) : h.label}</text>
          </g>`
        })}
      </svg>`
  }

  private shiftBody(s: ShiftReport): TemplateResult {
    const lang = this.lang
    // typed, so an outcome the server adds without its words fails the build
    const outcome = (o: ShiftOutcome) => this.t(`outcome.${o}`)
    return html`<h3>${this.t('print.figures')}</h3>
      ${this.kpis(SHIFT_FIGURES, s.figures as Figures)}
      <h3>${this.t('print.sessions')}</h3>
      ${
        s.sessions.length === 0
          ? html`<p>${this.t('print.noSessions')}</p>`
          : html`<ul data-sessions>
            ${s.sessions.map(
              (x) =>
                html`<li>${this.t('print.session', {
                  counter: num(x.counterNumber, this.digits),
                  from: this.clock(x.from),
                  until: x.until === null ? this.t('print.stillOpen') : this.clock(x.until),
                })}</li>`,
            )}
          </ul>`
      }
      <h3>${this.t('print.calls')}</h3>
      ${
        s.tickets.length === 0
          ? html`<p>${this.t('print.noCalls')}</p>`
          : html`<table data-table="calls">
            <thead>
              <tr>
                ${(
                  [
                    'print.ticket',
                    'print.service',
                    'print.counter',
                    'print.calledAt',
                    'print.endedAt',
                    'print.waited',
                    'print.handled',
                    'print.outcome',
                  ] as const
                ).map((k) => html`<th scope="col">${this.t(k)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${s.tickets.map(
                (t) => html`<tr data-ticket=${t.label} data-outcome=${t.outcome}>
                  <th scope="row">${t.label}</th>
                  <td>${lang === 'ar' ? t.serviceNameAr : t.serviceNameEn}</td>
                  <td class="n">${t.counterNumber === null ? '—' : num(t.counterNumber, this.digits)}</td>
                  <td>${this.clock(t.calledAt)}</td>
                  <td>${t.endedAt === null ? '—' : this.clock(t.endedAt)}</td>
                  <td class="n">${duration(t.waitedSeconds, this.digits)}</td>
                  <td class="n">${duration(t.handledSeconds, this.digits)}</td>
                  <td data-finished-with=${t.finishedWith?.code ?? nothing}>
                    ${t.outcome === 'finished' && t.finishedWith ? outcomeName(t.finishedWith, lang) : outcome(t.outcome)}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-print-report': PrintReport
  }
}
