import { describe, expect, it } from 'vitest'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { toArabicIndic } from '../../ui-common/digits.ts'

/**
 * Walk finding 15: the separator between two parts of a line must not be read as a digit in
 * either digit set. "·" (U+00B7) and "•" are drawn like the Arabic-Indic zero ٠; "." and "|" like
 * a Western dot or an Arabic-Indic one ١.
 */
describe('the one separator', () => {
  it('holds no character that looks like a digit in Western or Arabic-Indic digits', () => {
    const lookalikes = ['·', '•', '.', '|', 'l', 'I', '٠', '١', '٫', '٬', ...'0123456789', ...toArabicIndic('0123456789')]
    for (const c of lookalikes) expect(SEPARATOR, c).not.toContain(c)
    expect(SEPARATOR.trim()).not.toBe('')
  })
})
