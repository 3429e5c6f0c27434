import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page, Request, Route } from 'playwright-core'
import { ADMIN_PASSWORD, type TestCenter } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { LANDSCAPE, takePageErrors, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { joinText } from '../../protocol/messages/join.ts'

/**
 * The dashboard when its reads answer late, out of order or not at all, as on a loaded machine,
 * in real Chromium against a real center. The order is forced with `page.route` (an answer held
 * back, a request failed, a body that never comes), not left to the load, so each case fails
 * the same way every time without its fix.
 */
const SHOTS = join(ROOT, 'test-results', 'dashboard-races')
const suite = useBrowserSuite(SHOTS)

interface Desk {
  center: TestCenter
  url: string
  serviceId: number
  counterId: number
  clerk: string
  kiosk: string
}

/** A center with service A, counter 1 open for it, and a kiosk. */
async function desk(): Promise<Desk> {
  const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
  const service = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, name: 'One', serviceIds: [service.id] })
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const kiosk = (await center.createDevice('kiosk')).token
  return { center, url, serviceId: service.id, counterId: counter.id, clerk, kiosk }
}

/** The admin signs in on the Arabic dashboard; `route` is set up first, so it sees the first reads. */
async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/dashboard/`)
  await page.locator('form[data-form="login"] input[name="username"]').fill('admin')
  await page.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
  await page.locator('form[data-form="login"] button[data-action="login"]').click()
  await page.locator('main[data-phase="ready"]').waitFor()
}

/** Lets the page's pending work run: two frames and a macrotask (renders, microtasks, lit updates). */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))))

/** A server that sends 200 and its headers at once, then never the body: a read the page's timeout cuts off mid-answer. */
async function bodylessServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '64', 'access-control-allow-origin': '*' })
    res.flushHeaders()
    res.write('[')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  suite.cleanups.push(() => {
    server.closeAllConnections()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

describe('the dashboard when its reads race', () => {
  it('takes a 200 whose body never came whole for no answer: the counters stay and the live view renders', {
    timeout: 180_000,
  }, async () => {
    const d = await desk()
    const stall = await bodylessServer()
    const page = await suite.contexts.page(LANDSCAPE)
    // the session's first read of the counters (refreshSlow at sign-in) goes to a server that never sends the body;
    // requestJson's 10 s timeout then cuts it off after the headers (was: a `null` "success", and the view threw on it)
    let stalled = false
    await page.route('**/api/v1/counters', (route: Route) => {
      if (stalled || route.request().method() !== 'GET') return route.continue()
      stalled = true
      return route.continue({ url: `${stall.url}/counters` })
    })
    await signIn(page, d.url)
    const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().includes('/counters'), timeout: 30_000 })
    await page.locator('tabour-live-view tr[data-counter="1"]').waitFor()
    await failed
    // a push after it: the view renders again with what the session holds
    await d.center.issue(d.kiosk, { serviceId: d.serviceId })
    await expect.poll(() => page.locator('tabour-live-view [data-kpi="issued"] .value').textContent()).toBe('1')
    await settle(page)
    expect(takePageErrors()).toEqual([])
    expect(await page.locator('tabour-live-view tr[data-counter="1"]').count()).toBe(1)
  })

  it("never steps back to older figures when an earlier read of today's answers after a later one", { timeout: 180_000 }, async () => {
    const d = await desk()
    const page = await suite.contexts.page(LANDSCAPE)
    // the first read of /stats/today (at sign-in) is answered by the center at once but handed to the page only when released
    let release: () => void = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    let answered: (issued: number) => void = () => {}
    const oldIssued = new Promise<number>((resolve) => (answered = resolve))
    let held: Request | null = null
    await page.route('**/api/v1/stats/today', async (route: Route) => {
      if (held) return route.continue()
      held = route.request()
      const answer = await route.fetch()
      answered((await answer.json()).totals.issued)
      await released
      await route.fulfill({ response: answer })
    })
    await signIn(page, d.url)
    // the held answer has the figures of before the ticket (the center answered it before the ticket was issued)
    expect(await oldIssued).toBe(0)
    const issued = page.locator('tabour-live-view [data-kpi="issued"] .value')
    // a ticket is issued: the push's read answers at once with 1
    await d.center.issue(d.kiosk, { serviceId: d.serviceId })
    await expect.poll(() => issued.textContent()).toBe('1')
    // then the sign-in's read reaches the page (well within its 10 s timeout: it must arrive, not fail)
    const late = page.waitForEvent('requestfinished', { predicate: (r) => r === held, timeout: 8_000 })
    release()
    await late
    await settle(page)
    expect(await issued.textContent()).toBe('1')
  })

  it('reads again which services take joins when the first read failed, on the next minute', { timeout: 180_000 }, async () => {
    const d = await desk()
    const page = await suite.contexts.page(LANDSCAPE)
    let refused = 0
    await page.route('**/api/v1/remote/services', (route: Route) => {
      if (refused > 0) return route.continue()
      refused++
      return route.abort('connectionreset')
    })
    const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/remote/services') })
    await signIn(page, d.url)
    await failed
    await settle(page)
    const off = page.locator('tabour-remote-join-card [data-remote-off]')
    expect(await off.count()).toBe(0)
    // the dashboard's clock passes a minute: the card asks again, and says no service takes joins
    await page.locator('tabour-remote-join-card').evaluate((card: HTMLElement & { now: number }) => {
      card.now += 60_000
    })
    await off.waitFor({ timeout: 15_000 })
    expect(await off.textContent()).toBe(joinText('poster.off', 'ar'))
  })

  it('asks again which services take bookings when the booking card could not read them, instead of saying none do', {
    timeout: 180_000,
  }, async () => {
    const d = await desk()
    const admin = await d.center.admin()
    const on = await d.center.request('PUT', `/api/v1/appointments/settings/${d.serviceId}`, { token: admin, body: { enabled: true } })
    expect(on.statusCode, on.body).toBe(200)
    const page = await suite.contexts.page(LANDSCAPE)
    // the appointments part's own read goes through (so it shows the booking card); the card's read then fails
    let reads = 0
    let refusing = true
    await page.route('**/api/v1/appointments/services', (route: Route) => {
      reads++
      return reads === 1 || !refusing ? route.continue() : route.abort('connectionreset')
    })
    const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/appointments/services') })
    await signIn(page, d.url)
    await failed
    await settle(page)
    const card = page.locator('tabour-staff-booking-card')
    expect(await card.locator('[data-staff-book="none"]').count()).toBe(0)
    // the center answers again; the dashboard's clock passes a minute: the card reads the list and offers the form
    refusing = false
    await card.evaluate((el: HTMLElement & { now: number }) => {
      el.now += 60_000
    })
    await card.locator('form[data-form="staff-booking"]').waitFor({ timeout: 15_000 })
  })
})
