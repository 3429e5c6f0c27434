/**
 * Digit shaping for every screen and the paper ticket. The center has one setting (config
 * `screens.digits` or the admin's override, sent to screens as `CenterInfo.digits`); no device
 * has its own. The rule, the same everywhere (kiosk, paper, display, console, dashboard, status page):
 *
 * - Figures in Arabic text (people ahead, minutes, counter numbers, dates, the clock) use the
 *   center's digits: `digitsFor('ar', center)`.
 * - English text always uses Western digits: `digitsFor('en', center)` is 'western'.
 * - A ticket label (a Latin letter and a number, `A-015`) is always written with Western
 *   digits, in both languages: `ticketLabel`. Arabic-Indic ٠ is a dot and ١ a bare stroke in
 *   every font we use (Cairo on screen and on the big paper label, Noto Naskh Arabic), so
 *   beside a Latin letter and a dash «A-٠١٥» reads as "A-·l٥"; no size fixes that. The label is
 *   also what clerks type, the voice reads letter by number, and what one citizen compares
 *   with the display: one spelling keeps them the same.
 *
 * The numbers inside catalogue messages go through `formatNumber`, so a sentence and a figure agree.
 */

/** Which digits to write numbers with. */
export type DigitStyle = 'western' | 'arabic-indic'

/** Options for `formatNumber`. */
export interface FormatNumberOptions {
  /** Digits to use; default 'western'. */
  digits?: DigitStyle
  /** Thousands separators; default false (ticket numbers and counters have none). */
  grouping?: boolean
  /** Most digits after the decimal point; default 0 (rounds to a whole number). */
  maximumFractionDigits?: number
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩'
const ARABIC_DECIMAL_SEPARATOR = '٫'
const ARABIC_THOUSANDS_SEPARATOR = '٬'

/** Replaces every Western digit 0-9 with its Arabic-Indic digit; other characters stay: 'A-015' → 'A-٠١٥'. */
export function toArabicIndic(text: string): string {
  return text.replace(/[0-9]/g, (d) => ARABIC_INDIC[d.charCodeAt(0) - 48])
}

/** Text a screen writes itself (a time, `4:05`, `08:00-16:00`) with its Western digits in `digits`' style. */
export function inDigitStyle(text: string, digits: DigitStyle): string {
  return digits === 'arabic-indic' ? toArabicIndic(text) : text
}

/**
 * Replaces Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹, Persian/Urdu keyboards)
 * digits with Western ones, for input typed on an Arabic keyboard.
 */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0)
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
  })
}

// Building an Intl.NumberFormat costs far more than formatting with one, and the first one loads
// the runtime's number data: on a kiosk's weak CPU both showed in the start-up profile (issue 22).
// So one per option pair, kept, and none at all for what a screen shows most: whole numbers.
const numberFormats = new Map<string, Intl.NumberFormat>()

/** A fixed 'en-US' format gives '.' and ',' that we can map reliably, whatever ICU data the runtime has. */
function westernFormat(grouping: boolean, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${grouping}|${maximumFractionDigits}`
  let format = numberFormats.get(key)
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat('en-US', { useGrouping: grouping, maximumFractionDigits })))
  return format
}

/** Whether `String(n)` is what the format would write: a whole number below 1e21 (no exponent), not -0, ungrouped (or too small to group). */
const plainInteger = (n: number, grouping: boolean): boolean =>
  Number.isInteger(n) && !Object.is(n, -0) && Math.abs(n) < (grouping ? 1000 : 1e21)

/** Writes a number with the chosen digits; Arabic-Indic output also uses the Arabic separators (٫ ٬). */
export function formatNumber(n: number, options: FormatNumberOptions = {}): string {
  const { digits = 'western', grouping = false, maximumFractionDigits = 0 } = options
  const western = plainInteger(n, grouping) ? String(n) : westernFormat(grouping, maximumFractionDigits).format(n)
  if (digits === 'western') return western
  return toArabicIndic(western).replace(/,/g, ARABIC_THOUSANDS_SEPARATOR).replace(/\./g, ARABIC_DECIMAL_SEPARATOR)
}

/** A digit style read from untrusted JSON (a device config, an older server); undefined when it is none. */
export const digitStyleOf = (value: unknown): DigitStyle | undefined =>
  value === 'arabic-indic' || value === 'western' ? value : undefined

/** The digits for text in `lang`: the center's for Arabic, Western for English (see the rule above); default 'western'. */
export function digitsFor(lang: 'ar' | 'en', centerDigits: DigitStyle | null | undefined): DigitStyle {
  return lang === 'ar' && centerDigits === 'arabic-indic' ? 'arabic-indic' : 'western'
}

/** A ticket label as every screen and the paper write it: Western digits whatever the language ('A-٠١٥' → 'A-015'). */
export const ticketLabel = (label: string): string => toWesternDigits(label.trim())

/**
 * The Intl locale for dates and times in `lang` under the center's digits (the rule above): 'en-GB' in English,
 * Arabic with the numbering system pinned either way ('ar-EG-u-nu-latn' or 'ar-EG-u-nu-arab'), because a bare
 * 'ar-EG' writes Arabic-Indic digits in Chromium and Western ones in some ICU builds. Every screen's dates and figures take it, the display's Hijri date too (with `calendar: 'islamic-umalqura'`).
 */
export function intlLocale(lang: 'ar' | 'en', centerDigits: DigitStyle | null | undefined): string {
  if (lang === 'en') return 'en-GB'
  return digitsFor('ar', centerDigits) === 'arabic-indic' ? 'ar-EG-u-nu-arab' : 'ar-EG-u-nu-latn'
}
