/**
 * The console's look: the shared theme with a desk-sized type scale (a clerk sits close to a
 * 1366×768 or 1920×1080 monitor all day), calm surfaces, one filled primary button, and the
 * key of each shortcut shown on its button.
 */
import { css } from 'lit'
import { dialogFrameStyles } from '../ui-common/dialog-frame.ts'
import { themeStyles } from '../ui-common/theme.ts'

const deskTokens = css`
  :host {
    --tabour-font-family: 'Cairo', 'Noto Naskh Arabic', 'Noto Sans Arabic', system-ui, sans-serif;
    --tabour-text-base: 1rem;
    --tabour-text-large: 1.375rem;
    --tabour-text-huge: 5.5rem;
    --console-bg: #f4f6f9;
    --console-card: #ffffff;
    --console-line: #d5dbe3;
    --console-soft: #5b6573;
    --console-ok: #0f6b3a;
    --console-warn: #8a5a00;
    --console-warn-bg: #fff4d6;
    --console-danger-bg: #fdecee;
    --console-info-bg: #e7f0fa;
    line-height: 1.45;
  }
`

const buttons = css`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 10px;
    border: 2px solid var(--tabour-primary);
    background: var(--console-card);
    color: var(--tabour-primary);
    padding-block: 0.55rem;
    padding-inline: 1rem;
    font-weight: 700;
    min-block-size: 2.9rem;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.6rem;
    transition: background 120ms, color 120ms;
  }
  button:hover:not(:disabled) {
    background: var(--console-info-bg);
  }
  button.primary {
    background: var(--tabour-primary);
    color: var(--tabour-on-primary);
  }
  button.primary:hover:not(:disabled) {
    background: #002a52;
  }
  button.danger {
    border-color: var(--tabour-danger);
    color: var(--tabour-danger);
  }
  button.danger:hover:not(:disabled) {
    background: var(--console-danger-bg);
  }
  button.danger.primary {
    background: var(--tabour-danger);
    color: #fff;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }
  kbd {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-size: 0.8em;
    font-weight: 700;
    min-inline-size: 1.6em;
    padding-inline: 0.35em;
    border-radius: 5px;
    border: 1px solid currentColor;
    opacity: 0.75;
    line-height: 1.5;
    text-align: center;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--console-line);
    border-radius: 8px;
    background: #fff;
    color: var(--tabour-fg);
    inline-size: 100%;
  }
  input:focus,
  select:focus,
  textarea:focus {
    border-color: var(--tabour-primary);
    outline: 3px solid var(--tabour-focus);
    outline-offset: 1px;
  }
`

const panels = css`
  .card {
    background: var(--console-card);
    border: 1px solid var(--console-line);
    border-radius: 14px;
    padding: 1rem 1.25rem;
  }
  .card > h2 {
    margin: 0 0 0.6rem;
    font-size: 0.95rem;
    font-weight: 700;
    color: var(--console-soft);
    letter-spacing: 0.02em;
  }
  .badge {
    display: inline-block;
    padding: 0.1rem 0.6rem;
    border-radius: 999px;
    font-size: 0.85rem;
    font-weight: 700;
    background: var(--console-warn-bg);
    color: var(--console-warn);
    border: 1px solid #e8c66a;
    white-space: nowrap;
  }
  .label {
    font-family: 'Cairo', system-ui, sans-serif;
    direction: ltr;
    unicode-bidi: isolate;
    font-variant-numeric: tabular-nums;
  }
`

/** For every console component: theme, desk tokens, buttons, cards. */
export const consoleStyles = [themeStyles, deskTokens, buttons, panels]

/** The modal frame of the console's dialogs (and the "log in again" one). */
export const dialogStyles = css`
  ${dialogFrameStyles}
  .dialog h2 {
    margin: 0;
    font-size: var(--tabour-text-large);
  }
  .dialog p {
    margin: 0;
  }
  .buttons {
    display: flex;
    gap: 0.75rem;
    justify-content: flex-end;
  }
  .buttons button {
    min-inline-size: 8rem;
  }
`

/** A dialog's radio choices (a finish's outcome, a park's reason): in a bare fieldset, a bordered row each, the checked one marked. */
export const choiceStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    padding: 0.45rem 0.75rem;
    border: 2px solid var(--console-line);
    border-radius: 10px;
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--tabour-primary);
    background: var(--console-info-bg);
  }
  .choice input {
    inline-size: auto;
    accent-color: var(--tabour-primary);
  }
`

/** A side list of tickets (no-shows that may come back, parked tickets): one row each, its label large, a hint above. */
export const ticketListStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  li {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .label {
    font-weight: 700;
    font-size: 1.2rem;
  }
  .hint {
    color: var(--console-soft);
    margin-block: 0 0.5rem;
  }
`
