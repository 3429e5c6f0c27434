/**
 * Mobile numbers as providers want them: E.164 digits without the plus (SMPP's
 * destination_addr with TON 1 / NPI 1, WhatsApp's `to`). The number is first put in the center's
 * one form (protocol/phone-number.ts canonicalPhone: what every entry point stores), so the two
 * agree on every spelling; a number that does not come out international is refused.
 */
import { canonicalPhone } from '../../protocol/phone-number.ts'
import { domainError, ErrorCodes } from '../errors.ts'

const INTERNATIONAL = /^[1-9][0-9]{7,14}$/

/** The number as E.164 digits (no plus), or throws TABOUR_ERR_INVALID_PHONE. `countryCode` default 20 (Egypt). */
export function normalizePhone(raw: string, countryCode = '20'): string {
  const canonical = canonicalPhone(raw, countryCode)
  const international = canonical.startsWith('+') ? canonical.slice(1) : null
  if (international !== null && INTERNATIONAL.test(international)) {
    if (international.startsWith('20') && !/^201[0125][0-9]{8}$/.test(international))
      throw domainError(ErrorCodes.INVALID_PHONE, 'an Egyptian mobile number is 20 1x and eight digits')
    return international
  }
  throw domainError(ErrorCodes.INVALID_PHONE, 'not a mobile number: use 01x and eight digits, or +country code and number')
}

/** The number as staff other than admins see it: the last three digits only (`•••••••••456`). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return `${'•'.repeat(Math.max(0, digits.length - 3))}${digits.slice(-3)}`
}
