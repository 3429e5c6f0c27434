import { afterEach, describe, expect, it, vi } from 'vitest'
import { PrinterAlertBanner } from '../../ui-common/printer-alert-banner.ts'
import { markup } from '../../server/first-screen/shadow-markup.ts'
import type { FailedJobAlert } from '../../ui-common/printer-alerts.ts'

/**
 * A failed ticket job's line on a staff screen says its day unless the job failed on the center's
 * today: by the center's clock (the host's `now`), not the PC's (walk s48: the banner read
 * Date.now(), so a desk PC hours off named the wrong day around midnight).
 */
describe("the printer alert banner: a failed job's day by the center's clock", () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  // 23:50 in Cairo on Sunday 6 December
  const job: FailedJobAlert = { deviceId: 1, kiosk: 'Entrance', kind: 'kiosk', label: 'A-001', at: '2026-12-06T21:50:00Z', problem: null }

  function lineAt(centerNow: string, pcNow: string): string {
    vi.useFakeTimers({ now: Date.parse(pcNow), toFake: ['Date'] })
    const banner = new PrinterAlertBanner()
    banner.failedJobs = [job]
    banner.lang = 'en'
    banner.timeZone = 'Africa/Cairo'
    banner.now = Date.parse(centerNow)
    const text = markup(banner.render())
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
    return /did not print at ([^;]*);/.exec(text)?.[1] ?? text
  }

  it("past the center's midnight, a PC three hours behind: the day is named (it is yesterday's)", () => {
    // the center: 00:10 on Monday; the PC: 21:10 on Sunday
    expect(lineAt('2026-12-06T22:10:00Z', '2026-12-06T19:10:00Z')).toMatch(/^Sunday.*11:50\sPM$/)
  })

  it("before the center's midnight, a PC three hours ahead: the time alone (it is today's)", () => {
    // the center: 23:55 on Sunday; the PC: 02:55 on Monday
    expect(lineAt('2026-12-06T21:55:00Z', '2026-12-07T00:55:00Z')).toMatch(/^11:50\sPM$/)
  })
})

/**
 * A printer named in both languages («Reception printer · طابعة الاستقبال») is named in the
 * screen's language, as its device card names it (protocol/name-in-language.ts; walk s51: the
 * alert carried the whole name).
 */
describe('the printer alert banner names a bilingual printer in the page language', () => {
  const text = (banner: PrinterAlertBanner) =>
    markup(banner.render())
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
  const NAME = 'Reception printer · طابعة الاستقبال'

  it('its problem and its failed job', () => {
    for (const [lang, part, other] of [
      ['en', 'Reception printer', 'طابعة الاستقبال'],
      ['ar', 'طابعة الاستقبال', 'Reception printer'],
    ] as const) {
      const banner = new PrinterAlertBanner()
      banner.lang = lang
      banner.alerts = [{ deviceId: 3, kiosk: NAME, kind: 'printer', problem: 'paper-out', since: Date.now() }]
      banner.failedJobs = [
        { deviceId: 3, kiosk: NAME, kind: 'printer', label: 'A-001', at: new Date().toISOString(), problem: 'paper-out' },
      ]
      const said = text(banner)
      expect(said, lang).toContain(`\u2068${part}\u2069`)
      expect(said, lang).not.toContain(other)
    }
  })
})
