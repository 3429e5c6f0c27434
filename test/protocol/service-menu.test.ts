import { describe, expect, it } from 'vitest'
import { FLAT_MENU_MAX, foldForSearch, menuLayout, offeredOn, searchServices } from '../../protocol/menu-layout.ts'
import { isServiceIcon, SERVICE_ICONS } from '../../protocol/service-menu.ts'
import { SERVICE_ICON_PATHS } from '../../ui-common/service-icons.ts'

const svc = (id: number, nameAr: string, nameEn: string, groupId?: number) => ({ id, nameAr, nameEn, groupId })

describe('search normalisation (issue 21)', () => {
  it('folds every alef form, hamza seats, taa marbuta, alef maqsura, diacritics and tatweel', () => {
    expect(foldForSearch('أحوال')).toBe('احوال')
    expect(foldForSearch('إصدار')).toBe('اصدار')
    expect(foldForSearch('آثار')).toBe('اثار')
    expect(foldForSearch('ٱلقيد')).toBe('القيد')
    expect(foldForSearch('شهادةُ')).toBe('شهاده')
    expect(foldForSearch('مستشفى')).toBe('مستشفي')
    expect(foldForSearch('مؤقت')).toBe('موقت')
    expect(foldForSearch('بطاقـــة')).toBe('بطاقه')
    expect(foldForSearch('  Birth   CERTIFICATE ')).toBe('birth certificate')
  })

  const services = [
    svc(1, 'الأحوال المدنية - بطاقة الرقم القومي', 'Civil status - national ID'),
    svc(2, 'شهادة ميلاد مميكنة', 'Computerized birth certificate'),
    svc(3, 'رخصة قيادة', "Driver's licence"),
  ]

  it('«احوال» finds «أحوال», «شهادة» with a damma finds «شهادة», English is case-insensitive, every word must match', () => {
    expect(searchServices(services, 'احوال').map((s) => s.id)).toEqual([1])
    expect(searchServices(services, 'شَهادة').map((s) => s.id)).toEqual([2])
    expect(searchServices(services, 'BIRTH cert').map((s) => s.id)).toEqual([2])
    expect(searchServices(services, 'ميلاد رخصة')).toEqual([])
    expect(searchServices(services, '   ').map((s) => s.id)).toEqual([1, 2, 3])
  })
})

describe('the grouping rule', () => {
  const many = (n: number, grouped: boolean) =>
    Array.from({ length: n }, (_, i) => svc(i + 1, `خدمة ${i}`, `S${i}`, grouped && i < 3 ? 1 : undefined))

  it(`up to ${FLAT_MENU_MAX} services: the flat grid, no search, even with groups`, () => {
    expect(menuLayout(many(FLAT_MENU_MAX, true))).toEqual({ mode: 'flat', search: false })
    expect(menuLayout([])).toEqual({ mode: 'flat', search: false })
  })

  it('more: the search box; groups then services when at least one service is in a group', () => {
    expect(menuLayout(many(FLAT_MENU_MAX + 1, true))).toEqual({ mode: 'grouped', search: true })
    expect(menuLayout(many(40, false))).toEqual({ mode: 'flat', search: true })
  })

  it("a kiosk's subset: only the services its config names, all when it names none", () => {
    const all = many(5, false)
    expect(offeredOn(all, [2, 4, 99]).map((s) => s.id)).toEqual([2, 4])
    expect(offeredOn(all, undefined)).toHaveLength(5)
    expect(offeredOn(all, [])).toEqual([])
  })
})

describe('icons', () => {
  it('every built-in icon has an SVG, and nothing else is an icon', () => {
    expect(Object.keys(SERVICE_ICON_PATHS).sort()).toEqual([...SERVICE_ICONS].sort())
    expect(isServiceIcon('car')).toBe(true)
    expect(isServiceIcon('rocket')).toBe(false)
    expect(isServiceIcon('__proto__')).toBe(false)
  })
})
