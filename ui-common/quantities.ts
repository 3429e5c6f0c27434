/**
 * Counted things in words, with the plural forms each language needs: Arabic has six
 * (دقيقة واحدة، دقيقتان، ٣ دقائق، ١١ دقيقة…), English two. The words live in i18n.ts.
 */
import { formatNumber, type DigitStyle } from './digits.ts'
import { tf, type Lang, type StringKey } from './i18n.ts'

type Unit = 'minutes' | 'people'
type Category = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'

const rules = new Map<Lang, Intl.PluralRules>()

function categoryOf(n: number, lang: Lang): Category {
  // 0 gets its own phrase in both languages ("nobody", "less than a minute"), whatever CLDR says
  if (n === 0) return 'zero'
  let r = rules.get(lang)
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)))
  return r.select(n) as Category
}

/** `n` of `unit` in words: quantity(3, 'minutes', 'ar') → '3 دقائق'. Digits default to western. */
export function quantity(n: number, unit: Unit, lang: Lang, digits: DigitStyle = 'western'): string {
  const key = `qty.${unit}.${categoryOf(n, lang)}` as StringKey
  return tf(key, lang, { n: formatNumber(n, { digits }) })
}

/** A wait estimate in whole minutes, rounded up: 61 s is '2 minutes', 0 s 'less than a minute'. */
export function waitInWords(seconds: number, lang: Lang, digits: DigitStyle = 'western'): string {
  return quantity(Math.max(0, Math.ceil(seconds / 60)), 'minutes', lang, digits)
}
