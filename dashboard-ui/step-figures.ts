/**
 * `<tabour-step-figures>`: under the reports' table, the visits with several steps of the same
 * range (issue 21, GET /stats/steps): per route, each step's calls, waits and within-target share
 * (the SLA is per step), and the whole visits' time. Shows nothing when no visit passed a step.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { RouteFigures, StepFigures } from '../protocol/visit-steps.ts'
import { visitStepsText } from '../protocol/messages/visit-steps.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { duration, num, percent } from './format.ts'
import { nameIn } from '../protocol/name-in-language.ts'

@customElement('tabour-step-figures')
export class StepFiguresView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1rem;
      }
      dl.figures {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin: 0 0 0.75rem;
      }
      dt {
        font-size: 0.85rem;
      }
      dd {
        margin: 0;
        font-size: 1.2rem;
        font-weight: 700;
      }
    `,
  ]

  @property({ attribute: false }) api: DashboardApi | null = null
  /** The range (YYYY-MM-DD) of the report shown above. */
  @property() from = ''
  @property() to = ''
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @state() private figures: StepFigures | null = null
  @state() private names = new Map<number, { nameAr: string; nameEn: string }>()

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('from') || changed.has('to') || changed.has('api')) && this.api && this.from && this.to) void this.load()
  }

  private async load(): Promise<void> {
    const api = this.api!
    try {
      const [figures, services] = await Promise.all([api.stepFigures(this.from, this.to), api.services()])
      this.names = new Map(services.map((s) => [s.id, s]))
      this.figures = figures
    } catch {
      // the report above says when the center cannot be reached; these figures are only missing
      this.figures = null
    }
  }

  private serviceName(id: number): string {
    const s = this.names.get(id)
    return s ? nameIn(s, this.lang) : `#${id}`
  }

  override render(): TemplateResult | typeof nothing {
    const f = this.figures
    if (!f || f.routes.length === 0) return nothing
    const t = (k: Parameters<typeof visitStepsText>[0], v?: Record<string, string>) => visitStepsText(k, this.lang, v)
    return html`<section class="card" data-section="step-figures">
      <h2>${t('steps.title')}</h2>
      <p class="muted">${t('steps.hint')}</p>
      ${f.routes.map((r) => this.route(r))}
    </section>`
  }

  private route(r: RouteFigures): TemplateResult {
    const { lang, digits } = this
    const t = (k: Parameters<typeof visitStepsText>[0], v?: Record<string, string>) => visitStepsText(k, lang, v)
    const title = t('steps.route', { service: this.serviceName(r.serviceId) })
    const totals: [Parameters<typeof visitStepsText>[0], string][] = [
      ['steps.visits', num(r.visits, digits)],
      ['steps.completed', num(r.completed, digits)],
      ['steps.avgVisit', duration(r.meanVisitSeconds, digits)],
      ['steps.maxVisit', duration(r.maxVisitSeconds, digits)],
      ['steps.avgTotalWait', duration(r.meanTotalWaitSeconds, digits)],
      ['steps.visitWithin', percent(r.visitWithinTargetsPercent, digits, lang)],
    ]
    return html`<h3>${title}</h3>
      <dl class="figures" data-route=${r.serviceId}>
        ${totals.map(([k, v]) => html`<div><dt>${t(k)}</dt><dd data-figure=${k}>${v}</dd></div>`)}
      </dl>
      ${tableScroll(
        title,
        html`<table data-steps=${r.serviceId}>
          <thead>
            <tr>
              <th>${t('steps.col.step')}</th>
              <th>${t('steps.col.service')}</th>
              <th class="n">${t('steps.col.calls')}</th>
              <th class="n">${t('steps.col.avgWait')}</th>
              <th class="n">${t('steps.col.maxWait')}</th>
              <th class="n">${t('steps.col.sla')}</th>
            </tr>
          </thead>
          <tbody>
            ${r.steps.map(
              (s) => html`<tr data-step=${s.step}>
                <td>${num(s.step, digits)}</td>
                <td>${this.serviceName(s.serviceId)}</td>
                <td class="n">${num(s.calls, digits)}</td>
                <td class="n">${duration(s.meanWaitSeconds, digits)}</td>
                <td class="n">${duration(s.maxWaitSeconds, digits)}</td>
                <td class="n">${percent(s.withinTargetPercent, digits, lang)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
      )}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-step-figures': StepFiguresView
  }
}
