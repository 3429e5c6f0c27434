import { describe, expect, it } from 'vitest'
import {
  capacityServiceSeconds,
  carriedPlaces,
  counterShare,
  MIN_SERVICE_SAMPLES,
  planDay,
  slotCapacity,
  type ServingCounter,
} from '../../../server/queue/appointment-capacity.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../../protocol/calendar.ts'

const TZ = 'Africa/Cairo'
const on = (weight = 1, totalWeight = weight, active = true): ServingCounter => ({ active, weight, totalWeight })
const settings = { ...APPOINTMENT_DEFAULTS, enabled: true }

describe('slotCapacity: ⌊Σ share × slot ÷ service time × (1 − walk-in share)⌋ + extra', () => {
  // counters, service seconds, slot minutes, walk-in share, extra → places
  const cases: [string, ServingCounter[], number, number, number, number, number][] = [
    ['no counter serves it', [], 600, 15, 0.5, 0, 0],
    ['one counter, 10 min each, 30-min slot, half for walk-ins', [on()], 600, 30, 0.5, 0, 1],
    ['two counters, 5 min each, 15-min slot, half kept', [on(), on()], 300, 15, 0.5, 0, 3],
    ['three counters, 5 min each, 15-min slot, nothing kept', [on(), on(), on()], 300, 15, 0, 0, 9],
    ['an inactive counter gives nothing', [on(), on(1, 1, false)], 300, 15, 0, 0, 3],
    ['a backup counter (weight 0) gives nothing', [on(), on(0, 2)], 300, 15, 0, 0, 3],
    ['a counter sharing two services equally gives half', [on(1, 2), on(1, 2)], 300, 30, 0, 0, 6],
    ['weight 2 of 3 gives two thirds', [on(2, 3)], 300, 45, 0, 0, 6],
    ['rounded down, never up', [on()], 700, 15, 0.5, 0, 0],
    ['95% kept for walk-ins', [on(), on(), on(), on()], 60, 15, 0.95, 0, 3],
    ['a manager adds 2 places', [on()], 600, 15, 0.5, 2, 2],
    ['extra places on a counterless service', [], 600, 15, 0.5, 4, 4],
    ['a service time of 0 falls back to 10 minutes', [on()], 0, 20, 0, 0, 2],
  ]
  it.each(cases)('%s', (_name, counters, serviceSeconds, slotMinutes, walkInShare, extra, expected) => {
    expect(slotCapacity(counters, serviceSeconds, { slotMinutes, walkInShare }, extra)).toBe(expected)
  })

  it('a counter share is at most 1 and 0 for nonsense weights', () => {
    expect(counterShare(on(3, 2))).toBe(1)
    expect(counterShare({ active: true, weight: Number.NaN, totalWeight: 1 })).toBe(0)
    expect(counterShare({ active: true, weight: 1, totalWeight: 0 })).toBe(0)
  })
})

const weekdays = (open: string, close: string): WeeklyHours => ({
  mon: [{ open, close }],
  tue: [{ open, close }],
  wed: [{ open, close }],
  thu: [{ open, close }],
  fri: [],
  sat: [{ open, close }],
  sun: [{ open, close }],
})
const calendar: CenterCalendar = {
  ...DEFAULT_CALENDAR,
  weekly: weekdays('09:00', '11:00'),
  exceptions: [{ from: '2026-03-12', to: '2026-03-12', nameAr: 'عطلة', nameEn: 'Holiday', hours: [] }],
  services: [{ serviceId: 2, weekly: weekdays('09:00', '10:10'), lastTicketMinutes: 0, stopWhenWaitPastClose: false }],
}
// Tuesday 10 March 2026, 07:00 Cairo (UTC+2)
const NOW = Date.parse('2026-03-10T05:00:00Z')
const local = (ms: number) => new Date(ms + 2 * 3600_000).toISOString().slice(11, 16)

describe('the service time slots are sized by', () => {
  it('is not one quick service: the booking page offered 10 places a 15-minute slot from one 42 s finish', () => {
    // one counter, 15-minute slots, half kept for walk-ins: 900 ÷ 42 × ½ = 10.7 places, promised days ahead
    expect(slotCapacity([on()], capacityServiceSeconds(null, [42]), settings)).toBe(0)
    expect(capacityServiceSeconds(null, Array(MIN_SERVICE_SAMPLES - 1).fill(42))).toBe(600)
    // enough finishes make a measure: then the mean, corrupt samples dropped as the wait estimates drop them
    expect(capacityServiceSeconds(null, [...Array(MIN_SERVICE_SAMPLES).fill(300), Number.NaN, -5])).toBe(300)
    // a configured time wins
    expect(capacityServiceSeconds(4, [42])).toBe(240)
  })
})

