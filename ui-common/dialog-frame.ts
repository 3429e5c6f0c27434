import { css } from 'lit'

/**
 * The modal frame every staff dialog shares: a dimmed overlay over the page and a white card
 * centred in it that scrolls when taller than the screen. Components add their own size and
 * content styles after it.
 */
export const dialogFrameStyles = css`
  .overlay {
    position: fixed;
    inset: 0;
    z-index: 10;
    display: grid;
    place-items: center;
    background: rgb(10 20 35 / 0.45);
  }
  .dialog {
    inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    overflow: auto;
    background: #fff;
    border-radius: 16px;
    box-shadow: 0 20px 60px rgb(0 0 0 / 0.3);
    padding: 1.5rem;
    display: grid;
    gap: 1rem;
  }
`
