import { describe, expect, it } from 'vitest'
import { counterText } from '../../dashboard-ui/counter-name.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'

/**
 * Walk of 2026-12-05 09:40: «١ · تراخيص» read as «٠١», a "·" beside an Arabic-Indic number being
 * drawn like the zero ٠. A counter's number and name are parted by the one separator.
 */
describe("a counter's number and name on the dashboard", () => {
  it('are parted by the one separator, the number in the screen digits and the name in its language', () => {
    const counter = { number: 1, name: 'تراخيص · Permits' }
    expect(counterText(counter, 'ar', 'arabic-indic')).toBe(`١${SEPARATOR}تراخيص`)
    expect(counterText(counter, 'en', 'western')).toBe(`1${SEPARATOR}Permits`)
    expect(counterText(counter, 'ar', 'arabic-indic')).not.toContain('·')
  })
})
