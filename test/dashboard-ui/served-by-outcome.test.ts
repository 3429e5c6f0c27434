import { describe, expect, it } from 'vitest'
import { servedOutcomesLine } from '../../dashboard-ui/served-by-outcome.ts'
import { outcomeName } from '../../protocol/messages/finish-outcome-name.ts'

const OUTCOMES = [
  { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
  { code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' },
  { code: 'old_code', nameAr: null, nameEn: null },
  { code: null, nameAr: null, nameEn: null },
]

describe('served by finish outcome, in words (dashboard-ui/served-by-outcome.ts)', () => {
  it('names a configured outcome in the language, a removed one by its code, none in words', () => {
    expect(OUTCOMES.map((o) => outcomeName(o, 'en'))).toEqual([
      'Served',
      'Incomplete papers',
      '\u2068old_code\u2069 (no longer an outcome)',
      'No outcome recorded',
    ])
    expect(OUTCOMES.map((o) => outcomeName(o, 'ar'))).toEqual([
      'تمت الخدمة',
      'أوراق غير مكتملة',
      '\u2068old_code\u2069 (لم تعد ضمن النتائج)',
      'دون نتيجة مسجلة',
    ])
  })

  it('the live line lists the outcomes with tickets, in the screen’s digits; nothing served, no line', () => {
    const f = { outcomes: OUTCOMES, counts: [12, 3, 0, 1] }
    expect(servedOutcomesLine(f, 'en', 'western')).toBe('By outcome: Served 12, Incomplete papers 3, No outcome recorded 1')
    expect(servedOutcomesLine(f, 'ar', 'arabic-indic')).toBe('حسب النتيجة: تمت الخدمة ١٢، أوراق غير مكتملة ٣، دون نتيجة مسجلة ١')
    expect(servedOutcomesLine({ outcomes: OUTCOMES, counts: [0, 0, 0, 0] }, 'en', 'western')).toBeNull()
  })
})
