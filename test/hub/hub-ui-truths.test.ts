import { describe, expect, it } from 'vitest'
import {
  activeReached,
  defaultGovernorate,
  droppedOutcomes,
  emptiedParts,
  governoratesInOrder,
  requestOf,
  onNewerBundle,
  startingBundle,
  stateFrom,
  typedSince,
} from '../../hub/ui/bundle-draft.ts'
import { DEFAULT_FINISH_OUTCOMES } from '../../protocol/finish-outcomes.ts'
import { holidayReach, holidaysReplaced, mappingReplaced } from '../../hub/ui/bundle-reach.ts'
import { loadConfig } from '../../server/config.ts'
import { hubFormat } from '../../hub/ui/hub-format.ts'
import { intlLocale } from '../../protocol/messages/digits.ts'
import { tileLook } from '../../hub/ui/map-tiles.ts'
import { activeOffline, backupCell, bundleCell, bundleStateSince, centerState, runningBundle } from '../../hub/ui/center-state.ts'
import { byGovernorateName, inGovernorateOrder } from '../../hub/ui/governorate-order.ts'
import { inNameOrder } from '../../hub/ui/name-order.ts'
import { nameIn } from '../../protocol/name-in-language.ts'
import { minutesOld } from '../../hub/ui/figures-age.ts'
import { fleetAlerts } from '../../hub/center-views.ts'
import type { CenterView } from '../../protocol/hub-api.ts'
import type { ConfigBundleContents } from '../../protocol/config-bundle.ts'
import { HUB_MESSAGES } from '../../protocol/messages/hub.ts'
import { HUB_ANALYSIS_MESSAGES } from '../../protocol/messages/hub-analysis.ts'
import { DASHBOARD_MESSAGES } from '../../protocol/messages/dashboard.ts'
import { CSV_MESSAGES } from '../../protocol/messages/csv.ts'

