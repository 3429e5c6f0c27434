import { describe, expect, it } from 'vitest'
import { bundleRefusalNote, hubManagedHint, messageTextHint, weeklyHoursBundle } from '../../dashboard-ui/config/hub-bundle-note.ts'
import { momentInWords } from '../../dashboard-ui/format.ts'
import type { CenterBundleState } from '../../protocol/config-bundle.ts'

/**
 * The Center section after a refused bundle (walk s52): bundle 2 was refused for a renamed letter,
 * yet the section read "Managed by the national hub (configuration bundle 1): the next bundle
 * replaces a change made here" and said nothing of bundle 2; the change log's dates read
 * "07/12/2026, 15:22".
 */
// 2026-12-07 13:22 UTC: 3:22 PM in Cairo
const AT = Date.UTC(2026, 11, 7, 13, 22)
const running = { version: 1, issuedAt: 0, appliedAt: 0, managed: ['announcement', 'priorityCategories'] }
const refused = {
  keyPinned: true,
  running,
  lastRefusal: {
    version: 2,
    code: 'TABOUR_BUNDLE_UNKNOWN_SERVICE',
    reason: 'bundle 2: the mapping names service R, which this center does not have',
    at: AT,
  },
} satisfies CenterBundleState

describe("the Center section's word on the hub's bundles", () => {
  it('says which bundle was refused, when and why, in both languages, and what still runs', () => {
    expect(bundleRefusalNote(refused, 'Africa/Cairo', 'en', 'western')).toEqual({
      text:
        'This center refused configuration bundle 2 from the national hub on Monday, 7 December 2026, 3:22\u00a0PM: ' +
        'Its service mapping names a service the center does not have. Nothing of it applied; the center still runs bundle 1.',
      reason: 'bundle 2: the mapping names service R, which this center does not have',
    })
    const ar = bundleRefusalNote(refused, 'Africa/Cairo', 'ar', 'arabic-indic')!.text
    expect(ar).toContain('رفض هذا المركز حزمة الإعدادات رقم ٢')
    expect(ar).toContain('يربط جدول الخدمات خدمة ليست في المركز')
    expect(ar).toContain('بالحزمة رقم ١')
    expect(ar).toContain('الاثنين')
    expect(bundleRefusalNote({ ...refused, running: null }, 'Africa/Cairo', 'en', 'western')?.text).toMatch(
      /Nothing of it applied; no bundle of the hub runs here\.$/,
    )
    expect(bundleRefusalNote({ ...refused, lastRefusal: null }, 'Africa/Cairo', 'en', 'western')).toBeNull()
    expect(bundleRefusalNote(null, 'Africa/Cairo', 'en', 'western')).toBeNull()
  })

  it('does not promise that the next bundle replaces a change once a bundle was refused', () => {
    expect(hubManagedHint({ ...refused, lastRefusal: null }, 'en', 'western')).toBe(
      'Managed by the national hub (configuration bundle 1): the next bundle replaces a change made here',
    )
    const en = hubManagedHint(refused, 'en', 'western')
    expect(en).toBe(
      'Managed by the national hub (configuration bundle 1); its bundle 2 was refused here, so a change made here stays until a bundle is applied',
    )
    expect(en).not.toContain('the next bundle replaces')
    expect(hubManagedHint(refused, 'ar', 'arabic-indic')).toContain('رُفضت هنا حزمتها رقم ٢')
  })

  it('writes a moment of the change log in words, never all in figures (walk s52: "07/12/2026, 15:22")', () => {
    expect(momentInWords(AT, 'Africa/Cairo', 'en', 'western')).toBe('Monday, 7 December 2026, 3:22\u00a0PM')
    expect(momentInWords(AT, 'Africa/Cairo', 'ar', 'arabic-indic')).toMatch(/^الاثنين، ٧ ديسمبر ٢٠٢٦، ٣:٢٢\u00a0م$/)
  })

  it('knows the weekly hours are the hub’s only while the running bundle sets them (its weeklyHours not null)', () => {
    expect(weeklyHoursBundle({ ...refused, running: { ...running, version: 3, managed: [...running.managed, 'weeklyHours'] } })).toBe(3)
    expect(weeklyHoursBundle(refused)).toBeNull()
    expect(weeklyHoursBundle({ ...refused, running: null })).toBeNull()
    expect(weeklyHoursBundle(null)).toBeNull()
  })
})

describe("the messages editor's word on the hub's bundle", () => {
  it('says above a text the running bundle sets that the hub manages it, as the Center section says, and nothing above the others (walk s53)', () => {
    const sets = { keyPinned: true, running: { ...running, messageTexts: [{ kind: 'ticket_called', lang: 'en' }] }, lastRefusal: null }
    expect(messageTextHint(sets, 'ticket_called', 'en', 'en', 'western')).toBe(
      'Managed by the national hub (configuration bundle 1): the next bundle replaces a change made here',
    )
    expect(messageTextHint(sets, 'ticket_called', 'en', 'ar', 'arabic-indic')).toBe(hubManagedHint(sets, 'ar', 'arabic-indic'))
    expect(messageTextHint(sets, 'ticket_called', 'ar', 'en', 'western')).toBeNull()
    expect(messageTextHint(sets, 'ticket_taken', 'en', 'en', 'western')).toBeNull()
    // a refused bundle after it: a change made here stays until a bundle applies
    expect(messageTextHint({ ...refused, running: sets.running }, 'ticket_called', 'en', 'en', 'western')).toMatch(/was refused here/)
    // no bundle, or an older center that does not list its texts
    expect(messageTextHint(null, 'ticket_called', 'en', 'en', 'western')).toBeNull()
    expect(messageTextHint({ keyPinned: true, running, lastRefusal: null }, 'ticket_called', 'en', 'en', 'western')).toBeNull()
  })
})
