/**
 * A link's address written so a narrow line breaks it only between its parts: after each `/`
 * and before `?`. The booking's manage link ends in its code (`K7QM-4RTD-…`), and with
 * `overflow-wrap: anywhere` or at the code's hyphens it broke mid-code (walk s48). Each part is a
 * `.link-part` span, which the showing element keeps whole (`white-space: nowrap`, linkPartStyles).
 */
import { css, html, type TemplateResult } from 'lit'

/** The address's parts, each ending where a line may break after it: `http://`, `host:port/`, `b/`, the code, `?lang=en`. */
export const linkParts = (url: string): string[] => url.split(/(?<=\/)(?!\/)|(?=\?)/).filter((p) => p !== '')

/** `url` as its parts, each kept whole, with a line break allowed between them. */
export const linkText = (url: string): TemplateResult =>
  html`${linkParts(url).map((p, i) => html`${i === 0 ? '' : html`<wbr />`}<span class="link-part">${p}</span>`)}`

/** For the element that shows linkText. */
export const linkPartStyles = css`
  .link-part {
    white-space: nowrap;
  }
`
