/**
 * A sentence of clauses as units that wrap whole: «غير معروف، لا يوجد شباك يعمل الآن» / "unknown, no
 * counter is serving now" in a narrow box breaks between its clauses, never inside one (walk s52:
 * a kiosk tile read "unknown, no / counter is serving now"). A clause wider than its box still wraps
 * inside itself, so nothing runs out of the box. PHRASE_STYLES in every shadow root that shows them.
 */
import { css, html, type TemplateResult } from 'lit'

/** `text` cut after each clause's comma (Arabic «،» or Latin ","), each clause a unit (class `phrase`). */
export function phrases(text: string): TemplateResult {
  const parts = text.split(/(?<=[،,])\s+/)
  return html`${parts.map((part, i) => html`${i > 0 ? ' ' : ''}<span class="phrase">${part}</span>`)}`
}

/** The styles phrases' units need: an inline block wraps as one piece when it fits a line, and inside itself when not. */
export const PHRASE_STYLES = css`
  .phrase {
    display: inline-block;
  }
`
