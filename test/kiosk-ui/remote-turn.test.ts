import { expect, it } from 'vitest'
import { turnIsNear } from '../../protocol/turn-near.ts'
import type { PublicTicket } from '../../protocol/entities.ts'

// A held place whose turn has come says "your turn has come: check in before …"; the "your turn
// is near" banner above it would contradict it (found on the phone walk of 2026-12-04).
const held = (arriveBy: string | null, position: number, estimatedWaitSeconds: number | null = 60): PublicTicket => ({
  id: 't',
  label: 'C-002',
  serviceId: 1,
  serviceNameAr: 'ج',
  serviceNameEn: 'C',
  status: 'remote',
  position,
  estimatedWaitSeconds,
  issuedAt: '2026-12-04T15:00:00.000Z',
  counter: null,
  center: { nameAr: 'م', nameEn: 'C', digits: 'western', turnNearPeople: 2, turnNearMinutes: 15 },
  remote: { mode: 'check-in', arriveMinutes: 2, arriveBy, arrivedAt: null, timeZone: 'Africa/Cairo' },
})

it('a held place is "near" with few ahead, and no longer once its turn has come', () => {
  expect(turnIsNear(held(null, 1))).toBe(true)
  expect(turnIsNear(held(null, 5))).toBe(false)
  expect(turnIsNear(held('2026-12-04T15:33:00.000Z', 0))).toBe(false)
})

// few ahead is not near when the estimate is long: a slow service's 2 ahead may be 40 minutes away (walk s47)
it("a turn is near only while its estimate is within the center's turnNearMinutes, in the minutes the page words it", () => {
  expect(turnIsNear(held(null, 2, 40 * 60))).toBe(false)
  expect(turnIsNear(held(null, 2, 15 * 60))).toBe(true)
  // 15 min 1 s is worded "about 16 minutes": not near
  expect(turnIsNear(held(null, 2, 15 * 60 + 1))).toBe(false)
  expect(turnIsNear(held(null, 0, null))).toBe(false)
})
