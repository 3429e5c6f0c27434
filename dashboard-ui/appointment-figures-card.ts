/**
 * `<tabour-appointment-figures>`: the reports view's appointment figures for its range (issue 19,
 * GET /stats/appointments): an "Appointments" table per service (booked, checked in, no-shows,
 * cancelled, punctual %, booked and checked in of the slots' places) and "Waits by origin"
 * (walk-in, appointment, from a phone side by side), with their CSV.
 */
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { ON_TIME_MINUTES, type AppointmentFigures, type AppointmentServiceFigures } from '../protocol/appointment-figures.ts'
import { appointmentFigureText, type AppointmentFigureKey } from '../protocol/messages/appointment-figures.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { num, percent } from './format.ts'
import { originWaitsStyles, originWaitsTable, serviceLabel, type ServiceName } from './origin-waits-table.ts'

interface Column {
  key: AppointmentFigureKey
  cell: (f: AppointmentServiceFigures, d: DigitStyle, lang: Lang) => string
}

const COLUMNS: Column[] = [
  { key: 'apf.booked', cell: (f, d) => num(f.booked, d) },
  { key: 'apf.checkedIn', cell: (f, d) => num(f.checkedIn, d) },
  { key: 'apf.noShow', cell: (f, d) => num(f.noShow, d) },
  { key: 'apf.pending', cell: (f, d) => num(f.pending, d) },
  { key: 'apf.cancelled', cell: (f, d) => num(f.cancelled, d) },
  { key: 'apf.punctual', cell: (f, d, l) => percent(f.punctualPercent, d, l) },
  { key: 'apf.places', cell: (f, d) => num(f.places, d) },
  { key: 'apf.bookedPercent', cell: (f, d, l) => percent(f.bookedPercent, d, l) },
  { key: 'apf.checkedInPercent', cell: (f, d, l) => percent(f.checkedInPercent, d, l) },
]

@customElement('tabour-appointment-figures')
export class AppointmentFiguresCard extends LitElement {
  static override styles = [
    ...deskStyles,
    originWaitsStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: baseline;
        justify-content: space-between;
      }
    `,
  ]

  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  /** The range (YYYY-MM-DD, both included): the report's. */
  @property() from = ''
  @property() to = ''
  @state() private figures: AppointmentFigures | null = null
  @state() private services: ServiceName[] = []
  @state() private error: string | null = null

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('from') || changed.has('to') || changed.has('api')) && this.api && this.from && this.to) void this.load()
  }

  private async load(): Promise<void> {
    const api = this.api!
    const { from, to } = this
    try {
      const [figures, services] = await Promise.all([
        api.appointmentFigures(from, to),
        this.services.length ? this.services : api.services(),
      ])
      if (from !== this.from || to !== this.to) return
      this.figures = figures
      this.services = services
      this.error = null
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err)
    }
  }

  override render(): TemplateResult {
    const { lang, digits } = this
    const t = (k: AppointmentFigureKey, v?: Record<string, number>) => appointmentFigureText(k, lang, v, digits)
    if (this.error) return html`<section class="card"><p class="error" role="alert">${this.error}</p></section>`
    const f = this.figures
    if (!f) return html``
    const byId = new Map(this.services.map((s) => [s.id, s]))
    return html`<section class="card" data-section="appointment-figures">
        <div class="head">
          <h2>${t('apf.title')}</h2>
          <button type="button" class="secondary" data-action="appointments-csv" @click=${() => void this.csv()}>${t('apf.download')}</button>
        </div>
        ${
          f.services.length === 0
            ? html`<p class="muted" data-empty>${t('apf.none')}</p>`
            : html`${tableScroll(
                t('apf.title'),
                html`<table data-table="appointments">
                  <thead>
                    <tr>
                      <th scope="col">${t('apf.service')}</th>
                      ${COLUMNS.map((c) => html`<th class="n" scope="col">${t(c.key)}</th>`)}
                    </tr>
                  </thead>
                  <tbody>
                    ${f.services.map(
                      (s) =>
                        html`<tr data-service=${String(s.serviceId)}><td>${serviceLabel(byId.get(s.serviceId ?? 0), s.serviceId ?? 0, lang)}</td>${COLUMNS.map((c) => html`<td class="n" data-figure=${c.key.slice(4)}>${c.cell(s, digits, lang)}</td>`)}</tr>`,
                    )}
                  </tbody>
                  <tfoot>
                    <tr data-service="total"><td>${t('apf.total')}</td>${COLUMNS.map((c) => html`<td class="n" data-figure=${c.key.slice(4)}>${c.cell(f.total, digits, lang)}</td>`)}</tr>
                  </tfoot>
                </table>`,
              )}
              <p class="muted">${t('apf.note', { minutes: ON_TIME_MINUTES })}</p>`
        }
      </section>
      <section class="card" data-section="origin-waits">
        <h2>${t('apf.waits.title')}</h2>
        ${f.waits.length === 0 ? html`<p class="muted" data-empty>${t('apf.waits.none')}</p>` : originWaitsTable(f, this.services, lang, digits, t('apf.waits.title'))}
        <p class="muted">${t('apf.waits.note')}</p>
      </section>
`
  }

  private async csv(): Promise<void> {
    const { from, to } = this
    await this.api
      ?.download(`/stats/appointments.csv?from=${from}&to=${to}&lang=${this.lang}`, `tabour-appointments-${from}-${to}.csv`)
      .catch((err: Error) => (this.error = err.message))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-appointment-figures': AppointmentFiguresCard
  }
}
