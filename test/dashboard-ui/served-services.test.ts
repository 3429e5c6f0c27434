import { describe, expect, it } from 'vitest'
import { servedInWords } from '../../dashboard-ui/served-services.ts'

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

  it('no services, and a service it no longer knows', () => {
    expect(servedInWords([], SERVICES, 'en')).toBe('No services')
    expect(servedInWords([{ serviceId: 9, weight: 1 }], SERVICES, 'ar')).toBe('?')
  })
})
