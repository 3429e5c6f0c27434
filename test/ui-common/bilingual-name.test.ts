import { describe, expect, it } from 'vitest'
import { namePart, textDir } from '../../ui-common/bilingual.ts'

/** A name typed in both languages is shown in the page's (walk 2026-12-05, s35 finding 2). */
describe('bilingual names', () => {
  it('«ar · en» shows the part in the page language, whichever comes first', () => {
    expect(namePart('شاشة الدور الأرضي · Ground floor screen', 'en')).toBe('Ground floor screen')
    expect(namePart('شاشة الدور الأرضي · Ground floor screen', 'ar')).toBe('شاشة الدور الأرضي')
    expect(namePart('Entrance kiosk · كشك المدخل', 'ar')).toBe('كشك المدخل')
    expect(namePart('Entrance kiosk · كشك المدخل', 'en')).toBe('Entrance kiosk')
  })

  it('any other name is shown whole: one language, two parts in one script, three parts, an empty part', () => {
    for (const name of ['تراخيص', 'Permits', 'Hall A · Hall B', 'مرافق · خدمات', 'a · b · ج', ' · Permits', 'Room 7']) {
      expect(namePart(name, 'ar')).toBe(name)
      expect(namePart(name, 'en')).toBe(name)
    }
    // a part with no letter (a number) is not a language
    expect(namePart('7 · Permits', 'ar')).toBe('7 · Permits')
  })

  it('a text takes the direction of its first letter', () => {
    expect(textDir('7 تراخيص')).toBe('rtl')
    expect(textDir('(A) Permits')).toBe('ltr')
    expect(textDir('123 - ')).toBeNull()
  })
})
