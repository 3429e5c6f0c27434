import { css } from 'lit'

/**
 * A uPlot legend as the charts' pages want it (the center's hour charts, the hub's trend): each
 * item its colour box and its label side by side, a long label wrapping beside its box, never
 * under it (at 1366 the box stood alone on one line and its label on the next: walk 2026-12-06),
 * the box a gap from its label on either side; and, the plot being drawn left to right (time runs
 * that way on both screens), the legend is text: on an Arabic page it starts at the right like
 * every other line (the hub's trend read «الفترة السابقة» first, its boxes touching their labels).
 */
export const uplotLegendStyles = css`
  .u-legend .u-series {
    max-inline-size: 100%;
  }
  .u-legend .u-series > th {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-inline-size: 100%;
    text-align: start;
  }
  .u-legend .u-series > th > .u-marker {
    flex: none;
    margin: 0;
  }
  .u-legend .u-series > th > .u-label {
    display: inline;
    min-inline-size: 0;
  }
  :host(:dir(rtl)) .u-legend {
    direction: rtl;
  }
`
