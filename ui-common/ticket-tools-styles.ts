/**
 * The look of the staff ticket tools and the walk-in ticket: the shared theme, desk-sized type
 * (both the console and the dashboard are read from a desk), logical properties only so the
 * same rules lay out right to left and left to right.
 */
import { css } from 'lit'
import { themeStyles } from './theme.ts'

export const ticketToolsStyles = [
  themeStyles,
  css`
    :host {
      display: block;
      --tabour-font-family: 'Cairo', 'Noto Naskh Arabic', 'Noto Sans Arabic', system-ui, sans-serif;
      --tabour-text-base: 1rem;
      --tools-line: #d5dbe3;
      --tools-soft: #4f5966;
      --tools-info-bg: #e7f0fa;
      --tools-danger-bg: #fdecee;
      --tools-ok: #0f6b3a;
      font-family: var(--tabour-font-family);
      font-size: 1rem;
      line-height: 1.45;
      color: var(--tabour-fg);
    }
    h2,
    h3 {
      margin: 0;
      font-size: 1rem;
      font-weight: 700;
    }
    section > h2 {
      margin-block-end: 0.6rem;
      font-size: 0.95rem;
      color: var(--tools-soft);
      letter-spacing: 0.02em;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: 10px;
      border: 2px solid var(--tabour-primary);
      background: #fff;
      color: var(--tabour-primary);
      padding-block: 0.45rem;
      padding-inline: 1rem;
      font-weight: 700;
      min-block-size: 2.6rem;
    }
    button:hover:not(:disabled) {
      background: var(--tools-info-bg);
    }
    button.primary {
      background: var(--tabour-primary);
      color: var(--tabour-on-primary);
    }
    button.danger {
      border-color: var(--tabour-danger);
      color: var(--tabour-danger);
    }
    button.danger:hover:not(:disabled) {
      background: var(--tools-danger-bg);
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.45;
    }
    input:not([type='radio']),
    select {
      font: inherit;
      padding-block: 0.4rem;
      padding-inline: 0.7rem;
      border: 2px solid var(--tools-line);
      border-radius: 8px;
      background: #fff;
      color: var(--tabour-fg);
      min-block-size: 2.6rem;
      box-sizing: border-box;
    }
    input:focus-visible,
    select:focus-visible,
    button:focus-visible {
      outline: 3px solid var(--tabour-focus);
      outline-offset: 2px;
    }
    .label {
      font-family: 'Cairo', system-ui, sans-serif;
      direction: ltr;
      unicode-bidi: isolate;
      font-variant-numeric: tabular-nums;
      font-weight: 800;
    }
    .muted {
      color: var(--tools-soft);
    }
    .find {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.5rem;
      align-items: end;
    }
    .find label {
      display: grid;
      gap: 0.25rem;
      font-weight: 700;
    }
    .find .hint {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 0.875rem;
    }
    .message {
      margin-block: 0.75rem 0;
      padding-block: 0.5rem;
      padding-inline: 0.75rem;
      border-radius: 8px;
      background: var(--tools-info-bg);
    }
    .message[data-tone='error'] {
      background: var(--tools-danger-bg);
      color: var(--tabour-danger);
      font-weight: 700;
    }
    .matches {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
      padding: 0;
      list-style: none;
    }
    .matches button[aria-pressed='true'] {
      background: var(--tabour-primary);
      color: var(--tabour-on-primary);
    }
    article {
      margin-block-start: 0.75rem;
      border: 1px solid var(--tools-line);
      border-radius: 12px;
      padding: 0.9rem 1rem;
      display: grid;
      gap: 0.75rem;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem 1rem;
    }
    .head .label {
      font-size: 2rem;
      line-height: 1.1;
    }
    .pill {
      display: inline-block;
      padding-block: 0.1rem;
      padding-inline: 0.6rem;
      border-radius: 999px;
      font-size: 0.875rem;
      font-weight: 700;
      background: var(--tools-info-bg);
      color: var(--tabour-primary);
    }
    .pill[data-status='cancelled'],
    .pill[data-status='no_show'] {
      background: var(--tools-danger-bg);
      color: var(--tabour-danger);
    }
    .pill[data-status='done'] {
      background: #e3f4ea;
      color: var(--tools-ok);
    }
    /* finished, but not served (incomplete papers, referred…): not the green of a visit that went well */
    .pill[data-status='done'][data-served='false'] {
      background: var(--tools-info-bg);
      color: var(--tabour-primary);
    }
    dl {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.2rem 0.75rem;
      margin: 0;
    }
    dt {
      color: var(--tools-soft);
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    ol {
      margin: 0;
      padding-inline-start: 1.2rem;
      display: grid;
      gap: 0.2rem;
    }
    ol[data-digits='arabic-indic'] {
      list-style-type: arabic-indic;
    }
    ol time {
      font-variant-numeric: tabular-nums;
      color: var(--tools-soft);
      margin-inline-end: 0.4rem;
    }
    .acts {
      display: grid;
      gap: 0.75rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
    }
    .row label {
      display: grid;
      gap: 0.2rem;
      font-weight: 700;
    }
    fieldset {
      border: 1px solid var(--tools-line);
      border-radius: 10px;
      margin: 0;
      padding-block: 0.4rem 0.6rem;
      padding-inline: 0.75rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 1rem;
    }
    legend {
      font-weight: 700;
      padding-inline: 0.3rem;
    }
    input[type='radio'] {
      inline-size: 1.15rem;
      block-size: 1.15rem;
      margin: 0;
      accent-color: var(--tabour-primary);
    }
    .row fieldset label {
      display: inline-flex;
      gap: 0.35rem;
      align-items: center;
      font-weight: 500;
    }
  `,
]
