/**
 * A staff screen's list of alerts (kiosk printers, integrator endpoints): one bold line each, red
 * for what is broken, amber (`data-tone="warn"`) for what is at risk, green (`data-tone="ok"`)
 * for what works again. No theme tokens of its own but the tones: it takes the screen's font.
 */
import { css } from 'lit'

export const alertListStyles = css`
  ul {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    padding: 0.5rem 1rem;
    border-inline-start: 8px solid var(--tabour-danger);
    background: #fde8eb;
    color: #5c0010;
    font-weight: 700;
  }
  li[data-tone='warn'] {
    border-color: var(--tabour-on-accent);
    background: var(--tabour-accent);
    color: var(--tabour-on-accent);
  }
  li[data-tone='ok'] {
    border-color: #0b6b2e;
    background: #e3f4e8;
    color: #0b4a21;
  }
`
