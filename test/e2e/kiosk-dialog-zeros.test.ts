import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { demoCalendar } from '../../server/demo/seed.ts'
import { useBrowserSuite } from './browser.ts'
import { checkInAtKiosk } from './kiosk-booking.ts'
import { ROOT } from './ui-build.ts'

/**
 * The kiosk's Arabic-Indic zeros outside its tiles and figures (walk s55, 1080×1920, Arabic-Indic digits):
 * the booking check-in's "come back at ٩:٣٠" drew Cairo's small dot («٩:٣·») where the tiles and the
 * ticket draw the turned zero (ui-common/legible-zeros.ts, README "Digits"); and on the ticket screen the
 * closing note's «١٢:٠٠» ran its two turned zeros into one blob against «الساعة», with no room between them.
 */
const SHOTS = join(ROOT, 'test-results', 'kiosk-dialog-zeros')
const suite = useBrowserSuite(SHOTS)

// Sunday 6 December 2026 in Cairo (UTC+2), the demo's weekly hours 08:00–16:00
const cairo = (time: string) => Date.parse(`2026-12-06T${time}:00+02:00`)

/**
 * The turned zeros in `box`: how many, whether each is turned, and the least distance between the centres of two in
 * a row, in ems of their text (Infinity for fewer than two). Cairo's ٠ advances about half an em; turned and made
 * larger, two with no room between them drew as one blob («١٢:◆◆», walk s55).
 */
async function zerosIn(box: Locator): Promise<{ count: number; turned: boolean; spacing: number }> {
  return box.evaluate((el) => {
    const zeros = [...el.querySelectorAll('.zero')]
    const centres = zeros.map((z) => {
      const r = z.getBoundingClientRect()
      return (r.left + r.right) / 2
    })
    const em = zeros.length ? Number.parseFloat(getComputedStyle(zeros[0]!).fontSize) : 1
    let spacing = Number.POSITIVE_INFINITY
    for (let i = 1; i < centres.length; i++) spacing = Math.min(spacing, Math.abs(centres[i]! - centres[i - 1]!) / em)
    return { count: zeros.length, turned: zeros.every((z) => getComputedStyle(z).transform !== 'none'), spacing }
  })
}

describe("the kiosk's zeros in its dialog and its ticket's lines", () => {
  it('"come back at" draws its zeros turned, as the tiles do; the closing note\'s two zeros stand apart', async () => {
    const clock = new TestClock(cairo('08:00'))
    const { center, url } = await listeningCenter(
      { clock, config: { uiDir: suite.uiDir, screens: { digits: 'arabic-indic' } } },
      suite.cleanups,
    )
    const admin = await center.admin()
    const put = await center.request('PUT', '/api/v1/calendar', { token: admin, body: demoCalendar(clock.now, 'Africa/Cairo') })
    expect(put.statusCode, put.body).toBe(200)
    const c = await center.createService({ prefix: 'C', nameAr: 'مستخرجات السجل المدني', nameEn: 'Civil-registry extracts' })
    const counter = await center.createCounter({ number: 1, serviceIds: [c.id] })
    await center.openCounterAs('clerk1', counter.id)
    // a slot whose check-in opens (half an hour before it) on the hour or the half hour: «١٠:٠٠», «٩:٣٠»
    const onTheHalfHour = (starts: number[]) => starts.find((s) => s > cairo('09:00') && new Date(s).getUTCMinutes() % 30 === 0)
    const { page } = await checkInAtKiosk(center, url, suite.contexts, c.id, '2026-12-06', onTheHalfHour)
    const early = page.locator('tabour-booking-check-in [data-check-in="too-early"]')
    await early.waitFor()
    expect(await early.locator('p').textContent()).toMatch(/[٠-٩]+:[٠-٩]*٠/)
    await suite.shot(page, 'check-in-too-early-ar')
    const come = await zerosIn(early)
    expect(come.count, `"come back at": ${await early.locator('p').textContent()}`).toBeGreaterThan(0)
    expect(come.turned).toBe(true)
    expect(come.spacing, '"come back at": two turned zeros run into one').toBeGreaterThan(0.45)
    await early.locator('[data-action="check-in-back"]').click()

    // 23:40, open to walk-ins on the demo's "always open" exception: the ticket says today's line closes at «١٢:٠٠ ص»
    clock.set(new Date(cairo('23:40')).toISOString())
    await page.locator(`tabour-service-grid button[data-service-id="${c.id}"]`).click()
    const late = page.locator('tabour-ticket-confirmation [data-late]')
    await late.waitFor()
    expect(await late.textContent()).toContain('١٢:٠٠')
    await suite.shot(page, 'ticket-closing-note-ar')
    const zeros = await zerosIn(late)
    expect(zeros.count).toBe(2)
    expect(zeros.spacing, '«١٢:٠٠»: its two turned zeros run into one').toBeGreaterThan(0.45)
  })
})
