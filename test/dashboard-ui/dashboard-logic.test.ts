import { describe, expect, it } from 'vitest'
import {
  categoriesToText,
  dayDuration,
  dayIn,
  duration,
  momentInWords,
  num,
  percent,
  shiftDay,
  textToCategories,
  timeOrMoment,
} from '../../dashboard-ui/format.ts'
import { isFaulty } from '../../protocol/device-health.ts'
import { printerHealth, serialHealth } from '../helpers/device-health.ts'
import { deviceVerdict as deviceHealth } from '../../protocol/device-verdict.ts'
import { hoursSoFar } from '../../protocol/hours-so-far.ts'
import { printReportText } from '../../protocol/messages/print-report.ts'
import { noBundleRoute } from '../../dashboard-ui/config/hub-bundle-note.ts'
import { ApiError, NetworkError } from '../../ui-common/api-client.ts'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import type { DeviceHealth } from '../../protocol/stats.ts'

describe('dashboard formatting', () => {
  it('durations, numbers and percentages in both digit styles', () => {
    expect(duration(null, 'western')).toBe('—')
    expect(duration(65, 'western')).toBe('1:05')
    expect(duration(3723, 'western')).toBe('1:02:03')
    expect(duration(971.4, 'arabic-indic')).toBe('١٦:١١')
    // time over a day, one format down a column: 8 h open and 0 min open read «٨:٠٠:٠٠» and «٠:٠٠:٠٠», not «٠:٠٠»
    expect(dayDuration(8 * 3600, 'arabic-indic')).toBe('٨:٠٠:٠٠')
    expect(dayDuration(0, 'arabic-indic')).toBe('٠:٠٠:٠٠')
    expect(dayDuration(45, 'western')).toBe('0:00:45')
    expect(dayDuration(null, 'western')).toBe('—')
    expect(num(1234, 'western')).toBe('1,234')
    expect(num(1234, 'arabic-indic')).toBe('١٬٢٣٤')
    expect(percent(57.1, 'western', 'en')).toBe('57.1%')
    expect(percent(57.1, 'arabic-indic', 'ar')).toBe('٥٧٫١٪')
    expect(percent(null, 'western', 'en')).toBe('—')
  })

  it("the center's day (not the browser's) and day arithmetic", () => {
    // 23:30 UTC on Mar 9 is already Mar 10 in Cairo
    expect(dayIn(Date.parse('2026-03-09T23:30:00Z'), 'Africa/Cairo')).toBe('2026-03-10')
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('priority categories round-trip through the settings text', () => {
    const list = [
      { code: 'elderly', nameAr: 'كبار السن', nameEn: 'Elderly' },
      { code: 'disabled', nameAr: 'ذوو الهمم', nameEn: 'People with disabilities, all kinds' },
    ]
    expect(textToCategories(categoriesToText(list))).toEqual(list)
    expect(textToCategories('\n  \n')).toEqual([])
  })
})

describe('device health', () => {
  const device = (over: Partial<DeviceHealth>): DeviceHealth => ({
    id: 1,
    kind: 'printer',
    name: 'p',
    zone: null,
    paired: true,
    revoked: false,
    lastSeenAt: null,
    status: null,
    faulty: false,
    ...over,
  })
  const now = Date.parse('2026-03-10T10:00:00Z')
  it('reads printer and serial statuses like the server does', () => {
    // a printer the server has no report from: nothing is known yet, not "OK"
    expect(deviceHealth(device({}), now)).toEqual({ key: 'health.noReport', tone: 'warn' })
    expect(deviceHealth(device({ kind: 'kiosk' }), now)).toEqual({ key: 'health.ok', tone: 'ok' })
    expect(deviceHealth(device({ status: { printer: { paperOut: true } }, faulty: true }), now).key).toBe('health.paperOut')
    expect(deviceHealth(device({ status: { printer: { coverOpen: true } }, faulty: true }), now).key).toBe('health.cover')
    expect(deviceHealth(device({ status: { printer: { reachable: false } }, faulty: true }), now).key).toBe('health.offline')
    // a kiosk that is connected but whose printer does not answer still issues tickets: a printer fault, not offline
    expect(deviceHealth(device({ kind: 'kiosk', status: { printer: { reachable: false } }, faulty: true }), now)).toEqual({
      key: 'health.printerFault',
      tone: 'bad',
    })
    expect(deviceHealth(device({ kind: 'kiosk', status: { printer: { online: false } }, faulty: true }), now).key).toBe(
      'health.printerFault',
    )
    expect(deviceHealth(device({ kind: 'display', status: { display: { sound: 'blocked' } }, faulty: true }), now)).toEqual({
      key: 'health.soundBlocked',
      tone: 'bad',
    })
    expect(deviceHealth(device({ kind: 'display', status: { display: { sound: 'ok' } } }), now).key).toBe('health.ok')
    expect(deviceHealth(device({ status: { printer: { paperNearEnd: true } } }), now)).toEqual({ key: 'health.paperLow', tone: 'warn' })
    expect(deviceHealth(device({ kind: 'board', status: { serial: { open: false } }, faulty: true }), now).key).toBe('health.offline')
    expect(deviceHealth(device({ kind: 'kiosk', paired: false }), now).key).toBe('health.unpaired')
    expect(deviceHealth(device({ kind: 'display', lastSeenAt: '2026-03-10T09:30:00Z' }), now)).toEqual({
      key: 'health.silent',
      tone: 'warn',
    })
    expect(isFaulty(printerHealth({ paperOut: true }))).toBe(true)
    expect(isFaulty(serialHealth({ open: true }))).toBe(false)
  })
})

describe('hour chart axes', () => {
  it('label whole hours and whole values only, and give an empty chart a 0–5 scale', async () => {
    const { hourTick, wholeTick, valueRange, nothingToDraw } = await import('../../dashboard-ui/chart-axes.ts')
    // a time as the page's text writes it (clockTime), never a 24-hour "15:00" beside "3:00 PM" (walk s47)
    expect(hourTick(7, 'en')).toBe('7:00\u00a0AM')
    expect(hourTick(15, 'en')).toBe('3:00\u00a0PM')
    expect(hourTick(0, 'en')).toBe('12:00\u00a0AM')
    expect(hourTick(15, 'ar')).toBe('3:00\u00a0م')
    expect(wholeTick(2)).toBe('2')
    expect(wholeTick(0.3)).toBe('')
    // the screen's digits (uPlot paints the ticks itself): the Arabic screen with Arabic-Indic set
    expect(hourTick(7, 'ar', 'arabic-indic')).toBe('٧:٠٠\u00a0ص')
    expect(hourTick(15, 'ar', 'arabic-indic')).toBe('٣:٠٠\u00a0م')
    expect(wholeTick(12, 'arabic-indic')).toBe('١٢')
    expect(wholeTick(0.5, 'arabic-indic')).toBe('')
    expect(valueRange(null)).toEqual([0, 5])
    expect(valueRange(0.8)).toEqual([0, 5])
    expect(valueRange(40)).toEqual([0, 44])
    expect(nothingToDraw([{ values: [null, 0, null] }])).toBe(true)
    expect(nothingToDraw([{ values: [null, 0] }, { values: [1] }])).toBe(false)
  })

  it('widen the hours shown to every hour with a value (tickets at 23:00 are on the chart)', async () => {
    const { shownHours } = await import('../../dashboard-ui/chart-axes.ts')
    const late = Array.from({ length: 24 }, (_, h) => (h === 23 ? 8 : h === 2 ? 0 : null))
    expect(shownHours([6, 22], [{ values: late }])).toEqual([6, 23])
    expect(shownHours([6, 22], [{ values: [0, 3] }])).toEqual([1, 22])
    expect(shownHours([6, 22], [])).toEqual([6, 22])
  })
})

describe("the center form's hub-bundle read (noBundleRoute)", () => {
  it('lets only an older center without the route through; a real failure is raised, not hidden', () => {
    expect(noBundleRoute(new ApiError(404, ErrorCodes.ROUTE_NOT_FOUND, 'no route GET /api/v1/center/config-bundle'))).toBeNull()
    expect(() => noBundleRoute(new ApiError(500, ErrorCodes.INTERNAL, 'boom'))).toThrow('boom')
    expect(() => noBundleRoute(new ApiError(403, ErrorCodes.FORBIDDEN, 'admins only'))).toThrow('admins only')
    expect(() => noBundleRoute(new NetworkError('offline'))).toThrow('offline')
  })
})

describe("today's hourly figures", () => {
  it('stop at the current hour: hours to come are gaps, not zeros; another day is whole', () => {
    const zeros = Array.from({ length: 24 }, () => 0)
    const at0313 = Date.parse('2026-12-05T01:13:00Z') // 03:13 in Cairo
    const today = hoursSoFar(zeros, '2026-12-05', at0313, 'Africa/Cairo')
    expect(today.slice(0, 4)).toEqual([0, 0, 0, 0])
    expect(today.slice(4)).toEqual(Array.from({ length: 20 }, () => null))
    expect(hoursSoFar(zeros, '2026-12-04', at0313, 'Africa/Cairo')).toEqual(zeros)
  })
})

describe("the daily report's longest wait", () => {
  it('says what it counts: waits that ended in a call (a ticket still waiting is not in it)', () => {
    expect(printReportText('print.maxWait', 'en')).toBe('Longest wait to a call')
    expect(printReportText('print.maxWait', 'ar')).toContain('حتى النداء')
  })
})

describe("the ratings' reasons in words (reasonsGiven: the live card and the report)", () => {
  it('most given first, in the page language, its digits and its comma; the card keeps two', async () => {
    const { reasonsGiven } = await import('../../dashboard-ui/feedback-card.ts')
    const figure = { count: 4, scoreSum: 6, average: 1.5, low: 4, lowShare: 1, reasons: { wait: 1, staff: 3, papers: 2 } }
    expect(reasonsGiven(figure, 'en', 'western')).toBe('Staff manner (3), Papers asked for (2), Long wait (1)')
    expect(reasonsGiven(figure, 'en', 'western', 2)).toBe('Staff manner (3), Papers asked for (2)')
    // walk s46: the live card wrote «(1)» under Arabic-Indic digits, and the Arabic comma in English
    expect(reasonsGiven(figure, 'ar', 'arabic-indic', 2)).toBe('تعامل الموظف (٣)، أوراق كثيرة أو غير متوقعة (٢)')
    expect(reasonsGiven({ ...figure, reasons: {} }, 'ar', 'arabic-indic')).toBe('—')
  })
})

describe("the device lines' times", () => {
  it('are the time alone today, else the day and time as the rest of the dashboard writes them, comma and year (walk s53)', () => {
    const now = Date.parse('2026-12-07T19:44:00Z')
    const yesterday = Date.parse('2026-12-06T19:44:00Z')
    expect(timeOrMoment(Date.parse('2026-12-07T08:05:00Z'), now, 'Africa/Cairo', 'en', 'western')).toBe('10:05\u00a0AM')
    // it read "Sunday 6 December, 9:44 PM": the booking pages' day name, unlike the header's «Monday, 7 December 2026, 9:41 PM»
    expect(timeOrMoment(yesterday, now, 'Africa/Cairo', 'en', 'western')).toBe('Sunday, 6 December 2026, 9:44\u00a0PM')
    expect(timeOrMoment(yesterday, now, 'Africa/Cairo', 'ar', 'arabic-indic')).toBe(
      momentInWords(yesterday, 'Africa/Cairo', 'ar', 'arabic-indic'),
    )
    expect(timeOrMoment(yesterday, now, 'Africa/Cairo', 'ar', 'arabic-indic')).toMatch(/^الأحد، ٦ ديسمبر ٢٠٢٦، /)
    // the center's day, not UTC's: 22:30 UTC on the 6th is 00:30 on the 7th in Cairo, today
    expect(timeOrMoment(Date.parse('2026-12-06T22:30:00Z'), now, 'Africa/Cairo', 'en', 'western')).toBe('12:30\u00a0AM')
  })
})