/** The hub page's pure helpers say only true things (issue 23's user walk). */
describe('the bundle form', () => {
  it('calls out what a first bundle, started blank, would remove at every center', () => {
    const blank = stateFrom(null)
    expect(emptiedParts(blank)).toEqual(['priorityCategories', 'announcement'])
    const filled = { ...blank, priorityCategories: [{ code: 'elderly', nameAr: 'كبار السن', nameEn: 'Elderly' }], newsEn: 'Closed Friday' }
    expect(emptiedParts(filled)).toEqual([])
  })

  it("starts a first bundle's outcomes from a center's defaults, and calls out the ones it drops", () => {
    const blank = stateFrom(null)
    expect(blank.finishOutcomes.map((o) => o.code)).toEqual(['served', 'referred', 'incomplete_papers', 'other'])
    expect(droppedOutcomes(blank, null)).toEqual([])
    const shrunk = { ...blank, finishOutcomes: blank.finishOutcomes.slice(0, 1) }
    expect(droppedOutcomes(shrunk, null).map((o) => o.code)).toEqual(['referred', 'incomplete_papers', 'other'])
  })

  it('says a holiday naming national services closes only those, and lists the holidays and the mapping it replaces (walk s52)', () => {
    const catalogue = [
      { code: 'BLD-PERMIT', nameAr: 'تراخيص البناء', nameEn: 'Building permits', groupAr: '', groupEn: '' },
      { code: 'PASSPORT', nameAr: 'جوازات', nameEn: 'Passports', groupAr: '', groupEn: '' },
    ]
    const outage = {
      id: 'outage',
      from: '2026-12-13',
      to: '2026-12-13',
      nameAr: 'عطل منظومة التراخيص',
      nameEn: 'Permits system outage',
      hours: [],
      nationalCodes: ['BLD-PERMIT'],
    }
    const feast = { id: 'feast', from: '2026-12-24', to: '2026-12-24', nameAr: 'عيد', nameEn: 'Feast', hours: [] }
    expect(holidayReach(outage, catalogue, 'en')).toBe(
      'Closes only these services, all day: BLD-PERMIT\u00a0— Building permits. The center’s other services stay open.',
    )
    expect(holidayReach(outage, catalogue, 'en')).not.toContain('whole center')
    expect(holidayReach(outage, catalogue, 'ar')).toContain('يُغلق هذه الخدمات فقط طوال اليوم')
    expect(holidayReach(feast, catalogue, 'en')).toBe('Closes the whole center all day.')
    expect(holidayReach({ ...feast, hours: [{ open: '08:00', close: '12:00' }] }, catalogue, 'ar')).toBe(
      'يعمل المركز كله في هذه الأيام فقط ٠٨:٠٠–١٢:٠٠.',
    )
    expect(holidaysReplaced([outage, feast], catalogue, 'en')).toBe(
      'Holidays (they replace the ones the hub set before; each center’s own stay): Permits system outage (only BLD-PERMIT\u00a0— Building permits); Feast (the whole center)',
    )
    expect(holidaysReplaced([], catalogue, 'en')).toMatch(/^Holidays: none/)
    const centers = [{ centerId: 'EG-CAI-01', nameAr: 'مركز القاهرة', nameEn: 'Cairo center' }]
    expect(mappingReplaced([{ centerId: 'EG-CAI-01', local: 'p', code: 'PASSPORT' }], centers, catalogue, 'en')).toBe(
      'Service mapping (each service’s letter and national service are locked at its center): Cairo center: \u2066P → PASSPORT\u2069\u00a0— Passports',
    )
    expect(mappingReplaced([], centers, catalogue, 'ar')).toMatch(/^ربط الخدمات: لا شيء/)
  })

  it("the center's default outcomes are the ones the form starts from (one list, not a copy)", () => {
    expect(loadConfig({ env: {} }).queue.finishOutcomes).toEqual(DEFAULT_FINISH_OUTCOMES)
  })

  it('starts from the newest published bundle, never from a newer draft; blank when none is published', () => {
    const draft3 = { version: 3, publishedAt: null }
    const published2 = { version: 2, publishedAt: 2_000 }
    const published1 = { version: 1, publishedAt: 1_000 }
    expect(startingBundle([draft3, published2, published1])).toBe(published2)
    expect(startingBundle([published1, published2])).toBe(published2)
    expect(startingBundle([draft3])).toBeNull()
    expect(startingBundle([])).toBeNull()
  })

  it('keeps what was typed when a newer bundle is published meanwhile, and starts from it only when nothing would be lost (walk s49)', () => {
    const older = { ...stateFrom(null), newsEn: 'Closed Friday' }
    const base = requestOf(older).contents as unknown as ConfigBundleContents
    const started = stateFrom(base)
    // the target is kept whatever the form starts from: choosing it is no typing lost
    const targeted = { ...started, kind: 'all' as const, governorate: 'EG-C', centerIds: ['EG-C-01'] }
    expect(typedSince(targeted, base)).toBe(false)
    expect(onNewerBundle(targeted, base, false)).toBe('startAgain')
    const typed = { ...started, newsAr: 'مغلق الجمعة' }
    expect(typedSince(typed, base)).toBe(true)
    expect(onNewerBundle(typed, base, false)).toBe('offer')
    // the newer bundle is the one this form just published: it holds what was typed
    expect(onNewerBundle(typed, base, true)).toBe('startAgain')
  })

  it("says a failed send in the page's language of the moment, not the one it failed in (walk s49)", async () => {
    const { ApiError, NetworkError } = await import('../../ui-common/api-client.ts')
    const { formFailureText } = await import('../../hub/ui/bundle-refusal.ts')
    const refused = { err: new ApiError(400, 'HUB_ERR_BUNDLE_INVALID', 'body/contents/weeklyHours/sun/0/close: bad'), draft: null }
    const ar = formFailureText(refused, 'ar')
    const en = formFailureText(refused, 'en')
    expect(ar.text).toMatch(/^رفضت الجهة المركزية الحزمة/)
    expect(en.text).toMatch(/^The hub refused the bundle/)
    expect([ar.detail, en.detail]).toEqual([refused.err.message, refused.err.message])
    const drafted = { err: new NetworkError('fetch failed'), draft: 7 }
    expect(formFailureText(drafted, 'ar').text).toContain('٧')
    expect(formFailureText(drafted, 'en').text).toBe(
      'Bundle 7 is saved as a draft, not published: The hub did not answer. It can be published from the list above.',
    )
  })

  it("calls the hub «الجهة المركزية» in Arabic, as the center's screens do, never «المركز القومي» (s51)", async () => {
    const { HUB_BUNDLE_MESSAGES, BUNDLE_REFUSAL_MESSAGES } = await import('../../protocol/messages/hub-bundles.ts')
    const { HUB_ERROR_MESSAGES } = await import('../../protocol/messages/hub-errors.ts')
    const catalogues = [HUB_MESSAGES, HUB_ANALYSIS_MESSAGES, HUB_BUNDLE_MESSAGES, BUNDLE_REFUSAL_MESSAGES, HUB_ERROR_MESSAGES]
    const said = catalogues.flatMap((c) =>
      Object.entries(c)
        .filter(([, m]) => m.ar.includes('المركز القومي'))
        .map(([k]) => k),
    )
    expect(said).toEqual([])
    expect(HUB_ERROR_MESSAGES.HUB_ERR_UNKNOWN_CENTER.ar).toBe('هذا المركز غير مسجل لدى الجهة المركزية.')
  })

  it('starts on a governorate with an active center, and counts the active centers a target reaches', () => {
    const centers = [
      { centerId: 'EG-ALX-01', governorate: 'ALX', active: false },
      { centerId: 'EG-CAI-01', governorate: 'CAI', active: true },
    ]
    expect(defaultGovernorate(centers, 'ar')).toBe('CAI')
    expect(defaultGovernorate(centers.slice(0, 1), 'ar')).toBe('')
    // the picker lists governorates by name in the page's language, not by code; it starts on the first with an active center
    const three = ['EG-C', 'EG-ALX', 'EG-ASN'].map((governorate, i) => ({ centerId: `C${i}`, governorate, active: true }))
    expect(governoratesInOrder(three, 'ar')).toEqual(['EG-ASN', 'EG-ALX', 'EG-C']) // أسوان، الإسكندرية، القاهرة
    expect(governoratesInOrder(three, 'en')).toEqual(['EG-ALX', 'EG-ASN', 'EG-C']) // Alexandria, Aswan, Cairo
    expect(defaultGovernorate(three, 'ar')).toBe('EG-ASN')
    expect(activeReached({ kind: 'governorate', governorate: 'ALX', centerIds: [] }, centers)).toBe(0)
    expect(activeReached({ kind: 'centers', governorate: '', centerIds: ['EG-ALX-01'] }, centers)).toBe(0)
    expect(activeReached({ kind: 'all', governorate: '', centerIds: [] }, centers)).toBe(1)
  })
})

