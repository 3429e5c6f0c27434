import { describe, expect, it } from 'vitest'
import { outcomeRowName } from '../../dashboard-ui/config/outcome-row-name.ts'

describe("a finish outcome's row in its buttons' labels (s50: the other language's name filled in)", () => {
  it('is its name in the screen language, else its number as the heading counts it', () => {
    const typedInArabic = { nameAr: ' أوراق ناقصة ', nameEn: '' }
    expect(outcomeRowName(typedInArabic, 2, 'ar', 'arabic-indic')).toBe('أوراق ناقصة')
    expect(outcomeRowName(typedInArabic, 2, 'en', 'western')).toBe('outcome 3')
    expect(outcomeRowName({ nameAr: '', nameEn: 'Incomplete papers' }, 0, 'ar', 'arabic-indic')).toBe('النتيجة ١')
    expect(outcomeRowName({ nameAr: 'أوراق ناقصة', nameEn: 'Incomplete papers' }, 1, 'en', 'western')).toBe('Incomplete papers')
  })
})