describe('planDay: slots only inside the opening hours, calendar exceptions respected', () => {
  const plan = (over: Partial<Parameters<typeof planDay>[0]>) =>
    planDay({
      calendar,
      serviceId: 1,
      day: '2026-03-10',
      timeZone: TZ,
      settings: { ...settings, slotMinutes: 30 },
      counters: [on(), on()],
      serviceSeconds: 600,
      override: null,
      now: NOW,
      ...over,
    })

  const cases: [string, Partial<Parameters<typeof planDay>[0]>, string[], string | null][] = [
    ['an ordinary Tuesday: 09:00 to 11:00 in 30-minute slots', {}, ['09:00', '09:30', '10:00', '10:30'], null],
    ['appointments off', { settings: { ...settings, enabled: false } }, [], 'off'],
    ['Friday is closed', { day: '2026-03-13' }, [], 'closed'],
    ['a holiday exception closes the day', { day: '2026-03-12' }, [], 'closed'],
    ['a manager blocked the day', { override: { blocked: true, extraPerSlot: 0 } }, [], 'blocked'],
    ["the service's own hours end at 10:10: no slot runs past them", { serviceId: 2 }, ['09:00', '09:30'], null],
    ['later today: slots already begun are gone', { now: Date.parse('2026-03-10T07:40:00Z') }, ['10:00', '10:30'], null],
    ['after closing today', { now: Date.parse('2026-03-10T09:00:00Z') }, [], 'past'],
    ['yesterday', { day: '2026-03-09' }, [], 'past'],
    ['beyond bookAheadDays (14)', { day: '2026-03-25' }, [], 'too-far'],
    ['exactly bookAheadDays ahead', { day: '2026-03-24' }, ['09:00', '09:30', '10:00', '10:30'], null],
    ['no capacity', { counters: [] }, [], 'no-capacity'],
    // 09:00–10:10 holds no 90-minute slot: the day is open too briefly, not "no time left" (it has not begun)
    [
      'a future day open shorter than one slot',
      { day: '2026-03-11', settings: { ...settings, slotMinutes: 90 }, serviceId: 2 },
      [],
      'brief',
    ],
    ['today open shorter than one slot, before it opens', { settings: { ...settings, slotMinutes: 90 }, serviceId: 2 }, [], 'brief'],
    [
      'today open shorter than one slot, after it closed',
      { settings: { ...settings, slotMinutes: 150 }, now: Date.parse('2026-03-10T09:00:00Z') },
      [],
      'brief',
    ],
    ['a holiday stays closed whatever the slot length', { day: '2026-03-12', settings: { ...settings, slotMinutes: 150 } }, [], 'closed'],
    [
      'a blocked short day says blocked',
      { override: { blocked: true, extraPerSlot: 0 }, settings: { ...settings, slotMinutes: 150 } },
      [],
      'blocked',
    ],
    ['a past short day is past', { day: '2026-03-09', settings: { ...settings, slotMinutes: 150 } }, [], 'past'],
    [
      'an exception day with short special hours',
      {
        day: '2026-03-11',
        calendar: {
          ...calendar,
          exceptions: [
            { from: '2026-03-11', to: '2026-03-11', nameAr: 'جرد', nameEn: 'Short day', hours: [{ open: '09:00', close: '09:20' }] },
          ],
        },
      },
      [],
      'brief',
    ],
  ]
  it.each(cases)('%s', (_name, over, starts, reason) => {
    const result = plan(over)
    expect(result.slots.map((s) => local(s.start))).toEqual(starts)
    expect(result.reason).toBe(reason)
  })

  it('every slot has the same capacity: 2 counters × 30 min ÷ 10 min × ½ = 3, plus extra', () => {
    expect(plan({}).slots.map((s) => s.capacity)).toEqual([3, 3, 3, 3])
    expect(plan({ override: { blocked: false, extraPerSlot: 2 } }).slots.map((s) => s.capacity)).toEqual([5, 5, 5, 5])
    for (const s of plan({}).slots) expect(s.end - s.start).toBe(30 * 60_000)
  })
  it('the defaults (one counter, no service time yet, 15-minute slots, half for walk-ins) offer slots: 0.75 a slot carried through the day', () => {
    // rounded slot by slot this was 0 everywhere: a manager turned bookings on and the page offered nothing
    const result = plan({ settings, counters: [on()] })
    expect(result.reason).toBeNull()
    // eight 15-minute slots from 09:00 to 11:00 hold 8 × 0.75 = 6 places; the ones that get 0 are not offered
    expect(result.slots.map((s) => [local(s.start), s.capacity])).toEqual([
      ['09:15', 1],
      ['09:30', 1],
      ['09:45', 1],
      ['10:15', 1],
      ['10:30', 1],
      ['10:45', 1],
    ])
    // a slot keeps its capacity as the day goes on: the 10:15 slot still holds 1 at 10:00
    const later = plan({ settings, counters: [on()], now: Date.parse('2026-03-10T08:00:00Z') })
    expect(later.slots.map((s) => [local(s.start), s.capacity])).toEqual([
      ['10:15', 1],
      ['10:30', 1],
      ['10:45', 1],
    ])
  })

  it('carried places never promise more than the time holds', () => {
    for (const places of [0.3, 0.75, 1.5, 2.4, 3]) {
      let sum = 0
      for (let i = 0; i < 40; i++) {
        sum += carriedPlaces(places, i)
        expect(sum).toBeLessThanOrEqual(places * (i + 1) + 1e-6)
        expect(sum).toBeGreaterThan(places * (i + 1) - 1)
      }
    }
  })
})

