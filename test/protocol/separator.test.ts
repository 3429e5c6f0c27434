import { describe, expect, it } from 'vitest'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { toArabicIndic } from '../../ui-common/digits.ts'
import { CATALOGUES } from './catalogues.ts'

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

  // s51: «F — الاستعلامات والشكاوى — دقائق قبل الإغلاق» wrapped at 1366 px with its second line
  // starting with the dash. A line may break after the dash, never before it.
  it('holds its dash to the word before it: a no-break space before, a breakable one after', () => {
    expect(SEPARATOR).toBe('\u00a0— ')
  })
})

/**
 * Every catalogue writes the separator out (constant strings, for the build): the same no-break
 * space before each dash, so no message's line starts with «—» where it wraps.
 */
describe('messages with a dash', () => {
  const breakBeforeDash = /[^\S\u00a0]—/
  it('never break before it', () => {
    for (const [name, catalogue] of Object.entries(CATALOGUES)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.ar, `${name} ${key} ar`).not.toMatch(breakBeforeDash)
        expect(text.en, `${name} ${key} en`).not.toMatch(breakBeforeDash)
      }
    }
  })
})

/**
 * Every catalogue: a "·" never stands next to a placeholder or a digit, where it would read as ٠
 * beside Arabic-Indic figures (the paper ticket's priority line, the console's badges, the
 * printed day line, the webhook and SMS counters were such lines). Messages must be constant
 * strings for the build, so they write the one separator out; a "·" between two words stays.
 */
describe('messages that separate figures', () => {
  const besideFigure = /[·•]\s*(\{|[0-9\u0660-\u0669])|(\}|[0-9\u0660-\u0669])\s*[·•]/
  it('use the one separator, never "·", next to a figure', () => {
    for (const [name, catalogue] of Object.entries(CATALOGUES)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.ar, `${name} ${key} ar`).not.toMatch(besideFigure)
        expect(text.en, `${name} ${key} en`).not.toMatch(besideFigure)
      }
    }
  })
})
