/**
 * `<tabour-hub-trend>`: a figure's trend (GET /api/hub/v1/analysis/trend) drawn with uPlot, this
 * period as a line and the period before as a dashed one, point by point on the same days moved
 * back; below it the same numbers as a table (the chart's text alternative, and what a screen
 * reader reads). Properties in: `trend`, `figure`, `language`. The uPlot instance and its resize
 * observer are released on disconnect.
 */
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type uPlot from 'uplot'
import uplotCss from 'uplot/dist/uPlot.min.css?inline'
import { UplotController } from '../../ui-common/uplot-controller.ts'
import { uplotLegendStyles } from '../../ui-common/uplot-legend-styles.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import type { TrendAnswer, TrendGrain, TrendPoint } from '../../protocol/hub-analysis.ts'
import { analysisText, type AnalysisMessageKey } from '../../protocol/messages/hub-analysis.ts'
import { themeStyles } from '../../ui-common/theme.ts'
import { WHOLE_STEPS } from '../../ui-common/whole-steps.ts'
import {
  type AnalysisFigure,
  axisTick,
  COUNT_FIGURES,
  changeKey,
  figureLabel,
  FIGURE_LABEL_VALUES,
  figureValue,
  formatFigure,
} from './analysis-figures.ts'
import { centersNoteText, changeText, dayText, periodText } from './analysis-format.ts'
import { hubFormat, hubDigits } from './hub-format.ts'
import { hubStyles } from './hub-styles.ts'
import { daysInMonth } from '../../protocol/calendar.ts'

/** How many days a whole point of `grain` has: a cut week or month at the range's edge has fewer. */
const fullDays = (key: string, grain: TrendGrain) => (grain === 'week' ? 7 : grain === 'month' ? daysInMonth(key) : 1)
/** A point drawn on the line: a whole day, week or month, and over (not today so far). */
const isWhole = (p: TrendPoint, grain: TrendGrain) => !p.running && p.days >= fullDays(p.key, grain)

const CURRENT = '#003a70'
const PREVIOUS = '#8a5a00'

@customElement('tabour-hub-trend')
export class HubTrend extends LitElement {
  static override styles = [
    themeStyles,
    hubStyles,
    unsafeCSS(uplotCss),
    // the legend as the center's charts': «هذه الفترة» first, at the right, on the Arabic page (it read left to right)
    uplotLegendStyles,
    css`
      :host {
        display: block;
        min-inline-size: 0;
      }
      /* the weeks run left to right on both pages, as the center's hour charts' hours do
         (dashboard-ui/hour-chart.ts): a time axis, not a line of text */
      .plot {
        direction: ltr;
        min-block-size: 240px;
      }
      .totals {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tabour-space-2);
        margin: 0 0 var(--tabour-space-1);
      }
      .note {
        color: #4a5568;
        margin: 0;
      }
    `,
  ]

  @property({ attribute: false }) trend: TrendAnswer | null = null
  @property() figure: AnalysisFigure = 'issued'
  @property() language: Lang = 'ar'
  /** What the figures cover (all governorates, a governorate, a center, a service at a center), in the page's language. */
  @property() scope = ''

  private readonly chart = new UplotController(this, () => this.draw())

