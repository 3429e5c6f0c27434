import { describe, expect, it } from 'vitest'
import { clockTime } from '../../protocol/messages/clock-time.ts'

const CAIRO = 'Africa/Cairo'
// 2026-12-06 is winter time in Cairo (UTC+2)
const at = (hhmm: string) => Date.parse(`2026-12-06T${hhmm}:00+02:00`)

describe('one way to write a time of day', () => {
  it('is a 12-hour clock with its period in both languages, in the center digits in Arabic', () => {
    expect(clockTime(at('08:00'), CAIRO, 'en')).toBe('8:00\u00a0AM')
    expect(clockTime(at('14:50'), CAIRO, 'en')).toBe('2:50\u00a0PM')
    expect(clockTime(at('14:50'), CAIRO, 'ar', 'arabic-indic')).toBe('٢:٥٠\u00a0م')
    expect(clockTime(at('08:00'), CAIRO, 'ar', 'western')).toBe('8:00\u00a0ص')
  })

  it('writes the noon hour as 12 PM and midnight as 12 AM (en-GB with hour12 alone says 0:05 pm)', () => {
    expect(clockTime(at('12:05'), CAIRO, 'en')).toBe('12:05\u00a0PM')
    expect(clockTime(at('00:05'), CAIRO, 'en')).toBe('12:05\u00a0AM')
    expect(clockTime(at('12:05'), CAIRO, 'ar', 'arabic-indic')).toBe('١٢:٠٥\u00a0م')
  })

  it('joins the time and its period with a no-break space, so a phone never breaks "3:00 PM" over two lines', () => {
    for (const hhmm of ['00:05', '09:30', '12:00', '15:00', '23:59']) {
      expect(clockTime(at(hhmm), CAIRO, 'en')).toMatch(/^[0-9]{1,2}:[0-9]{2}\u00a0(AM|PM)$/)
      expect(clockTime(at(hhmm), CAIRO, 'ar', 'arabic-indic')).toMatch(/^[٠-٩]{1,2}:[٠-٩]{2}\u00a0[صم]$/)
      expect(clockTime(at(hhmm), CAIRO, 'ar', 'western')).toMatch(/^[0-9]{1,2}:[0-9]{2}\u00a0[صم]$/)
    }
    // the text messages fold it back to a plain space (GSM-7): test/server/notify/templates.test.ts
  })
})
