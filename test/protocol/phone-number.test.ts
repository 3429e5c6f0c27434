import { describe, expect, it } from 'vitest'
import { canonicalPhone } from '../../protocol/phone-number.ts'

describe('canonicalPhone: one form for every spelling of a number', () => {
  it.each([
    ['01012345678', '+201012345678'],
    ['201012345678', '+201012345678'],
    ['+201012345678', '+201012345678'],
    ['00201012345678', '+201012345678'],
    ['+20 101 234 5678', '+201012345678'],
    ['010-1234-5678', '+201012345678'],
    ['٠١٠١٢٣٤٥٦٧٨', '+201012345678'],
    ['۰۱۵۱۲۳۴۵۶۷۸', '+201512345678'],
    ['+447700900123', '+447700900123'],
    ['00447700900123', '+447700900123'],
    // not a mobile: kept compacted, so it still equals itself
    ['0223456789', '0223456789'],
    ['123456', '123456'],
  ])('%s → %s', (typed, canonical) => {
    expect(canonicalPhone(typed)).toBe(canonical)
    expect(canonicalPhone(canonical)).toBe(canonical)
  })

  it("uses another country's code for a local number when the center's is not Egypt's", () => {
    expect(canonicalPhone('0501234567', '966')).toBe('+966501234567')
    expect(canonicalPhone('+966501234567', '966')).toBe('+966501234567')
    expect(canonicalPhone('01012345678', '966')).toBe('+9661012345678')
  })
})
