/**
 * A counter's typed name on the console (the transfer dialog, the header, the counter chooser): a
 * name in both languages («تراخيص وتصالح · Permits and reconciliation», the demo's convention,
 * protocol/name-in-language.ts) shows the screen's language's part first, then the other, each
 * isolated in its own direction. As one `<bdi>` the whole name took the direction of its first
 * letter, so on the English screen "Permits and" and «وتصالح» changed places when it wrapped and
 * counter 3's «·» landed between the wrong words (walk s50). The other part stays: a clerk on the
 * English screen still sends an Arabic-speaking citizen to the counter by the name on its sign.
 */
import { html, type TemplateResult } from 'lit'
import { namePart, textDir } from '../ui-common/bilingual.ts'
import type { Lang } from '../ui-common/i18n.ts'

/** One part of a name and its direction (null: no letter, the line's own direction). */
export interface NamePart {
  text: string
  dir: 'rtl' | 'ltr' | null
}

/** The parts to show, the screen's language's first; one part when the name is not one of each language. */
export function counterNameParts(name: string, lang: Lang): NamePart[] {
  const mine = namePart(name, lang)
  const other = namePart(name, lang === 'ar' ? 'en' : 'ar')
  return (mine === other ? [mine] : [mine, other]).map((text) => ({ text, dir: textDir(text) }))
}

/** counterNameParts as markup: each part a `<bdi>` with its direction, parted by the name's own " · ". */
export function counterName(name: string, lang: Lang): TemplateResult {
  return html`${counterNameParts(name, lang).map((p, i) => html`${i ? ' · ' : ''}<bdi class="name-part" dir=${p.dir ?? 'auto'}>${p.text}</bdi>`)}`
}