describe('lists of governorates', () => {
  it('are in one order on every tab: by name in the page language, whatever order the hub answered in (walk of 2026-12-06)', () => {
    const codes = ['EG-C', 'EG-BA', 'EG-ALX', 'EG-ASN', 'unknown']
    expect([...codes].sort(byGovernorateName('ar'))).toEqual(['EG-ASN', 'EG-ALX', 'EG-BA', 'EG-C', 'unknown']) // أسوان، الإسكندرية، البحر الأحمر، القاهرة، محافظة غير معروفة
    expect([...codes].sort(byGovernorateName('en'))).toEqual(['EG-ALX', 'EG-ASN', 'EG-C', 'EG-BA', 'unknown'])
    const rows = codes.map((key) => ({ key }))
    expect(inGovernorateOrder(rows, 'ar', (r) => r.key).map((r) => r.key)).toEqual(['EG-ASN', 'EG-ALX', 'EG-BA', 'EG-C', 'unknown'])
    expect(
      rows.map((r) => r.key),
      'a new array',
    ).toEqual(codes)
  })
})

describe("the open-data page's services", () => {
  it('are by name in the page language, not in the catalogue order of English groups and codes (walk s48)', () => {
    // as the hub answers its catalogue: by English group (Civil registry, Housing, Utilities), then code
    const catalogue = [
      { code: 'CIV-EXTRACT', nameAr: 'مستخرجات السجل المدني', nameEn: 'Civil-registry extracts' },
      { code: 'BLD-PERMIT', nameAr: 'تراخيص البناء', nameEn: 'Building permits' },
      { code: 'UTIL-CONN', nameAr: 'توصيل المرافق', nameEn: 'Utility connections' },
    ]
    const codes = (lang: 'ar' | 'en') => inNameOrder(catalogue, lang, (s) => nameIn(s, lang)).map((s) => s.code)
    expect(codes('ar')).toEqual(['BLD-PERMIT', 'UTIL-CONN', 'CIV-EXTRACT']) // تراخيص، توصيل، مستخرجات
    expect(codes('en')).toEqual(['BLD-PERMIT', 'CIV-EXTRACT', 'UTIL-CONN'])
    expect(catalogue[0]!.code).toBe('CIV-EXTRACT') // a new array: the answer kept as it came
  })
})

