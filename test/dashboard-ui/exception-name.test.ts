import { describe, expect, it } from 'vitest'
import { exceptionCalled, exceptionName } from '../../dashboard-ui/exception-name.ts'
import { placeRefusal } from '../../dashboard-ui/hours-errors.ts'
import { DEFAULT_CALENDAR, type HoursException } from '../../protocol/calendar.ts'
import { ApiError } from '../../ui-common/api-client.ts'

/** What a reader sees of the isolates (calendar-date.ts): the characters, without the controls. */
const plain = (s: string) => s.replace(/[\u2066-\u2069\u2060]/g, '')

const eid: HoursException = { from: '2027-03-30', to: '2027-04-01', nameAr: 'عيد الفطر', nameEn: '', hours: [] }
const census: HoursException = { from: '2027-05-10', to: '2027-05-10', nameAr: '', nameEn: 'Census day', hours: [] }

describe('an exception named in the hours tab (s50: «nameAr || nameEn» showed the Arabic name to an English reader)', () => {
  it('by its name in the page language only, as the exceptions table shows it', () => {
    expect(exceptionName(eid, 'ar')).toBe('عيد الفطر')
    expect(exceptionName(eid, 'en')).toBe('')
    expect(exceptionName(census, 'ar')).toBe('')
  })

  it('else by its dates, in the screen digits', () => {
    expect(exceptionCalled(eid, 'ar', 'arabic-indic')).toBe('عيد الفطر')
    expect(plain(exceptionCalled(eid, 'en', 'western'))).toBe('2027-03-30–2027-04-01')
    expect(plain(exceptionCalled(census, 'ar', 'arabic-indic'))).toBe('٢٠٢٧-٠٥-١٠')
    // a range is one left-to-right isolate, its dash held by word joiners: an Arabic line drew «–٢٠٢٦-١٢-١٥» over «٢٠٢٦-١٢-١٧»
    expect(exceptionCalled({ ...eid, nameAr: '' }, 'ar', 'arabic-indic')).toMatch(/^\u2066.*\u2060–\u2060.*\u2069$/)
  })

  it('in the refusal of the same dates added twice, in English and in Arabic', () => {
    const sent = { ...DEFAULT_CALENDAR, exceptions: [eid, { ...eid, nameAr: 'عيد', nameEn: 'Eid' }] }
    const twice = new ApiError(409, 'TABOUR_ERR_DUPLICATE_EXCEPTION', 'exceptions/1 repeats exceptions/0', {
      field: 'exceptions/1/from',
      reason: 'duplicate',
    })
    const en = placeRefusal(twice, sent, 'en')
    expect(en.text).not.toContain('عيد')
    expect(plain(en.text)).toBe(
      'Nothing was saved: These dates already have an exception: “2027-03-30–2027-04-01”. To change it, remove it and add it again',
    )
    expect(placeRefusal(twice, sent, 'ar', 'arabic-indic').text).toContain('«عيد الفطر»')
  })
})
