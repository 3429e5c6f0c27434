/**
 * Mobile numbers as providers want them: E.164 digits without the plus (SMPP's
 * destination_addr with TON 1 / NPI 1, WhatsApp's `to`). A local Egyptian mobile (010, 011, 012,
 * 015 and eight digits) gets the country code; anything else must already be international.
 */
import { domainError, ErrorCodes } from '../errors.ts'

const EGYPT_LOCAL_MOBILE = /^01[0125][0-9]{8}$/
const INTERNATIONAL = /^[1-9][0-9]{7,14}$/

/** The number as E.164 digits (no plus), or throws TABOUR_ERR_INVALID_PHONE. `countryCode` default 20 (Egypt). */
export function normalizePhone(raw: string, countryCode = '20'): string {
  const compact = raw.replace(/[\s\-().]/g, '')
  if (EGYPT_LOCAL_MOBILE.test(compact) && countryCode === '20') return `20${compact.slice(1)}`
  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : null
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