describe("the open-data page's figures", () => {
  it('grow older while the refreshes fail: not "updated less than a minute ago" for as long as the phone has no signal (walk s48)', () => {
    // the hub answered at 10:00:00 with a center's line of 09:59:30; the phone got it at its own 12:00:00 (its clock is off)
    const answer = { generatedAt: Date.UTC(2026, 11, 7, 10, 0, 0) }
    const updatedAt = Date.UTC(2026, 11, 7, 9, 59, 30)
    const receivedAt = Date.UTC(2026, 11, 7, 12, 0, 0)
    expect(minutesOld(answer, updatedAt, receivedAt, receivedAt)).toBe(0)
    // ten minutes of failed refreshes later, on the phone's clock
    expect(minutesOld(answer, updatedAt, receivedAt, receivedAt + 10 * 60_000)).toBe(10)
    // the hub's own times decide the age it had on arrival, whatever the phone's clock said
    expect(minutesOld({ generatedAt: updatedAt + 3 * 60_000 }, updatedAt, receivedAt, receivedAt + 30_000)).toBe(3)
  })
})

describe('a bundle\'s "state since" for each center', () => {
  it('a pending center is pending since the bundle was published, not since its first heartbeat', () => {
    expect(bundleStateSince({ status: 'pending', reportedAt: 1000 }, 5000)).toBe(5000)
    expect(bundleStateSince({ status: 'applied', reportedAt: 6000 }, 5000)).toBe(6000)
    expect(bundleStateSince({ status: 'pending', reportedAt: null }, null)).toBeNull()
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
    // a center that never sent a heartbeat said nothing: not "None"
    expect(bundleCell({ configVersion: null, lastHeartbeatAt: null })).toBe('unknown')
    expect(bundleCell({ configVersion: null, lastHeartbeatAt: 1_700_000_000_000 })).toBe('none')
    expect(bundleCell({ configVersion: '4', lastHeartbeatAt: 1_700_000_000_000 })).toBe(4)
  })
})

