/**
 * `<tabour-parking-report>`: parked tickets over a range of days in the reports view (issue 21):
 * per service and in total, how many were parked, resumed (with the mean minutes away) and
 * abandoned, and the abandoned percentage (GET /stats/parking, the same figures the API answers).
 * It loads again when the range changes.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { ParkingFigureRow, ParkingFigures } from '../protocol/parking.ts'
import { dashboardText } from '../protocol/messages/dashboard.ts'
import { parkingText, type ParkingMessageKey } from '../protocol/messages/parking.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { num, percent } from './format.ts'
import { nameIn } from '../protocol/name-in-language.ts'

const COLUMNS: { key: ParkingMessageKey; col: string; cell: (r: ParkingFigureRow, d: DigitStyle, l: Lang) => string }[] = [
  { key: 'parking.col.parked', col: 'parked', cell: (r, d) => num(r.parked, d) },
  { key: 'parking.col.resumed', col: 'resumed', cell: (r, d) => num(r.resumed, d) },
  { key: 'parking.col.meanAway', col: 'meanAway', cell: (r, d) => num(r.meanParkedMinutes, d, 1) },
  { key: 'parking.col.abandoned', col: 'abandoned', cell: (r, d) => num(r.abandoned, d) },
  { key: 'parking.col.abandonedPct', col: 'abandonedPct', cell: (r, d, l) => percent(r.abandonedPercent, d, l) },
]

@customElement('tabour-parking-report')
export class ParkingReportView extends LitElement {
  static override styles = deskStyles

  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  /** The range (YYYY-MM-DD, inclusive), the reports view's. */
  @property() from = ''
  @property() to = ''
  @state() private figures: ParkingFigures | null = null
  @state() private services = new Map<number, ServiceWithQueue>()
  @state() private failed = false

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('from') || changed.has('to') || changed.has('api')) && this.api && this.from && this.to) void this.load(this.api)
  }

  private async load(api: DashboardApi): Promise<void> {
    const [from, to] = [this.from, this.to]
    try {
      const [figures, services] = await Promise.all([api.send<ParkingFigures>(`/stats/parking?from=${from}&to=${to}`), api.services()])
      if (from !== this.from || to !== this.to) return // a newer range was asked for meanwhile
      this.services = new Map(services.map((s) => [s.id, s]))
      this.figures = figures
      this.failed = false
    } catch {
      this.failed = true
    }
  }

  override render(): TemplateResult {
    const { lang, digits } = this
    const f = this.figures
    const total = f?.rows.find((r) => r.serviceId === null)
    const name = (id: number) => {
      const s = this.services.get(id)
      return s ? nameIn(s, lang) : '—'
    }
    const cells = (r: ParkingFigureRow) => COLUMNS.map((c) => html`<td class="n" data-col=${c.col}>${c.cell(r, digits, lang)}</td>`)
    const body = this.failed
      ? html`<p class="error" role="alert">${parkingText('parking.report.failed', lang)}</p>`
      : !f || !total
        ? nothing
        : total.parked === 0
          ? html`<p class="muted" data-parking-none>${parkingText('parking.report.none', lang)}</p>`
          : html`<p class="muted">${parkingText('parking.report.hint', lang)}</p>
              ${tableScroll(
                parkingText('parking.report.title', lang),
                html`<table data-table="parking">
                  <thead>
                    <tr>
                      <th>${dashboardText('by.service', lang)}</th>
                      ${COLUMNS.map((c) => html`<th class="n">${parkingText(c.key, lang)}</th>`)}
                    </tr>
                  </thead>
                  <tbody>
                    ${f.rows
                      .filter((r) => r.serviceId !== null)
                      .map((r) => html`<tr data-key=${String(r.serviceId)}><td>${name(r.serviceId!)}</td>${cells(r)}</tr>`)}
                  </tbody>
                  <tfoot>
                    <tr data-key="total"><td>${dashboardText('col.total', lang)}</td>${cells(total)}</tr>
                  </tfoot>
                </table>`,
              )}`
    return html`<section class="card" data-card="parking-report" aria-labelledby="parking-report-title">
      <h2 id="parking-report-title">${parkingText('parking.report.title', lang)}</h2>
      ${body}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-parking-report': ParkingReportView
  }
}
