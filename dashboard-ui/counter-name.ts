/**
 * A counter as the dashboard names it: its number in the screen's digits, then its name in the
 * page's language («١ — تراخيص» / "1 — Permits" for «تراخيص · Permits», ui-common/bilingual.ts), with
 * the one separator: a "·" beside the number reads as the Arabic-Indic zero (protocol/messages/separator.ts).
 */
import { html, type TemplateResult } from 'lit'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { nameIn, namePart } from '../ui-common/bilingual.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { num } from './format.ts'

interface Named {
  number: number
  name: string
}

/** As plain text, for a select's option or a chart's label. */
export function counterText(c: Named, lang: Lang, digits: DigitStyle): string {
  return `${num(c.number, digits)}${SEPARATOR}${namePart(c.name, lang)}`
}

/** In a table cell or a line: the name isolated, so a name in the other script never reorders the number. */
export function counterCell(c: Named, lang: Lang, digits: DigitStyle): TemplateResult {
  return html`${num(c.number, digits)}${SEPARATOR}${nameIn(c.name, lang)}`
}
