/**
 * What a finish outcome's row is called in its buttons' labels ("Move “Incomplete papers” up"):
 * its name in the screen's language, else "outcome 3" as its heading counts it. Not the other
 * language's name: an English screen reader read «أوراق ناقصة» out in an English sentence.
 */
import { outcomesText } from '../../protocol/messages/finish-outcomes-config.ts'
import { nameIn } from '../../protocol/name-in-language.ts'
import type { DigitStyle } from '../../ui-common/digits.ts'
import type { Lang } from '../../ui-common/i18n.ts'

/** Row `i` (from 0) with the names typed so far. */
export function outcomeRowName(row: { nameAr: string; nameEn: string }, i: number, lang: Lang, digits: DigitStyle): string {
  return nameIn(row, lang).trim() || outcomesText('outcomes.unnamed', lang, { n: i + 1 }, digits)
}
