import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import type { TestCenter } from '../helpers/test-center.ts'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * Two floors' TVs after a ticket is sent to a counter upstairs, in real Chromium at 1920×1080
 * against a real center (walk of 2026-12-05: the ground floor's TV counted A-001 in "A 2 waiting"
 * though it had been sent to counter 6 on the first floor, whose TV listed no A line): each floor
 * counts it where it will be called. Western and Arabic-Indic digits.
 * Screenshots go to test-results/display-sent-to-counter/.
 */
const SHOTS = join(ROOT, 'test-results', 'display-sent-to-counter')
const suite = useBrowserSuite(SHOTS)

async function openDisplay(center: TestCenter, url: string, zone: string): Promise<Page> {
  const res = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'display', name: zone, zone } })
  const page = await suite.contexts.page(LANDSCAPE)
  await page.goto(`${url}/display/?pair=${res.json().pairingCode}`)
  await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
  return page
}

/** The line's row under "waiting" showing `count` (in the page's digits). */
const line = (page: Page, prefix: string, count: string) =>
  page.locator(`tabour-display-app .waiting .svc[data-service="${prefix}"] [data-waiting-count]`, { hasText: new RegExp(`^${count}$`) })

describe('floor TVs and a ticket sent to a counter upstairs', { timeout: 180_000 }, () => {
  it('the ground floor no longer counts it; the first floor lists its line with it', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const a = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
    const c = await center.createService({ prefix: 'C', nameAr: 'السجل المدني', nameEn: 'Civil registry' })
    const one = await center.createCounter({ number: 1, name: 'شباك ١', zone: 'ground', serviceIds: [a.id] })
    const six = await center.createCounter({ number: 6, name: 'شباك ٦', zone: 'first', serviceIds: [c.id] })
    const clerkOne = await center.openCounterAs('clerk1', one.id)
    await center.openCounterAs('clerk6', six.id)
    const kiosk = (await center.createDevice('kiosk')).token
    for (let i = 0; i < 3; i++) await center.issue(kiosk, { serviceId: a.id })
    const ground = await openDisplay(center, url, 'ground')
    const first = await openDisplay(center, url, 'first')
    await line(ground, 'A', '3').waitFor()

    // A-001 is called downstairs, then sent to counter 6 upstairs
    await center.action(clerkOne, one.id, 'call-next')
    await center.action(clerkOne, one.id, 'start')
    await line(ground, 'A', '2').waitFor()
    expect((await center.action(clerkOne, one.id, 'transfer', { counterId: six.id })).statusCode).toBe(200)
    // the ground TV said 2 before the transfer too: its count is read only once it holds the
    // transfer's push (its A line names the ticket for counter 6), so a TV still counting it (3) fails
    await ground.waitForFunction(
      (id) => {
        const app = document.querySelector('tabour-display-app') as unknown as {
          session?: { services?: { id: number; sentToCounters?: unknown[] }[] }
        } | null
        return app?.session?.services?.find((s) => s.id === id)?.sentToCounters?.length === 1
      },
      a.id,
      { timeout: 20_000 },
    )
    await ground.evaluate(
      () => (document.querySelector('tabour-display-app') as unknown as { updateComplete: Promise<boolean> }).updateComplete,
    )
    expect(await ground.locator('tabour-display-app .waiting .svc[data-service="A"] [data-waiting-count]').textContent()).toBe('2')
    await line(first, 'A', '1').waitFor({ timeout: 20_000 })
    await line(first, 'C', '0').waitFor()
    for (const [name, page] of [
      ['ground', ground],
      ['first', first],
    ] as const) {
      expect(await seriousAxeViolations(page), name).toEqual([])
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SHOTS, `tv-${name}-after-transfer.png`) })
    }

    // Arabic-Indic digits, after a reload (the snapshot carries the same counts)
    expect(
      (await center.request('PUT', '/api/v1/settings', { token: await center.admin(), body: { digits: 'arabic-indic' } })).statusCode,
    ).toBe(200)
    await ground.reload()
    await first.reload()
    await line(ground, 'A', '٢').waitFor({ timeout: 20_000 })
    await line(first, 'A', '١').waitFor({ timeout: 20_000 })
    expect(await seriousAxeViolations(first)).toEqual([])
    await first.screenshot({ path: join(SHOTS, 'tv-first-arabic-indic.png') })
  })
})
