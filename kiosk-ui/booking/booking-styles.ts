/** The booking page's own look on top of the status page's phone card: fields, the slot grid, the code. */
import { css } from 'lit'

export const bookingPageStyles = css`
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--tabour-space-2);
  }
  header h1 {
    font-size: 1.2rem;
  }
  /* which center: a citizen booking from a link must see where the appointment is */
  .center-name {
    margin: 0;
    font-weight: 700;
  }
  .bring h2 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .bring ul {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }
  main {
    align-items: stretch;
    text-align: start;
  }
  .card {
    align-items: stretch;
    inline-size: auto;
    text-align: start;
  }
  .intro {
    color: var(--tabour-muted);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    font-weight: 700;
  }
  /* under its field, always visible (a placeholder was cut off and vanished on the first digit) */
  .field-hint {
    margin: 0;
    color: var(--tabour-muted);
    font-size: 0.9em;
  }
  .field-hint.warn {
    color: var(--tabour-danger);
    font-weight: 700;
  }
  select,
  input {
    min-block-size: 3rem;
    padding-inline: var(--tabour-space-1);
    border: 2px solid var(--tabour-muted);
    border-radius: var(--tabour-radius);
    background: var(--tabour-bg);
    color: var(--tabour-text);
    font: inherit;
    font-weight: 400;
  }
  /* a select is as wide as its longest option («الخميس، ١٠ ديسمبر — لا مواعيد») unless told: it ran past the card on a 390 px phone */
  select {
    min-inline-size: 0;
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--tabour-accent);
    outline-offset: 2px;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 0.25rem;
    font-weight: 700;
  }
  .slot-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
    gap: var(--tabour-space-1);
    max-block-size: 18rem;
    overflow-y: auto;
  }
  .slot {
    display: grid;
    gap: 0.1rem;
    min-block-size: 3.5rem;
    padding: 0.25rem;
    border: 2px solid var(--tabour-primary);
    border-radius: var(--tabour-radius);
    background: var(--tabour-bg);
    color: var(--tabour-primary);
    font: inherit;
    cursor: pointer;
  }
  .slot span {
    font-size: 0.75em;
  }
  .slot[aria-pressed='true'] {
    background: var(--tabour-primary);
    color: var(--tabour-on-primary);
  }
  .slot:disabled {
    border-color: var(--tabour-muted);
    color: var(--tabour-muted);
    cursor: not-allowed;
  }
  /* the booking being moved: its own time, marked, not a target */
  .slot[data-mine] {
    border-style: dashed;
    border-color: var(--tabour-primary);
    color: var(--tabour-primary);
    font-weight: 700;
  }
  button.primary,
  .actions button {
    min-block-size: 3.25rem;
    padding-inline: var(--tabour-space-2);
    border: 2px solid var(--tabour-primary);
    border-radius: var(--tabour-radius);
    background: var(--tabour-bg);
    color: var(--tabour-primary);
    font: inherit;
    font-weight: 700;
  }
  button.primary {
    background: var(--tabour-primary);
    color: var(--tabour-on-primary);
  }
  button.primary:disabled {
    opacity: 0.6;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tabour-space-1);
  }
  .actions button.danger {
    border-color: var(--tabour-danger);
    color: var(--tabour-danger);
  }
  /* one line at 390 px in either language: 19 characters (XXXX-XXXX-XXXX-XXXX) broke at a dash at 7vw */
  .code {
    white-space: nowrap;
    font-size: clamp(1rem, 5.6vw, 2.2rem);
    font-weight: 700;
    letter-spacing: 0.05em;
    text-align: center;
    color: var(--tabour-primary);
  }
  tabour-qr-code {
    align-self: center;
    --qr-size: 11rem;
  }
  .error {
    padding: var(--tabour-space-1) var(--tabour-space-2);
    border-inline-start: 8px solid var(--tabour-danger);
    background: #fde8eb;
    color: var(--tabour-danger);
    font-weight: 700;
  }
  .empty {
    color: var(--tabour-muted);
  }
  /* a changed time is news to whoever kept the link: marked, not shouted as an error */
  .moved {
    margin: 0;
    padding: var(--tabour-space-1) var(--tabour-space-2);
    border-inline-start: 8px solid var(--tabour-primary);
    font-weight: 700;
  }
`