  private t(key: AnalysisMessageKey, values?: Record<string, string | number>): string {
    return analysisText(key, this.language, values, hubDigits(this.language))
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('trend') || changed.has('figure') || changed.has('language')) this.draw()
  }

  private draw(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('[data-chart]')
    const width = Math.floor(target?.clientWidth ?? 0)
    const d = this.trend
    this.chart.clear()
    if (!target || !d || width < 50) return
    const f = hubFormat(this.language)
    const xs = d.points.map((_, i) => i)
    // a period nothing was reported in is a gap, not a 0; a cut week or month, or today so far, is a
    // point of its own off the line: on it, the range's edge read as a rise (walk of 2026-12-06)
    const whole = d.points.map((p) => isWhole(p, d.grain))
    const value = (p: TrendPoint) => (p.reported ? figureValue(this.figure, p.figures) : null)
    const now = d.points.map((p, i) => (whole[i] ? value(p) : null))
    const partial = d.points.map((p, i) => (whole[i] ? null : value(p)))
    const before = d.points.map((p, i) => (whole[i] && p.previous && p.previousReported ? figureValue(this.figure, p.previous) : null))
    const labels = d.points.map((p) => periodText(p.key, d.grain, this.language, true))
    const counts = COUNT_FIGURES.has(this.figure)
    const series: uPlot.Series[] = [
      {},
      { label: this.t('current'), stroke: CURRENT, width: 3, points: { show: d.points.length <= 60, size: 6 }, spanGaps: false },
    ]
    const data: uPlot.AlignedData = [xs, now]
    if (partial.some((v) => v !== null)) {
      series.push({
        label: this.t('partialPoint'),
        stroke: CURRENT,
        fill: undefined,
        paths: () => null,
        points: { show: true, size: 9, fill: '#ffffff', width: 2 },
      })
      data.push(partial)
    }
    if (d.previous) {
      series.push({ label: this.t('previous'), stroke: PREVIOUS, width: 2, dash: [6, 4], points: { show: false }, spanGaps: false })
      data.push(before)
    }
    this.chart.show(
      {
        width,
        height: 240,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        // half a step of room at each end: a single point sits in the middle, the end labels are not cut
        scales: {
          x: { time: false, range: () => [-0.5, d.points.length - 0.5] },
          y: { range: (_u, _lo, hi) => [0, hi > 0 ? hi * 1.1 : 1] },
        },
        axes: [
          {
            incrs: [1, 2, 5, 7, 14, 30, 60, 90],
            values: (_u, ticks) => ticks.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')),
            grid: { stroke: '#e3e8ef' },
          },
          {
            size: 60,
            grid: { stroke: '#e3e8ef' },
            // a count's gridlines at whole numbers: at 2.5 and 7.5 they were labelled "3" and "8" (walk 2026-12-05)
            ...(counts ? { incrs: [...WHOLE_STEPS] } : {}),
            values: (_u, ticks) => ticks.map((v) => axisTick(this.figure, v, f)),
          },
        ],
        series,
      },
      data,
      target,
    )
  }

  /** How far back each point's pair lies: whole weeks by day and week (a Friday beside a Friday), the range's length by month. */
  private shiftNote(shiftDays: number, grain: TrendGrain): string {
    return grain !== 'month' && shiftDays % 7 === 0
      ? this.t('sameWeekdaysNote', { weeks: shiftDays / 7 })
      : this.t('sameDaysNote', { days: shiftDays })
  }

  override render(): TemplateResult | typeof nothing {
    const d = this.trend
    if (!d) return nothing
    const f = hubFormat(this.language)
    const fig = this.figure
    const range = (from: string, to: string) => ({ from: dayText(from, this.language), to: dayText(to, this.language) })
    const totalNow = figureValue(fig, d.totals)
    const totalBefore = d.previousTotals ? figureValue(fig, d.previousTotals) : null
    const noData = this.t('noData')
    // the period's days as the hub counted them, point by point: no calendar arithmetic in the page
    const days = d.points.reduce((n, p) => n + p.days, 0)
    return html`<section data-trend aria-labelledby="trend-title">
      <h2 id="trend-title">${this.t('trendTitle', { figure: this.t(figureLabel(fig), FIGURE_LABEL_VALUES), scope: this.scope })}</h2>
      <p class="totals">
        <span data-total="current">${this.t('thisPeriod', range(d.from, d.to))}: <strong>${formatFigure(fig, totalNow, f)}</strong></span>
        ${
          d.previous
            ? html`<span data-total="previous">${this.t('previousPeriod', range(d.previous.from, d.previous.to))}: <strong>${d.previousReported ? formatFigure(fig, totalBefore, f) : noData}</strong></span>
              <span data-total="change" data-compared-days=${d.comparedDays}>${this.t('change')}: <strong>${changeText(fig, null, null, this.language, d.change?.[changeKey[fig]] ?? null)}</strong>${
                d.change && d.comparedDays < days
                  ? html` <span class="tag">${this.t('comparedDays', { days: d.comparedDays })}</span>`
                  : nothing
              }</span>`
            : nothing
        }
      </p>
      ${d.centers && (d.centers.onlyNow > 0 || d.centers.onlyBefore > 0) ? html`<p class="note" data-note="centers">${centersNoteText(d.centers, this.language)}</p>` : nothing}
      <div class="plot" data-chart aria-hidden="true"></div>
      ${d.previous ? html`<p class="note" data-note="shift">${this.shiftNote(d.previous.shiftDays, d.grain)}</p>` : nothing}
      ${d.previous && d.points.some((p) => p.running) ? html`<p class="note" data-note="running">${this.t('runningNote')}</p>` : nothing}
      <table data-table="trend">
        <caption class="visually-hidden">${this.t('trendTitle', { figure: this.t(figureLabel(fig), FIGURE_LABEL_VALUES), scope: this.scope })}</caption>
        <thead><tr><th scope="col">${this.t('period')}</th><th scope="col" class="n">${this.t('current')}</th>${
          d.previous
            ? html`<th scope="col" class="n">${this.t('previous')}</th><th scope="col" class="n">${this.t('change')}</th>`
            : nothing
        }</tr></thead>
        <tbody>${d.points.map((p) => {
          const cut = p.days < fullDays(p.key, d.grain)
          return html`<tr data-point=${p.key} ?data-running=${p.running}>
            <th scope="row">${periodText(p.key, d.grain, this.language)}${cut ? html` <span class="tag">${this.t('partialPeriod', { days: p.days })}</span>` : nothing}${
              p.running
                ? html` <span class="tag" data-tag="running">${this.t(d.grain === 'day' ? 'runningDay' : 'runningPeriod')}</span>`
                : nothing
            }</th>
            <td class="n" data-col="current">${p.reported ? formatFigure(fig, figureValue(fig, p.figures), f) : noData}</td>
            ${
              p.previous
                ? html`<td class="n" data-col="previous">${p.previousReported ? formatFigure(fig, figureValue(fig, p.previous), f) : noData}</td>
                  <td class="n" data-col="change" data-compared-days=${p.comparedDays}>${changeText(fig, null, null, this.language, p.change?.[changeKey[fig]] ?? null)}${
                    p.change && p.comparedDays < p.days
                      ? html` <span class="tag">${this.t('comparedDays', { days: p.comparedDays })}</span>`
                      : nothing
                  }</td>`
                : nothing
            }
          </tr>`
        })}</tbody>
      </table>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-trend': HubTrend
  }
}
