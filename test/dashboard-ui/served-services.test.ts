import { describe, expect, it } from 'vitest'
import { servedInWords, servedWithPrefixes } from '../../dashboard-ui/served-services.ts'

const SERVICES = [
  { id: 1, prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' },
  { id: 2, prefix: 'B', nameAr: 'السجل المدني', nameEn: 'Civil records' },
  { id: 3, prefix: 'D', nameAr: 'المرور', nameEn: 'Traffic' },
]

describe('the services a counter serves, in words (issue 15 item 3: not "A×2 B" / "D×0 E")', () => {
  it('names each service in the language, with how its wait counts when the weight is not 1', () => {
    const served = [
      { serviceId: 1, weight: 2 },
      { serviceId: 2, weight: 1 },
    ]
    expect(servedInWords(served, SERVICES, 'en')).toBe('Passports (wait counts double), Civil records')
    expect(servedInWords(served, SERVICES, 'ar')).toBe('الجوازات (انتظارها مضاعف)، السجل المدني')
  })

  it('says "backup" for weight 0 and writes other weights with the screen\'s digits', () => {
    const served = [
      { serviceId: 3, weight: 0 },
      { serviceId: 2, weight: 3 },
    ]
    expect(servedInWords(served, SERVICES, 'en')).toBe('Traffic (backup), Civil records (wait counts ×3)')
    expect(servedInWords(served, SERVICES, 'ar', 'arabic-indic')).toBe('المرور (احتياطي)، السجل المدني (انتظارها ×٣)')
  })

  // walk s54: the admin's counters table listed D, deactivated, as any other
  it('marks a deactivated service, in words and with its prefix', () => {
    const off = SERVICES.map((s) => (s.id === 3 ? { ...s, active: false } : s))
    const served = [
      { serviceId: 1, weight: 1 },
      { serviceId: 3, weight: 2 },
    ]
    expect(servedInWords(served, off, 'en')).toBe('Passports, Traffic (wait counts double) (deactivated)')
    expect(servedInWords(served, off, 'ar')).toBe('الجوازات، المرور (انتظارها مضاعف) (متوقفة)')
    expect(servedWithPrefixes([{ serviceId: 3, weight: 1 }], off, 'en')).toBe('\u2068D\u2069\u00a0—\u00a0\u2068Traffic\u2069 (deactivated)')
  })

  it('no services, and a service it no longer knows', () => {
    expect(servedInWords([], SERVICES, 'en')).toBe('No services')
    expect(servedInWords([{ serviceId: 9, weight: 1 }], SERVICES, 'ar')).toBe('?')
  })
})

/**
 * Walk s50, 1366 px, Arabic: the counters form's table wrapped «… B» / «— طلبات التصالح (وزن ٢)»,
 * a line of the cell starting with the separator. Each item holds its prefix, dash and name together.
 */
describe("the counters form's table: each service by its prefix and name", () => {
  const served = [
    { serviceId: 1, weight: 1 },
    { serviceId: 2, weight: 2 },
  ]
  const FSI = '\u2068'
  const PDI = '\u2069'

  it('never breaks a line beside the dash: no-break spaces around it, each part isolated', () => {
    const ar = servedWithPrefixes(served, SERVICES, 'ar', 'arabic-indic')
    expect(ar).toBe(`${FSI}A${PDI}\u00a0—\u00a0${FSI}الجوازات${PDI}، ${FSI}B${PDI}\u00a0—\u00a0${FSI}السجل المدني${PDI}\u00a0(وزن\u00a0٢)`)
    for (const text of [ar, servedWithPrefixes(served, SERVICES, 'en')]) {
      // a breakable space beside the dash is where a line could end with «B» or start with «—»
      expect(text).not.toMatch(/ —|— /)
    }
    expect(servedWithPrefixes(served, SERVICES, 'en')).toBe(
      `${FSI}A${PDI}\u00a0—\u00a0${FSI}Passports${PDI}, ${FSI}B${PDI}\u00a0—\u00a0${FSI}Civil records${PDI}\u00a0(weight\u00a02)`,
    )
  })

  it('an empty part leaves no dash; a service no longer known is its id in the screen digits', () => {
    const blank = [{ id: 5, prefix: 'E', nameAr: '', nameEn: 'Investors' }]
    expect(servedWithPrefixes([{ serviceId: 5, weight: 1 }], blank, 'ar')).toBe(`${FSI}E${PDI}`)
    expect(servedWithPrefixes([{ serviceId: 12, weight: 0 }], SERVICES, 'ar', 'arabic-indic')).toBe('١٢\u00a0(وزن\u00a0٠)')
  })
})