describe("the fleet's alerts", () => {
  it("say as of which heartbeat a center had faulty devices (an offline one's may have changed since)", () => {
    const center = (o: Partial<CenterView>): CenterView => ({
      id: 'C1',
      nameAr: 'م',
      nameEn: 'C',
      governorate: 'EG-C',
      cityAr: '',
      cityEn: '',
      city: '',
      kind: 'fixed',
      active: true,
      lastReportAt: null,
      lastHeartbeatAt: 1_700_000_000_000,
      lastContactAt: 1_700_000_000_000,
      offline: true,
      heartbeatSeconds: 60,
      offlineAfterSeconds: 180,
      countersOpen: 1,
      devicesFaulty: 2,
      outboxPending: 4,
      version: null,
      configVersion: null,
      lastBackupAt: null,
      lastBackupOk: null,
      backupsOff: null,
      ...o,
    })
    expect(fleetAlerts([center({})])).toEqual([
      { kind: 'offline', centerId: 'C1', since: 1_700_000_000_000 },
      { kind: 'devices-faulty', centerId: 'C1', since: null, count: 2, asOf: 1_700_000_000_000 },
    ])
  })

  it('say "backups off" where the center says its scheduled backups are off, not a dash; a failure from before they were turned off raises no alert (walk s52)', () => {
    const off = { backupsOff: true, lastBackupAt: 1_700_000_000_000, lastBackupOk: false }
    expect(backupCell(off)).toBe('off')
    expect(backupCell({ ...off, backupsOff: false })).toBe('failed')
    expect(backupCell({ backupsOff: false, lastBackupAt: 1, lastBackupOk: true })).toBe('ran')
    // an older center that does not say, and has reported no backup
    expect(backupCell({ backupsOff: null, lastBackupAt: null, lastBackupOk: null })).toBe('unknown')
    expect(HUB_MESSAGES.backupsOff).toEqual({ ar: 'النسخ الاحتياطي غير مفعّل', en: 'backups off' })
    const center = { id: 'C1', active: true, offline: false, devicesFaulty: 0, lastHeartbeatAt: 1 } as CenterView
    expect(fleetAlerts([{ ...center, ...off }])).toEqual([])
    expect(fleetAlerts([{ ...center, ...off, backupsOff: false }]).map((a) => a.kind)).toEqual(['backup-failed'])
  })
})

describe('times on the hub page', () => {
  it('name the zone they are written in (the reader may be anywhere)', () => {
    // the zone's short name as the page's own English locale writes it ('EST' in 'en', 'GMT-5' in 'en-GB')
    const zone = new Intl.DateTimeFormat(intlLocale('en', 'western'), { timeZoneName: 'short' })
      .formatToParts(0)
      .find((p) => p.type === 'timeZoneName')!.value
    expect(hubFormat('en').time(0)).toContain(zone)
  })

  it("are written in the hub's zone, which the page it serves carries, not the browser's (walk of 2026-12-07: a UTC machine read 10:15 UTC beside 12:10 at the center)", () => {
    const noon = Date.UTC(2026, 11, 7, 10, 15)
    const page = globalThis as { document?: unknown }
    page.document = { querySelector: () => ({ content: 'Africa/Cairo' }) }
    try {
      expect(hubFormat('en').time(noon)).toMatch(/^7 Dec 2026, 12:15 (EET|GMT\+2)$/)
      expect(hubFormat('ar').time(noon)).toContain('١٢:١٥')
    } finally {
      delete page.document
    }
  })

  it('write a date one way in both languages: the month by name, never a 5/12 that reads as May or December (walk of 2026-12-05)', () => {
    expect(hubFormat('en').day('2026-12-05')).toBe('5 Dec 2026')
    expect(hubFormat('ar').day('2026-12-05')).toBe('٥ ديسمبر ٢٠٢٦')
    // a calendar day stays itself whatever the reader's zone
    expect(hubFormat('en').day('2026-01-01')).toBe('1 Jan 2026')
    const noon = Date.UTC(2026, 11, 5, 12)
    expect(hubFormat('en').time(noon)).toMatch(/^5 Dec 2026, /)
    expect(hubFormat('ar').time(noon)).toMatch(/^٥ ديسمبر ٢٠٢٦، /)
    for (const lang of ['ar', 'en'] as const) expect(hubFormat(lang).time(noon)).not.toMatch(/[/\u200f]/)
  })
})

describe('the governorate map', () => {
  it('paints an out-of-scope tile as its legend swatch says: grey, with no "no data" dashes', () => {
    expect(tileLook('outside').dashed).toBe(false)
    expect(tileLook('outside').fill).not.toBe(tileLook('none').fill)
    expect(tileLook('none').dashed).toBe(true)
    expect(tileLook(2).dashed).toBe(false)
  })
})

