/**
 * The one order of every list of governorates on the hub's pages (the analysis drill-down and the
 * map's table, the bundle form's picker, the open-data pickers): by name in the page's language.
 * The hub answers by code, and by code «القاهرة» (EG-C) came before «أسوان» (EG-ASN) in one list
 * and after it in the next (walk of 2026-12-06, finding 12). Ties (two values naming the unknown
 * governorate) fall back on the value, so the order is total.
 */
import type { Lang } from '../../ui-common/i18n.ts'
import { governorateName } from '../../protocol/governorates.ts'

/** Compares two hub governorate values (codes, or free text from before the codes) by their names in `lang`. */
export const byGovernorateName =
  (lang: Lang) =>
  (a: string, b: string): number =>
    governorateName(a, lang).localeCompare(governorateName(b, lang), lang) || (a < b ? -1 : a > b ? 1 : 0)

/** `items` in that order, each's governorate read by `of` (a new array). */
export function inGovernorateOrder<T>(items: readonly T[], lang: Lang, of: (item: T) => string): T[] {
  const compare = byGovernorateName(lang)
  return [...items].sort((a, b) => compare(of(a), of(b)))
}
