import { describe, expect, it } from 'vitest'
import { quantity, waitInWords } from '../../ui-common/quantities.ts'
import { apiUrl, basePathBefore, parseTicketPath, socketPath } from '../../ui-common/base-path.ts'
import { backoffDelay } from '../../protocol/backoff.ts'
import { SeqTracker } from '../../ui-common/feed.ts'
import { randomUuid } from '../../ui-common/random-id.ts'
import { tf } from '../../ui-common/i18n.ts'

describe('quantities in words', () => {
  it('uses the six Arabic plural forms', () => {
    expect(quantity(0, 'minutes', 'ar')).toBe('أقل من دقيقة')
    expect(quantity(1, 'minutes', 'ar')).toBe('دقيقة واحدة')
    expect(quantity(2, 'minutes', 'ar')).toBe('دقيقتان')
    expect(quantity(3, 'minutes', 'ar')).toBe('3 دقائق')
    expect(quantity(10, 'minutes', 'ar')).toBe('10 دقائق')
    expect(quantity(11, 'minutes', 'ar')).toBe('11 دقيقة')
    expect(quantity(100, 'minutes', 'ar')).toBe('100 دقيقة')
    expect(quantity(5, 'people', 'ar', 'arabic-indic')).toBe('٥ أشخاص')
    expect(quantity(12, 'people', 'ar')).toBe('12 شخصًا')
    expect(quantity(0, 'people', 'ar')).toBe('لا أحد، أنت التالي')
  })

  it('uses one and other in English', () => {
    expect(quantity(1, 'minutes', 'en')).toBe('1 minute')
    expect(quantity(2, 'minutes', 'en')).toBe('2 minutes')
    expect(quantity(1, 'people', 'en')).toBe('1 person')
    expect(quantity(0, 'people', 'en')).toBe('Nobody, you are next')
  })

  it('rounds a wait up to whole minutes', () => {
    expect(waitInWords(0, 'en')).toBe('less than a minute')
    expect(waitInWords(1, 'en')).toBe('1 minute')
    expect(waitInWords(61, 'en')).toBe('2 minutes')
    expect(waitInWords(600, 'ar', 'arabic-indic')).toBe('١٠ دقائق')
  })

  it('fills placeholders and leaves unknown ones', () => {
    expect(tf('status.goToCounter', 'en', { n: 3 })).toBe('Please go to counter 3')
    expect(tf('status.goToCounter', 'ar', {})).toBe('توجّه إلى الشباك {n}')
  })
})

describe('base path', () => {
  it('is what comes before the page folder', () => {
    expect(basePathBefore('/kiosk/', 'kiosk')).toBe('')
    expect(basePathBefore('/kiosk', 'kiosk')).toBe('')
    expect(basePathBefore('/queue/kiosk/', 'kiosk')).toBe('/queue')
    expect(basePathBefore('/a/b/kiosk/index.html', 'kiosk')).toBe('/a/b')
    expect(apiUrl('/queue', '/services')).toBe('/queue/api/v1/services')
    expect(socketPath('')).toBe('/socket.io')
  })

  it('reads a ticket page address', () => {
    expect(parseTicketPath('/t/abc_-9')).toEqual({ base: '', id: 'abc_-9' })
    expect(parseTicketPath('/queue/t/xyz/')).toEqual({ base: '/queue', id: 'xyz' })
    expect(parseTicketPath('/kiosk/')).toBeNull()
    expect(parseTicketPath('/t/%E0%A4%A')).toBeNull()
  })
})

describe('backoff', () => {
  it('doubles up to the cap, with bounded jitter', () => {
    const none = () => 1
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, { baseMs: 1000, maxMs: 5000 }, none))).toEqual([1000, 2000, 4000, 5000, 5000])
    expect(backoffDelay(0, { baseMs: 1000, jitter: 0.3 }, () => 0)).toBe(700)
  })
})

describe('feed sequence', () => {
  it('applies the next, drops replays, reports gaps', () => {
    const seq = new SeqTracker()
    seq.baseline(100)
    seq.baseline(50) // a baseline never moves a known position
    expect(seq.accept(101)).toBe('apply')
    expect(seq.accept(101)).toBe('stale')
    expect(seq.accept(104)).toBe('gap')
    seq.advanceTo(110)
    expect(seq.accept(105)).toBe('stale')
    expect(seq.accept(111)).toBe('apply')
    seq.reset()
    expect(seq.accept(5)).toBe('apply')
  })
})

describe('random ids', () => {
  it('are version-4 UUIDs without crypto.randomUUID', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomUuid()))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
