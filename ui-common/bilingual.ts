/**
 * Text in one language inside a line of the other: isolated with its own direction, so an
 * English sentence on an Arabic screen keeps its full stop at its end (and the reverse).
 */
import { html, type TemplateResult } from 'lit'
import { dirOf, type Lang } from './i18n.ts'
import { namePart, textDir } from '../protocol/name-in-language.ts'

/** A name's part in a language, and a text's direction: protocol/name-in-language.ts (the server's texts pick the same part). */
export { namePart, textDir }

/**
 * A name someone typed (a kiosk, a counter, a clerk, a printer: in Arabic, English or both) set
 * off as a Unicode isolate (FSI … PDI), for a sentence that holds it as text: a message's value,
 * an `<option>`. Its own direction then comes from its first letter and the sentence's quote
 * marks and punctuation stay on their side of it (an Arabic kiosk name in English quotes came out
 * ”كشك المدخل · Entrance kiosk”: walk 2026-12-05). Where the name is markup, use `<bdi>`.
 */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`
}

/** `namePart(name, lang)` isolated, for a sentence in `lang` that names a thing typed in both languages (as its card names it). */
export const isolatedPart = (name: string, lang: Lang): string => isolate(namePart(name, lang))

/** `text` as a `<bdi>` in `lang` and its direction. */
export function inLang(text: string, lang: Lang): TemplateResult {
  return html`<bdi lang=${lang} dir=${dirOf(lang)}>${text}</bdi>`
}

/**
 * `namePart(name, lang)` isolated in its own direction (a whole mixed name: the direction of its
 * first letter), so it never reorders the words around it nor wraps into the line's other side.
 */
export function nameIn(name: string, lang: Lang): TemplateResult {
  const text = namePart(name, lang)
  return html`<bdi dir=${textDir(text) ?? 'auto'}>${text}</bdi>`
}
