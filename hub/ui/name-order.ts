/**
 * The open-data page's lists of named things (its service picker, each center's lines, the
 * centers) in one order: by name in the page's language. The hub answers the catalogue by English
 * group then code and a center's lines by code, which in Arabic reads as no order at all (walk s48:
 * «مستخرجات السجل المدني» before «تراخيص البناء» in the picker, a card in yet another order).
 * The sort is stable: two things of one name keep the hub's order.
 */
import type { Lang } from '../../ui-common/i18n.ts'

/** `items` by the name `nameOf` gives each in `lang` (a new array). */
export function inNameOrder<T>(items: readonly T[], lang: Lang, nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => nameOf(a).localeCompare(nameOf(b), lang))
}