describe("a tab's request that fails", () => {
  it('leaves no answer of before under the error, whatever the failure; says why, and retries only what may succeed', async () => {
    const { loadFailure } = await import('../../hub/ui/load-failure.ts')
    const { ApiError, NetworkError } = await import('../../ui-common/api-client.ts')
    const failures = {
      stopped: new NetworkError('fetch failed'),
      serverError: new ApiError(500, 'HUB_ERR_INTERNAL', 'internal'),
      tooMany: new ApiError(429, 'HUB_ERR_RATE_LIMITED', 'slow down'),
      signIn: new ApiError(401, 'HUB_ERR_UNAUTHORIZED', 'token'),
      tooLong: new ApiError(400, 'HUB_ERR_RANGE_TOO_LONG', 'range'),
      refused: new ApiError(403, 'HUB_ERR_FORBIDDEN_GOVERNORATE', 'not yours'),
    }
    const why = Object.fromEntries(
      Object.entries(failures).map(([name, err]) => {
        const f = loadFailure(err)
        // the fleet's "Online" of minutes ago and the figures before are gone, whichever tab failed
        expect([f.data, f.fleet], name).toEqual([null, null])
        return [name, [f.failed, f.signIn, f.rangeTooLong, f.refused?.code ?? null]]
      }),
    )
    expect(why).toEqual({
      stopped: [true, false, false, null],
      serverError: [true, false, false, null],
      tooMany: [true, false, false, null],
      signIn: [false, true, false, null],
      tooLong: [false, false, true, null],
      refused: [false, false, false, 'HUB_ERR_FORBIDDEN_GOVERNORATE'],
    })
  })
})

describe('waits on the hub page', () => {
  it('a wait under a minute reads "< 1" / «أقل من ١», not "0", in the figures and in the analysis; its axis stays numbers', async () => {
    const { formatFigure, figureValue, axisTick } = await import('../../hub/ui/analysis-figures.ts')
    const [ar, en] = [hubFormat('ar'), hubFormat('en')]
    // under a heading of minutes ("(min)" / «(دقيقة)»), the cell says no unit again (walk s53: "< 1 min" under "(min)")
    const headings = [HUB_MESSAGES.avgWait, HUB_MESSAGES.appointmentWait, HUB_ANALYSIS_MESSAGES.figure_avgWait]
    expect(headings.map((h) => [h.en.endsWith('(min)'), h.ar.endsWith('(دقيقة)')])).toEqual(headings.map(() => [true, true]))
    expect([1.8, 0, 59.9].map((s) => en.minutes(s))).toEqual(['< 1', '< 1', '< 1'])
    expect(ar.minutes(1.8)).toBe('أقل من ١')
    expect([en.minutes(60), en.minutes(150), ar.minutes(150), en.minutes(null)]).toEqual(['1', '2.5', '٢٫٥', '—'])
    // the analysis' figure (minutes, one decimal) of a 1.8 s mean: written as the figures tab writes it
    const short = figureValue('avgWait', { issued: 1, served: 1, noShow: 0, avgWaitSeconds: 1.8, slaPercent: 100, avgRating: null })
    expect(formatFigure('avgWait', short, en)).toBe('< 1')
    expect(formatFigure('avgWait', short, ar)).toBe('أقل من ١')
    expect(formatFigure('avgWait', 2.5, en)).toBe('2.5')
    expect([0, 0.5, 1].map((v) => axisTick('avgWait', v, en))).toEqual(['0', '0.5', '1'])
  })
})

describe("the trend chart's value axis", () => {
  it('labels a count only at whole numbers (no gridline of 2.5 tickets called "3"), other figures as written', async () => {
    const { axisTick } = await import('../../hub/ui/analysis-figures.ts')
    const { WHOLE_STEPS } = await import('../../ui-common/whole-steps.ts')
    const ar = hubFormat('ar')
    expect([0, 2.5, 5, 7.5, 10].map((v) => axisTick('issued', v, ar))).toEqual(['٠', '', '٥', '', '١٠'])
    expect(axisTick('sla', 62.5, hubFormat('en'))).not.toBe('')
    expect(WHOLE_STEPS.every(Number.isInteger)).toBe(true)
    expect(WHOLE_STEPS.at(-1)).toBeGreaterThanOrEqual(1e9)
  })
})

