/** The printable reports' look (print-report.ts): an A4 sheet on screen, the bare page on paper. */
import { css } from 'lit'
import { deskStyles } from './dashboard-styles.ts'

export const printReportStyles = [
  ...deskStyles,
  css`
    :host {
      display: block;
      color: #111;
    }
    .sheet {
      box-sizing: border-box;
      inline-size: 210mm;
      max-inline-size: 100%;
      min-block-size: 297mm;
      margin-inline: auto;
      padding: 12mm 11mm;
      background: #fff;
      box-shadow: 0 2px 10px rgb(16 24 40 / 18%);
      font-size: 9.5pt;
      line-height: 1.35;
    }
    h2.report-title {
      margin: 0;
      font-size: 15pt;
      color: var(--tabour-primary);
    }
    h3 {
      margin-block: 4mm 1.5mm;
      font-size: 11pt;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: end;
      gap: 4mm;
      border-block-end: 2px solid var(--tabour-primary);
      padding-block-end: 2mm;
    }
    .head p {
      margin: 0;
    }
    /* a footnote under a table: what its total counts that its rows do not */
    .note {
      margin-block: 1mm 0;
      font-size: 8.5pt;
    }
    .kpis {
      display: grid;
      grid-template-columns: repeat(6, 1fr);
      gap: 1.5mm;
    }
    .kpi {
      border: 1px solid var(--line);
      border-radius: 4px;
      padding: 1.2mm 2mm;
    }
    .kpi .label {
      display: block;
      font-size: 7.5pt;
      color: #3d4654;
    }
    .kpi .value {
      font-size: 12pt;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding-block: 0.6mm;
      padding-inline: 1.2mm;
      font-size: 8.5pt;
      white-space: normal;
    }
    th {
      color: #3d4654;
    }
    tbody th,
    tfoot th {
      background: none;
      color: inherit;
    }
    tfoot th {
      border-block-start: 2px solid var(--tabour-fg);
    }
    .chart {
      direction: ltr;
      inline-size: 100%;
      block-size: auto;
    }
    .chart text {
      font-size: 9px;
      fill: #1d2430;
    }
    .chart .issued {
      fill: var(--tabour-primary);
    }
    .chart .served {
      fill: #2f7d4f;
    }
    .legend {
      display: flex;
      gap: 4mm;
      font-size: 8pt;
    }
    .swatch {
      display: inline-block;
      inline-size: 3mm;
      block-size: 3mm;
      margin-inline-end: 1mm;
      vertical-align: middle;
    }
    .swatch.issued {
      background: var(--tabour-primary);
    }
    .swatch.served {
      background: #2f7d4f;
    }
    .sign {
      margin-block-start: 8mm;
      display: flex;
      justify-content: flex-end;
    }
    .sign span {
      border-block-start: 1px solid #111;
      padding-block-start: 1mm;
      min-inline-size: 60mm;
      text-align: center;
    }
    @media print {
      .sheet {
        inline-size: auto;
        min-block-size: 0;
        padding: 0;
        box-shadow: none;
      }
      table,
      .kpis,
      svg {
        break-inside: avoid;
      }
    }
  `,
]
