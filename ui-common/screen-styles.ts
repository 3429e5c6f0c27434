/**
 * The frame the UIs' screens share: a full-height column (`screenHost`), the bar across its
 * top in the primary colour (`headerBar`, the product name in `.product`) and a centred body
 * (`centeredMain`). Put them after `themeStyles` and before a component's own css, so that
 * the component can override a line.
 */
import { css } from 'lit'

export const screenHost = css`
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 100dvh;
    background: var(--tabour-bg);
  }
`

export const headerBar = css`
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--tabour-space-2);
    padding-block: var(--tabour-space-2);
    padding-inline: var(--tabour-space-3);
    background: var(--tabour-primary);
    color: var(--tabour-on-primary);
  }
  .product {
    margin: 0;
    font-size: var(--tabour-text-large);
    font-weight: 700;
  }
`

/** The screen's body under the bar: it takes the rest of the column, its content centred. */
export const centeredMain = css`
  main {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    text-align: center;
  }
`
