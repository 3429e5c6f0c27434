import { describe, expect, it } from 'vitest'
import { canonicalPhone } from '../../../protocol/phone-number.ts'
import { normalizePhone } from '../../../server/notify/phone-number.ts'

/** The providers' form is the center's one form without its plus: both normalisers read every spelling alike. */
describe('normalizePhone builds on canonicalPhone', () => {
  it.each([
    ['01012345678', '201012345678'],
    ['+20 101 234 5678', '201012345678'],
    ['00201012345678', '201012345678'],
    ['٠١٠١٢٣٤٥٦٧٨', '201012345678'],
    ['+447700900123', '447700900123'],
  ])('%s → %s, the same as from its stored form', (typed, provider) => {
    expect(normalizePhone(typed)).toBe(provider)
    expect(normalizePhone(canonicalPhone(typed))).toBe(provider)
    expect(canonicalPhone(typed)).toBe(`+${provider}`)
  })

  it('refuses what the one form leaves local, and an Egyptian number that is not a mobile', () => {
    for (const bad of ['0223456789', '123456', '+2023456789'])
      expect(() => normalizePhone(canonicalPhone(bad))).toThrow(expect.objectContaining({ code: 'TABOUR_ERR_INVALID_PHONE' }))
  })
})
