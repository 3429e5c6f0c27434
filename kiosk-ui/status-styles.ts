/** The status page's look: the kiosk's screen styles, a phone-size card, the call banner and the cancel step. */
import { css } from 'lit'
import { headerBar } from '../ui-common/screen-styles.ts'
import { kioskScreenStyles } from './kiosk-styles.ts'

export const statusPageStyles = [
  kioskScreenStyles,
  headerBar,
  css`
    :host {
      background: var(--tabour-surface);
    }
    header {
      padding-block: var(--tabour-space-1);
      padding-inline: var(--tabour-space-2);
    }
    header p,
    header h1 {
      margin: 0;
      font-size: 1rem;
      font-weight: 700;
      line-height: 1.3;
    }
    header p.sub {
      font-size: 0.8rem;
      font-weight: 400;
    }
    main {
      flex: 1;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: var(--tabour-space-2);
      padding: var(--tabour-space-2);
      text-align: center;
    }
    .card {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: var(--tabour-space-2);
      inline-size: min(100%, 36rem);
      padding: var(--tabour-space-3) var(--tabour-space-2);
      border-radius: calc(var(--tabour-radius) * 1.5);
      background: var(--tabour-bg);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    }
    p {
      margin: 0;
    }
    .caption {
      color: var(--tabour-muted);
    }
    .label {
      font-size: clamp(3.5rem, 22vw, 7rem);
      font-weight: 700;
      line-height: 1.1;
      color: var(--tabour-primary);
    }
    .service {
      font-size: 1.25em;
      font-weight: 700;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }
    dl {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: var(--tabour-space-1);
      inline-size: 100%;
      margin: 0;
    }
    dl > div {
      padding: var(--tabour-space-1);
      border-radius: var(--tabour-radius);
      background: var(--tabour-surface);
    }
    dt {
      font-size: 0.8em;
      color: var(--tabour-muted);
    }
    dd {
      margin: 0;
      font-weight: 700;
    }
    .turn {
      inline-size: 100%;
      padding: var(--tabour-space-2);
      border-radius: var(--tabour-radius);
      background: var(--tabour-accent);
      color: var(--tabour-on-accent);
    }
    .turn {
      display: grid;
      gap: var(--tabour-space-1);
    }
    .turn strong {
      font-size: var(--tabour-text-large);
      line-height: 1.2;
    }
    .turn .counter {
      font-size: 1.3em;
      font-weight: 700;
      line-height: 1.3;
    }
    .final {
      font-size: 1.15em;
      font-weight: 700;
    }
    /* what a visit of several steps did, under "served" */
    .visit-done {
      color: var(--tabour-muted);
    }
    /* a way onward (the booking's link, the join page after an ended ticket): the booking page shares these styles */
    .link {
      overflow-wrap: anywhere;
      color: var(--tabour-primary);
      font-weight: 700;
    }
    .foot {
      font-size: 0.8em;
      color: var(--tabour-muted);
    }
    .warn {
      color: var(--tabour-danger);
      font-weight: 700;
    }
    /* news that keeps the holder here (closed, but the ticket will be served): bold, not the alarm's red */
    .reassure {
      font-weight: 700;
    }
    .center {
      font-size: 1.1em;
      font-weight: 700;
    }
    .turn .go {
      font-size: clamp(2rem, 11vw, 3.5rem);
      font-weight: 700;
      line-height: 1.1;
    }
    .cancel {
      display: grid;
      gap: var(--tabour-space-1);
      inline-size: 100%;
    }
    .cancel button {
      min-block-size: 3rem;
      padding-inline: var(--tabour-space-2);
      border: 2px solid var(--tabour-danger);
      border-radius: var(--tabour-radius);
      background: var(--tabour-bg);
      color: var(--tabour-danger);
      font: inherit;
      font-weight: 700;
    }
    .cancel button.yes {
      background: var(--tabour-danger);
      color: var(--tabour-bg);
    }
  `,
]
