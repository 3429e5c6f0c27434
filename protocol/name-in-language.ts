/**
 * A name someone typed in both languages, stored as one («تراخيص · Permits», the demo's and the
 * README's convention), as each language writes it. Pure, so the screens (ui-common/bilingual.ts)
 * and the texts the server sends (a counter's name in "please go to counter 1 (Permits)") pick the
 * same part: the English text carried the whole «تراخيص · Permits», which also made it UCS-2 (70
 * characters a part, not 160).
 */
import type { Lang } from './messages/format.ts'

/** Where a name writes its two languages apart. */
const NAME_SEPARATOR = ' · '

/** The direction of `text`'s first strong letter (Arabic or Hebrew script: rtl); null when it has none. */
export function textDir(text: string): 'rtl' | 'ltr' | null {
  const first = /\p{L}/u.exec(text)?.[0]
  if (first === undefined) return null
  return /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(first) ? 'rtl' : 'ltr'
}

/**
 * «تراخيص · Permits» is one name in each language, so Arabic gets «تراخيص» and English "Permits";
 * any other name (one language, or parts that are not one of each) is given whole.
 */
export function namePart(name: string, lang: Lang): string {
  const parts = name.split(NAME_SEPARATOR).map((p) => p.trim())
  if (parts.length !== 2 || parts.some((p) => p === '')) return name
  const dirs = parts.map(textDir)
  const wanted = lang === 'ar' ? 'rtl' : 'ltr'
  if (dirs[0] === dirs[1] || !dirs.includes(wanted)) return name
  return parts[dirs.indexOf(wanted)]!
}

/** A thing's own name in `lang`, from its two fields (a service, a center, a category…). */
export const nameIn = (item: { nameAr: string; nameEn: string }, lang: Lang): string => (lang === 'ar' ? item.nameAr : item.nameEn)
