import { describe, expect, it } from 'vitest'
import {
  allClipNames,
  composeAnnouncement,
  composeCall,
  labelClips,
  numberClips,
  parseLabel,
  SHORTEST,
} from '../../../display-ui/announcer/compose.ts'

const call = (label: string, counterNumber = 3) => ({ label, counterNumber, recall: false })

describe('parseLabel', () => {
  it('splits the prefix letters from the number and drops leading zeros', () => {
    expect(parseLabel('A-015')).toEqual({ letters: ['A'], number: 15 })
    expect(parseLabel('AB-7')).toEqual({ letters: ['A', 'B'], number: 7 })
    expect(parseLabel('xyz-0009')).toEqual({ letters: ['X', 'Y', 'Z'], number: 9 })
    expect(parseLabel('A-000')).toEqual({ letters: ['A'], number: 0 })
  })
  it('refuses other shapes', () => {
    expect(parseLabel('ABCD-1')).toBeNull()
    expect(parseLabel('15')).toBeNull()
    expect(parseLabel('A-')).toBeNull()
  })
})

describe('Arabic ticket labels', () => {
  const cases: Array<[string, string[]]> = [
    ['A-1', ['ar/letter-a', 'ar/1']], // واحد
    ['A-15', ['ar/letter-a', 'ar/15']], // خمسة عشر: one compound clip
    ['A-015', ['ar/letter-a', 'ar/15']], // leading zeros are not spoken
    ['A-11', ['ar/letter-a', 'ar/11']], // أحد عشر
    ['A-12', ['ar/letter-a', 'ar/12']], // اثنا عشر
    ['A-21', ['ar/letter-a', 'ar/1', 'ar/and-20']], // واحد وعشرون: units before tens
    ['A-20', ['ar/letter-a', 'ar/20']], // عشرون
    ['B-100', ['ar/letter-b', 'ar/100']], // مائة
    ['A-115', ['ar/letter-a', 'ar/100', 'ar/and-15']], // مائة وخمسة عشر
    ['A-200', ['ar/letter-a', 'ar/200']], // مئتان (dual), not «اثنان مائة»
    ['A-305', ['ar/letter-a', 'ar/300', 'ar/and-5']], // ثلاثمائة وخمسة
    ['B-999', ['ar/letter-b', 'ar/900', 'ar/and-9', 'ar/and-90']], // تسعمائة وتسعة وتسعون
    ['AB-7', ['ar/letter-a', 'ar/letter-b', 'ar/7']], // إيه بي سبعة
    ['A-0', ['ar/letter-a', 'ar/0']], // صفر
    ['A-1000', ['ar/letter-a', 'ar/1000']], // ألف
    ['A-2021', ['ar/letter-a', 'ar/2000', 'ar/and-1', 'ar/and-20']], // ألفان وواحد وعشرون
    ['A-3400', ['ar/letter-a', 'ar/3000', 'ar/and-400']], // ثلاثة آلاف وأربعمائة
    ['A-9999', ['ar/letter-a', 'ar/9000', 'ar/and-900', 'ar/and-9', 'ar/and-90']],
  ]
  it.each(cases)('%s', (label, clips) => {
    expect(labelClips(label, 'ar')).toEqual(clips)
  })
})

describe('English ticket labels', () => {
  const cases: Array<[string, string[]]> = [
    ['A-1', ['en/letter-a', 'en/1']],
    ['A-15', ['en/letter-a', 'en/15']],
    ['A-015', ['en/letter-a', 'en/15']],
    ['A-11', ['en/letter-a', 'en/11']],
    ['A-12', ['en/letter-a', 'en/12']],
    ['A-21', ['en/letter-a', 'en/20', 'en/1']], // twenty one
    ['B-100', ['en/letter-b', 'en/100']], // one hundred
    ['A-115', ['en/letter-a', 'en/100', 'en/15']], // one hundred fifteen
    ['A-200', ['en/letter-a', 'en/200']],
    ['B-999', ['en/letter-b', 'en/900', 'en/90', 'en/9']], // nine hundred ninety nine
    ['AB-7', ['en/letter-a', 'en/letter-b', 'en/7']],
    ['A-0', ['en/letter-a', 'en/0']],
    ['A-2021', ['en/letter-a', 'en/2000', 'en/20', 'en/1']],
  ]
  it.each(cases)('%s', (label, clips) => {
    expect(labelClips(label, 'en')).toEqual(clips)
  })
})

