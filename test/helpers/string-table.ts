/**
 * The checks every UI strings table must pass: each key has non-empty Arabic and English, the
 * Arabic really is Arabic, and nothing else. Each screen's test calls this on its own table.
 */
import { expect, it } from 'vitest'
import { LANGS, translator, type StringTable } from '../../ui-common/i18n.ts'

const ARABIC_LETTER = /\p{Script=Arabic}/u

export function itIsBilingual(table: StringTable): void {
  const keys = Object.keys(table)
  const { t } = translator(table)

  it('has strings', () => {
    expect(keys.length).toBeGreaterThan(0)
  })

  it.each(keys)('%s has non-empty ar and en', (key) => {
    for (const lang of LANGS) expect(t(key, lang).trim()).not.toBe('')
  })

  it.each(keys)('%s: the ar string contains Arabic letters', (key) => {
    expect(t(key, 'ar')).toMatch(ARABIC_LETTER)
  })

  it('has exactly ar and en for every key', () => {
    for (const key of keys) expect(Object.keys(table[key]).sort()).toEqual(['ar', 'en'])
  })
}
