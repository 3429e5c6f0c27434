/**
 * Digit shaping for Arabic screens and tickets: labels and figures in Arabic-Indic digits
 * (٠١٢٣٤٥٦٧٨٩), which Egyptian citizens read on displays and tickets. The numbers inside
 * catalogue messages go through `formatNumber` too, so a sentence and a label agree.
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

/** Writes a number with the chosen digits; Arabic-Indic output also uses the Arabic separators (٫ ٬). */
export function formatNumber(n: number, options: FormatNumberOptions = {}): string {
  const { digits = 'western', grouping = false, maximumFractionDigits = 0 } = options
  // A fixed 'en-US' locale gives '.' and ',' that we can map reliably, whatever ICU data the runtime has.
  const western = new Intl.NumberFormat('en-US', {
    useGrouping: grouping,
    maximumFractionDigits,
  }).format(n)
  if (digits === 'western') return western
  return toArabicIndic(western).replace(/,/g, ARABIC_THOUSANDS_SEPARATOR).replace(/\./g, ARABIC_DECIMAL_SEPARATOR)
}

/** A digit style read from untrusted JSON (a device config, an older server); undefined when it is none. */
export const digitStyleOf = (value: unknown): DigitStyle | undefined =>
  value === 'arabic-indic' || value === 'western' ? value : undefined
