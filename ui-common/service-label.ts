/**
 * A service as a line, a legend or a choice names it: its prefix and its name in the page's
 * language, apart by the screens' one separator («A — تراخيص البناء», "A — Building permits").
 * Not "·": beside Arabic-Indic figures a middle dot reads as the digit zero (separator.ts).
 */
import { SEPARATOR } from '../protocol/messages/separator.ts'
import type { Lang } from './i18n.ts'
import { nameIn } from '../protocol/name-in-language.ts'

/** What a label needs of a service. */
export interface NamedService {
  prefix: string
  nameAr: string
  nameEn: string
}

/** "A — Building permits" in `lang`. */
export function serviceLabel(s: NamedService, lang: Lang): string {
  return `${s.prefix}${SEPARATOR}${nameIn(s, lang)}`
}
