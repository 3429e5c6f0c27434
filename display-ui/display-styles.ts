/**
 * The waiting-room display's look: a dark, high-contrast TV board (navy, white, signal yellow)
 * read from across a hall, sized in vmin so the same layout fills a 1920×1080 or a 1080×1920
 * screen, landscape or portrait. Logical properties only: the board flips with `dir`.
 */
import { css, unsafeCSS } from 'lit'
import { SCREEN_FONT_STACK } from '../ui-common/theme.ts'

export const displayStyles = css`
  :host {
    --display-bg: #001b36;
    --display-card: #06305a;
    --display-card-2: #0a3b6e;
    --display-line: #1d5a96;
    --display-fg: #ffffff;
    --display-soft: #c7d7ea;
    --display-accent: #ffc20e;
    --display-on-accent: #0a0a0a;
    --display-gap: 1.6vmin;
    display: flex;
    flex-direction: column;
    block-size: 100vh;
    block-size: 100dvh;
    overflow: hidden;
    box-sizing: border-box;
    background: var(--display-bg);
    color: var(--display-fg);
    font-family: ${unsafeCSS(SCREEN_FONT_STACK)};
    line-height: 1.2;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .ltr {
    direction: ltr;
    unicode-bidi: isolate;
  }
  h2 {
    margin: 0;
    display: flex;
    align-items: baseline;
    gap: 1.5vmin;
    font-size: 3.6vmin;
    font-weight: 700;
  }
  h2 .en {
    font-size: 2.6vmin;
    font-weight: 400;
    color: var(--display-soft);
  }
`

