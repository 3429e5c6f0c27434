/**
 * A service as a line, a legend or a choice names it: its prefix and its name in the page's
 * language, apart by the screens' one separator («A — تراخيص البناء», "A — Building permits").
 * Not "·": beside Arabic-Indic figures a middle dot reads as the digit zero (separator.ts).
 */
import { SEPARATOR } from '../protocol/messages/separator.ts'
import type { Lang } from './i18n.ts'
import { nameIn } from '../protocol/name-in-language.ts'
import { isolate } from './bilingual.ts'

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

/** The separator with no-break spaces: a line never breaks on either side of its dash. */
export const HELD_SEPARATOR = SEPARATOR.replaceAll(' ', '\u00a0')

/**
 * `serviceLabel` as one item of a list that wraps (a counter's services: «A — تراخيص البناء، B —
 * طلبات التصالح»). The prefix, the dash and the name's first word stay on one line: the counters
 * table put «B» at the end of one line and began the next with «— طلبات التصالح» (walk s50). Each
 * part is an isolate, so a Latin prefix or a name in the other script never pulls the neighbouring
 * item's words across it; an empty part leaves no dash.
 */
export function serviceListItem(s: NamedService, lang: Lang): string {
  return [s.prefix, nameIn(s, lang)]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(isolate)
    .join(HELD_SEPARATOR)
}
