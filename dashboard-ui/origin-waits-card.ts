/**
 * `<tabour-origin-waits-card>`: the live view's waits of today by origin (issue 19): walk-in,
 * appointment and from a phone side by side per service (GET /stats/appointments for today,
 * read again with the live figures above it, and when the dashboard's clock passes a minute:
 * read once a minute only, it lagged the waits above by up to a minute, walk 2026-12-05).
 */
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { AppointmentFigures } from '../protocol/appointment-figures.ts'
import { appointmentFigureText } from '../protocol/messages/appointment-figures.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles } from './dashboard-styles.ts'
import { AnswerOrder } from './answer-order.ts'
import { dayIn } from './format.ts'
import { originWaitsStyles, originWaitsTable, type ServiceName } from './origin-waits-table.ts'
import { minutePassed } from './minute-passed.ts'

@customElement('tabour-origin-waits-card')
export class OriginWaitsCard extends LitElement {
  static override styles = [...deskStyles, originWaitsStyles]

  @property({ attribute: false }) api: DashboardApi | null = null
  @property({ attribute: false }) services: readonly ServiceName[] = []
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @property() timeZone = 'Africa/Cairo'
  /** The dashboard's clock (epoch ms): the figures are read again when the minute changes. */
  @property({ type: Number }) now = 0
  /** The session's count of live refreshes (DashboardSession.revision): a new one reads the figures again. */
  @property({ type: Number }) revision = 0
  @state() private figures: AppointmentFigures | null = null

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('revision') || minutePassed(changed, this.now)) void this.load()
  }

  /** Overlapping reads (a refresh and a minute at once): only the last one asked may show. */
  private readonly order = new AnswerOrder()

  private async load(): Promise<void> {
    if (!this.api || !this.now) return
    const today = dayIn(this.now, this.timeZone)
    const ticket = this.order.ask()
    try {
      const figures = await this.api.appointmentFigures(today, today)
      if (this.order.show(ticket)) this.figures = figures
    } catch {
      // the live view's banner says when the center is unreachable; the last figures stay
    }
  }

  override render(): TemplateResult {
    const { lang, digits } = this
    const t = (k: Parameters<typeof appointmentFigureText>[0]) => appointmentFigureText(k, lang)
    const f = this.figures
    return html`<section class="card" data-section="origin-waits-today">
      <h2>${t('apf.waits.today')}</h2>
      ${!f ? html`` : f.waits.length === 0 ? html`<p class="muted" data-empty>${t('apf.waits.none')}</p>` : originWaitsTable(f, this.services, lang, digits, t('apf.waits.today'))}
      <p class="muted">${t('apf.waits.note')}</p>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-origin-waits-card': OriginWaitsCard
  }
}
