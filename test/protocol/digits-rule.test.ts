import { describe, expect, it } from 'vitest'
import { digitsFor, formatNumber, intlLocale, ticketLabel } from '../../protocol/messages/digits.ts'
import { appointmentText } from '../../protocol/messages/appointments.ts'
import { kioskText } from '../../protocol/messages/kiosk.ts'
import { joinText } from '../../protocol/messages/join.ts'
import { figureLabel } from '../../protocol/messages/dashboard.ts'
import { PHONE_EXAMPLE, phoneExample } from '../../protocol/phone-number.ts'
import { peopleAheadText, waitText } from '../../protocol/messages/ticket.ts'
import { ticketText } from '../../drivers/printer/index.ts'
import { SAMPLE } from '../drivers/printer/fixtures.ts'
import { staffAppointmentText } from '../../protocol/messages/staff-appointments.ts'
import { fieldErrorText } from '../../protocol/messages/config-forms.ts'

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

describe('the Intl locale of dates and times (intlLocale)', () => {
  const at = Date.UTC(2026, 11, 4, 14, 5)
  const time = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Africa/Cairo', hour: 'numeric', minute: '2-digit' }).format(at)

  it("pins Arabic's numbering system to the center's digits, and English to Western, whatever the runtime's default", () => {
    expect(intlLocale('ar', 'western')).toBe('ar-EG-u-nu-latn')
    expect(intlLocale('ar', 'arabic-indic')).toBe('ar-EG-u-nu-arab')
    expect(intlLocale('ar', undefined)).toBe('ar-EG-u-nu-latn')
    expect(intlLocale('en', 'arabic-indic')).toBe('en-GB')
    expect(time(intlLocale('ar', 'western'))).toMatch(/4:05/)
    expect(time(intlLocale('ar', 'western'))).not.toMatch(/[٠-٩]/)
    expect(time(intlLocale('ar', 'arabic-indic'))).toMatch(/٤:٠٥/)
  })
})

describe('a phone field and its hint show one example, in the text’s digits', () => {
  it('the placeholder and every hint carry phoneExample(digits)', () => {
    for (const digits of ['western', 'arabic-indic'] as const) {
      const example = phoneExample(digits)
      expect(example).toBe(digits === 'western' ? PHONE_EXAMPLE : '٠١٠١٢٣٤٥٦٧٨')
      for (const key of ['book.phoneHint', 'book.phoneHintNoMessages'] as const)
        expect(appointmentText(key, 'ar', { example }, digits)).toContain(example)
      expect(kioskText('kiosk.phone.invalid', 'ar', { example }, digits)).toContain(example)
      // the dashboard's phone booking card too (the walk of 2026-12-06 read «مثال: 01012345678» on an Arabic-Indic page)
      expect(staffAppointmentText('staffBook.phoneHint', 'ar', { example }, digits)).toBe(`مثال: ${example}`)
      expect(joinText('join.phoneBad', 'ar', { example }, digits)).toContain(example)
      // no other number in the sentence, in either set of digits
      expect(joinText('join.phoneBad', 'ar', { example }, digits).replace(example, '')).not.toMatch(/[0-9٠-٩]/)
    }
  })
})

describe("a form's refusal writes its limit in the screen's digits (walk 2026-12-06: «8 من الأحرف» on an Arabic-Indic page)", () => {
  it('a length, a bound and a password minimum', () => {
    const short = { code: 'TABOUR_ERR_VALIDATION', detail: { field: 'body/password', reason: 'minLength', limit: 8 } }
    expect(fieldErrorText(short, 'كلمة المرور', 'ar', 'arabic-indic')).toBe('«كلمة المرور»: ٨ من الأحرف على الأقل')
    expect(fieldErrorText(short, 'Password', 'en', 'western')).toBe('Password needs at least 8 characters')
    const bound = { code: 'TABOUR_ERR_VALIDATION', detail: { field: 'body/feedbackAlertBelowAverage', reason: 'maximum', limit: 4.5 } }
    expect(fieldErrorText(bound, 'التنبيه', 'ar', 'arabic-indic')).toBe('«التنبيه»: أكبر قيمة ٤٫٥')
    const password = { code: 'TABOUR_ERR_PASSWORD_TOO_SHORT', detail: { field: 'body/password', reason: 'too-short', limit: 12 } }
    expect(fieldErrorText(password, 'كلمة المرور', 'ar', 'arabic-indic')).toContain('١٢')
    expect(fieldErrorText(password, 'كلمة المرور', 'ar', 'arabic-indic')).not.toMatch(/[0-9]/)
  })
})

describe("a form's refusal says what to do, not the schema's words (walk 2026-12-06 18:58)", () => {
  it('an emptied required text is "required", never "at least 1 characters"', () => {
    const emptied = { code: 'TABOUR_ERR_VALIDATION', detail: { field: 'nameEn', reason: 'minLength', limit: 1 } }
    expect(fieldErrorText(emptied, 'Name (English)', 'en')).toBe('Name (English) is required')
    expect(fieldErrorText(emptied, 'الاسم بالإنجليزية', 'ar')).toBe('«الاسم بالإنجليزية» مطلوب')
  })

  it("a priority category's line is named by its number, in the screen's digits", () => {
    const noEnglish = { code: 'TABOUR_ERR_VALIDATION', detail: { field: 'priorityCategories/1/nameEn', reason: 'minLength', limit: 1 } }
    expect(fieldErrorText(noEnglish, 'Priority categories', 'en')).toBe(
      'Line 2: write the code, the Arabic name and the English name, separated by commas',
    )
    expect(fieldErrorText(noEnglish, 'فئات الأولوية', 'ar', 'arabic-indic')).toMatch(/^السطر ٢: /)
    const badCode = { code: 'TABOUR_ERR_VALIDATION', detail: { field: 'priorityCategories/0/code', reason: 'pattern' } }
    expect(fieldErrorText(badCode, 'Priority categories', 'en')).toMatch(/^Line 1: the code is lower-case Latin letters/)
    // the whole list's refusals keep their own sentences
    const twice = { code: 'TABOUR_ERR_VALIDATION', detail: { field: 'priorityCategories', reason: 'duplicate' } }
    expect(fieldErrorText(twice, 'Priority categories', 'en')).toBe('A category code is listed twice')
  })
})

describe('figure labels follow the digits (the p90 labels carry their percentile)', () => {
  it('writes 90 in the screen’s digits', () => {
    expect(figureLabel('kpi.p90Wait', 'ar', 'western')).toBe('انتظار 90٪')
    expect(figureLabel('kpi.p90Wait', 'ar', 'arabic-indic')).toBe('انتظار ٩٠٪')
    expect(figureLabel('col.p90Service', 'en', 'western')).toBe('P90 service')
  })
})
