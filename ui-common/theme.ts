/**
 * The shared look: high contrast, large type, an Arabic-first font stack, and only logical
 * CSS properties (inline/block, start/end) so every layout flips with `<html dir>`.
 */
import { css, unsafeCSS, type CSSResult } from 'lit'

/**
 * Arabic-first font stack. Noto Naskh Arabic is bundled with its Arabic subset only
 * (ui-common/fonts.ts), so Latin text falls through to the next families: Cairo, bundled.
 */
export const FONT_STACK = `'Noto Naskh Arabic', 'Noto Sans Arabic', 'Cairo', system-ui, sans-serif`

/**
 * Font stack for public screens read from a distance (kiosk, ticket status): Cairo, a clear
 * sans face with both scripts and unambiguous digits, then the Arabic-first stack. Bundled by
 * ui-common/fonts.ts.
 */
export const SCREEN_FONT_STACK = `'Cairo', ${FONT_STACK}`

/** Smallest touch target in CSS pixels (kiosk fingers, gloves, older citizens). */
export const TOUCH_TARGET_MIN_PX = 64

// Design tokens as custom properties. Declared on both :root and :host so a component
// works inside a themed page and on its own; custom properties inherit into shadow roots.
const tokens = css`
  --tabour-font-family: ${unsafeCSS(FONT_STACK)};
  --tabour-bg: #ffffff;
  --tabour-fg: #0a0a0a;
  --tabour-muted: #3d3d3d;
  --tabour-surface: #eef2f7;
  --tabour-border: #0a0a0a;
  --tabour-primary: #003a70;
  --tabour-on-primary: #ffffff;
  --tabour-accent: #ffc20e;
  --tabour-on-accent: #0a0a0a;
  --tabour-focus: #ffc20e;
  --tabour-danger: #a4001d;
  --tabour-radius: 12px;
  --tabour-space-1: 0.5rem;
  --tabour-space-2: 1rem;
  --tabour-space-3: 1.5rem;
  --tabour-space-4: 2.5rem;
  --tabour-text-base: 1.5rem;
  --tabour-text-large: 2.25rem;
  --tabour-text-huge: 4rem;
  --tabour-touch-min: ${TOUCH_TARGET_MIN_PX}px;
`

/** For components: tokens on :host plus base typography and a visible focus ring. */
export const themeStyles: CSSResult = css`
  :host {
    ${tokens}
    display: block;
    box-sizing: border-box;
    color: var(--tabour-fg);
    font-family: var(--tabour-font-family);
    font-size: var(--tabour-text-base);
    line-height: 1.6;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 4px solid var(--tabour-focus);
    outline-offset: 3px;
  }
  /* read by a screen reader, not shown: a screen's h1 where the design has no visible title */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`

/** For the document: tokens on :root and a full-height page in the theme colors. */
export const pageStyles: CSSResult = css`
  :root {
    ${tokens}
    color-scheme: light;
    background: var(--tabour-bg);
    color: var(--tabour-fg);
    font-family: var(--tabour-font-family);
    font-size: 100%;
    -webkit-text-size-adjust: 100%;
  }
  body {
    margin: 0;
    min-block-size: 100vh;
    min-block-size: 100dvh;
  }
`

/** Adds `pageStyles` to the document once (safe to call from every app). */
export function applyPageTheme(doc: Document = document): void {
  const sheet = pageStyles.styleSheet
  if (!sheet || doc.adoptedStyleSheets.includes(sheet)) return
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
}
