/** The hub page's look, shared by its components (each has its own shadow root). */
import { css } from 'lit'

export const hubStyles = css`

      :host {
        --tabour-text-base: 1rem;
        --tabour-text-large: 1.5rem;
      }
      header h1 {
        margin: 0;
        font-size: var(--tabour-text-large);
      }
      .range {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tabour-space-1);
        align-items: end;
        padding: var(--tabour-space-2) var(--tabour-space-3);
        background: var(--tabour-surface);
      }
      .chosen-range {
        align-self: center;
        font-weight: 700;
      }
      /* every form of the page (range, sign-in, analysis, bundles): a label above its field */
      label {
        display: flex;
        flex-direction: column;
        font-weight: 700;
      }
      label.inline {
        flex-direction: row;
        gap: 0.4rem;
        align-items: center;
        font-weight: 400;
      }
      input,
      select,
      textarea,
      button,
      .csv {
        font: inherit;
        padding: 0.3rem 0.8rem;
        border: 2px solid var(--tabour-border);
        border-radius: 8px;
        background: var(--tabour-bg);
        color: var(--tabour-fg);
        text-decoration: none;
      }
      button.primary {
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
      }
      main {
        padding: var(--tabour-space-2) var(--tabour-space-3);
        display: grid;
        gap: var(--tabour-space-3);
      }
      .kpis {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: var(--tabour-space-2);
      }
      .kpi {
        padding: var(--tabour-space-2);
        border-inline-start: 8px solid var(--tabour-primary);
        background: var(--tabour-surface);
      }
      .kpi.alert {
        border-inline-start-color: var(--tabour-danger);
      }
      .kpi .v {
        font-size: 2rem;
        font-weight: 700;
      }
      section h2 {
        display: flex;
        justify-content: space-between;
        align-items: center;
        margin: 0 0 var(--tabour-space-1);
        font-size: 1.25rem;
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      th,
      td {
        padding: 0.35rem 0.6rem;
        border-block-end: 1px solid #c9d1db;
        text-align: start;
      }
      th button {
        border: none;
        padding: 0;
        background: none;
        font-weight: 700;
        cursor: pointer;
      }
      th.n,
      td.n {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      tr.offline td {
        background: #fdecee;
      }
      .badge {
        display: inline-block;
        /* one line: «غير متصل» broke in two in a narrow Arabic column at 1366×768 (walk of 2026-12-05) */
        white-space: nowrap;
        padding: 0 0.5rem;
        border-radius: 999px;
        font-weight: 700;
        background: #d8f0dd;
      }
      .badge.off {
        background: var(--tabour-danger);
        color: #fff;
      }
      /* not answered yet: neither good (green) nor bad (red) */
      .badge.waiting {
        background: #e6e9ee;
      }
      caption.sorted-by {
        caption-side: top;
        text-align: start;
        color: #3d4752;
        padding-block-end: 0.25rem;
      }
      td.no-data {
        color: #4a5568;
        text-align: center;
      }
      .error {
        color: var(--tabour-danger);
        font-weight: 700;
      }
      svg text {
        font-family: var(--tabour-font-family);
        font-size: 12px;
      }
      header .tools {
        display: flex;
        gap: var(--tabour-space-1);
        align-items: center;
      }
      .sign-in {
        display: grid;
        gap: var(--tabour-space-2);
        /* a fixed width: sized by their content, the token form (a longer help line) was wider than the analyst's */
        box-sizing: border-box;
        inline-size: min(32rem, 100%);
        margin: var(--tabour-space-3) auto;
        padding: var(--tabour-space-3);
        background: var(--tabour-surface);
        border-inline-start: 8px solid var(--tabour-primary);
      }
      .sign-in h2 {
        margin: 0;
        font-size: 1.25rem;
      }
      .sign-in input {
        direction: ltr;
      }
      nav.tabs {
        display: flex;
        gap: var(--tabour-space-1);
        padding: var(--tabour-space-1) var(--tabour-space-3) 0;
      }
      nav.tabs button[aria-pressed='true'] {
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
      }
      svg.chart {
        inline-size: 100%;
        max-inline-size: 52rem;
        direction: ltr;
      }
      .tag {
        display: block;
        font-size: 0.85rem;
        color: #5a4500;
      }
      ul.alerts {
        margin: 0;
        padding-inline-start: 1.2rem;
      }
      ul.alerts li {
        font-weight: 700;
      }
      .muted {
        color: #3d4752;
      }
      /* a bundle refusal's code and the center's own words, on their own line under the page's sentence */
      small[data-center-words] {
        display: block;
      }
`
