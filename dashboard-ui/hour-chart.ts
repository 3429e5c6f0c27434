/**
 * `<tabour-hour-chart>`: a line chart over the 24 local hours, drawn with uPlot inside the
 * shadow root (its stylesheet inlined there). Properties in: `series` (label, 24 values,
 * colour, dashed), `height`. Redrawn when the series change or the element is resized; the
 * uPlot instance and the observer are released on disconnect.
 */
import { LitElement, css, html, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import uPlot from 'uplot'
import uplotCss from 'uplot/dist/uPlot.min.css?inline'

export interface ChartSeries {
  label: string
  values: (number | null)[]
  color: string
  dash?: boolean
  fill?: boolean
}

const HOURS = Array.from({ length: 24 }, (_, h) => h)

@customElement('tabour-hour-chart')
export class HourChart extends LitElement {
  static override styles = [
    unsafeCSS(uplotCss),
    css`
      :host {
        display: block;
        min-inline-size: 0;
      }
      .u-legend {
        font-size: 0.85rem;
      }

      .plot {
        direction: ltr;
      }
    `,
  ]

  @property({ attribute: false }) series: ChartSeries[] = []
  @property({ type: Number }) height = 220
  /** First and last hour shown (the center's opening hours); default 6–22. */
  @property({ attribute: false }) range: [number, number] = [6, 22]

  private plot: uPlot | null = null
  private observer: ResizeObserver | null = null

  override render(): TemplateResult {
    return html`<div class="plot" data-chart></div>`
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.observer = new ResizeObserver(() => this.draw())
    this.observer.observe(this)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.observer?.disconnect()
    this.plot?.destroy()
    this.plot = null
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('series') || changed.has('height')) this.draw()
  }

  private draw(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('[data-chart]')
    const width = Math.floor(this.clientWidth)
    if (!target || width < 50) return
    const [lo, hi] = this.range
    const xs = HOURS.filter((h) => h >= lo && h <= hi)
    const data: uPlot.AlignedData = [xs, ...this.series.map((s) => xs.map((h) => s.values[h] ?? null))]
    this.plot?.destroy()
    this.plot = new uPlot(
      {
        width,
        height: this.height,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [
          { values: (_u, ticks) => ticks.map((h) => `${String(h).padStart(2, '0')}:00`), grid: { stroke: '#e3e8ef' } },
          { grid: { stroke: '#e3e8ef' }, size: 50, values: (_u, ticks) => ticks.map((v) => String(Math.round(v * 10) / 10)) },
        ],
        series: [
          { label: '' },
          ...this.series.map((s) => ({
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
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hour-chart': HourChart
  }
}