describe("planDay and the day's close: a slot's check-in window closes before its business day ends (s55)", () => {
  // the demo's and every test center's calendar: open around the clock, each day's line closed at midnight
  const allDay = (open: string, close: string): CenterCalendar => ({ ...DEFAULT_CALENDAR, weekly: weekdays(open, close) })
  const plan = (calendar: CenterCalendar, over: Partial<Parameters<typeof planDay>[0]> = {}) =>
    planDay({
      calendar,
      serviceId: 1,
      day: '2026-03-11',
      timeZone: TZ,
      settings,
      counters: [on(), on()],
      serviceSeconds: 300,
      override: null,
      now: NOW,
      ...over,
    })
  const starts = (result: ReturnType<typeof planDay>) => result.slots.map((s) => local(s.start))

  it("with a daily close at midnight, 23:45 (check-in to 00:00, when the day's line is cancelled) is not offered; 23:30 is", () => {
    const day = plan(allDay('00:00', '24:00'))
    expect(day.reason).toBeNull()
    expect(starts(day).at(-1)).toBe('23:30')
    expect(day.slots).toHaveLength(95)
    // a check-in window of 40 minutes takes 23:30 and 23:45 away
    expect(starts(plan(allDay('00:00', '24:00'), { settings: { ...settings, checkInAfterMinutes: 40 } })).at(-1)).toBe('23:15')
    // none after the window: 0 minutes keeps them all
    expect(plan(allDay('00:00', '24:00'), { settings: { ...settings, checkInAfterMinutes: 0 } }).slots).toHaveLength(96)
  })

  it('without a daily close the line goes on past midnight, and every slot of the day is offered', () => {
    const day = plan({ ...allDay('00:00', '24:00'), dailyClose: false })
    expect(starts(day).at(-1)).toBe('23:45')
    expect(day.slots).toHaveLength(96)
  })

  it("a real center's weekday, 08:00 to 16:00, keeps its last slot at 15:45", () => {
    const day = plan(allDay('08:00', '16:00'))
    expect(starts(day)[0]).toBe('08:00')
    expect(starts(day).at(-1)).toBe('15:45')
    expect(day.slots).toHaveLength(32)
  })

  it('a business day that starts at 04:00: 03:45 goes (check-in to 04:00), 04:00 is the next day and stays', () => {
    const day = plan({ ...allDay('00:00', '08:00'), businessDayStartsAt: '04:00' })
    expect(starts(day)).not.toContain('03:45')
    expect(starts(day)).toContain('03:30')
    expect(starts(day)).toContain('04:00')
    expect(starts(day).at(-1)).toBe('07:45')
  })

  it('a stretch whose every slot would check in past the close: the day is open too briefly (not "no time left")', () => {
    expect(plan(allDay('23:50', '24:00'), { settings: { ...settings, slotMinutes: 10 } })).toEqual({ slots: [], reason: 'brief' })
  })
})
