import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { PHONE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * Joining the line from a phone (issue 19), in Chromium at phone size: the join page (Arabic
 * first) → the live status page holding the place → "I am here" (the center's network is
 * loopback here) → a clerk calls it over the real API → the page says "go to counter 3" and
 * the title says it too, without a reload. Both pages pass axe (no serious or critical finding).
 * Screenshots go to test-results/remote-join/.
 */
const SHOTS = join(ROOT, 'test-results', 'remote-join')
const suite = useBrowserSuite(SHOTS)

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAxeViolations(page), what).toEqual([])
}

/** A center taking phone joins (check-in mode) for service A, Passports, served at counter 3, which is not open yet. */
async function passportCenter(pageRefreshSeconds?: number) {
  const { center, url } = await listeningCenter(
    {
      config: {
        uiDir: suite.uiDir,
        remoteJoin: {
          services: [{ prefix: 'A', mode: 'check-in', arriveMinutes: 15 }],
          centerNetworks: ['127.0.0.1/32'],
          ...(pageRefreshSeconds ? { pageRefreshSeconds } : {}),
        },
      },
    },
    suite.cleanups,
  )
  const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' })
  const counter = await center.createCounter({ number: 3, name: 'Counter 3', serviceIds: [a.id] })
  return { center, url, a, counter }
}

it('joins from a phone, checks in with "I am here", and sees "go to counter 3" pushed when a clerk calls it', async () => {
  const { center, url, a, counter } = await passportCenter()
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const kiosk = (await center.createDevice('kiosk')).token
  const present = await center.issue(kiosk, { serviceId: a.id })

  const page = await suite.contexts.page(PHONE)
  await page.goto(`${url}/join/ar/`)
  await page.locator('tabour-join-page [data-service] input:checked').waitFor()
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
  await expectAccessible(page, 'join page, ar')
  await page.screenshot({ path: join(SHOTS, 'join-ar.png'), fullPage: true })
  await page.locator('tabour-join-page #phone').fill('010 1234 5678')
  await page.locator('tabour-join-page [data-join]').click()

  await page.waitForURL(/\/t\/[A-Za-z0-9_-]{22}$/)
  const held = page.locator('tabour-ticket-status [data-status="remote"]')
  await held.waitFor()
  await page.locator('tabour-remote-status [data-remote="held"]').waitFor()
  // one person present ahead of the held place, and the page says so
  await expect.poll(() => held.locator('[data-position]').getAttribute('data-position')).toBe('1')
  await expectAccessible(page, 'status page, ar, holding a place')
  await page.screenshot({ path: join(SHOTS, 'status-ar-held.png'), fullPage: true })
  // from here on the page must never load again: everything arrives over its socket
  await page.evaluate(() => Object.assign(window, { notReloaded: true }))

  await page.locator('tabour-remote-status [data-arrive]').click()
  await page.locator('tabour-ticket-status [data-status="waiting"]').waitFor()
  await page.locator('tabour-remote-status [data-remote="arrived"]').waitFor()
  const id = new URL(page.url()).pathname.split('/').at(-1)!
  const stored = center.app.tabour.db.prepare('SELECT status, origin, phone FROM tickets WHERE id = ?').get(id)
  expect(stored).toEqual({ status: 'waiting', origin: 'remote', phone: '+201012345678' })

  // the walk-in who was there first is called first; then the remote ticket, over the real API
  expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(present.id)
  await center.action(clerk, counter.id, 'start')
  await center.action(clerk, counter.id, 'finish')
  expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(id)

  await page.locator('tabour-ticket-status [data-status="called"] [data-counter="3"]').waitFor()
  expect(await page.locator('tabour-ticket-status .turn .go').textContent()).toContain('توجّه إلى الشباك 3')
  expect(await page.title()).toContain('توجّه إلى الشباك 3')
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
  await page.screenshot({ path: join(SHOTS, 'status-ar-called.png'), fullPage: true })
}, 40_000)

it('follows the center without a reload: opened before any counter, it drops "no counter is serving" once one opens (walk finding 13)', async () => {
  const { center, url, a, counter } = await passportCenter(1)

  const page = await suite.contexts.page(PHONE)
  await page.goto(`${url}/join/ar/`)
  const lineNow = page.locator(`tabour-join-page [data-service="${a.id}"] [data-line-now]`)
  await lineNow.waitFor()
  expect(await lineNow.textContent()).toContain('لا يوجد شباك يعمل الآن')
  await page.evaluate(() => Object.assign(window, { notReloaded: true }))

  await center.openCounterAs('clerk1', counter.id)
  // the page asks again every remoteJoin.pageRefreshSeconds (1 s here, 10 by default); nothing is clicked or reloaded
  await expect.poll(() => lineNow.textContent(), { timeout: 10_000, interval: 250 }).not.toContain('لا يوجد شباك يعمل الآن')
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
  await page.screenshot({ path: join(SHOTS, 'join-ar-counter-opened.png'), fullPage: true })
}, 180_000)

it("a service at its daily cap: the join page and the kiosk both say today's tickets are all taken, and the page does not send the citizen to the kiosk", async () => {
  const { center, url } = await listeningCenter(
    { config: { uiDir: suite.uiDir, remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', arriveMinutes: 15 }] } } },
    suite.cleanups,
  )
  const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports', dailyCap: 1 })
  await center.createCounter({ number: 3, name: 'Counter 3', serviceIds: [a.id] })
  await center.issue((await center.createDevice('kiosk')).token, { serviceId: a.id })

  const page = await suite.contexts.page(PHONE)
  await page.goto(`${url}/join/ar/`)
  const off = page.locator(`tabour-join-page [data-service="${a.id}"] .off`)
  await off.waitFor()
  expect(await off.textContent()).toBe('نفدت تذاكر هذه الخدمة لليوم، من الهاتف ومن جهاز التذاكر في المركز. يمكنك الانضمام في يوم عمل آخر.')
  await page.screenshot({ path: join(SHOTS, 'join-ar-daily-cap.png'), fullPage: true })

  const device = (
    await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'kiosk' } })
  ).json()
  const kiosk = await suite.contexts.page(PORTRAIT)
  await kiosk.goto(`${url}/kiosk/?pair=${device.pairingCode}`)
  const note = kiosk.locator(`tabour-service-grid [data-service-id="${a.id}"] .unavailable-note`)
  await note.waitFor()
  expect(await note.textContent()).toBe('نفدت تذاكر هذه الخدمة لليوم')
  expect(await kiosk.locator('html').getAttribute('dir')).toBe('rtl')
  await kiosk.locator('tabour-lang-switch button').click()
  await expect.poll(() => note.textContent()).toBe("Today's tickets for this service are all taken")
  await kiosk.screenshot({ path: join(SHOTS, 'kiosk-en-daily-cap.png') })
}, 120_000)
