/** The dashboard's look: the shared tokens at a desk scale (a 1920×1080 office screen), cards, tables, forms. */
import { css, html, type TemplateResult } from 'lit'
import { themeStyles } from '../ui-common/theme.ts'

export const deskStyles = [
  themeStyles,
  css`
    :host {
      font-size: 1rem;
      line-height: 1.5;
      --tabour-radius: 10px;
      --ok: #0f7b3f;
      /* 5.3:1 on the warn pill's #fff1de (#b25e00 was 4.2:1, under AA's 4.5 for its 0.85rem text) */
      --warn: #9a5200;
      --bad: #a4001d;
      --line: #d5dbe3;
      --soft: #f5f7fa;
    }
    h2 {
      margin: 0 0 0.6rem;
      font-size: 1.15rem;
      color: var(--tabour-primary);
    }
    .card {
      background: #fff;
      border: 1px solid var(--line);
      border-radius: var(--tabour-radius);
      padding: 0.9rem 1.1rem;
      box-shadow: 0 1px 2px rgb(16 24 40 / 6%);
      min-inline-size: 0;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding-block: 0.35rem;
      padding-inline: 0.5rem;
      text-align: start;
      border-block-end: 1px solid var(--line);
    }
    /*
     * names wrap between words, and a long one without spaces breaks where it would spill; figures
     * stay on one line. Not "anywhere": that lets a table squeeze a name column to a letter's width
     * ("Buildi|ng permi|ts" at 1366 px), where the table should grow and scroll in its card instead.
     */
    td {
      overflow-wrap: break-word;
    }
    td.n {
      white-space: nowrap;
    }
    /* a table scrolls inside its card, across and down, instead of spilling out of it (tableScroll) */
    .table-scroll {
      overflow: auto;
      max-block-size: var(--table-max-block, 32rem);
      overscroll-behavior: contain;
    }
    .table-scroll thead th {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
    }
    @media print {
      .table-scroll {
        overflow: visible;
        max-block-size: none;
      }
    }
    th {
      font-size: 0.85rem;
      color: var(--tabour-muted);
      font-weight: 600;
      background: var(--soft);
    }
    td.n,
    th.n {
      text-align: end;
    }
    tfoot td {
      font-weight: 700;
      border-block-start: 2px solid var(--tabour-fg);
    }
    /* a row's name as a row header (served-by-outcome.ts): read as a cell, not as a column head */
    tbody th[scope='row'],
    tfoot th[scope='row'] {
      font-size: inherit;
      color: inherit;
      font-weight: 400;
      background: none;
      overflow-wrap: break-word;
    }
    tfoot th[scope='row'] {
      font-weight: 700;
      border-block-start: 2px solid var(--tabour-fg);
    }
    .pill {
      display: inline-block;
      white-space: nowrap;
      overflow-wrap: normal;
      padding-inline: 0.6rem;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 600;
      background: var(--soft);
      border: 1px solid var(--line);
    }
    .pill[data-tone='ok'] {
      background: #e5f4ea;
      border-color: #a6d8b8;
      color: var(--ok);
    }
    .pill[data-tone='warn'] {
      background: #fff1de;
      border-color: #f3c98c;
      color: var(--warn);
    }
    .pill[data-tone='bad'] {
      background: #fbe4e8;
      border-color: #eba5b1;
      color: var(--bad);
    }
    button {
      font: inherit;
      font-weight: 600;
      padding-block: 0.4rem;
      padding-inline: 0.9rem;
      border-radius: 8px;
      border: 1px solid var(--tabour-primary);
      background: var(--tabour-primary);
      color: var(--tabour-on-primary);
      cursor: pointer;
    }
    button.secondary {
      background: #fff;
      color: var(--tabour-primary);
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    input,
    select,
    textarea {
      font: inherit;
      padding-block: 0.35rem;
      padding-inline: 0.5rem;
      border: 1px solid #8a94a3;
      border-radius: 6px;
      background: #fff;
      min-inline-size: 0;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      font-size: 0.85rem;
      color: var(--tabour-muted);
      font-weight: 600;
    }
    label.check {
      flex-direction: row;
      align-items: center;
      gap: 0.5rem;
    }
    /* a box of 24 CSS px at least, the whole label clickable around it (walk s48: the browser's 13 px box was a hard target) */
    label.check input[type='checkbox'] {
      inline-size: 24px;
      block-size: 24px;
      margin: 0;
      flex: none;
      accent-color: var(--tabour-primary);
    }
    .error {
      color: var(--bad);
      font-size: 0.85rem;
      font-weight: 600;
    }
    [aria-invalid='true'] {
      border-color: var(--bad);
      outline: 2px solid #f3b3bf;
    }
    .muted {
      color: var(--tabour-muted);
      font-size: 0.85rem;
    }
  `,
]

/**
 * A table in a box that scrolls across and down within its card (a 1366 px screen, a long
 * English name); focusable and named after its card so a keyboard user can scroll it too.
 */
export function tableScroll(label: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll" role="group" tabindex="0" aria-label=${label}>${table}</div>`
}
