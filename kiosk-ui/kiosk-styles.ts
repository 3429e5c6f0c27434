/**
 * What the kiosk's components share on top of the theme: the touch styles of ui-common (the
 * screen font, big buttons, the bilingual "second language" line) and the full-height column.
 */
import { css } from 'lit'
import { screenHost } from '../ui-common/screen-styles.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { touchStyles } from '../ui-common/touch-styles.ts'

/** The kiosk's component styles: ui-common's touch styles (kept under this name for the kiosk's components). */
export const kioskStyles = touchStyles

/** A whole kiosk screen's base: the theme, the pieces above and the full-height column. */
export const kioskScreenStyles = [themeStyles, kioskStyles, screenHost]

/**
 * The big raised tile a kiosk's choice is (a service on the grid, a group of services): its
 * box and look, to go inside a rule of the tile's own class (its layout is its own).
 */
export const tileLook = css`
  min-block-size: 10rem;
  padding: var(--tabour-space-2);
  border: 4px solid var(--tabour-primary);
  border-radius: calc(var(--tabour-radius) * 1.5);
  background: var(--tabour-bg);
  color: var(--tabour-fg);
  box-shadow: 0 6px 0 var(--tabour-primary);
  font: inherit;
  text-align: start;
  cursor: pointer;
  touch-action: manipulation;
`

/** A tile pressed: it goes down onto its shadow. */
export const tilePressed = css`
  transform: translateY(4px);
  box-shadow: 0 2px 0 var(--tabour-primary);
`

/**
 * A box that scrolls inside the kiosk and says when more is below: the box takes `container-type:
 * scroll-state` and holds, last, `<div class="more" aria-hidden="true">▼</div>`, a fade with an arrow at its
 * foot shown until its end is reached (the service grid, the ticket on screen).
 */
export const moreBelow = css`
  .more {
    display: none;
    position: sticky;
    inset-block-end: 0;
    block-size: 4rem;
    margin-block-start: -4rem;
    place-items: end center;
    background: linear-gradient(transparent, var(--tabour-bg) 75%);
    color: var(--tabour-primary);
    font-size: 2.5rem;
    line-height: 1;
    pointer-events: none;
    /* the arrow's glyph reaches below its line: left out, it kept the box scrollable, and so itself shown */
    overflow: hidden;
  }
  @container scroll-state(scrollable: bottom) {
    .more {
      display: grid;
    }
  }
`
