/**
 * The one form the center keeps a citizen's mobile number in, whatever was typed: `+` and the
 * international digits (E.164, `+201012345678`). Every entry point (kiosk ticket, booking, staff
 * booking, join from a phone) stores this form, and every "per phone number" limit compares it,
 * so 01012345678, 201012345678, +20 101 234 5678, 00201012345678 and ٠١٠١٢٣٤٥٦٧٨ are one number.
 * Center migration 21 rewrote the numbers stored before in the same way (Egyptian mobiles).
 * The providers' form (digits without the plus) is made from it by server/notify/phone-number.ts.
 */

import { type DigitStyle, inDigitStyle } from './messages/digits.ts'

/** The one example mobile number every phone field shows, as its placeholder and in its hint. */
export const PHONE_EXAMPLE = '01012345678'

/**
 * The example in the text's digits (`digitsFor(lang, center)`), so a field's placeholder and the
 * sentence under it show the same number in the same digits.
 */
export const phoneExample = (digits: DigitStyle): string => inDigitStyle(PHONE_EXAMPLE, digits)

/** Spaces, dashes, dots and brackets people type inside a number. */
const SEPARATORS = /[\s\-().\u00a0]/g

/** Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits to Western ones. */
const westernDigits = (text: string) =>
  text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0)
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
  })

/** An Egyptian mobile after its trunk 0: 1, then 0, 1, 2 or 5, then eight digits. */
const EGYPT_MOBILE = /^1[0125][0-9]{8}$/

/**
 * The number in the center's one form: `+` and international digits for an Egyptian mobile in any
 * spelling (local 01…, 201…, +201…, 00201…) when `countryCode` is 20 (the default), a local number
 * `0…` of another country as `+<countryCode>…`, and any `+…` / `00…` number as `+…`. Anything else
 * comes back compacted (separators dropped, Western digits) so that it still compares equal to
 * itself. Idempotent: canonicalPhone(canonicalPhone(x)) === canonicalPhone(x).
 */
export function canonicalPhone(typed: string, countryCode = '20'): string {
  const compact = westernDigits(typed.trim()).replace(SEPARATORS, '')
  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : null
  if (international !== null) return /^[1-9][0-9]{6,14}$/.test(international) ? `+${international}` : compact
  if (countryCode === '20') {
    if (compact.startsWith('0') && EGYPT_MOBILE.test(compact.slice(1))) return `+20${compact.slice(1)}`
    if (compact.startsWith('20') && EGYPT_MOBILE.test(compact.slice(2))) return `+${compact}`
    return compact
  }
  if (/^0[1-9][0-9]{5,13}$/.test(compact)) return `+${countryCode}${compact.slice(1)}`
  return compact
}