describe('counter numbers', () => {
  const cases: Array<[number, string[], string[]]> = [
    [1, ['ar/1'], ['en/1']],
    [3, ['ar/3'], ['en/3']],
    [10, ['ar/10'], ['en/10']],
    [12, ['ar/12'], ['en/12']],
    [25, ['ar/5', 'ar/and-20'], ['en/20', 'en/5']],
    [101, ['ar/100', 'ar/and-1'], ['en/100', 'en/1']],
  ]
  it.each(cases)('%d', (n, ar, en) => {
    expect(numberClips(n, 'ar')).toEqual(ar)
    expect(numberClips(n, 'en')).toEqual(en)
  })
})

describe('fallbacks read digit by digit rather than stay silent', () => {
  it('numbers above 9999', () => {
    expect(numberClips(12345, 'ar')).toEqual(['ar/1', 'ar/2', 'ar/3', 'ar/4', 'ar/5'])
    expect(labelClips('A-10000', 'en')).toEqual(['en/letter-a', 'en/1', 'en/0', 'en/0', 'en/0', 'en/0'])
  })
  it('labels of another shape are spelled', () => {
    expect(labelClips('ABCD-12', 'ar')).toEqual(['ar/letter-a', 'ar/letter-b', 'ar/letter-c', 'ar/letter-d', 'ar/1', 'ar/2'])
  })
  it('bad counter numbers', () => {
    expect(numberClips(-4, 'en')).toEqual(['en/4'])
    expect(numberClips(Number.NaN, 'en')).toEqual(['en/0'])
  })
})

describe('whole sentences', () => {
  it('Arabic: «العميل رقم A 15، الشباك رقم 3»', () => {
    expect(composeAnnouncement(call('A-015', 3), 'ar')).toEqual([
      'ar/customer-number',
      'ar/letter-a',
      'ar/15',
      'pause-short',
      'ar/counter-number',
      'ar/3',
    ])
  })
  it('English: "Ticket number B 999, counter 25"', () => {
    expect(composeAnnouncement(call('B-999', 25), 'en')).toEqual([
      'en/ticket-number',
      'en/letter-b',
      'en/900',
      'en/90',
      'en/9',
      'pause-short',
      'en/counter',
      'en/20',
      'en/5',
    ])
  })
  it('a call: chime, Arabic, a pause, English', () => {
    expect(composeCall(call('A-1', 12), { languages: ['ar', 'en'], chime: true })).toEqual([
      'chime',
      'ar/customer-number',
      'ar/letter-a',
      'ar/1',
      'pause-short',
      'ar/counter-number',
      'ar/12',
      'pause',
      'en/ticket-number',
      'en/letter-a',
      'en/1',
      'pause-short',
      'en/counter',
      'en/12',
    ])
  })
  it('the short form: «A خمسة عشر، شباك ثلاثة» / "A fifteen, counter three", no phrase before the label', () => {
    expect(composeCall(call('A-015', 3), { languages: ['ar', 'en'], chime: false, form: 'short' })).toEqual([
      'ar/letter-a',
      'ar/15',
      'pause-short',
      'ar/counter',
      'ar/3',
      'pause',
      'en/letter-a',
      'en/15',
      'pause-short',
      'en/counter',
      'en/3',
    ])
    expect(composeCall(call('A-015', 3), SHORTEST)).toEqual(['ar/letter-a', 'ar/15', 'pause-short', 'ar/counter', 'ar/3'])
    expect(allClipNames()).toContain('ar/counter')
  })
  it('English first, no chime; or only the chime', () => {
    const both = composeCall(call('A-1', 1), { languages: ['en', 'ar'], chime: false })
    expect(both[0]).toBe('en/ticket-number')
    expect(both).toContain('pause')
    expect(both.at(-1)).toBe('ar/1')
    expect(composeCall(call('A-1', 1), { languages: [], chime: true })).toEqual(['chime'])
  })
  it('every clip a call can use is in allClipNames (no duplicates in it)', () => {
    const names = allClipNames()
    expect(new Set(names).size).toBe(names.length)
    const known = new Set(names)
    const unknown = new Set<string>()
    for (let n = 0; n <= 9999; n++) {
      for (const lang of ['ar', 'en'] as const) for (const clip of numberClips(n, lang)) if (!known.has(clip)) unknown.add(clip)
    }
    for (const lang of ['ar', 'en'] as const) {
      for (const clip of composeCall(call('ABCDEFGHIJKLMNOPQRSTUVWXYZ-1'), { languages: [lang], chime: true }))
        if (!known.has(clip)) unknown.add(clip)
    }
    expect([...unknown]).toEqual([])
  })
})
