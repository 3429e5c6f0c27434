/**
 * Text in one language inside a line of the other: isolated with its own direction, so an
 * English sentence on an Arabic screen keeps its full stop at its end (and the reverse).
 */
import { html, type TemplateResult } from 'lit'
import { dirOf, type Lang } from './i18n.ts'

/** `text` as a `<bdi>` in `lang` and its direction. */
export function inLang(text: string, lang: Lang): TemplateResult {
  return html`<bdi lang=${lang} dir=${dirOf(lang)}>${text}</bdi>`
}
