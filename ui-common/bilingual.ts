/**
 * Text in one language inside a line of the other: isolated with its own direction, so an
 * English sentence on an Arabic screen keeps its full stop at its end (and the reverse).
 */
import { html, type TemplateResult } from 'lit'
import { dirOf, type Dir, type Lang } from './i18n.ts'

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

/** `text` as a `<bdi>` in `lang` and its direction. */
export function inLang(text: string, lang: Lang): TemplateResult {
  return html`<bdi lang=${lang} dir=${dirOf(lang)}>${text}</bdi>`
}

/** Where a name writes its two languages apart: «تراخيص · Permits» (the demo's and the README's convention). */
const NAME_SEPARATOR = ' · '

/** The direction of `text`'s first strong letter (Arabic or Hebrew script: rtl); null when it has none. */
export function textDir(text: string): Dir | null {
  const first = /\p{L}/u.exec(text)?.[0]
  if (first === undefined) return null
  return /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(first) ? 'rtl' : 'ltr'
}

/**
 * A name a person typed (a counter's, a device's) as the page shows it: «تراخيص · Permits» is one
 * name in each language, so an Arabic page shows «تراخيص» and an English one «Permits»; any other
 * name (one language, or parts that are not one of each) is shown whole.
 */
export function namePart(name: string, lang: Lang): string {
  const parts = name.split(NAME_SEPARATOR).map((p) => p.trim())
  if (parts.length !== 2 || parts.some((p) => p === '')) return name
  const dirs = parts.map(textDir)
  const wanted = dirOf(lang)
  if (dirs[0] === dirs[1] || !dirs.includes(wanted)) return name
  return parts[dirs.indexOf(wanted)]!
}

/**
 * `namePart(name, lang)` isolated in its own direction (a whole mixed name: the direction of its
 * first letter), so it never reorders the words around it nor wraps into the line's other side.
 */
export function nameIn(name: string, lang: Lang): TemplateResult {
  const text = namePart(name, lang)
  return html`<bdi dir=${textDir(text) ?? 'auto'}>${text}</bdi>`
}
