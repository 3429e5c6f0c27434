/**
 * `<tabour-feedback-report>`: the citizens' ratings of a range of days in the reports view
 * (issue 21): the total, then count, average of 5, low ratings and every reason given with them,
 * by service, by counter, by clerk and by the local hour the rating was given
 * (GET /feedback/report, the same figures the API answers). It loads again when the range changes.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { LOW_SCORE_MAX, MAX_SCORE, type FeedbackFigure, type FeedbackReport } from '../protocol/feedback.ts'
import { dashboardText } from '../protocol/messages/dashboard.ts'
import { feedbackText } from '../protocol/messages/feedback.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { num, percent } from './format.ts'
import { hourTick } from './chart-axes.ts'
import { counterText } from './counter-name.ts'
import { feedbackSummary, reasonsGiven } from './feedback-card.ts'
import { nameIn } from '../protocol/name-in-language.ts'

type Grouping = 'service' | 'counter' | 'clerk' | 'hour'
interface Row {
  key: string
  label: string
  figure: FeedbackFigure
}

@customElement('tabour-feedback-report')
export class FeedbackReportView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      .summary {
        margin: 0 0 0.5rem;
        font-size: 1.1rem;
        font-weight: 600;
      }
      h3 {
        margin: 1rem 0 0.4rem;
        font-size: 1rem;
      }
    `,
  ]

  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  /** The range (YYYY-MM-DD, inclusive), the reports view's. */
  @property() from = ''
  @property() to = ''
  @state() private report: FeedbackReport | null = null
  @state() private failed = false

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('from') || changed.has('to') || changed.has('api')) && this.api && this.from && this.to) void this.load(this.api)
  }

  private async load(api: DashboardApi): Promise<void> {
    const [from, to] = [this.from, this.to]
    try {
      const r = await api.send<FeedbackReport>(`/feedback/report?from=${from}&to=${to}`)
      if (from !== this.from || to !== this.to) return // a newer range was asked for meanwhile
      this.report = r
      this.failed = false
    } catch {
      this.failed = true
    }
  }

  override render(): TemplateResult {
    const { lang, digits } = this
    const r = this.report
    const body = this.failed
      ? html`<p class="error" role="alert">${feedbackText('feedback.report.failed', lang)}</p>`
      : !r
        ? nothing
        : r.total.count === 0
          ? html`<p class="muted" data-feedback-none>${feedbackText('feedback.report.none', lang)}</p>`
          : html`<p class="summary" data-feedback-total data-count=${r.total.count} data-average=${r.total.average ?? ''}>
                ${feedbackText(
                  'feedback.card.summary',
                  lang,
                  {
                    count: r.total.count,
                    average: num(r.total.average, digits, 2),
                    lowPercent: percent((r.total.lowShare ?? 0) * 100, digits, lang),
                    max: num(MAX_SCORE, digits),
                  },
                  digits,
                )}
              </p>
              <p class="muted">${feedbackText('feedback.report.hint', lang, { low: num(LOW_SCORE_MAX, digits) })}</p>
              ${this.table('service', r, lang)} ${this.table('counter', r, lang)} ${this.table('clerk', r, lang)}
              ${this.table('hour', r, lang)}`
    return html`<section class="card" data-card="feedback-report" aria-labelledby="feedback-report-title">
      <h2 id="feedback-report-title">${feedbackText('feedback.report.title', lang)}</h2>
      ${body}
    </section>`
  }

  private rows(by: Grouping, r: FeedbackReport, lang: Lang): Row[] {
    // as the page writes a time ("3:00 PM" / «٣:٠٠ م»), as the hour charts' axis does
    const hour = (h: number) => hourTick(h, lang, this.digits)
    switch (by) {
      case 'service':
        return r.byService.map((s) => ({ key: String(s.serviceId), label: nameIn(s, lang), figure: s }))
      case 'counter':
        return r.byCounter.map((c) => ({ key: String(c.counterId), label: counterText(c, lang, this.digits), figure: c }))
      case 'clerk':
        return r.byClerk.map((c) => ({ key: String(c.clerkId), label: c.username, figure: c }))
      case 'hour':
        return r.byHour.map((h) => ({ key: String(h.hour), label: hour(h.hour), figure: h }))
    }
  }

  private table(by: Grouping, r: FeedbackReport, lang: Lang): TemplateResult {
    const digits = this.digits
    const title = dashboardText(`by.${by}`, lang)
    const cells = (f: FeedbackFigure) =>
      html`<td class="n" data-col="count">${num(f.count, digits)}</td>
        <td class="n" data-col="average">${num(f.average, digits, 2)}</td>
        <td class="n" data-col="low">${num(f.low, digits)} (${percent(f.lowShare === null ? null : f.lowShare * 100, digits, lang)})</td>
        <td data-col="reasons">${reasonsGiven(f, lang, digits)}</td>`
    return html`<h3 id=${`feedback-by-${by}`}>${title}</h3>
      ${tableScroll(
        `${feedbackText('feedback.report.title', lang)} · ${title}`,
        html`<table data-feedback-by=${by} aria-labelledby=${`feedback-by-${by}`}>
          <thead>
            <tr>
              <th>${title}</th>
              <th class="n">${feedbackText('feedback.col.count', lang)}</th>
              <th class="n">${feedbackText('feedback.col.average', lang, { max: num(MAX_SCORE, digits) })}</th>
              <th class="n">${feedbackText('feedback.col.low', lang, { low: num(LOW_SCORE_MAX, digits) })}</th>
              <th>${feedbackText('feedback.col.reasonsGiven', lang)}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rows(by, r, lang).map((row) => html`<tr data-key=${row.key}><td>${row.label}</td>${cells(row.figure)}</tr>`)}
          </tbody>
          <tfoot>
            <tr data-key="total"><td>${dashboardText('col.total', lang)}</td>${cells(r.total)}</tr>
          </tfoot>
        </table>`,
      )}`
  }
}

/**
 * `<tabour-feedback-line>`: the day's ratings in one sentence for the printable daily report
 * (print-report.ts), nothing when there was no rating (the sheet stays as it was).
 */
@customElement('tabour-feedback-line')
export class FeedbackLine extends LitElement {
  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @property() day = ''
  @state() private total: FeedbackFigure | null = null

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('day') || changed.has('api')) && this.api && this.day)
      void this.api
        .send<FeedbackReport>(`/feedback/report?from=${this.day}&to=${this.day}`)
        .then((r) => (this.total = r.total))
        .catch(() => (this.total = null))
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.total
    if (!t || t.count === 0) return nothing
    const { lang, digits } = this
    return html`<p data-print-ratings=${t.count}>
      ${feedbackText('feedback.report.title', lang)}: ${feedbackSummary(t, lang, digits)}
    </p>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-feedback-report': FeedbackReportView
    'tabour-feedback-line': FeedbackLine
  }
}