/**
 * The hub's count of finished tickets is every finish, whatever its outcome: the hub page called it
 * «تمت خدمتهم» / "Served" (8) where the center's dashboard says «أُنهيت» / "Finished" and only 5 had
 * the outcome served (walk s50).
 */
describe("the hub's finished count", () => {
  it("is named as the center's dashboard and the hub's CSV name it, never 'served', in both languages", () => {
    for (const lang of ['ar', 'en'] as const) {
      expect(HUB_MESSAGES.served[lang]).toBe(DASHBOARD_MESSAGES['col.served'][lang])
      expect(HUB_ANALYSIS_MESSAGES.figure_served[lang]).toBe(CSV_MESSAGES['figure.served'][lang])
    }
    const labels = [HUB_MESSAGES.served, HUB_MESSAGES.chartTitle, HUB_ANALYSIS_MESSAGES.figure_served]
    for (const label of labels) {
      expect(label.en).not.toMatch(/serv/i)
      expect(label.ar).not.toMatch(/خدمتهم|المخدوم/)
    }
  })
})

/**
 * The trend's note on which centers its change compares: with a new center and none in both periods
 * it read "Change over the 0 centers with figures in both periods", a change measured over nothing,
 * beside a change of "—" (walk s51).
 */
describe("the trend's centers note", () => {
  it('says there is no change when no center has figures in both periods, and counts 1 and many in both languages', async () => {
    const { centersNoteText } = await import('../../hub/ui/analysis-format.ts')
    const none = { compared: 0, onlyNow: 1, onlyBefore: 0 }
    expect(centersNoteText(none, 'en')).toBe(
      'No center has figures in both periods, so there is no change to show; 1 new center not compared.',
    )
    expect(centersNoteText(none, 'ar')).toBe('لا مركز له أرقام في الفترتين، فلا تغير يُحسب؛ مركز جديد واحد خارج المقارنة.')
    expect(centersNoteText({ compared: 1, onlyNow: 2, onlyBefore: 0 }, 'en')).toBe(
      'Change over the 1 center with figures in both periods; 2 new centers not compared.',
    )
    expect(centersNoteText({ compared: 1, onlyNow: 0, onlyBefore: 1 }, 'ar')).toBe(
      'التغير على المراكز التي لها أرقام في الفترتين فقط: مركز واحد؛ المراكز التي لها أرقام في الفترة السابقة فقط خارج المقارنة: مركز واحد.',
    )
    expect(centersNoteText({ compared: 12, onlyNow: 3, onlyBefore: 0 }, 'en')).toBe(
      'Change over the 12 centers with figures in both periods; 3 new centers not compared.',
    )
    expect(centersNoteText({ compared: 12, onlyNow: 3, onlyBefore: 0 }, 'ar')).toBe(
      'التغير على المراكز التي لها أرقام في الفترتين فقط: ١٢ مركزًا؛ ٣ مراكز جديدة خارج المقارنة.',
    )
    for (const lang of ['ar', 'en'] as const) expect(centersNoteText(none, lang)).not.toMatch(/[0٠] /)
  })
})

/**
 * A service whose counter was open with no ticket sends a row of counts 0 (its open minutes are a
 * fact): its mean wait, share within target and mean service time are over nothing, so the hub
 * answers null and the page writes "—", never a 0-minute wait or 0% (walk s51: checked, kept).
 */
describe('a service with open minutes and no tickets', () => {
  it('keeps its counts at 0 and has no wait, share or service time: null at the hub, "—" on the page', async () => {
    const { figureRow } = await import('../../hub/store/figure-rows.ts')
    const row = figureRow({ key: 'D', name_ar: 'د', name_en: 'D', counter_open_minutes: 60, open_minutes: 60 })
    expect(row).toMatchObject({
      issued: 0,
      served: 0,
      noShow: 0,
      openMinutes: 60,
      avgWaitSeconds: null,
      slaPercent: null,
      avgServiceSeconds: null,
    })
    for (const lang of ['ar', 'en'] as const) {
      const f = hubFormat(lang)
      expect([f.minutes(row.avgWaitSeconds), f.percent(row.slaPercent)]).toEqual(['—', '—'])
    }
  })
})
