/** Pure formatting for the dashboard (unit-tested in test/dashboard-ui). */
import { formatNumber, inDigitStyle, intlLocale, type DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { clockTime, dayIn } from '../protocol/messages/clock-time.ts'

/** A figure with the chosen digits; '—' for null. */
export function num(n: number | null | undefined, digits: DigitStyle, fraction = 0): string {
  return n === null || n === undefined ? '—' : formatNumber(n, { digits, grouping: true, maximumFractionDigits: fraction })
}

/** Seconds as m:ss under an hour and h:mm:ss above ("4:05", "1:02:03"), for waits and service times; '—' for null. */
export function duration(seconds: number | null | undefined, digits: DigitStyle): string {
  return clock(seconds, digits, false)
}

/**
 * Seconds always as h:mm:ss ("8:00:00", "0:00:45"), for time over a day (open time, a clerk's
 * busy, idle and paused time): one column in one format, never «٨:٠٠:٠٠» over «٠:٠٠»; '—' for null.
 */
export function dayDuration(seconds: number | null | undefined, digits: DigitStyle): string {
  return clock(seconds, digits, true)
}

function clock(seconds: number | null | undefined, digits: DigitStyle, withHours: boolean): string {
  if (seconds === null || seconds === undefined) return '—'
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  const text = h > 0 || withHours ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
  return inDigits(text, digits)
}

/** Text the dashboard writes itself (a date, an hour, `08:00-16:00`) with its digits in the screen's style. */
export const inDigits = inDigitStyle

/** A percentage with one decimal ("57.1%"); '—' for null. */
export function percent(p: number | null | undefined, digits: DigitStyle, lang: Lang): string {
  if (p === null || p === undefined) return '—'
  const n = formatNumber(p, { digits, maximumFractionDigits: 1 })
  return lang === 'ar' ? `${n}٪` : `${n}%`
}

/** YYYY-MM-DD of an instant in the center's zone (protocol/messages/clock-time.ts). */
export { dayIn }

/**
 * A center day (YYYY-MM-DD) in words with the screen's digits: «السبت، ٥ ديسمبر ٢٠٢٦», "Saturday,
 * 5 December 2026". The raw ISO day inside an Arabic sentence showed Western digits and read
 * backwards (walk 2026-12-05). Noon UTC names the same calendar day in every zone.
 */
export function dayInWords(day: string, lang: Lang, digits: DigitStyle): string {
  return new Intl.DateTimeFormat(intlLocale(lang, digits), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`))
}

/**
 * An instant in words, in the center's zone, with the screen's digits: «الاثنين، ٧ ديسمبر ٢٠٢٦، ٣:٢٢ م»,
 * "Monday, 7 December 2026, 3:22 PM". The change log wrote "07/12/2026, 15:22", which an American
 * reads as July 12 (walk s52).
 */
export function momentInWords(at: number | string, timeZone: string, lang: Lang, digits: DigitStyle): string {
  return `${dayInWords(dayIn(at, timeZone), lang, digits)}${lang === 'ar' ? '،' : ','} ${clockTime(at, timeZone, lang, digits)}`
}

/**
 * An instant as the dashboard's device lines write it: its time alone when it is today in the center's
 * zone, else as every other instant of the dashboard (momentInWords): «الأحد، ٦ ديسمبر ٢٠٢٦، ٩:٤٤ م», "Sunday,
 * 6 December 2026, 9:44 PM". They wrote "Sunday 6 December, 9:44 PM" (the booking pages' day name, no
 * comma), a last backup "06/12/2026, 21:44:00", and a screen last seen yesterday by its time alone (walk s53).
 */
export function timeOrMoment(at: number | string, now: number, timeZone: string, lang: Lang, digits: DigitStyle): string {
  return dayIn(at, timeZone) === dayIn(now, timeZone) ? clockTime(at, timeZone, lang, digits) : momentInWords(at, timeZone, lang, digits)
}

/** `day` moved by `n` days. */
export function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/** Priority categories as the settings form edits them: one `code, Arabic, English` per line. */
export function categoriesToText(list: { code: string; nameAr: string; nameEn: string }[]): string {
  return list.map((c) => `${c.code}, ${c.nameAr}, ${c.nameEn}`).join('\n')
}

export function textToCategories(text: string): { code: string; nameAr: string; nameEn: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = '', nameAr = '', ...rest] = line.split(',').map((p) => p.trim())
      return { code, nameAr, nameEn: rest.join(', ') }
    })
}
