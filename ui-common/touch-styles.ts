/**
 * What touch screens share on top of the theme: the screen font, big buttons (at least 64 px,
 * high contrast, a visible pressed state), the bilingual "second language" line, `.ltr`
 * runs (codes, numbers) and `.danger-notice`, the bar that says something is wrong. The kiosk and the pairing screen of every paired device use it.
 */
import { css, unsafeCSS } from 'lit'
import { SCREEN_FONT_STACK } from './theme.ts'

export const touchStyles = css`
  /* what went wrong or is missing (the kiosk's notice, a feedback tablet's, a pairing code refused), both languages in red */
  .danger-notice {
    margin: 0;
    padding: var(--tabour-space-2) var(--tabour-space-3);
    border-inline-start: 10px solid var(--tabour-danger);
    background: #fde8eb;
    color: var(--tabour-danger);
    font-weight: 700;
  }
  .danger-notice .second {
    color: var(--tabour-danger);
  }
  :host {
    font-family: ${unsafeCSS(SCREEN_FONT_STACK)};
  }
  /* the switch sets its own font on its host; a rule from outside wins over :host (the
     data-host twin: the switch as the center draws it in a kiosk's page, server/first-screen/) */
  :is(tabour-lang-switch, [data-host='lang-switch']) {
    font-family: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--tabour-space-1);
    min-block-size: calc(var(--tabour-touch-min) * 1.25);
    min-inline-size: calc(var(--tabour-touch-min) * 2);
    padding-block: var(--tabour-space-1);
    padding-inline: var(--tabour-space-3);
    border: 3px solid var(--tabour-primary);
    border-radius: var(--tabour-radius);
    background: var(--tabour-bg);
    color: var(--tabour-primary);
    font: inherit;
    font-size: var(--tabour-text-large);
    font-weight: 700;
    line-height: 1.2;
    cursor: pointer;
    touch-action: manipulation;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }
  .btn.primary {
    background: var(--tabour-primary);
    color: var(--tabour-on-primary);
  }
  .btn:active:not(:disabled) {
    background: var(--tabour-accent);
    border-color: var(--tabour-accent);
    color: var(--tabour-on-accent);
  }
  .btn:disabled {
    border-color: #8a8a8a;
    background: #e4e4e4;
    color: #5c5c5c;
    cursor: not-allowed;
  }
  .second {
    display: block;
    color: var(--tabour-muted);
    font-size: 0.7em;
    font-weight: 400;
  }
  .ltr {
    direction: ltr;
    unicode-bidi: isolate;
  }
`
