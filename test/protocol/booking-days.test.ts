import { describe, expect, it } from 'vitest'
import { dayToShow, shutReason } from '../../protocol/booking-days.ts'
import { linkParts } from '../../ui-common/link-breaks.ts'

const service = {
  days: ['2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'],
  shutDays: [
    { day: '2026-03-12', reason: 'closed' as const },
    { day: '2026-03-14', reason: 'blocked' as const },
  ],
}

describe("the booking pages' day list", () => {
  it('says why a shut day takes no booking, and shows an open day: the one picked while it is open, else the first open', () => {
    expect(shutReason(service, '2026-03-12')).toBe('closed')
    expect(shutReason(service, '2026-03-14')).toBe('blocked')
    expect(shutReason(service, '2026-03-13')).toBeNull()
    // first open day, not the center's today when the service is closed today
    expect(dayToShow(service, '')).toBe('2026-03-13')
    expect(dayToShow(service, '2026-03-15')).toBe('2026-03-15')
    // picked on another service, shut on this one, or beyond this one's days
    expect(dayToShow(service, '2026-03-14')).toBe('2026-03-13')
    expect(dayToShow(service, '2026-03-20')).toBe('2026-03-13')
    // every day shut: the first, whose slots say why
    expect(dayToShow({ days: ['2026-03-12'], shutDays: [{ day: '2026-03-12', reason: 'closed' }] }, '')).toBe('2026-03-12')
  })

  it('breaks the manage link between its parts only, the code whole', () => {
    expect(linkParts('http://192.168.1.10:4473/b/K7QM-4RTD-9XYZ-ABCD?lang=en')).toEqual([
      'http://',
      '192.168.1.10:4473/',
      'b/',
      'K7QM-4RTD-9XYZ-ABCD',
      '?lang=en',
    ])
    expect(linkParts('/b/K7QM-4RTD-9XYZ-ABCD').join('')).toBe('/b/K7QM-4RTD-9XYZ-ABCD')
  })
})
