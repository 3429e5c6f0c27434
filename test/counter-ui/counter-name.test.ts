import { describe, expect, it } from 'vitest'
import { counterNameParts } from '../../counter-ui/counter-name.ts'

/**
 * The console's counter names (the transfer dialog, the header, the chooser): each language's part
 * isolated in its own direction. As one `<bdi>` the English screen wrapped counter 2 as «تراخيص» /
 * "Permits and · وتصالح" / "reconciliation" (walk s50).
 */
describe("a counter's name on the console", () => {
  const both = 'تراخيص وتصالح · Permits and reconciliation'

  it("gives the screen's language's part first, then the other, each with its own direction", () => {
    expect(counterNameParts(both, 'en')).toEqual([
      { text: 'Permits and reconciliation', dir: 'ltr' },
      { text: 'تراخيص وتصالح', dir: 'rtl' },
    ])
    expect(counterNameParts(both, 'ar')).toEqual([
      { text: 'تراخيص وتصالح', dir: 'rtl' },
      { text: 'Permits and reconciliation', dir: 'ltr' },
    ])
  })

  it('gives a name in one language, or one not parted as the convention says, whole', () => {
    expect(counterNameParts('Counter 1', 'ar')).toEqual([{ text: 'Counter 1', dir: 'ltr' }])
    expect(counterNameParts('شباك الاستعلامات', 'en')).toEqual([{ text: 'شباك الاستعلامات', dir: 'rtl' }])
    expect(counterNameParts('تراخيص · مرور', 'en')).toEqual([{ text: 'تراخيص · مرور', dir: 'rtl' }])
  })
})