/** The board under the header: the newest call, the earlier ones, the media and the waiting figures. */
export const boardStyles = css`
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 2vmin;
    padding-block: 1.2vmin;
    padding-inline: 2.5vmin;
    background: #002a52;
    border-block-end: 0.6vmin solid var(--display-accent);
  }
  /* Drawn after the board's first frame (board-extras.ts): until its module has come, each keeps
     the room it will take, so nothing on the board moves when it does (issue 22). The clock is
     one line of its time tall (7vmin, line-height 1.15: display-clock.ts; a no-break space makes
     that line) and, beside the center's name, as wide as its widest date: 77vmin over three
     years of days with the Hijri date and Western digits, so a name that fits beside the
     placeholder fits beside the clock. */
  tabour-display-clock:not(:defined) {
    display: block;
    min-inline-size: 78vmin;
    font-size: 7vmin;
    line-height: 1.15;
  }
  tabour-display-clock:not(:defined)::before {
    content: '\\a0';
  }
  tabour-news-ticker[data-news]:not(:defined) {
    display: block;
    block-size: 7vmin;
    background: var(--display-ticker-bg, #ffc20e);
  }
  .center {
    display: flex;
    align-items: center;
    gap: 2vmin;
    min-inline-size: 0;
  }
  .mark {
    display: grid;
    place-items: center;
    inline-size: 8vmin;
    block-size: 8vmin;
    border-radius: 1.2vmin;
    background: var(--display-accent);
    color: var(--display-on-accent);
    font-size: 4.2vmin;
    font-weight: 700;
  }
  /* the center's name is the screen's h1: a heading's size and margins are the design's, not the browser's */
  .center h1 {
    min-inline-size: 0;
    margin: 0;
    font-size: 1em;
    font-weight: 400;
  }
  .center h1 > span {
    display: block;
    overflow-wrap: anywhere;
  }
  .name-ar {
    font-size: 4.2vmin;
    font-weight: 700;
  }
  .name-en {
    font-size: 2.5vmin;
    color: var(--display-soft);
  }
  main {
    flex: 1;
    min-block-size: 0;
    display: grid;
    gap: var(--display-gap);
    padding: var(--display-gap) 2.5vmin;
    grid-template-columns: 1.25fr 1fr;
    grid-template-rows: minmax(0, 1fr);
    grid-template-areas: 'now recent';
  }
  main.with-media {
    grid-template-columns: 1fr 1.15fr;
    grid-template-rows: auto minmax(0, 1fr);
    grid-template-areas: 'now media' 'recent media';
  }
  @media (orientation: portrait) {
    header {
      flex-direction: column;
      align-items: stretch;
      gap: 1vmin;
    }
    main,
    main.with-media {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr);
      grid-template-areas: 'now' 'recent';
    }
    main.with-media {
      grid-template-rows: auto auto minmax(0, 1fr);
      grid-template-areas: 'now' 'recent' 'media';
    }
    .waiting .svc {
      flex-basis: 40%;
    }
    .waiting h2 {
      flex-basis: 100%;
    }
  }
  .now {
    grid-area: now;
    display: flex;
    flex-direction: column;
    gap: 1.5vmin;
    padding: 2.5vmin 3vmin;
    border-radius: 2vmin;
    background: var(--display-card);
    border: 0.5vmin solid var(--display-line);
  }
  .now.flash {
    animation: flash 0.7s steps(1, end) infinite;
  }
  /* an earlier call the panel fell back to (spoken-board.ts isEarlierCall): readable, not a call's colours */
  .now.earlier h2 {
    color: var(--display-soft);
  }
  .now.earlier .big-counter {
    background: var(--display-card);
    color: var(--display-fg);
    box-shadow: inset 0 0 0 0.5vmin var(--display-line);
  }
  @keyframes flash {
    0% {
      background: var(--display-accent);
      color: var(--display-on-accent);
      border-color: var(--display-accent);
    }
    50% {
      background: var(--display-card);
      color: var(--display-fg);
      border-color: var(--display-accent);
    }
  }
  .now.flash h2 .en,
  .now.flash .cap .en {
    color: inherit;
  }
  .now-body {
    flex: 1;
    display: flex;
    align-items: center;
    justify-content: space-around;
    gap: 2vmin;
  }
  .cell {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5vmin;
  }
  .cap {
    font-size: 3vmin;
    font-weight: 700;
    text-align: center;
  }
  .cap .en {
    display: block;
    font-size: 2.2vmin;
    font-weight: 400;
    color: var(--display-soft);
  }
  .big-label {
    font-size: 19vmin;
    font-weight: 700;
    line-height: 1;
    letter-spacing: 0.02em;
    white-space: nowrap;
  }
  .big-counter {
    display: grid;
    place-items: center;
    min-inline-size: 23vmin;
    padding-inline: 2vmin;
    block-size: 23vmin;
    border-radius: 2vmin;
    background: var(--display-accent);
    color: var(--display-on-accent);
    font-size: 17vmin;
    font-weight: 700;
    line-height: 1;
  }
  .now.flash .big-counter {
    background: var(--display-bg);
    color: var(--display-accent);
  }
  .arrow {
    font-size: 9vmin;
    font-weight: 700;
    color: var(--display-accent);
  }
  .now.flash .arrow {
    color: inherit;
  }
  .arrow-icon {
    vertical-align: middle;
  }
  .counter-name {
    margin: 0;
    overflow-wrap: anywhere;
    text-align: center;
    font-size: 3.2vmin;
    font-weight: 700;
  }
  .badge {
    padding: 0.3vmin 1.5vmin;
    border-radius: 99px;
    background: var(--display-accent);
    color: var(--display-on-accent);
    font-size: 2.4vmin;
    font-weight: 700;
  }
  /* the English word keeps the pill's dark ink: the heading's soft blue on yellow read 1.1:1 (walk 2026-12-05) */
  .badge .en {
    color: inherit;
    font-size: inherit;
    font-weight: inherit;
  }
  .idle {
    flex: 1;
    display: grid;
    place-items: center;
    text-align: center;
    font-size: 5vmin;
    font-weight: 700;
    color: var(--display-soft);
  }
  .idle .en {
    display: block;
    font-size: 3vmin;
    font-weight: 400;
  }
  .recent {
    grid-area: recent;
    display: flex;
    flex-direction: column;
    gap: 1vmin;
    min-block-size: 0;
  }
  /* nothing to list yet: quiet, smaller than a call, so it never reads as one */
  .recent .no-recent {
    margin: 0;
    padding-block: 2vmin;
    text-align: center;
    font-size: 3.4vmin;
    color: var(--display-soft);
  }
  .recent .no-recent .en {
    display: block;
    font-size: 2.4vmin;
  }
  .recent ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 1vmin;
    align-content: start;
    overflow: hidden;
  }
  .recent li {
    display: grid;
    grid-template-columns: 1fr auto 1fr;
    align-items: center;
    gap: 1vmin;
    padding-block: 0.6vmin;
    padding-inline: 2.5vmin;
    border-radius: 1.4vmin;
    background: var(--display-card);
    font-size: 6vmin;
    font-weight: 700;
    line-height: 1.15;
  }
  .recent li:nth-child(even) {
    background: var(--display-card-2);
  }
  /* gone from its counter (finding 19): readable from the back of the room, plainly not a current call */
  .recent li.past {
    font-weight: 400;
    color: var(--display-soft);
  }
  .recent li.past .counter {
    color: var(--display-soft);
  }
  /* called, not announced yet: it waits its turn here, never as the big call */
  .recent li.pending {
    background: transparent;
    border: 0.4vmin dashed var(--display-line);
    padding-block: 0.3vmin;
  }
  .recent li .next-badge {
    grid-column: 1 / -1;
    font-size: 2.2vmin;
    font-weight: 600;
    color: var(--display-soft);
  }
  .recent li .next-badge .en {
    margin-inline-start: 1vmin;
  }
  .recent li .label {
    justify-self: start;
  }
  .recent li .counter {
    justify-self: end;
    color: var(--display-accent);
  }
  /* «الشباك» over "Counter", as the big call's caption: an English reader finds the counter here too */
  .recent li .small {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    vertical-align: middle;
    font-size: 2.6vmin;
    font-weight: 400;
    line-height: 1.1;
    color: var(--display-soft);
    margin-inline-end: 1vmin;
  }
  .recent li .small .en {
    font-size: 2.2vmin;
  }
  .recent li .to {
    font-size: 4vmin;
    color: var(--display-soft);
  }
  .media {
    grid-area: media;
    border-radius: 2vmin;
    overflow: hidden;
    min-block-size: 0;
  }
  .media tabour-media-panel {
    block-size: 100%;
  }
  .waiting {
    display: flex;
    flex-wrap: wrap;
    gap: 1vmin;
    padding-block: 0 var(--display-gap);
    padding-inline: 2.5vmin;
  }
  .waiting h2 {
    align-self: center;
    margin-inline-end: 1vmin;
    font-size: 3vmin;
  }
  .waiting h2 .en {
    font-size: 2.2vmin;
  }
  .waiting .none-open {
    flex-basis: 100%;
    margin: 0;
    padding-block: 0.6vmin;
    padding-inline: 1.4vmin;
    border-radius: 1.2vmin;
    background: var(--display-card);
    color: var(--display-accent);
    font-size: 2.6vmin;
    font-weight: 700;
  }
  .waiting .none-open .en {
    margin-inline-start: 1.5vmin;
    color: var(--display-soft);
    font-size: 2vmin;
    font-weight: 400;
  }
  /* wide enough for a name on two lines broken between words: more lines than fit take a second row
     (six in one row were ~265 px at 1920×1080: «Reconciliatio|n requests», an Arabic name on four lines) */
  .svc {
    flex: 1 1 0;
    min-inline-size: 36vmin;
    display: flex;
    align-items: center;
    gap: 1.2vmin;
    padding-block: 0.6vmin;
    padding-inline: 1.4vmin;
    border-radius: 1.2vmin;
    background: var(--display-card);
  }
  .svc .prefix {
    display: grid;
    place-items: center;
    min-inline-size: 5vmin;
    block-size: 5vmin;
    border-radius: 0.8vmin;
    background: var(--display-line);
    font-size: 3vmin;
    font-weight: 700;
  }
  .svc .names {
    flex: 1;
    min-inline-size: 0;
    display: grid;
    font-size: 2.1vmin;
    line-height: 1.25;
  }
  /* a long name wraps over lines rather than being cut off */
  .svc .names span {
    overflow-wrap: anywhere;
  }
  .svc .names .en {
    color: var(--display-soft);
    font-size: 1.8vmin;
  }
  .svc .count {
    font-size: 4.4vmin;
    font-weight: 700;
    color: var(--display-accent);
  }
  .offline {
    position: fixed;
    inset-block-start: 13vmin;
    inset-inline: 0;
    margin-inline: auto;
    inline-size: fit-content;
    padding: 1vmin 3vmin;
    border-radius: 1vmin;
    background: #a4001d;
    color: #fff;
    font-size: 3vmin;
    font-weight: 700;
  }
  /* out of touch with the center: what the feed keeps live is dimmed alike, the calls and the waiting figures */
  main.stale,
  .waiting.stale {
    opacity: 0.55;
  }
  /* for staff: a small muted mark, no words on the board (its label is read by a screen reader or on hover) */
  .sound-blocked {
    position: fixed;
    inset-block-end: 9vmin;
    inset-inline-start: 1vmin;
    font-size: 1.8vmin;
    opacity: 0.45;
  }
  .loading {
    flex: 1;
    display: grid;
    place-items: center;
    font-size: 4vmin;
  }
`
