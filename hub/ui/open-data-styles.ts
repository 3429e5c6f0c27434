/** The open-data page's look: a phone first (390 px wide), large type, touch targets of 44 px and more. */
import { css } from 'lit'

export const openDataStyles = css`
  :host {
    --tabour-text-base: 1.05rem;
    --tabour-text-large: 1.35rem;
    --tabour-touch-min: 48px;
  }
  header h1 {
    margin: 0;
    font-size: var(--tabour-text-large);
    line-height: 1.3;
  }
  main {
    display: grid;
    gap: var(--tabour-space-2);
    padding: var(--tabour-space-2);
    max-inline-size: 48rem;
    inline-size: 100%;
    margin-inline: auto;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--tabour-muted);
  }
  nav {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--tabour-space-1);
  }
  button,
  select {
    font: inherit;
    min-block-size: var(--tabour-touch-min);
    padding-inline: var(--tabour-space-1);
    border: 2px solid var(--tabour-border);
    border-radius: 8px;
    background: var(--tabour-bg);
    color: var(--tabour-fg);
  }
  button[aria-pressed='true'] {
    background: var(--tabour-primary);
    color: var(--tabour-on-primary);
  }
  form {
    display: grid;
    gap: var(--tabour-space-1);
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 700;
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--tabour-space-1);
  }
  .card {
    padding: var(--tabour-space-1) var(--tabour-space-2);
    border-inline-start: 8px solid var(--tabour-primary);
    border-radius: 8px;
    background: var(--tabour-surface);
  }
  .stale-title {
    font-size: 1rem;
    margin: var(--tabour-space-1) 0 0;
  }
  .card.stale {
    border-inline-start-color: var(--tabour-muted);
  }
  .card h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  .wait {
    font-weight: 700;
  }
  .no-data {
    font-weight: 700;
    color: var(--tabour-danger);
  }
  .services li {
    display: grid;
    gap: 0;
    padding-block: 0.25rem;
    border-block-start: 1px solid var(--tabour-border);
  }
  /* a center's own service (no national code): said under its name, not a figure */
  .tag {
    justify-self: start;
    font-size: 0.85rem;
    padding-inline: 0.4rem;
    border: 1px solid var(--tabour-border);
    border-radius: 4px;
    color: var(--tabour-muted);
  }
  .error {
    color: var(--tabour-danger);
    font-weight: 700;
  }
  a {
    color: var(--tabour-primary);
    font-weight: 700;
    display: inline-block;
    min-block-size: var(--tabour-touch-min);
    padding-block: 0.6rem;
  }
`
