/**
 * Arabic-Indic zero «٠» as the TV can read it. In Cairo, the board's face, ٠ is a small square
 * about a fifth of a digit's height: across a waiting room «١٠» reads as "1." and «٢٠» as "2·"
 * (walk s47, 1920×1080). Arabic signage draws the zero as a diamond about a third of the digit's
 * height; this draws Cairo's own ٠ so, larger and turned, keeping its advance (the figure's width
 * does not change) and the character itself (what the page says, and what tests and screen readers
 * read, is still «١٠»). Western digits, and text without a zero, are left as they are. The TV's
 * figures and the kiosk's ticket figures (people ahead, the wait: read standing back from it) use
 * it; the status page and the dashboard, read at a hand's or a desk's distance, keep Cairo's ٠
 * (README "Digits").
 */
import { css, html, type TemplateResult } from 'lit'

/** A number's run: Arabic-Indic digits with the separators inside it ("١٠:٠٥", "١٬٢٠٠"). */
const FIGURE_RUN = /[٠-٩](?:[٠-٩:٫٬.,]*[٠-٩])?/g

/**
 * `text` with each Arabic-Indic figure holding a zero put in a left-to-right isolate in written
 * order (a turned zero is an inline block, which the bidi algorithm would otherwise move: «٢٠»
 * drew as "٠ ٢"), its zeros marked for ZERO_STYLES; `text` itself when it has no ٠.
 */
export function legibleZeros(text: string): TemplateResult | string {
  if (!text.includes('٠')) return text
  const parts: (TemplateResult | string)[] = []
  let last = 0
  for (const m of text.matchAll(FIGURE_RUN)) {
    parts.push(text.slice(last, m.index))
    parts.push(
      m[0].includes('٠')
        ? html`<span class="figure">${m[0].split(/(٠)/).map((p) => (p === '٠' ? html`<span class="zero">٠</span>` : p))}</span>`
        : m[0],
    )
    last = m.index + m[0].length
  }
  parts.push(text.slice(last))
  return html`${parts}`
}

/** The styles legibleZeros' marks need, in every shadow root that shows them. */
export const ZERO_STYLES = css`
  /* isolated, and its characters in their written order: a number is written most significant first,
     left to right; without the override the bidi algorithm reads an inline block between Arabic-Indic
     digits as right-to-left and drew «٢٠٢٦» as "٢٦ ٠ ٢" */
  .figure {
    direction: ltr;
    unicode-bidi: isolate-override;
  }
  .zero {
    display: inline-block;
    line-height: 1;
    /* about the glyph's centre (at half the digits' height), so the diamond stays on the figure's middle */
    transform-origin: 50% 60%;
    transform: scale(1.8) rotate(45deg);
  }
`
