import { describe, expect, it } from 'vitest'
import { formatNumber, toArabicIndic, toWesternDigits } from '../../ui-common/digits.ts'
import { commonText } from '../../protocol/messages/common.ts'
import { consoleText } from '../../protocol/messages/console.ts'
import { dashboardText } from '../../protocol/messages/dashboard.ts'
import { pairingText } from '../../protocol/messages/pairing.ts'
import { statusText } from '../../protocol/messages/status.ts'
import { DEFAULT_LANG, LANGS, LANG_NATIVE_NAMES, dirOf, isLang, otherLang } from '../../ui-common/i18n.ts'

// The catalogue's own checks (both languages, ICU syntax, placeholders) are in test/protocol/messages.test.ts.
describe('the screens’ words', () => {
  it('names the apps as the centers know them', () => {
    expect(commonText('product.name', 'ar')).toBe('طابور')
    expect(commonText('product.name', 'en')).toBe('Tabour')
    expect(pairingText('pair.title', 'ar')).toBe('ربط جهاز الإصدار بالمركز')
    expect(pairingText('pair.titleDisplay', 'en')).toBe('Pair this display with the center')
    expect(consoleText('app.title', 'ar')).toBe('شاشة الموظف')
    expect(dashboardText('app.title', 'en')).toBe('Manager dashboard')
  })

  it('fills {placeholders}', () => {
    expect(statusText('status.goToCounter', 'en', { n: 4 })).toBe('Please go to counter 4')
  })

  it('names each language in itself', () => {
    expect(LANG_NATIVE_NAMES.ar).toBe('العربية')
    expect(LANG_NATIVE_NAMES.en).toBe('English')
  })
})

describe('languages', () => {
  it('defaults to Arabic', () => {
    expect(DEFAULT_LANG).toBe('ar')
    expect(LANGS[0]).toBe('ar')
  })

  it('dirOf: Arabic is rtl, English is ltr', () => {
    expect(dirOf('ar')).toBe('rtl')
    expect(dirOf('en')).toBe('ltr')
  })

  it('otherLang flips between the two', () => {
    expect(otherLang('ar')).toBe('en')
    expect(otherLang('en')).toBe('ar')
  })

  it('isLang accepts only supported languages', () => {
    expect(isLang('ar')).toBe(true)
    expect(isLang('en')).toBe(true)
    for (const v of ['fr', 'AR', '', null, undefined, 1]) expect(isLang(v)).toBe(false)
  })
})

describe('digits', () => {
  it('converts a ticket label to Arabic-Indic digits', () => {
    expect(toArabicIndic('A-015')).toBe('A-٠١٥')
    expect(toArabicIndic('0123456789')).toBe('٠١٢٣٤٥٦٧٨٩')
    expect(toArabicIndic('شباك 3')).toBe('شباك ٣')
    expect(toArabicIndic('no digits')).toBe('no digits')
  })

  it('converts Arabic-Indic and Persian digits back to Western', () => {
    expect(toWesternDigits('A-٠١٥')).toBe('A-015')
    expect(toWesternDigits('۱۲۳')).toBe('123')
    expect(toWesternDigits(toArabicIndic('0123456789'))).toBe('0123456789')
  })

  it('formats numbers with the chosen digits', () => {
    expect(formatNumber(42)).toBe('42')
    expect(formatNumber(42, { digits: 'western' })).toBe('42')
    expect(formatNumber(42, { digits: 'arabic-indic' })).toBe('٤٢')
    expect(formatNumber(0, { digits: 'arabic-indic' })).toBe('٠')
    expect(formatNumber(1234567, { digits: 'arabic-indic' })).toBe('١٢٣٤٥٦٧')
    expect(formatNumber(1234567, { digits: 'arabic-indic', grouping: true })).toBe('١٬٢٣٤٬٥٦٧')
    expect(formatNumber(1234.5, { digits: 'western', grouping: true, maximumFractionDigits: 1 })).toBe('1,234.5')
    expect(formatNumber(12.25, { digits: 'arabic-indic', maximumFractionDigits: 2 })).toBe('١٢٫٢٥')
    expect(formatNumber(7.6)).toBe('8')
  })

  it('writes whole numbers without Intl exactly as the Intl format would (the fast path of a screen start)', () => {
    for (const grouping of [false, true]) {
      const intl = new Intl.NumberFormat('en-US', { useGrouping: grouping, maximumFractionDigits: 0 })
      for (const n of [0, -0, 1, -1, 7, 999, -999, 1000, -1000, 123_456_789, 2 ** 53, 1e20, 1e21, 2.5, -2.5])
        expect(formatNumber(n, { grouping }), `${n}, grouping ${grouping}`).toBe(intl.format(n))
    }
  })
})
