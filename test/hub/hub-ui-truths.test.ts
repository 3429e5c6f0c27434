import { describe, expect, it } from 'vitest'
import { emptiedParts, stateFrom } from '../../hub/ui/bundle-draft.ts'
import { hubFormat } from '../../hub/ui/hub-format.ts'
import { activeOffline, centerState, runningBundle } from '../../hub/ui/center-state.ts'

/** The hub page's pure helpers say only true things (issue 23's user walk). */
describe('the bundle form', () => {
  it('calls out what a first bundle, started blank, would remove at every center', () => {
    const blank = stateFrom(null)
    expect(emptiedParts(blank)).toEqual(['priorityCategories', 'announcement'])
    const filled = { ...blank, priorityCategories: [{ code: 'elderly', nameAr: 'كبار السن', nameEn: 'Elderly' }], newsEn: 'Closed Friday' }
    expect(emptiedParts(filled)).toEqual([])
  })
})

describe("a center's state and configuration on the fleet and figures tabs", () => {
  it('a deactivated center is deactivated, not online, and the offline count counts active centers', () => {
    expect(centerState({ active: false, offline: false })).toBe('deactivated')
    expect(centerState({ active: true, offline: true })).toBe('offline')
    expect(centerState({ active: true, offline: false })).toBe('online')
    expect(
      activeOffline([
        { active: true, offline: true },
        { active: true, offline: false },
        { active: false, offline: false },
      ]),
    ).toEqual({ offline: 1, active: 2 })
  })

  it('the configuration column is the bundle a center runs; a catalogue hash (older centers) is none', () => {
    expect(runningBundle('3')).toBe(3)
    expect(runningBundle(null)).toBeNull()
    expect(runningBundle('c0ffee12c0ffee12')).toBeNull()
    expect(runningBundle('0')).toBeNull()
  })
})

describe('times on the hub page', () => {
  it('name the zone they are written in (the reader may be anywhere)', () => {
    const zone = new Intl.DateTimeFormat('en', { timeZoneName: 'short' }).formatToParts(0).find((p) => p.type === 'timeZoneName')!.value
    expect(hubFormat('en').time(0)).toContain(zone)
  })
})
