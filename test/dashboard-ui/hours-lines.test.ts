import { describe, expect, it } from 'vitest'
import { EXAMPLE_LINE, EXAMPLE_TIME, inHoursStyle, linesOf, NINE_TO_THREE, parseHours, redigit } from '../../dashboard-ui/hours-lines.ts'
import { timeRange, timeRanges } from '../../ui-common/time-range.ts'
import { parseTimeOfDay } from '../../ui-common/time-of-day.ts'
import { hoursEditorText } from '../../protocol/messages/hours-editor.ts'
import { inDigits } from '../../dashboard-ui/format.ts'

describe('a weekly hours line as an admin types it', () => {
  it('takes Arabic-Indic and Extended Arabic-Indic digits as well as Western ones, and stores Western', () => {
    const western = [
      { open: '08:00', close: '15:00' },
      { open: '17:00', close: '20:00' },
    ]
    expect(parseHours('08:00-15:00, 17:00-20:00')).toEqual(western)
    expect(parseHours('٠٨:٠٠-١٥:٠٠، ١٧:٠٠-٢٠:٠٠')).toEqual(western)
    expect(parseHours('۸:۰۰ – ۱۵:۰۰, 17:00-20:00')).toEqual(western)
    expect(parseHours('')).toEqual([])
    expect(parseHours('٨-١٥')).toBeNull()
  })

  it("gives its example in the screen's digits, and the example it gives is one the field takes", () => {
    const arabicIndic = hoursEditorText('hoursTab.dayHint', 'ar', { example: inHoursStyle(EXAMPLE_LINE, 'arabic-indic') })
    // the Arabic comma between Arabic-Indic ranges (walk 2026-12-06: «٠٨:٠٠-١٥:٠٠, ١٧:٠٠-٢٠:٠٠»)
    expect(arabicIndic).toContain('٠٨:٠٠-١٥:٠٠، ١٧:٠٠-٢٠:٠٠')
    expect(arabicIndic).not.toMatch(/[0-9]/)
    expect(hoursEditorText('hoursTab.dayHint', 'en', { example: inHoursStyle(EXAMPLE_LINE, 'western') })).toBe(
      'Intervals such as 08:00-15:00, 17:00-20:00; leave empty for a day off',
    )
    expect(parseHours(inHoursStyle(EXAMPLE_LINE, 'arabic-indic'))).toEqual(parseHours(EXAMPLE_LINE))
  })
})

describe("the business day's start as an admin types it (a text field, not the browser's time input)", () => {
  it('takes a 24-hour time in Western, Arabic-Indic or Extended Arabic-Indic digits and stores HH:MM', () => {
    expect(parseTimeOfDay('04:00')).toBe('04:00')
    expect(parseTimeOfDay('٠٠:٠٠')).toBe('00:00')
    expect(parseTimeOfDay(' ٤:٣٠ ')).toBe('04:30')
    expect(parseTimeOfDay('۲۳:۵۹')).toBe('23:59')
    expect(parseTimeOfDay(inDigits(EXAMPLE_TIME, 'arabic-indic'))).toBe(EXAMPLE_TIME)
  })

  it('refuses what is not a time of day, and words the refusal in the screen language and digits', () => {
    for (const typed of ['', '12:00 AM', '24:00', '4', '04:60', '٤ص']) expect(parseTimeOfDay(typed), typed).toBeNull()
    const ar = hoursEditorText('hoursTab.badDayStart', 'ar', { example: inDigits(EXAMPLE_TIME, 'arabic-indic'), text: '٢٥:٠٠' })
    expect(ar).toBe('لم يُحفظ شيء: اكتب بداية اليوم بالساعة والدقيقة، مثل \u2066٠٤:٠٠\u2069 (وليس «٢٥:٠٠»)')
    expect(hoursEditorText('hoursTab.badDayStart', 'en', { example: EXAMPLE_TIME, text: '25:00' })).toBe(
      'Nothing was saved: write the day’s start as hour and minute, such as 04:00 (not “25:00”)',
    )
  })
})

describe("the lines in the screen's digits", () => {
  it('writes a week in the screen digits, follows a change of digits without losing what was typed, and reads back the same', () => {
    const week = NINE_TO_THREE
    const lines = linesOf(week, 'arabic-indic')
    expect(lines.sun).toBe('٠٨:٠٠-١٥:٠٠')
    expect(lines.fri).toBe('')
    expect(linesOf(week, 'western').sun).toBe('08:00-15:00')
    expect(parseHours(lines.sun)).toEqual(week.sun)
    expect(redigit('08:00-15:00, ١٧:٠٠-20:00 x', 'arabic-indic')).toBe('٠٨:٠٠-١٥:٠٠، ١٧:٠٠-٢٠:٠٠ x')
    expect(redigit('٠٤:٣٠', 'western')).toBe('04:30')
    expect(redigit('٠٨:٠٠-١٤:٠٠، ١٧:٠٠-٢٠:٠٠', 'western')).toBe('08:00-14:00, 17:00-20:00')
    expect(linesOf({ ...week, mon: [...week.mon, { open: '17:00', close: '20:00' }] }, 'arabic-indic').mon).toBe('٠٨:٠٠-١٥:٠٠، ١٧:٠٠-٢٠:٠٠')
  })
})

describe('a range written for a screen (ui-common/time-range.ts)', () => {
  it('isolates each time left to right with an en dash between, so «٠٨:٠٠–١٥:٠٠» reads start first; the box takes it back', () => {
    const day = [
      { open: '08:00', close: '15:00' },
      { open: '17:00', close: '20:00' },
    ]
    expect(timeRange(day[0]!, 'arabic-indic')).toBe('\u2066٠٨:٠٠\u2069–\u2066١٥:٠٠\u2069')
    expect(timeRanges(day, 'arabic-indic')).toBe('\u2066\u2066٠٨:٠٠\u2069–\u2066١٥:٠٠\u2069، \u2066١٧:٠٠\u2069–\u2066٢٠:٠٠\u2069\u2069')
    expect(timeRanges(day, 'western')).toBe('\u2066\u206608:00\u2069–\u206615:00\u2069, \u206617:00\u2069–\u206620:00\u2069\u2069')
    // the hint's example copied into a day's box
    expect(parseHours(timeRanges(day, 'arabic-indic'))).toEqual(day)
    expect(parseHours(timeRanges(day, 'western'))).toEqual(day)
  })
})
