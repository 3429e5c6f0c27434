/**
 * How the hours tab names a holiday or special hours in its sentences ("Overlaps “Eid”", "These
 * dates already have an exception: “Eid”") and in the month grid: by its name in the page's
 * language, the one the exceptions table shows in its "Name in English" / «الاسم بالعربية» column.
 * One named only in the other language is called by its dates: the sentences used to borrow the
 * other name («عيد الفطر» in an English line, beside a row with no English name to match it).
 */
import type { HoursException } from '../protocol/calendar.ts'
import { nameIn } from '../protocol/name-in-language.ts'
import { calendarDate } from '../ui-common/calendar-date.ts'
import { leftToRight } from '../ui-common/time-range.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'

type Named = Pick<HoursException, 'from' | 'to' | 'nameAr' | 'nameEn'>

/** Its name in `lang`; '' when it has none in that language. */
export function exceptionName(e: Named, lang: Lang): string {
  return nameIn(e, lang).trim()
}

/**
 * Its name in `lang`, else its dates ("2027-04-01" or "2027-04-01–2027-04-03") in `digits`, as the
 * table writes them: a range as one left-to-right isolate held on one line (word joiners by its
 * dash), or an Arabic line drew «–٢٠٢٦-١٢-١٥» over «٢٠٢٦-١٢-١٧» (walk s50).
 */
export function exceptionCalled(e: Named, lang: Lang, digits: DigitStyle): string {
  const dates =
    e.from === e.to
      ? calendarDate(e.from, digits)
      : leftToRight(`${calendarDate(e.from, digits)}\u2060–\u2060${calendarDate(e.to, digits)}`)
  return exceptionName(e, lang) || dates
}
