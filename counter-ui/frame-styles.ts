/**
 * The console's frame: the header bar (product, counter, state, clerk, language), the offline
 * banner and the notice line under it, and the two-column body (the ticket and its actions;
 * the queue and the clerk's day).
 */
import { css } from 'lit'

export const frameStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 100vh;
    min-block-size: 100dvh;
    background: var(--console-bg);
  }
  header {
    display: flex;
    align-items: center;
    gap: 1rem;
    padding-block: 0.6rem;
    padding-inline: 1.25rem;
    background: var(--tabour-primary);
    color: var(--tabour-on-primary);
  }
  header .product {
    font-weight: 700;
    font-size: 1.15rem;
    opacity: 0.85;
  }
  /* the console's h1 (the counter at work), at the header's size */
  header .where {
    margin: 0;
    font-weight: 700;
    font-size: 1.3rem;
  }
  header .spacer {
    flex: 1;
  }
  .pill {
    padding: 0.1rem 0.75rem;
    border-radius: 999px;
    font-weight: 700;
    font-size: 0.9rem;
    background: #d9f2e3;
    color: var(--console-ok);
  }
  .pill[data-counter-state='paused'] {
    background: var(--console-warn-bg);
    color: var(--console-warn);
  }
  .user {
    opacity: 0.9;
  }
  header button {
    min-block-size: 2.4rem;
    border-color: var(--tabour-on-primary);
    background: transparent;
    color: var(--tabour-on-primary);
  }
  header button:hover:not(:disabled) {
    background: rgb(255 255 255 / 0.12);
  }
  tabour-lang-switch::part(button) {
    min-block-size: 2.4rem;
    min-inline-size: 6rem;
    padding-block: 0.1rem;
    font-family: 'Cairo', system-ui, sans-serif;
    font-size: 1rem;
    line-height: 1.2;
    border-width: 2px;
  }
  .banner,
  .notice {
    margin: 0;
    padding: 0.65rem 1.25rem;
    font-weight: 700;
    display: flex;
    align-items: center;
    gap: 1rem;
  }
  .banner {
    background: var(--tabour-danger);
    color: #fff;
  }
  .notice[data-tone='error'] {
    background: var(--console-danger-bg);
    color: var(--tabour-danger);
  }
  .notice[data-tone='info'] {
    background: var(--console-info-bg);
    color: var(--tabour-primary);
  }
  .notice button {
    margin-inline-start: auto;
    min-block-size: 2rem;
    padding-block: 0.1rem;
    font-size: 0.9rem;
  }
  main {
    flex: 1;
    padding: 1.25rem;
  }
  main[data-phase='console'] {
    display: grid;
    grid-template-columns: minmax(0, 1.7fr) minmax(20rem, 1fr);
    gap: 1.25rem;
    align-items: start;
  }
  .column {
    display: grid;
    gap: 1.25rem;
  }
  main[data-phase='login'],
  main[data-phase='starting'] {
    display: grid;
    place-items: center;
  }
  .login {
    inline-size: min(26rem, 100%);
    display: grid;
    gap: 1rem;
  }
  h1 {
    margin: 0 0 0.25rem;
    font-size: 1.6rem;
  }
  .sub {
    margin: 0 0 1rem;
    color: var(--console-soft);
  }
`
