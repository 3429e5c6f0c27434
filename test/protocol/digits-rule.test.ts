import { describe, expect, it } from 'vitest'
import { digitsFor, formatNumber, ticketLabel } from '../../protocol/messages/digits.ts'
import { peopleAheadText, waitText } from '../../protocol/messages/ticket.ts'
import { ticketText } from '../../drivers/printer/index.ts'
import { SAMPLE } from '../drivers/printer/fixtures.ts'

/** The one digits rule (protocol/messages/digits.ts) every screen and the paper apply. */
describe('the digits rule', () => {
  it("Arabic text takes the center's digits; English text is always Western", () => {
    expect(digitsFor('ar', 'arabic-indic')).toBe('arabic-indic')
    expect(digitsFor('ar', 'western')).toBe('western')
    expect(digitsFor('en', 'arabic-indic')).toBe('western')
    expect(digitsFor('en', 'western')).toBe('western')
    // no setting known yet (an older server, a page still loading): Western
    expect(digitsFor('ar', undefined)).toBe('western')
    expect(digitsFor('ar', null)).toBe('western')
    expect(formatNumber(3, { digits: digitsFor('ar', 'arabic-indic') })).toBe('٣')
    expect(formatNumber(3, { digits: digitsFor('en', 'arabic-indic') })).toBe('3')
  })

  it('a ticket label is written with Western digits in every language, whatever it was given in', () => {
    expect(ticketLabel('B-001')).toBe('B-001')
    expect(ticketLabel('B-٠٠١')).toBe('B-001')
    expect(ticketLabel(' A-۰۱۵ ')).toBe('A-015')
    expect(ticketLabel('A-1000')).toBe('A-1000')
  })

  it("the paper: the label Western under either setting, the Arabic lines the center's digits, the English lines Western", () => {
    for (const digits of ['arabic-indic', 'western'] as const) {
      const paper = ticketText({ ...SAMPLE, label: 'A-015', peopleAhead: 3, estimatedWaitSeconds: 15 * 60, digits })
      expect(paper.label).toBe('A-015')
      expect(paper.aheadAr).toBe(peopleAheadText(3, 'ar', digits))
      expect(paper.aheadAr).toBe(digits === 'arabic-indic' ? 'أمامك ٣ أشخاص' : 'أمامك 3 أشخاص')
      expect(paper.aheadEn).toBe('3 people ahead of you')
      expect(paper.waitAr).toContain(waitText(15 * 60, 'ar', digits))
      expect(paper.waitEn).toBe('Estimated wait: about 15 minutes')
      expect(/[٠-٩]/.test(paper.dateAr)).toBe(digits === 'arabic-indic')
      expect(/[٠-٩]/.test(paper.dateEn)).toBe(false)
    }
  })
})
