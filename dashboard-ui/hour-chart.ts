/**
 * `<tabour-hour-chart>`: a line chart over the 24 local hours, drawn with uPlot inside the
 * shadow root (its stylesheet inlined there). Properties in: `series` (label, 24 values,
 * colour, dashed), `height`, `empty` and `emptyText` (said instead of the chart while there is
 * nothing to draw), `digits` and `lang` (the screen's). Axes show whole hours as the page writes a time
 * ("3:00 PM") and whole values, in those digits
 * (chart-axes.ts); the ticks drawn are mirrored
 * in `data-x-ticks` / `data-y-ticks` because uPlot paints them on a canvas. Redrawn when the
 * series change or the element is resized; the uPlot instance and the observer are released on
 * disconnect.
 */
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type uPlot from 'uplot'
import uplotCss from 'uplot/dist/uPlot.min.css?inline'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../protocol/messages/format.ts'
import { UplotController } from '../ui-common/uplot-controller.ts'
import { uplotLegendStyles } from '../ui-common/uplot-legend-styles.ts'
import { HOUR_STEPS, WHOLE_STEPS, hourTick, nothingToDraw, shownHours, valueRange, wholeTick } from './chart-axes.ts'

export interface ChartSeries {
  label: string
  values: (number | null)[]
  color: string
  dash?: boolean
  fill?: boolean
}

const HOURS = Array.from({ length: 24 }, (_, h) => h)

/** Whether a series has a value to draw: one without (the earlier weeks of a center that has none) is neither drawn nor listed. */
export const drawsALine = (s: { values: readonly (number | null)[] }): boolean => s.values.some((v) => v !== null)

@customElement('tabour-hour-chart')
export class HourChart extends LitElement {
  static override styles = [
    unsafeCSS(uplotCss),
    uplotLegendStyles,
    css`
      :host {
        display: block;
        min-inline-size: 0;
      }
      .u-legend {
        font-size: 0.85rem;
      }
      /* the plot is drawn left to right (hours run that way on both screens); the legend is text (uplotLegendStyles) */
      .plot {
        direction: ltr;
      }
      /* as tall as a drawn chart (the default height; no style attribute: the pages' CSP refuses inline styles) */
      .empty {
        min-block-size: 220px;
        display: grid;
        place-items: center;
        color: #4a5568;
        font-size: 1rem;
      }
    `,
  ]

  @property({ attribute: false }) series: ChartSeries[] = []
  @property({ type: Number }) height = 220
  /** What the chart says while there is nothing to draw (e.g. "No tickets yet"). */
  @property() emptyText = ''
  /**
   * Whether there is nothing to draw, as the host knows from its counts; default (undefined): while
   * every value is 0 or missing, a count chart's rule. A chart of averages sets it: an average of 0 is a value.
   */
  @property({ attribute: false }) empty: boolean | undefined = undefined
  /** The digits of the axes' ticks: the screen's (the center's on the Arabic screen); default Western. */
  @property() digits: DigitStyle = 'western'
  /** The screen's language: the hours are written as its text writes a time ("3:00 PM" / «٣:٠٠ م»). */
  @property() override lang: Lang = 'ar'
  /** First and last hour shown (the center's opening hours); default 6–22. */
  @property({ attribute: false }) range: [number, number] = [6, 22]

  private readonly chart = new UplotController(this, () => this.draw())

  override render(): TemplateResult {
    if (this.empty ?? nothingToDraw(this.series)) {
      return html`<p class="empty" data-empty>${this.emptyText || nothing}</p>`
    }
    return html`<div class="plot" data-chart></div>`
  }

  protected override updated(changed: PropertyValues): void {
    if (
      changed.has('series') ||
      changed.has('height') ||
      changed.has('empty') ||
      changed.has('emptyText') ||
      changed.has('digits') ||
      changed.has('lang')
    )
      this.draw()
  }

  private draw(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('[data-chart]')
    const width = Math.floor(this.clientWidth)
    if (!target || width < 50) {
      if (!target) this.forget()
      return
    }
    // only what draws a line is drawn and listed: a series without a value (the earlier weeks of a
    // center that has none) had its legend entry and no line (walk 2026-12-06)
    const drawn = this.series.filter(drawsALine)
    const [lo, hi] = shownHours(this.range, drawn)
    const xs = HOURS.filter((h) => h >= lo && h <= hi)
    const data: uPlot.AlignedData = [xs, ...drawn.map((s) => xs.map((h) => s.values[h] ?? null))]
    const max = Math.max(0, ...drawn.flatMap((s) => s.values.filter((v): v is number => v !== null)))
    this.chart.show(
      {
        width,
        height: this.height,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: { range: () => valueRange(max) } },
        axes: [
          {
            incrs: HOUR_STEPS,
            // "10:00 AM" is wider than "10:00": room for it, so uPlot steps further rather than overlap labels (1366 px: 4-hour steps)
            space: 60,
            // from the first hour shown, whatever the step: uPlot's multiples of 4 started the narrower charts at
            // 8 AM beside a wider one's 6 AM, though all three begin at 6 (walk s54)
            splits: (_u, _axis, min, max, step) => {
              const out: number[] = []
              for (let h = Math.ceil(min); h <= max; h += step) out.push(h)
              return out
            },
            values: (_u, ticks) =>
              this.mirror(
                'x',
                ticks.map((h) => hourTick(h, this.lang, this.digits)),
              ),
            grid: { stroke: '#e3e8ef' },
          },
          {
            incrs: [...WHOLE_STEPS],
            grid: { stroke: '#e3e8ef' },
            size: 50,
            values: (_u, ticks) =>
              this.mirror(
                'y',
                ticks.map((v) => wholeTick(v, this.digits)),
              ),
          },
        ],
        series: [
          { label: '' },
          ...drawn.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.dash ? 2 : 3,
            dash: s.dash ? [6, 4] : undefined,
            fill: s.fill ? `${s.color}22` : undefined,
            points: { show: !s.dash, size: 6 },
            spanGaps: false,
          })),
        ],
      },
      data,
      target,
    )
  }

  /** Writes the ticks uPlot draws onto the element (tests and curious staff can read them). */
  private mirror(axis: 'x' | 'y', labels: string[]): string[] {
    this.setAttribute(`data-${axis}-ticks`, labels.filter((l) => l !== '').join(' '))
    return labels
  }

  private forget(): void {
    this.chart.clear()
    this.removeAttribute('data-x-ticks')
    this.removeAttribute('data-y-ticks')
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hour-chart': HourChart
  }
}
