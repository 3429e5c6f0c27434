import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ADMIN_PASSWORD, daytimeShiftMs, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { seriousAxeViolations } from './axe.ts'
import { DEMO_PASSWORD } from '../../server/demo/seed.ts'

/**
 * Mended from the walks of 2026-12-07 (s55):
 * - a TV set to a zone no counter has ("Ground" for the counters' "ground") listed every line of the
 *   center as waiting and never a call, and nothing said so (display finding 5): the server refuses a
 *   zone the counters spell in other capitals, and the devices form and list say when a display's zone
 *   has no counter (accepted: a floor's TV may come before its counters);
 * - a ticket found in the dashboard's ticket tools kept the state it had when found while it was
 *   called, served and finished (console finding 4, the dashboard's copy).
 * Screenshots go to test-results/dashboard-zones-s55/.
 */
const SHOTS = join(ROOT, 'test-results', 'dashboard-zones-s55')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const LAPTOP = { width: 1366, height: 768 } as const

/** The demo center (counters in zones "ground" and "first") in its opening hours. */
async function demoCenter() {
  const clock = new TestClock(Date.now() + daytimeShiftMs())
  return listeningCenter({ clock, config: { uiDir: suite.uiDir, demo: true } }, suite.cleanups)
}

const SAID = {
  en: {
    list: 'No counter is in this zone',
    hint: 'No counter is in this zone: the screen will list every line of the center and show no call until a counter is put in it.',
    refused: "The counters' zone of this name is written in other capitals; choose it from the list",
  },
  ar: {
    list: 'لا يوجد شباك في هذه المنطقة',
    hint: 'لا يوجد شباك في هذه المنطقة: ستعرض الشاشة كل خدمات المركز ولن تعرض أي نداء حتى يوضع فيها شباك.',
    refused: 'منطقة الشبابيك بهذا الاسم مكتوبة بحروف كبيرة وصغيرة مختلفة؛ اخترها من القائمة',
  },
} as const

describe("a display's zone in Configuration → Devices (walk s55, display finding 5)", () => {
  it('refuses "Ground" beside the zone, says under the picker and in the list when a display\'s zone has no counter', async () => {
    const { center, url } = await demoCenter()
    const admin = await center.admin()
    const upstairs = await center.request('POST', '/api/v1/devices', {
      token: admin,
      body: { kind: 'display', name: 'Second floor TV', zone: 'second' },
    })
    expect(upstairs.statusCode, upstairs.body).toBe(201)
    const devicesNamed = (name: string) => center.app.tabour.db.prepare('SELECT zone FROM devices WHERE name = ?').all(name)
    for (const lang of ['en', 'ar'] as const) {
      const page = await suite.contexts.page(LAPTOP)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#config')
      await page.locator('tabour-config-view button[data-section="devices"]').click()
      const list = page.locator('tabour-devices-config table[data-table="devices"]')
      // the list: the TV upstairs, whose zone no counter has, says so; the demo's ground-floor TV does not
      await expect.poll(() => list.locator('tr[data-device="Second floor TV"] [data-zone-note]').textContent()).toBe(SAID[lang].list)
      expect(await list.locator('[data-zone-note]').count(), lang).toBe(1)

      const form = page.locator('form[data-form="devices"]')
      const name = `Hall TV ${lang}`
      await form.locator('select[name="kind"]').selectOption('display')
      await form.locator('[name=name]').fill(name)
      await form.locator('select[name="zone"]').selectOption('+new')
      await form.locator('input[name="zoneNew"]').fill('Ground')
      const note = form.locator('[data-field="zone"] [data-zone-note]')
      await expect.poll(() => note.textContent()).toBe(SAID[lang].hint)
      await suite.shot(page, `zone-typo-${lang}-1366`)
      await form.locator('button[data-action="save"]').click()
      await expect.poll(() => form.locator('[data-field-error="zone"]').textContent()).toBe(SAID[lang].refused)
      expect(devicesNamed(name), lang).toEqual([])
      expect(await seriousAxeViolations(page)).toEqual([])
      await suite.shot(page, `zone-refused-${lang}-1366`)

      // the counters' zone, chosen from the list: no note, saved
      await form.locator('select[name="zone"]').selectOption('ground')
      expect(await note.count(), lang).toBe(0)
      await form.locator('button[data-action="save"]').click()
      await expect.poll(() => devicesNamed(name)).toEqual([{ zone: 'ground' }])
      await list.locator(`tr[data-device="${name}"]`).waitFor()
      expect(await list.locator(`tr[data-device="${name}"] [data-zone-note]`).count(), lang).toBe(0)
      await page.close()
    }
  }, 180_000)
})

describe("a ticket found in the dashboard's ticket tools (walk s55, console finding 4)", () => {
  it('follows the ticket as a clerk calls, starts and finishes it', async () => {
    const { center, url } = await demoCenter()
    const admin = await center.admin()
    const services = (await center.request('GET', '/api/v1/services', { token: admin })).json<{ id: number; prefix: string }[]>()
    const a = services.find((s) => s.prefix === 'A')!
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.login('clerk1', DEMO_PASSWORD)
    expect((await center.action(clerk, 1, 'open')).statusCode).toBe(200)
    const ticket = await center.issue(kiosk, { serviceId: a.id })

    const page = await suite.contexts.page(LAPTOP)
    await dashboardLogin(page, url, 'manager', DEMO_PASSWORD, 'en')
    const tools = page.locator('tabour-ticket-tools')
    const card = tools.locator(`article[data-ticket="${ticket.label}"]`)
    await tools.locator('input[data-input="find"]').fill(ticket.label)
    await tools.locator('button[data-action="find"]').click()
    await expect.poll(() => card.getAttribute('data-status')).toBe('waiting')

    expect((await center.action(clerk, 1, 'call-next')).statusCode).toBe(200)
    await expect.poll(() => card.getAttribute('data-status')).toBe('called')
    expect((await center.action(clerk, 1, 'start')).statusCode).toBe(200)
    await expect.poll(() => card.getAttribute('data-status')).toBe('serving')
    expect((await center.action(clerk, 1, 'finish', {})).statusCode).toBe(200)
    await expect.poll(() => card.getAttribute('data-status')).not.toBe('serving')
    const now = center.app.tabour.db.prepare('SELECT status FROM tickets WHERE id = ?').get(ticket.id) as { status: string }
    expect(await card.getAttribute('data-status')).toBe(now.status)
    // its history goes on past the call: the finish (or, on a visit of several steps, the next step)
    await expect.poll(() => card.locator('li[data-step="finished"], li[data-step="next_step"]').count()).toBe(1)
    expect(await card.locator('li[data-step="started"]').count()).toBe(1)
    await suite.shot(page, 'ticket-tools-follow-en-1366')
  }, 180_000)
})
